//! Sampling the range: the volumes sampled, the mix's units at each, and what a volume gives
//! (the best plan, per use at each seller, each package alone).

use super::kind::kind_of;
use super::{BuyKind, Limits};
use crate::catalog::{Catalog, Pool};
use crate::dec::{add, div, mul};
use crate::plan::{plan, unit_step, ComparisonKind, PlanOptions, PlanResult, PoolOutcome, PoolPlan};
use rust_decimal::Decimal;

/// The units per pool, each pool once (in [`Pool::ALL`] order), zero and negative ones left out
/// (the planner reports a negative one before this is used).
pub(super) fn merged(monthly_units: &[(Pool, Decimal)]) -> Vec<(Pool, Decimal)> {
    let mut out = Vec::new();
    for pool in Pool::ALL {
        let total = monthly_units
            .iter()
            .filter(|(p, _)| *p == pool)
            .fold(Decimal::ZERO, |a, (_, u)| add(a, *u).unwrap_or(Decimal::MAX));
        if total > Decimal::ZERO {
            out.push((pool, total.normalize()));
        }
    }
    out
}

/// The whole number at or above `v` (> 0) that a chart's axis ends on: of the steps 1, 2, 2.5
/// and 5 × 10ⁿ (whole ones) that reach it in at most four steps, the one ending closest above
/// it (the rule of the render crate's `chart::axis`, so the chart's axis ends where the range
/// does).
pub(super) fn round_end(v: Decimal) -> u64 {
    let top = v.ceil().max(Decimal::ONE);
    let top = u64::try_from(top).unwrap_or(u64::MAX / 100);
    let mut best = (u64::MAX, 0);
    let mut power: u64 = 1;
    while power <= top.saturating_mul(10) && power < u64::MAX / 10 {
        for (times, over) in [(1, 1), (2, 1), (5, 2), (5, 1)] {
            if power * times % over != 0 {
                continue;
            }
            let step = power * times / over;
            let n = top.div_ceil(step);
            let e = n.saturating_mul(step);
            if n <= 4 && (e, step) < best {
                best = (e, step);
            }
        }
        power *= 10;
    }
    best.0.max(1)
}

/// The whole volumes sampled: 0, 1, then about `samples` evenly spaced to `end`, which is one of
/// them (a spacing that divides `end` when one is near).
pub(super) fn grid(end: u64, samples: u64) -> Vec<u64> {
    let samples = samples.clamp(2, 200);
    let near = (0..=samples / 4)
        .flat_map(|delta| [samples - delta, samples + delta])
        .find(|n| *n > 0 && end % n == 0);
    let spacing = near.map_or(end.div_ceil(samples), |n| end / n).max(1);
    let mut out = vec![0, 1];
    let mut v = spacing;
    while v < end {
        if v > 1 {
            out.push(v);
        }
        v += spacing;
    }
    if end > 1 {
        out.push(end);
    }
    out
}

/// What one volume gives: the best plan's kind and dollars, every seller's per-use dollars,
/// and each package alone.
pub(super) struct Sample {
    pub(super) volume: Decimal,
    pub(super) yours: bool,
    pub(super) kind: Option<BuyKind>,
    pub(super) best: Option<Decimal>,
    /// The best plan's dollars per pool (`None` for a pool it does not serve).
    pub(super) pool_best: Vec<(Pool, Option<Decimal>)>,
    /// Per use only at each seller: (label, dollars), in the comparison's order.
    pub(super) per_use: Vec<(String, Option<Decimal>)>,
    /// Per use off: each pool's packs-only plan.
    pub(super) off: Vec<OffPool>,
}

/// A pool's plan with per use off: its dollars and the packages it buys, and each package alone.
pub(super) struct OffPool {
    pub(super) pool: Pool,
    pub(super) served: bool,
    pub(super) total: Decimal,
    /// Names of the packages it buys (trials included), with whether each is a trial.
    pub(super) bought: Vec<(String, bool)>,
    /// "X alone": (X, dollars when it serves).
    pub(super) alone: Vec<(String, Option<Decimal>)>,
}

/// The fixed inputs, and what has been spent.
pub(super) struct Ctx<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) shape: Vec<(Pool, Decimal)>,
    pub(super) pool: Pool,
    pub(super) volume: Decimal,
    pub(super) opts: &'a PlanOptions,
    /// `opts` with per use off (for each package alone).
    pub(super) off: PlanOptions,
    pub(super) calls: u32,
    pub(super) optimal: bool,
    pub(super) limits: Limits,
}

impl Ctx<'_> {
    /// The mix's units a month at volume `v`: each pool scaled by `v ÷ volume`, rounded up to
    /// its unit step; the volume's own pool is `v` exactly.
    pub(super) fn units_at(&self, v: Decimal) -> Option<Vec<(Pool, Decimal)>> {
        let mut out = Vec::with_capacity(self.shape.len());
        for (p, u) in &self.shape {
            let x = if *p == self.pool {
                v
            } else {
                let scaled = div(mul(*u, v)?, self.volume)?;
                let step = unit_step(self.catalog, *p);
                mul(div(scaled, step)?.ceil(), step)?
            };
            out.push((*p, x.normalize()));
        }
        Some(out)
    }

    /// The best plan at volume `v`: one [`plan`] call (`None` when it fails there).
    pub(super) fn best_at(&mut self, v: Decimal) -> Option<PlanResult> {
        let units = self.units_at(v)?;
        self.calls += 1;
        let r = plan(self.catalog, &units, self.opts).ok()?;
        self.optimal &= r.optimal;
        Some(r)
    }

    /// A sample at volume `v`: two [`plan`] calls.
    pub(super) fn sample(&mut self, v: Decimal) -> Sample {
        let best = self.best_at(v);
        self.sample_with(v, best.as_ref(), false)
    }

    /// A sample at volume `v` whose best plan is `best`: one [`plan`] call, per use off (none
    /// when per use was off already).
    pub(super) fn sample_with(&mut self, v: Decimal, best: Option<&PlanResult>, yours: bool) -> Sample {
        let units = if yours {
            Some(self.shape.clone())
        } else {
            self.units_at(v)
        };
        // With per use off already, the best plan is the packs-only one (the comparison aside).
        let planned_off;
        let off = if self.opts.per_use.is_none() {
            best
        } else {
            planned_off = units.and_then(|u| {
                self.calls += 1;
                plan(self.catalog, &u, &self.off).ok()
            });
            planned_off.as_ref()
        };
        Sample {
            volume: v,
            yours,
            kind: best.map(|r| kind_of(self.catalog, r)),
            best: best.and_then(served_cost),
            pool_best: best.map_or_else(Vec::new, |r| {
                r.pools
                    .iter()
                    .map(|p| (p.pool, pool_served(p).then_some(p.total_cost)))
                    .collect()
            }),
            per_use: best.map_or_else(Vec::new, |r| {
                r.comparison
                    .iter()
                    .filter(|c| c.kind == ComparisonKind::PerUse)
                    .map(|c| (c.label.clone(), c.total_cost))
                    .collect()
            }),
            off: off.map_or_else(Vec::new, |r| r.pools.iter().map(off_pool).collect()),
        }
    }

    /// The best plan's kind and dollars at whole volume `v`: one [`plan`] call.
    pub(super) fn probe(&mut self, v: u64) -> (Option<BuyKind>, Option<Decimal>) {
        let r = self.best_at(Decimal::from(v));
        (
            r.as_ref().map(|r| kind_of(self.catalog, r)),
            r.as_ref().and_then(served_cost),
        )
    }

    pub(super) fn pool_word(&self) -> String {
        format!(
            "{} units a month",
            self.catalog.pool(self.pool).name.to_ascii_lowercase()
        )
    }
}

pub(super) fn pool_served(p: &PoolPlan) -> bool {
    matches!(p.outcome, PoolOutcome::Planned | PoolOutcome::NoDemand)
}

/// The plan's dollars when it serves every pool.
pub(super) fn served_cost(r: &PlanResult) -> Option<Decimal> {
    r.pools.iter().all(pool_served).then_some(r.total_cost)
}

pub(super) fn off_pool(p: &PoolPlan) -> OffPool {
    let mut bought: Vec<(String, bool)> = Vec::new();
    for b in &p.purchases {
        if !bought.iter().any(|(n, _)| *n == b.name) {
            bought.push((b.name.clone(), b.trial));
        }
    }
    OffPool {
        pool: p.pool,
        served: pool_served(p),
        total: p.total_cost,
        bought,
        alone: p
            .alternatives
            .iter()
            .filter_map(|a| {
                let name = a.label.strip_suffix(" alone")?;
                Some((name.to_string(), a.total_cost.filter(|_| a.feasible)))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breakeven::SAMPLES;

    #[test]
    fn the_range_ends_on_a_round_figure() {
        let d = |n: i64| Decimal::from(n);
        assert_eq!(round_end(d(1500)), 1500);
        assert_eq!(round_end(d(14940)), 15000);
        assert_eq!(round_end(d(180_000)), 200_000);
        assert_eq!(round_end(d(7)), 8);
        assert_eq!(round_end(Decimal::new(3, 1)), 1);
        assert_eq!(round_end(d(3)), 3);
        assert!(round_end(Decimal::MAX) > 0);
    }

    #[test]
    fn the_grid_is_even_and_ends_at_the_end() {
        assert_eq!(grid(1, SAMPLES), [0, 1]);
        assert_eq!(grid(3, SAMPLES), [0, 1, 2, 3]);
        let g = grid(15000, SAMPLES);
        assert_eq!((g[2], g[g.len() - 1], g.len()), (500, 15000, 32));
        assert_eq!(grid(8000, SAMPLES)[2], 250);
        assert_eq!(
            grid(200_000, 8),
            [0, 1, 25_000, 50_000, 75_000, 100_000, 125_000, 150_000, 175_000, 200_000]
        );
        assert_eq!(grid(7, 0), [0, 1, 4, 7], "at least 2 samples");
    }
}
