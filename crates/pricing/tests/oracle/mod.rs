//! An independent optimum for the planner (issue 25): each pool's purchase problem written as a
//! mixed-integer program and solved by HiGHS, a general MILP solver ([`model`]).
//!
//! Shared by `tests/plan_oracle.rs` (a fixed number of seeded inputs in every `cargo test`) and
//! `examples/plan_oracle.rs` (as many as asked, with a summary); [`optimum`] solves any input
//! the way the planner plans it, every pool (`examples/oracle_totals.rs`, the totals of
//! `tests/plan_stress.rs`). It shares no code with the planner's search: the
//! model is built from the catalog and the options through the crate's public API, by the
//! planner's stated rules.
//!
//! The seeded inputs ([`generate`]) are the video pool with a small catalog of its own: 1–12
//! months, small or full-scale sizes, growth, trials used or not, balances, packs and quotes of
//! odd sizes and validities of 30–365 days, per use, a peak.

#![allow(dead_code)] // each user (test, example) uses part of it

#[path = "../common/catalog.rs"]
mod test_catalog;

pub mod model;

pub use model::{PoolModel, Solved};

use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::plan::{
    plan_with, Balance, Peak, PerUseRate, PlanOptions, PlanResult, PoolOutcome, PoolRate, Searches, UserPack,
};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

/// A small deterministic generator (splitmix64), so inputs are the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// A package offered: a catalog package, a user's pack or a quote.
#[derive(Clone, Debug)]
pub struct Offer {
    pub cents: u64,
    pub quarters: u64,
    pub days: u32,
    pub conc: Option<u32>,
    pub trial: bool,
}

/// One input: the video pool, with its own small catalog.
#[derive(Clone, Debug)]
pub struct Case {
    pub months: u32,
    /// The first month's units, in hundredths.
    pub base_hundredths: u64,
    /// Growth per month in tenths of a percent.
    pub growth_tenths: i64,
    pub catalog: Vec<Offer>,
    pub packs: Vec<Offer>,
    pub quotes: Vec<Offer>,
    pub trials_used: bool,
    /// (quarter-units, days left, concurrency)
    pub balances: Vec<(u64, u32, Option<u32>)>,
    /// Concurrent tasks at peak.
    pub peak: Option<u32>,
    /// Per-use price per unit in ten-thousandths of a dollar, when per use is on.
    pub per_use: Option<u64>,
    /// Each month's multiplier of the mix, in tenths (empty: none).
    pub forecast_tenths: Vec<u32>,
}

/// A seeded input: 1–12 months, small or full-scale sizes, growth, trials used or not,
/// balances, packs and quotes of odd sizes and validities of 30–365 days, per use, a peak.
pub fn generate(rng: &mut Rng) -> Case {
    let big = rng.chance(50);
    let months = rng.range(1, 12) as u32;
    // Price level in hundredths of a cent per quarter-unit.
    let level = if big { rng.range(100, 600) } else { rng.range(500, 5000) };
    let offer = |rng: &mut Rng, days: u32, trial: bool, odd: bool| {
        let quarters = match (big, odd) {
            (true, true) => rng.range(4_000, 240_000),
            (true, false) => 4 * 1_000 * rng.range(1, 60),
            (false, true) => rng.range(2, 60),
            (false, false) => 4 * rng.range(1, 12),
        };
        let quarters = if trial { 4 * (quarters / 32).max(1) } else { quarters };
        // Larger offers are somewhat cheaper per unit, with noise.
        let discount = rng.range(70, 110);
        let cents = (quarters * level * discount / 100).div_ceil(100) + rng.range(0, 50);
        let cents = if trial { cents / 4 } else { cents };
        Offer {
            cents,
            quarters,
            days,
            conc: rng.pick(&[None, Some(3), Some(5), Some(5), Some(10)]),
            trial,
        }
    };
    let n_catalog = rng.range(1, 3);
    let catalog: Vec<Offer> = (0..n_catalog)
        .map(|_| {
            let trial = rng.chance(30);
            let days = rng.pick(&[30, 60, 90]);
            offer(rng, days, trial, false)
        })
        .collect();
    let n_packs = rng.pick(&[0, 0, 1, 2]);
    let packs: Vec<Offer> = (0..n_packs)
        .map(|_| {
            let days = rng.range(30, 365) as u32;
            offer(rng, days, false, true)
        })
        .collect();
    let n_quotes = rng.pick(&[0, 0, 1, 2]);
    let quotes: Vec<Offer> = (0..n_quotes)
        .map(|_| {
            let any = rng.range(30, 365) as u32;
            let days = rng.pick(&[30, 45, 90, 120, 180, 270, 365, any]);
            offer(rng, days, false, true)
        })
        .collect();
    let n_balances = rng.pick(&[0, 0, 0, 1, 2]);
    let balances = (0..n_balances)
        .map(|_| {
            let quarters = if big { rng.range(0, 200_000) } else { rng.range(0, 60) };
            let days = rng.range(0, 200) as u32;
            (quarters, days, rng.pick(&[None, Some(3), Some(5)]))
        })
        .collect();
    let base_hundredths = if rng.chance(3) {
        0
    } else if big {
        rng.range(50_000, 15_000_000)
    } else {
        rng.range(1, 3_000)
    };
    let growth_tenths = rng.pick(&[0, 0, 0, 25, 50, 100, 115, 33, -50, -200, -1000]);
    let peak = if rng.chance(30) {
        Some(rng.pick(&[1, 3, 4, 5, 6, 10]))
    } else {
        None
    };
    // Per use about as dear as the packages, from a little cheaper to twice as dear.
    let per_use = if rng.chance(50) {
        Some((level * 4 * rng.range(60, 200) / 100 + rng.range(0, 7)).max(1))
    } else {
        None
    };
    let trials_used = rng.chance(30);
    Case {
        months,
        base_hundredths,
        growth_tenths,
        forecast_tenths: forecast(months, base_hundredths),
        catalog,
        packs,
        quotes,
        trials_used,
        balances,
        peak,
        per_use,
    }
}

/// A month-by-month forecast for about a third of the inputs: a launch (one month ×2 to ×4), a
/// lull (one month ×0 or ×0.5) or a season (×1.5 for a stretch). Drawn from the input's other
/// figures rather than the generator, so that the inputs without one stay those of the same seed
/// before forecasts existed.
fn forecast(months: u32, base: u64) -> Vec<u32> {
    let at = (base / 3 % u64::from(months)) as usize;
    let mut f = vec![10; months as usize];
    match base % 9 {
        0 => f[at] = 20 + (base / 7 % 3) as u32 * 10,
        3 => f[at] = if base % 2 == 0 { 0 } else { 5 },
        6 => f[at..].iter_mut().take(3).for_each(|k| *k = 15),
        _ => return Vec::new(),
    }
    f
}

/// The catalog the planner is given: the seed's, with this case's packages.
pub fn catalog_for(case: &Case) -> &'static Catalog {
    let terms: Vec<test_catalog::Terms> = case
        .catalog
        .iter()
        .map(|o| {
            assert!(o.quarters % 4 == 0, "a catalog package holds whole units");
            (o.cents, o.quarters / 4, o.days, o.conc, o.trial)
        })
        .collect();
    test_catalog::catalog_with(&terms)
}

fn quarter_units(q: u64) -> Decimal {
    Decimal::new(q as i64 * 25, 2)
}

fn per_use_price(n: u64) -> Decimal {
    Decimal::new(n as i64, 4)
}

pub fn options_for(case: &Case) -> PlanOptions {
    let user = |o: &Offer, name: &str| UserPack {
        pool: Pool::Video,
        name: name.into(),
        price: Decimal::new(o.cents as i64, 2),
        units: quarter_units(o.quarters),
        validity_days: o.days,
        concurrency: o.conc,
    };
    PlanOptions {
        horizon_months: case.months,
        growth_percent: Decimal::new(case.growth_tenths, 1),
        demand_by_month: case
            .forecast_tenths
            .iter()
            .map(|&k| Decimal::new(i64::from(k), 1))
            .collect(),
        trials_used: case.trials_used,
        balances: case
            .balances
            .iter()
            .map(|&(q, days, conc)| Balance {
                pool: Pool::Video,
                units: quarter_units(q),
                days_left: days,
                concurrency: conc,
            })
            .collect(),
        packs: case.packs.iter().map(|o| user(o, "pack")).collect(),
        quotes: case.quotes.iter().map(|o| user(o, "quote")).collect(),
        peak: case.peak.map(|n| Peak::video(Decimal::from(60), Decimal::from(n))),
        per_use: case.per_use.map(|n| PerUseRate {
            id: "seller".into(),
            name: "seller".into(),
            prices: vec![PoolRate {
                pool: Pool::Video,
                price: per_use_price(n),
            }],
            left_out: None,
            sellers: Vec::new(),
        }),
        ..PlanOptions::default()
    }
}

/// The planner and the solver on one input.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The planner's total, its `optimal` and `cost_gap`; `None` when it has no plan.
    pub planner: Option<(Decimal, bool, Option<Decimal>)>,
    pub solver: Solved,
    /// The input has no demand: nothing to compare.
    pub no_demand: bool,
    /// The solver's time on it.
    pub solve_time: Duration,
}

/// Half a cent: totals closer than this are equal to the cent.
pub fn half_cent() -> Decimal {
    Decimal::new(5, 3)
}

/// `bound` (the solver's lower bound, in floating point) less half a cent, as a decimal.
fn floor_of(bound: f64) -> Decimal {
    Decimal::try_from(bound).unwrap_or(Decimal::MIN) - half_cent()
}

impl Comparison {
    /// Whether the two agree as far as each proved: equal to the cent where both are proven;
    /// where the planner is not proven, its total is at least the solver's optimum and within
    /// its `cost_gap`; where the solver is not proven, a proven planner is no dearer than the
    /// solver's plan and no total is below the solver's lower bound. `Err` says how they
    /// disagree.
    pub fn verdict(&self) -> Result<(), String> {
        if self.no_demand {
            return Ok(());
        }
        match (&self.planner, &self.solver) {
            (None, Solved::Infeasible) | (_, Solved::TimedOut) => Ok(()),
            (None, other) => Err(format!("the planner has no plan, the solver: {other:?}")),
            (Some((total, ..)), Solved::Infeasible) => Err(format!(
                "the planner plans ${total}, the solver finds the model infeasible"
            )),
            (Some(_), Solved::Unknown(why)) => Err(format!("the solver failed: {why}")),
            (Some((total, optimal, gap)), Solved::Plan { dollars, proven, bound }) => {
                let diff = *total - *dollars;
                let agree = match (optimal, proven) {
                    (true, true) => diff.abs() < half_cent(),
                    (false, true) => diff > -half_cent() && diff <= gap.unwrap_or(Decimal::ZERO) + half_cent(),
                    (true, false) => diff < half_cent() && *total >= floor_of(*bound),
                    (false, false) => *total >= floor_of(*bound),
                };
                if agree {
                    Ok(())
                } else {
                    Err(format!(
                        "planner ${total} (optimal: {optimal}, gap {gap:?}), solver ${dollars} (proven: {proven}, bound {bound})"
                    ))
                }
            }
        }
    }

    /// Both proven and equal to the cent.
    pub fn equal(&self) -> bool {
        match (&self.planner, &self.solver) {
            (
                Some((total, true, _)),
                Solved::Plan {
                    dollars, proven: true, ..
                },
            ) => (*total - *dollars).abs() < half_cent(),
            _ => false,
        }
    }

    /// The planner's total less the solver's, when both have a plan.
    pub fn difference(&self) -> Option<Decimal> {
        match (&self.planner, &self.solver) {
            (Some((total, ..)), Solved::Plan { dollars, .. }) => Some(*total - *dollars),
            _ => None,
        }
    }
}

/// The planner's demand for the pool is the model's: both read the same stated rule.
fn check_demand(result: &PlanResult, m: &PoolModel, what: &dyn std::fmt::Debug) {
    if let Some(p) = result.pool(m.pool) {
        let want: Vec<Decimal> = m.demand.iter().map(|d| d.normalize()).collect();
        assert_eq!(
            p.demand, want,
            "the planner's demand differs from the model's: {what:?}"
        );
    }
}

/// Plans `case` with the planner and solves its model.
pub fn compare(case: &Case, limit: Duration) -> Comparison {
    let planner = planner_answer(case, &mut Searches::run());
    let m = model_for(case);
    let started = Instant::now();
    let solver = m.solve(limit);
    Comparison {
        planner,
        solver,
        no_demand: m.no_demand(),
        solve_time: started.elapsed(),
    }
}

/// The model of `case`'s video pool.
fn model_for(case: &Case) -> PoolModel {
    let base = Decimal::new(case.base_hundredths as i64, 2);
    PoolModel::new(catalog_for(case), Pool::Video, base, &options_for(case))
}

/// The planner's total for `case`, its `optimal` and `cost_gap`, searching as `searches` says;
/// `None` when it has no plan. Checks that it plans the demand the model states.
pub fn planner_answer(case: &Case, searches: &mut Searches) -> Option<(Decimal, bool, Option<Decimal>)> {
    let catalog = catalog_for(case);
    let opts = options_for(case);
    let base = Decimal::new(case.base_hundredths as i64, 2);
    let result =
        plan_with(catalog, &[(Pool::Video, base)], &opts, searches).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    check_demand(&result, &model_for(case), case);
    result
        .pool(Pool::Video)
        .filter(|p| p.outcome == PoolOutcome::Planned)
        .map(|p| (p.total_cost, p.optimal, p.cost_gap))
}

/// The solver's answer for `case` within `limit`.
pub fn solver_answer(case: &Case, limit: Duration) -> Solved {
    model_for(case).solve(limit)
}

/// The solver's optimum of a whole input: each pool with demand or a balance, as the planner
/// plans them.
#[derive(Clone, Debug)]
pub struct Optimum {
    /// Each pool's model and what the solver found for it.
    pub pools: Vec<(PoolModel, Solved)>,
}

impl Optimum {
    /// The input's dollars: the sum of its pools' plans (a pool no plan serves adds nothing, as
    /// in the planner's total); `None` when some pool has no plan from the solver.
    pub fn total(&self) -> Option<Decimal> {
        self.pools
            .iter()
            .map(|(_, s)| match s {
                Solved::Infeasible => Some(Decimal::ZERO),
                other => other.dollars(),
            })
            .sum::<Option<Decimal>>()
            .map(|d| d.normalize())
    }

    /// The solver's lower bound on the input's dollars: the sum of its pools' (floating point).
    pub fn bound(&self) -> f64 {
        self.pools
            .iter()
            .map(|(_, s)| match s {
                Solved::Plan { bound, .. } => *bound,
                _ => 0.0,
            })
            .sum()
    }

    /// Every pool's plan proven cheapest (or proven to have none).
    pub fn proven(&self) -> bool {
        self.pools
            .iter()
            .all(|(_, s)| s.proven() || matches!(s, Solved::Infeasible))
    }
}

/// The solver's optimum of planning `monthly_units` under `opts` (per use already resolved by
/// `per_use::apply`), each pool's solve within `limit`. `planned`, the planner's answer to the
/// same input, is used only to check that both read the same demand.
pub fn optimum(
    catalog: &Catalog,
    monthly_units: &[(Pool, Decimal)],
    opts: &PlanOptions,
    planned: Option<&PlanResult>,
    limit: Duration,
) -> Optimum {
    let mut pools = Vec::new();
    for pool in Pool::ALL {
        let base: Decimal = monthly_units.iter().filter(|(p, _)| *p == pool).map(|(_, u)| *u).sum();
        let has_balance = opts
            .balances
            .iter()
            .any(|b| b.pool == pool && b.days_left > 0 && b.units > Decimal::ZERO);
        if base.is_zero() && !has_balance {
            continue;
        }
        let m = PoolModel::new(catalog, pool, base, opts);
        if let Some(r) = planned {
            check_demand(r, &m, &pool);
        }
        let solved = m.solve(limit);
        pools.push((m, solved));
    }
    Optimum { pools }
}
