//! Inputs of the stress set (`bench/stress-inputs.js`; the inputs themselves are in
//! `tests/stress/mod.rs`), given as the JS API takes them and planned its way: the mix
//! estimated, per use resolved for its lines, then `plan()` on each pool's units.
//!
//! - `GROWING`: 35 or 36 months of demand growing about 21.5 % a month with a custom quote of
//!   odd size and per use; each must come back with a plan that serves every month, at the
//!   solver's optimum or within its stated gap bound of it.
//! - `PROVEN`: custom quotes of 30 to 365 days over up to 36 months, with per use, a peak or
//!   balances, and the optimum the MILP solver of `tests/oracle` proves for each (`cargo run
//!   --release -p kling-pricing --example oracle_totals` prints each and checks the stored
//!   figure); the planner must equal it where it says it is proven, and state a gap bound that
//!   reaches it where not.
//! - `BEYOND_THE_SOLVER`: inputs like those whose optimum the solver does not prove within two
//!   minutes a pool; the planner's answer must lie within the solver's best plan and its lower
//!   bound.

mod stress;

use kling_pricing::plan::{plan_with, PlanResult, PoolOutcome, Searches};
use rust_decimal::Decimal;
use stress::{Input, BEYOND_THE_SOLVER, GROWING, PROVEN};

/// `plan()` on an input as the JS API runs it.
fn plan_json(input: &Input) -> PlanResult {
    plan_json_with(input, &mut Searches::run())
}

/// [`plan_json`] with the searches run, recorded or replayed as `searches` says.
fn plan_json_with(input: &Input, searches: &mut Searches) -> PlanResult {
    let (catalog, units, opts) = input.prepare();
    plan_with(catalog, &units, &opts, searches).unwrap()
}

#[test]
fn growing_demand_with_an_odd_quote_gets_a_plan() {
    for (input, optimum) in &GROWING {
        let name = input.name();
        let r = plan_json(input);
        for p in &r.pools {
            if p.outcome == PoolOutcome::NoPackage {
                continue;
            }
            assert_eq!(p.outcome, PoolOutcome::Planned, "{name} {:?}: {}", p.pool, p.message);
            assert!(!p.purchases.is_empty() || p.per_use.is_some(), "{name} {:?}", p.pool);
            // Every month's demand is drawn from what is held, bought or bought per use.
            for row in &p.periods {
                let per_use = row.per_use_units.unwrap_or(Decimal::ZERO);
                assert!(
                    row.used + per_use >= row.demand,
                    "{name} {:?} month {}",
                    p.pool,
                    row.month
                );
            }
            // Proven, or not proven with the most it may cost above the cheapest.
            assert_eq!(p.optimal, p.cost_gap.is_none(), "{name} {:?}", p.pool);
            if let Some(gap) = p.cost_gap {
                assert!(
                    gap >= Decimal::ZERO && gap < p.total_cost,
                    "{name} {:?}: gap {gap}",
                    p.pool
                );
            }
        }
        assert!(!r.optimal || r.pools.iter().all(|p| p.optimal), "{name}");
        check_against(input, optimum);
    }
}

/// Half a cent: totals are compared to the cent.
fn half_cent() -> Decimal {
    Decimal::new(5, 3)
}

/// The planner's total for `input` and the least it says the optimum may cost (its total less
/// its gap bound), and whether it proved the total optimal.
fn planned(input: &Input) -> (Decimal, Decimal, bool) {
    let r = plan_json(input);
    let gap: Decimal = r.pools.iter().filter_map(|p| p.cost_gap).sum();
    (r.total_cost, r.total_cost - gap, r.optimal)
}

/// `input`'s plan against the solver's lower `bound` and its `best` plan (both the optimum
/// where the solver proved it): never below the bound, its own gap bound reaching down to the
/// solver's plan, and no dearer than that plan where the planner says it is proven. True when
/// proven.
fn check_within(input: &Input, bound: &str, best: &str) -> bool {
    let name = input.name();
    let (bound, best) = (bound.parse::<Decimal>().unwrap(), best.parse::<Decimal>().unwrap());
    let (total, least, optimal) = planned(input);
    assert!(
        total > bound - half_cent(),
        "{name}: ${total} below the solver's bound ${bound}"
    );
    assert!(
        least < best + half_cent(),
        "{name}: its bound ${least} above the solver's plan ${best}"
    );
    assert!(
        !optimal || total < best + half_cent(),
        "{name}: proven at ${total}, the solver has ${best}"
    );
    optimal
}

/// [`check_within`] an optimum the solver proved: equal to the cent where proven.
fn check_against(input: &Input, optimum: &str) -> bool {
    check_within(input, optimum, optimum)
}

/// Hard inputs against the solver's optimum. Most come back proven; the one that does not
/// (seed 18, #118, $25.52 above the optimum) states a gap bound that reaches it.
#[test]
fn hard_inputs_are_planned_at_the_solvers_optimum_or_within_their_gap() {
    let proven = PROVEN
        .iter()
        .filter(|(input, optimum)| check_against(input, optimum))
        .count();
    assert!(proven >= PROVEN.len() - 1, "{proven} of {} proven", PROVEN.len());
}

/// Inputs whose optimum the solver does not prove within its time: the planner's total is no
/// lower than the solver's lower bound, its own bound no higher than the solver's best plan,
/// and where it says it is proven, no dearer than that plan.
#[test]
fn inputs_beyond_the_solver_are_planned_within_its_bounds() {
    for (input, best, bound) in &BEYOND_THE_SOLVER {
        check_within(input, bound, best);
    }
}
