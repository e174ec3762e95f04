//! The comparison of the ways to buy a whole mix over the horizon: per use only at each seller
//! (or the user's rate), packs only, and the best plan, each with its dollars over all pools and
//! what it costs against the best plan, or why it is left out.
//!
//! Separate from the per-pool plans: a seller is compared across every pool of the mix that the
//! best plan serves, and is left out as a whole when it cannot sell some line of those; a pool
//! nothing on sale serves (no package, no per-use price) is left out of every row, and the best
//! plan's row says so.

use super::options::{PerUseRate, PlanOptions};
use super::result::{ComparisonKind, ComparisonRow, PoolOutcome, PoolPlan};
use crate::catalog::Pool;
use crate::format::usd;
use rust_decimal::Decimal;

/// The comparison rows, when per use is on or sellers are to be compared (else none).
/// `uncovered` holds each pool's units the balances leave uncovered over the horizon.
pub(super) fn rows(
    opts: &PlanOptions,
    pools: &[PoolPlan],
    uncovered: &[(Pool, Decimal)],
    best: Decimal,
) -> Vec<ComparisonRow> {
    let mut ways: Vec<&PerUseRate> = opts.per_use.iter().collect();
    ways.extend(opts.compare.iter().filter(|w| !ways_has(opts, w)));
    if ways.is_empty() {
        return Vec::new();
    }
    // A pool the best plan itself cannot serve (no package and no per-use price for it) is left
    // out of every row, so that each row is compared with the best plan on the same pools, and
    // a seller is not dropped for lines that nothing on sale serves.
    let served: Vec<&PoolPlan> = pools.iter().filter(|p| !unservable(p)).collect();
    let whole = served.len() == pools.len();
    let mut rows: Vec<ComparisonRow> = ways
        .into_iter()
        .map(|w| per_use_row(&served, whole, uncovered, w, best))
        .collect();
    rows.push(packs_only_row(&served, best));
    let apart: Vec<String> = pools
        .iter()
        .filter(|p| unservable(p))
        .map(|p| p.pool_name.to_ascii_lowercase())
        .collect();
    let note = match apart.len() {
        0 => String::new(),
        _ => format!(
            " The {} pool{} left out of every row: nothing on sale serves it.",
            apart.join(" and "),
            if apart.len() == 1 { " is" } else { "s are" }
        ),
    };
    rows.push(ComparisonRow {
        label: "Best plan".to_string(),
        kind: ComparisonKind::Best,
        total_cost: Some(best),
        extra_cost: Some(Decimal::ZERO),
        message: format!("{}: the cheapest way to buy the mix.{note}", usd(best)),
    });
    rows
}

/// Whether the best plan could not serve pool `p` (demand, and no package or per-use price that
/// covers it).
fn unservable(p: &PoolPlan) -> bool {
    matches!(p.outcome, PoolOutcome::NoPackage | PoolOutcome::Infeasible)
}

/// Whether `w` is the chosen way already listed first.
fn ways_has(opts: &PlanOptions, w: &PerUseRate) -> bool {
    opts.per_use.as_ref().is_some_and(|chosen| chosen.id == w.id)
}

/// A row's dollars against the best plan's.
fn against(label: &str, kind: ComparisonKind, total: Decimal, best: Decimal) -> ComparisonRow {
    let extra = (total - best).normalize();
    let tail = if extra > Decimal::ZERO {
        format!("{} more than the best plan", usd(extra))
    } else {
        "as cheap as the best plan".to_string()
    };
    ComparisonRow {
        label: label.to_string(),
        kind,
        total_cost: Some(total),
        extra_cost: Some(extra),
        message: format!("{label}: {}; {tail}.", usd(total)),
    }
}

/// A row left out of the comparison, and why.
fn left_out(label: &str, kind: ComparisonKind, why: &str) -> ComparisonRow {
    ComparisonRow {
        label: label.to_string(),
        kind,
        total_cost: None,
        extra_cost: None,
        message: format!("{label}: left out: {why}."),
    }
}

/// Everything the balances leave (`uncovered`, per pool) in the compared `pools`, bought per
/// use at `way`'s prices; left out, saying which lines it does not sell, when it does not sell
/// the whole mix (`whole`: every pool is compared) or has no price for a compared pool.
fn per_use_row(
    pools: &[&PoolPlan],
    whole: bool,
    uncovered: &[(Pool, Decimal)],
    way: &PerUseRate,
    best: Decimal,
) -> ComparisonRow {
    let label = format!("Per use only ({})", way.name);
    if let Some(why) = way.left_out.as_ref().filter(|_| whole) {
        return left_out(&label, ComparisonKind::PerUse, why);
    }
    let mut total = Decimal::ZERO;
    let compared = uncovered
        .iter()
        .filter(|(pool, u)| !u.is_zero() && pools.iter().any(|p| p.pool == *pool));
    for (pool, units) in compared {
        let Some(price) = way.price(*pool) else {
            let name = pools.iter().find(|p| p.pool == *pool).map_or("", |p| p.pool_name);
            let why = match &way.left_out {
                Some(lines) => lines.clone(),
                None => format!("no per-use price for the {} pool", name.to_ascii_lowercase()),
            };
            return left_out(&label, ComparisonKind::PerUse, &why);
        };
        total += *units * price;
    }
    against(&label, ComparisonKind::PerUse, total.normalize(), best)
}

/// The best plan with packages only: each pool's packs-only plan (the plan itself without per use).
fn packs_only_row(pools: &[&PoolPlan], best: Decimal) -> ComparisonRow {
    let label = "Packs only";
    let mut total = Decimal::ZERO;
    for p in pools {
        let cost = match &p.per_use {
            Some(pu) => pu.packs_only_cost,
            None if p.unserved_month.is_none() => Some(p.total_cost),
            None => None,
        };
        match cost {
            Some(c) => total += c,
            None => {
                let why = format!(
                    "the packages cannot serve the {} pool",
                    p.pool_name.to_ascii_lowercase()
                );
                return left_out(label, ComparisonKind::PacksOnly, &why);
            }
        }
    }
    against(label, ComparisonKind::PacksOnly, total.normalize(), best)
}
