//! The kind of purchase a plan makes, and the volumes where the best plan's kind changes,
//! located by bisection.

use super::sample::{Ctx, Sample};
use super::{BoughtPackage, BuyKind, Change, PoolBuy, Way};
use crate::catalog::Catalog;
use crate::plan::{PlanResult, PoolOutcome};
use rust_decimal::Decimal;

impl BuyKind {
    /// What plan `r` buys, pool by pool (pools without demand left out); `catalog` orders the
    /// packages.
    pub fn of(catalog: &Catalog, r: &PlanResult) -> BuyKind {
        kind_of(catalog, r)
    }
}

pub(super) fn kind_of(catalog: &Catalog, r: &PlanResult) -> BuyKind {
    let order = |id: &str| {
        catalog
            .packages
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(catalog.packages.len())
    };
    let pools = r
        .pools
        .iter()
        .filter(|p| p.outcome != PoolOutcome::NoDemand)
        .map(|p| {
            let mut packages: Vec<BoughtPackage> = Vec::new();
            for b in p.purchases.iter().filter(|b| !b.trial) {
                if !packages.iter().any(|k| k.id == b.package_id) {
                    packages.push(BoughtPackage {
                        id: b.package_id.clone(),
                        name: b.name.clone(),
                    });
                }
            }
            crate::sort::sort_by(&mut packages, |a, b| (order(&a.id), &a.id).cmp(&(order(&b.id), &b.id)));
            let per_use = p.per_use.as_ref().is_some_and(|u| u.units > Decimal::ZERO);
            let trials = p.purchases.iter().any(|b| b.trial);
            let way = if p.outcome != PoolOutcome::Planned {
                Way::Unserved
            } else if !packages.is_empty() {
                Way::Packages {
                    packages,
                    topped_up: per_use || trials,
                }
            } else if trials {
                Way::Trials
            } else if per_use {
                Way::PerUse
            } else {
                Way::Nothing
            };
            PoolBuy { pool: p.pool, way }
        })
        .collect();
    BuyKind { pools }
}

/// A whole volume with the best plan's kind and dollars there.
pub(super) type Known = (u64, Option<BuyKind>, Option<Decimal>);

/// The changes between the samples: between each two neighbouring whole samples of different
/// kinds, bisected to the unit, again and again until the interval's far end is reached.
/// Whether every change was located.
pub(super) fn locate_changes(ctx: &mut Ctx, samples: &[Sample]) -> (Vec<Change>, bool) {
    let known: Vec<Known> = samples
        .iter()
        .filter(|s| s.volume >= Decimal::ONE && s.volume.fract().is_zero())
        .filter_map(|s| Some((u64::try_from(s.volume).ok()?, s.kind.clone(), s.best)))
        .collect();
    let mut changes = Vec::new();
    let mut complete = true;
    for pair in known.windows(2) {
        let (mut lo, hi) = (pair[0].clone(), pair[1].clone());
        while lo.1 != hi.1 {
            if changes.len() >= ctx.limits.max_changes || ctx.calls >= ctx.limits.max_calls {
                complete = false;
                changes.push(change(&lo, &hi));
                break;
            }
            let (a, b) = bisect(ctx, lo.clone(), hi.clone());
            changes.push(change(&a, &b));
            if a.0 + 1 < b.0 {
                complete = false;
                break;
            }
            lo = b;
        }
    }
    (changes, complete)
}

/// Bisects between `lo` and `hi` (kinds differ) until they are one unit apart or the calls run
/// out: the last volume of `lo`'s kind found, and the first after it of another.
pub(super) fn bisect(ctx: &mut Ctx, mut lo: Known, mut hi: Known) -> (Known, Known) {
    while hi.0 - lo.0 > 1 && ctx.calls < ctx.limits.max_calls {
        let mid = lo.0 + (hi.0 - lo.0) / 2;
        let (kind, cost) = ctx.probe(mid);
        if kind == lo.1 {
            lo = (mid, kind, cost);
        } else {
            hi = (mid, kind, cost);
        }
    }
    (lo, hi)
}

pub(super) fn change(lo: &Known, hi: &Known) -> Change {
    Change {
        volume: Decimal::from(hi.0),
        last_before: Decimal::from(lo.0),
        cost: hi.2,
        from: lo.1.clone(),
        to: hi.1.clone(),
    }
}
