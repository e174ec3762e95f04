//! An independent optimum for the planner (issue 25): each pool's purchase problem written as a
//! mixed-integer program and solved by a general MILP solver (`microlp`, pure Rust).
//!
//! Shared by `tests/plan_oracle.rs` (a fixed number of seeded inputs in every `cargo test`) and
//! `examples/plan_oracle.rs` (as many as asked, with a summary). It shares no code with the
//! planner's search: it reads the planner's public `unit_step` only to check that the pool's
//! step is the quarter-unit it assumes, and computes each month's demand from the stated rule.
//!
//! The model, per pool, in quarter-units (every size generated is a whole number of them):
//!
//! - `x[k][m]` integer: copies of package kind `k` bought at the start of month `m`. A trial has
//!   `Σ_m x[k][m] ≤ 1` (and is not offered when `trials_used`). Bounds: `x[k][m] ≤ ceil(W/u_k)`,
//!   `W` the demand of the months the kind serves from `m`: with more copies one can be dropped
//!   and the rest still hold `W`, and still carry the peak (a second copy does), so some optimum
//!   is inside the bounds.
//! - `f[k][m][j] ≥ 0` (continuous): units the copies of `k` bought in `m` give month `j`, for
//!   each month they are valid in: `Σ_j f[k][m][j] ≤ u_k x[k][m]`, and each
//!   `f[k][m][j] ≤ min(u_k, d[j]) x[k][m]` (true of every plan; it keeps the relaxation tight).
//!   Per balance, a fixed lot of its units serving months `0..=last`, with flows `g[b][j]`.
//! - `p[j] ≥ 0` (continuous): units bought per use in month `j`, only when per use is on.
//! - each month: `Σ_lot f[lot][j] + p[j] ≥ d[j]`.
//! - the peak, when enforced: each month with demand that no balance carrying it covers has
//!   `Σ x[k][m] ≥ 1` over the kinds carrying it and the months `m` whose purchase is still valid.
//! - objective: `Σ price_k x[k][m] + per-use price × Σ p[j]`, in dollars.
//!
//! Flows stand in for the planner's drawing rule (earliest-expiring first): for purchases that
//! admit some flow, drawing earliest-expiring first serves at least as much every month (the
//! classic exchange argument), and per use has one price, so the optimum's dollars are the
//! same. The solver's schedule is then re-costed exactly, in decimals, by drawing it month by
//! month that way (`recost`), so the dollars compared are exact, not the solver's floats.

#![allow(dead_code)] // each user (test, example) uses part of it

#[path = "../common/catalog.rs"]
mod test_catalog;

use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::plan::{
    plan_with, unit_step, Balance, Peak, PerUseRate, PlanOptions, PoolOutcome, PoolRate, Searches, UserPack,
};
use microlp::{ComparisonOp, OptimizationDirection, Problem, SolutionStatus, SolveOptions, SolveOutcome};
use rust_decimal::Decimal;
use std::time::Duration;

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
    Case {
        months,
        base_hundredths,
        growth_tenths,
        catalog,
        packs,
        quotes,
        trials_used: rng.chance(30),
        balances,
        peak,
        per_use,
    }
}

/// The video pool's step, in quarter-units: the model assumes 0.25.
fn check_step(catalog: &Catalog) {
    assert_eq!(
        unit_step(catalog, Pool::Video),
        Decimal::new(25, 2),
        "the oracle counts video units in quarters"
    );
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

/// Each month's demand in quarter-units by the stated rule: the base, then the month before
/// (as rounded) grown by the growth percent, each rounded up to the step of 0.25.
pub fn demand_quarters(case: &Case) -> Vec<u64> {
    let mut d = case.base_hundredths.div_ceil(25);
    let mut out = vec![d];
    let factor = (1000 + case.growth_tenths) as u64;
    for _ in 1..case.months {
        d = (d * factor).div_ceil(1000);
        out.push(d);
    }
    out
}

/// A kind the model buys, in quarter-units.
#[derive(Clone, Debug)]
struct Kind {
    price: Decimal,
    quarters: u64,
    /// Months it serves from the month bought (not capped).
    life: usize,
    conc: u32,
    trial: bool,
}

/// A pool's problem as the model sees it.
struct Model {
    demand: Vec<u64>,
    kinds: Vec<Kind>,
    /// (quarter-units, last month served, carries the peak)
    balances: Vec<(u64, usize, bool)>,
    /// Concurrency to hold in every month with demand (0: none).
    need: u32,
    per_use: Option<Decimal>,
}

fn model_for(case: &Case) -> Model {
    let demand = demand_quarters(case);
    let kind = |o: &Offer| Kind {
        price: Decimal::new(o.cents as i64, 2),
        quarters: o.quarters,
        life: o.days.div_ceil(30) as usize,
        conc: o.conc.unwrap_or(0),
        trial: o.trial,
    };
    let kinds: Vec<Kind> = case
        .catalog
        .iter()
        .filter(|o| !(o.trial && case.trials_used))
        .chain(&case.packs)
        .chain(&case.quotes)
        .map(kind)
        .collect();
    let held: Vec<&(u64, u32, Option<u32>)> = case.balances.iter().filter(|b| b.0 > 0 && b.1 > 0).collect();
    // The peak is enforced when some package offered or balance held has the concurrency.
    let best = kinds
        .iter()
        .map(|k| k.conc)
        .chain(held.iter().filter_map(|b| b.2))
        .max()
        .unwrap_or(0);
    let need = match case.peak {
        Some(n) if n <= best => n,
        _ => 0,
    };
    let balances = held
        .iter()
        .map(|&&(q, days, conc)| (q, days.div_ceil(30) as usize - 1, need > 0 && conc.unwrap_or(0) >= need))
        .collect();
    Model {
        demand,
        kinds,
        balances,
        need,
        per_use: case.per_use.map(per_use_price),
    }
}

fn to_f64(d: Decimal) -> f64 {
    d.to_string().parse().expect("a decimal")
}

/// What the solver found.
#[derive(Clone, Debug)]
pub enum Solved {
    /// No plan serves every month.
    Infeasible,
    /// The schedule's exact dollars, and whether the solver proved it cheapest.
    Plan { dollars: Decimal, proven: bool },
    /// The solver's time ran out before it had a plan: nothing to compare.
    TimedOut,
    /// The solver failed (a numerical error, or a schedule that does not hold).
    Unknown(String),
}

/// The model solved, within `limit`.
#[allow(clippy::needless_range_loop)] // months index demand, flows and purchases alike
fn solve(m: &Model, limit: Duration) -> Solved {
    let h = m.demand.len();
    let mut p = Problem::new(OptimizationDirection::Minimize);
    // x[k][t]
    let mut x = Vec::with_capacity(m.kinds.len());
    for k in &m.kinds {
        let mut row = Vec::with_capacity(h);
        for t in 0..h {
            let end = (t + k.life).min(h);
            let window: u64 = m.demand[t..end].iter().sum();
            let top = if k.trial { 1 } else { window.div_ceil(k.quarters) };
            let top = i32::try_from(top).expect("a bound that fits");
            row.push(p.add_integer_var(to_f64(k.price), (0, top)));
        }
        x.push(row);
    }
    for (k, row) in m.kinds.iter().zip(&x) {
        if k.trial {
            p.add_constraint(row.iter().map(|&v| (v, 1.0)), ComparisonOp::Le, 1.0);
        }
    }
    // into[j]: the flow variables into month j. One flow per purchase (kind, month) and month
    // it is valid in: a copy gives a month at most its units and at most the month's demand,
    // so `f ≤ min(u_k, d_j)·x` holds in every plan, and it is what keeps the relaxation tight
    // where a package is larger than a month's demand (without it the solver bought fractions
    // of large packages and could not close the gap).
    let mut into: Vec<Vec<microlp::Variable>> = vec![Vec::new(); h];
    for (k, row) in m.kinds.iter().zip(&x) {
        for t in 0..h {
            let end = (t + k.life).min(h);
            let mut flows = Vec::with_capacity(end - t);
            for j in t..end {
                let f = p.add_var(0.0, (0.0, m.demand[j] as f64));
                into[j].push(f);
                flows.push(f);
                let cap = m.demand[j].min(k.quarters) as f64;
                if cap > 0.0 {
                    p.add_constraint([(f, 1.0), (row[t], -cap)], ComparisonOp::Le, 0.0);
                }
            }
            // Σ_j f − u_k x[k][t] ≤ 0: the copies hold at most their units.
            p.add_constraint(
                flows.iter().map(|&f| (f, 1.0)).chain([(row[t], -(k.quarters as f64))]),
                ComparisonOp::Le,
                0.0,
            );
        }
    }
    for &(q, last, _) in &m.balances {
        let end = (last + 1).min(h);
        let flows: Vec<microlp::Variable> = (0..end).map(|j| p.add_var(0.0, (0.0, m.demand[j] as f64))).collect();
        for (j, &f) in flows.iter().enumerate() {
            into[j].push(f);
        }
        p.add_constraint(flows.iter().map(|&f| (f, 1.0)), ComparisonOp::Le, q as f64);
    }
    if let Some(price) = m.per_use {
        let per_quarter = to_f64(price) / 4.0;
        for (j, flows) in into.iter_mut().enumerate() {
            flows.push(p.add_var(per_quarter, (0.0, m.demand[j] as f64)));
        }
    }
    for (j, flows) in into.iter().enumerate() {
        if m.demand[j] > 0 {
            p.add_constraint(flows.iter().map(|&f| (f, 1.0)), ComparisonOp::Ge, m.demand[j] as f64);
        }
    }
    if m.need > 0 {
        for j in 0..h {
            let by_balance = m.balances.iter().any(|&(_, last, carries)| carries && last >= j);
            if m.demand[j] == 0 || by_balance {
                continue;
            }
            let carriers: Vec<(microlp::Variable, f64)> = m
                .kinds
                .iter()
                .zip(&x)
                .filter(|(k, _)| k.conc >= m.need)
                .flat_map(|(k, row)| (j.saturating_sub(k.life - 1)..=j).map(move |t| (row[t], 1.0)))
                .collect();
            if carriers.is_empty() {
                return Solved::Infeasible;
            }
            p.add_constraint(carriers, ComparisonOp::Ge, 1.0);
        }
    }
    let mut options = SolveOptions::default();
    options.time_limit = Some(limit);
    match p.solve_with(options) {
        Err(microlp::Error::Infeasible) => Solved::Infeasible,
        Err(e) => Solved::Unknown(format!("{e:?}")),
        Ok(SolveOutcome::Interrupted(_)) => Solved::TimedOut,
        Ok(SolveOutcome::Solution(s)) => {
            let counts: Vec<Vec<u64>> = x
                .iter()
                .map(|row| row.iter().map(|&v| s.var_value(v).round().max(0.0) as u64).collect())
                .collect();
            match recost(m, &counts) {
                Ok(dollars) => Solved::Plan {
                    dollars,
                    proven: s.status() == SolutionStatus::Optimal,
                },
                Err(e) => Solved::Unknown(format!("the solver's schedule does not hold: {e}")),
            }
        }
    }
}

/// The exact dollars of buying `counts[k][t]` copies, drawn month by month earliest-expiring
/// first, the shortfall bought per use; an error when a month is not served or the peak not held.
fn recost(m: &Model, counts: &[Vec<u64>]) -> Result<Decimal, String> {
    let h = m.demand.len();
    // lots[e]: units expiring at the end of month e (capped at the horizon's last month).
    let mut lots = vec![0u64; h];
    for &(q, last, _) in &m.balances {
        lots[last.min(h - 1)] += q;
    }
    let mut dollars = Decimal::ZERO;
    let mut carried_until: Option<usize> = m.balances.iter().filter(|b| b.2).map(|b| b.1).max();
    for t in 0..h {
        for (k, row) in m.kinds.iter().zip(counts) {
            let n = row[t];
            if n == 0 {
                continue;
            }
            let last = t + k.life - 1;
            lots[last.min(h - 1)] += n * k.quarters;
            dollars += k.price * Decimal::from(n);
            if m.need > 0 && k.conc >= m.need {
                carried_until = carried_until.max(Some(last));
            }
        }
        if m.need > 0 && m.demand[t] > 0 && carried_until.is_none_or(|u| u < t) {
            return Err(format!("month {} does not hold the peak", t + 1));
        }
        let mut need = m.demand[t];
        for lot in lots.iter_mut().skip(t) {
            let take = (*lot).min(need);
            *lot -= take;
            need -= take;
        }
        if need > 0 {
            let price = m
                .per_use
                .ok_or_else(|| format!("month {} is short {need} quarter-units", t + 1))?;
            dollars += price * Decimal::from(need) / Decimal::from(4);
        }
        lots[t] = 0;
    }
    let trials_twice = m
        .kinds
        .iter()
        .zip(counts)
        .any(|(k, row)| k.trial && row.iter().sum::<u64>() > 1);
    if trials_twice {
        return Err("a trial is bought twice".into());
    }
    Ok(dollars)
}

/// The planner and the solver on one input.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The planner's total, its `optimal` and `cost_gap`; `None` when it has no plan.
    pub planner: Option<(Decimal, bool, Option<Decimal>)>,
    pub solver: Solved,
    /// The input has no demand: nothing to compare.
    pub no_demand: bool,
}

/// Half a cent: totals closer than this are equal to the cent.
pub fn half_cent() -> Decimal {
    Decimal::new(5, 3)
}

impl Comparison {
    /// Whether the two agree as far as each proved: equal to the cent where both are proven;
    /// where the planner is not proven, its total is at least the solver's optimum and within
    /// its `cost_gap`; where the solver is not proven, a proven planner is no dearer than the
    /// solver's plan. `Err` says how they disagree.
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
            (Some((total, optimal, gap)), Solved::Plan { dollars, proven }) => {
                let diff = *total - *dollars;
                match (optimal, proven) {
                    (true, true) if diff.abs() < half_cent() => Ok(()),
                    (false, true) if diff > -half_cent() && diff <= gap.unwrap_or(Decimal::ZERO) + half_cent() => {
                        Ok(())
                    }
                    (_, false) if !optimal || diff < half_cent() => Ok(()),
                    _ => Err(format!(
                        "planner ${total} (optimal: {optimal}, gap {gap:?}), solver ${dollars} (proven: {proven})"
                    )),
                }
            }
        }
    }

    /// Both proven and equal to the cent.
    pub fn equal(&self) -> bool {
        match (&self.planner, &self.solver) {
            (Some((total, true, _)), Solved::Plan { dollars, proven: true }) => (*total - *dollars).abs() < half_cent(),
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

/// Plans `case` with the planner and solves its model.
pub fn compare(case: &Case, limit: Duration) -> Comparison {
    Comparison {
        planner: planner_answer(case, &mut Searches::run()),
        solver: solver_answer(case, limit),
        no_demand: demand_quarters(case).iter().all(|&d| d == 0),
    }
}

/// The planner's total for `case`, its `optimal` and `cost_gap`, searching as `searches` says;
/// `None` when it has no plan. Checks that it plans the demand the model states.
pub fn planner_answer(case: &Case, searches: &mut Searches) -> Option<(Decimal, bool, Option<Decimal>)> {
    let catalog = catalog_for(case);
    check_step(catalog);
    let opts = options_for(case);
    let base = Decimal::new(case.base_hundredths as i64, 2);
    let result =
        plan_with(catalog, &[(Pool::Video, base)], &opts, searches).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    let pool = result.pool(Pool::Video);
    if let Some(p) = pool {
        let got: Vec<Decimal> = p.demand.iter().map(|d| d.normalize()).collect();
        let want: Vec<Decimal> = demand_quarters(case)
            .iter()
            .map(|&q| quarter_units(q).normalize())
            .collect();
        assert_eq!(got, want, "the planner's demand differs from the stated rule: {case:?}");
    }
    pool.filter(|p| p.outcome == PoolOutcome::Planned)
        .map(|p| (p.total_cost, p.optimal, p.cost_gap))
}

/// The solver's answer for `case` within `limit` (proven zero without demand).
pub fn solver_answer(case: &Case, limit: Duration) -> Solved {
    if demand_quarters(case).iter().all(|&d| d == 0) {
        return Solved::Plan {
            dollars: Decimal::ZERO,
            proven: true,
        };
    }
    solve(&model_for(case), limit)
}
