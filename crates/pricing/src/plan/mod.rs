//! The best-purchase planner: what to buy, and when, to serve a job mix for a horizon of months.
//!
//! Semantics (see `ARCHITECTURE.md` for the method and why it is exact):
//! - The horizon is 1 to 36 periods of 30 days. Each period's demand is the mix's units per month,
//!   growing by a monthly percentage: month 1 is the monthly units, month m is month m−1 grown by
//!   the percentage; each is rounded up to the pool's unit step (the gcd of its services' units).
//! - Packages are bought at the start of a period. A package of D days serves ceil(D/30) periods
//!   from the one it is bought in; a balance with N days left serves ceil(N/30) periods from the
//!   first. Units are drawn earliest-expiring first; what is left at expiry is forfeited, and what
//!   is left at the end of the horizon is counted as forfeited too (`left_at_end` says how much of
//!   it is still valid after the horizon).
//! - Each trial can be bought once over the horizon (none when the trials are already used).
//! - The plan is the cheapest that serves every period; ties go to fewer units forfeited, then
//!   fewer packages.
//! - With per use on ([`PlanOptions::per_use`], a price per unit per pool: a seller's effective
//!   price for the mix from [`crate::per_use`], or the user's rate), what the stock leaves
//!   undrawn in a month is bought per use that month at that price: no expiry, no minimum, never
//!   forfeited. A month that buys per use counts as one purchase in the tie-break. The result
//!   then carries each month's per-use units and their cost ([`PerUsePlan`]), the alternatives
//!   "Per use only (seller)" and "Packs only", and the comparison of every way to buy the mix
//!   over the horizon ([`PlanResult::comparison`]). With it off, every answer is what it was.
//! - With a peak given, the tasks in flight are jobs per hour × minutes per job ÷ 60, rounded up.
//!   When some package allows that many concurrent tasks, every period with demand must hold one
//!   (a package is held until it expires); otherwise the verdict says no package carries it.
//!
//! Everything shown is a `Decimal`; the search itself runs on integers (units in steps of the
//! pool's quantum, dollars in millionths, or finer when a per-use price per quantum needs it),
//! so it is exact. Nothing here panics or runs unbounded.
//!
//! One concern a file: [`options`] (the inputs and their limits), [`validate`] (their checks and
//! located errors), [`setup`] (a pool's problem in exact integers), [`search`](mod@search) (the
//! search: its states, transitions, normal form, bounds, dominance and strategy, a file each;
//! [`searches`] how they run and the work they spend), [`replay`] (a schedule month by month,
//! in decimals), [`alternatives`] (the plans that lose, and why), [`comparison`] (every way to
//! buy the whole mix), [`explain`] (the prose) and [`result`] (the answer's types). This file
//! only puts them together: [`plan`] per pool, its search ([`search()`]), the outcomes and the
//! result. The break-even picture, which plans a mix at many volumes, is a client of this
//! module: [`crate::breakeven`].

mod alternatives;
mod comparison;
mod config;
mod explain;
mod options;
mod replay;
mod result;
mod search;
mod searches;
mod setup;
mod validate;

pub use config::{Rules, SearchConfig};
pub use explain::menu_verdict;
pub use options::{
    Balance, Peak, PerUseRate, PlanOptions, PoolRate, UserPack, CHEAPEST, MAX_ENTRIES_PER_POOL, MAX_HORIZON_MONTHS,
    MAX_MONTHLY_UNITS, MAX_PACK_UNITS, MAX_PER_USE_PRICE, MAX_PRICE, MAX_PURCHASES, MAX_VALIDITY_DAYS, OWN_RATE,
    PERIOD_DAYS, PER_USE_PLACES,
};
pub use result::{
    Alternative, ComparisonKind, ComparisonRow, ConcurrencyVerdict, CustomAdvice, MenuVerdict, PackSource, PerUsePlan,
    PeriodRow, PlanResult, PoolOutcome, PoolPlan, Purchase,
};
pub use searches::Searches;
pub use setup::unit_step;
pub use validate::{OptionList, PlanError, PlanField};

use crate::catalog::{Catalog, Pool};
use crate::error::Problem;
use alternatives::{alternative_runs, alternatives, cheapest, AltKind, AltRun};
use explain::{
    custom_advice, no_demand_message, plan_message, unserved_message, unsolved_message, verdict, ASSUMPTIONS,
    ASSUMPTIONS_PER_USE,
};
use replay::{effective, purchases_of, replay, replay_at, Replay};
use rust_decimal::Decimal;
use search::Outcome;
use setup::{setup_pool, Setup};
use validate::validate;

fn empty_plan(setup: &Setup, outcome: PoolOutcome, message: String) -> PoolPlan {
    pool_plan(
        setup,
        outcome,
        message,
        replay(setup, Vec::new()),
        Vec::new(),
        None,
        None,
    )
}

/// What the plan `r` buys per use, with the two plain ways next to it (`packs_only`: the
/// packs-only plan's dollars, `None` when packs alone cannot serve); `None` without per use.
fn per_use_plan(setup: &Setup, r: &Replay, packs_only: Option<Decimal>) -> Option<PerUsePlan> {
    let (name, price) = setup.per_use.as_ref()?;
    Some(PerUsePlan {
        name: name.clone(),
        unit_price: price.normalize(),
        units_per_month: r.per_use_units.clone(),
        units: r.per_use_units.iter().sum::<Decimal>().normalize(),
        cost: r.per_use_cost,
        per_use_only_cost: replay(setup, Vec::new()).cost,
        packs_only_cost: packs_only,
    })
}

/// The dollars of the packs-only alternative among `runs`, when it serves every month.
fn packs_only_cost(setup: &Setup, runs: &[AltRun]) -> Option<Decimal> {
    let run = runs.iter().find(|r| r.kind == AltKind::PacksOnly)?;
    let sol = run.outcome.best()?;
    Some(replay_at(setup, purchases_of(setup, sol), None).cost)
}

/// A pool's plan from its replay (`gap` when not proven optimal).
fn pool_plan(
    setup: &Setup,
    outcome: PoolOutcome,
    message: String,
    r: Replay,
    alternatives: Vec<Alternative>,
    gap: Option<Decimal>,
    packs_only: Option<Decimal>,
) -> PoolPlan {
    let eff = effective(&r);
    let per_use = per_use_plan(setup, &r, packs_only);
    PoolPlan {
        pool: setup.pool,
        pool_name: setup.pool_name,
        outcome,
        message,
        list_price: setup.list_price,
        unit_step: setup.step,
        demand: setup.demand.iter().map(|d| d.normalize()).collect(),
        total_cost: r.cost,
        units_bought: r.bought,
        units_used: r.used,
        units_used_from_purchases: r.used_from_purchases,
        forfeited_units: r.forfeited,
        forfeited_value: (r.forfeited * setup.list_price).normalize(),
        left_at_end: r.left_at_end,
        effective_unit_price: eff,
        custom: custom_advice(setup, eff),
        concurrency: verdict(setup, &r.rows),
        periods: r.rows,
        purchases: r.purchases,
        alternatives,
        optimal: gap.is_none(),
        cost_gap: gap,
        unserved_month: None,
        per_use,
    }
}

/// One pool's plan: nothing to buy without demand; otherwise the search, its alternatives, and
/// the best plan found replayed and told.
fn plan_pool(setup: &Setup, searches: &mut Searches) -> PoolPlan {
    let total_demand: Decimal = setup.demand.iter().sum();
    if total_demand.is_zero() {
        return empty_plan(setup, PoolOutcome::NoDemand, no_demand_message(setup));
    }
    let (sol, optimal, lower, better) = match search(setup, searches) {
        Outcome::Unsolved => {
            // No plan at all: nothing is proven.
            let mut p = empty_plan(setup, PoolOutcome::Unsolved, unsolved_message());
            p.optimal = false;
            return p;
        }
        Outcome::Optimal(sol) => (sol, true, 0, None),
        Outcome::Bounded { sol, lower, better } => (sol, false, lower, better),
        Outcome::Infeasible { period } => return unserved_plan(setup, period),
    };
    let runs = alternative_runs(setup, &sol, searches);
    let sol = if optimal { sol } else { cheapest(sol, &runs) };
    let sol = better.filter(|b| b.cost < sol.cost).unwrap_or(sol);
    // A plan whose dollars reach the lower bound (a gap of 0) is proven cheapest; among plans of
    // the same dollars, the tie-break (fewer units forfeited, then fewer packages) is then the
    // best found.
    let optimal = optimal || sol.cost.money <= lower;
    let gap = (!optimal).then(|| setup.money(sol.cost.money.saturating_sub(lower)));
    let r = replay(setup, purchases_of(setup, &sol));
    let message = plan_message(setup, &r);
    let packs_only = packs_only_cost(setup, &runs);
    let alternatives = alternatives(setup, runs, &sol, &r);
    let outcome = if r.served {
        PoolOutcome::Planned
    } else {
        PoolOutcome::Infeasible
    };
    pool_plan(setup, outcome, message, r, alternatives, gap, packs_only)
}

/// The pool's search with every package allowed, within [`SearchConfig::budget`].
fn search(setup: &Setup, searches: &mut Searches) -> Outcome {
    let all = vec![true; setup.infos.len()];
    let budget = searches.config().budget;
    searches.solve(&setup.inst, &all, budget).0
}

/// The pool's plan when no plan serves month `period` (0-based): there is no package to buy, or
/// those there are cannot serve it.
fn unserved_plan(setup: &Setup, period: usize) -> PoolPlan {
    let outcome = if setup.infos.is_empty() {
        PoolOutcome::NoPackage
    } else {
        PoolOutcome::Infeasible
    };
    let mut p = empty_plan(setup, outcome, unserved_message(setup, period));
    p.unserved_month = Some(period as u32 + 1);
    p
}

/// Plans every pool that has demand or a balance.
///
/// `monthly_units` are the units each pool needs in a month (attempts per kept output included),
/// as [`crate::Estimate`] gives them; a pool may appear more than once (its units add up).
pub fn plan(catalog: &Catalog, monthly_units: &[(Pool, Decimal)], opts: &PlanOptions) -> Result<PlanResult, PlanError> {
    plan_with(catalog, monthly_units, opts, &mut Searches::run())
}

/// [`plan`] with its searches run as `searches` says (another configuration, a count of the
/// work spent).
pub fn plan_with(
    catalog: &Catalog,
    monthly_units: &[(Pool, Decimal)],
    opts: &PlanOptions,
    searches: &mut Searches,
) -> Result<PlanResult, PlanError> {
    validate(opts)?;
    let menu = PlanError::menu_of(catalog, opts)?;
    let mut pools = Vec::new();
    // Each pool's units the balances leave uncovered over the horizon: what buying only per
    // use buys, for the comparison.
    let mut uncovered = Vec::new();
    for pool in Pool::ALL {
        let mut base = Decimal::ZERO;
        for (p, u) in monthly_units.iter().filter(|(p, _)| *p == pool) {
            if u.is_sign_negative() && !u.is_zero() {
                return Err(
                    PlanError::new(PlanField::MonthlyUnits, u.normalize(), Problem::Negative).in_pool(*p, None),
                );
            }
            base = crate::dec::add(base, *u).unwrap_or(Decimal::MAX);
        }
        let has_balance = opts
            .balances
            .iter()
            .any(|b| b.pool == pool && b.days_left > 0 && b.units > Decimal::ZERO);
        if base.is_zero() && !has_balance {
            continue;
        }
        let setup = setup_pool(catalog, menu, pool, base, opts)?;
        if !opts.compare.is_empty() || opts.per_use.is_some() {
            let rows = replay_at(&setup, Vec::new(), None).rows;
            uncovered.push((pool, rows.iter().map(|r| r.demand - r.used).sum::<Decimal>()));
        }
        pools.push(plan_pool(&setup, searches));
    }
    let total_cost = pools.iter().map(|p| p.total_cost).sum::<Decimal>().normalize();
    Ok(PlanResult {
        edition: catalog.edition,
        menu,
        horizon_months: opts.horizon_months,
        growth_percent: opts.growth_percent.normalize(),
        demand_by_month: opts.demand_by_month.iter().map(|k| k.normalize()).collect(),
        trials_used: opts.trials_used,
        optimal: pools.iter().all(|p| p.optimal),
        comparison: comparison::rows(opts, &pools, &uncovered, total_cost),
        other_menus: Vec::new(),
        guesses: Vec::new(),
        pools,
        total_cost,
        assumptions: if opts.per_use.is_some() {
            ASSUMPTIONS_PER_USE
        } else {
            ASSUMPTIONS
        },
    })
}
