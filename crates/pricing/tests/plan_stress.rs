//! Inputs of the stress set (`bench/stress-inputs.js`; the inputs themselves are in
//! `tests/stress/mod.rs`), given as the JS API takes them and planned its way: the mix
//! estimated, per use resolved for its lines, then `plan()` on each pool's units.
//!
//! - `GROWING`: 35 or 36 months of demand growing about 21.5 % a month with a custom quote of
//!   odd size and per use; each must come back with a plan that serves every month, and say
//!   how far from the cheapest it may be when it is not proven.
//! - `PROVEN`: custom quotes of 30 to 365 days over up to 36 months, with per use, a peak or
//!   balances; each must come back proven optimal at the total the MILP solver of
//!   `tests/oracle` proves optimal (`cargo run --release -p kling-pricing --example
//!   oracle_totals` prints each and checks the stored figure).
//! - `PLANNER_PROVEN`: inputs like those whose optimum the solver does not prove in reasonable
//!   time; each must come back proven optimal at the total the planner proved before, no
//!   dearer than the solver's best plan.

mod stress;

use kling_pricing::plan::{plan_with, PlanResult, PoolOutcome, Searches};
use rust_decimal::Decimal;
use stress::{Input, GROWING, PLANNER_PROVEN, PROVEN};

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
    for input in &GROWING {
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
    }
}

/// `plan()` on each input comes back proven optimal at its total.
fn assert_proven_at(inputs: &[(Input, &str)]) {
    for (input, total) in inputs {
        let r = plan_json(input);
        assert!(r.optimal, "{}: not proven", input.name());
        assert_eq!(r.total_cost, total.parse::<Decimal>().unwrap(), "{}", input.name());
    }
}

#[test]
fn hard_inputs_come_back_proven_at_the_solvers_optimum() {
    assert_proven_at(&PROVEN);
}

#[test]
fn inputs_beyond_the_solver_come_back_proven_at_their_totals() {
    assert_proven_at(&PLANNER_PROVEN);
}

/// The page plans in a worker recording the searches, then on its own thread replaying them:
/// on these inputs (long horizons, several searches each, some not proven within the work) the
/// replay answers every search and the answer is the plan's own, to the byte.
#[test]
fn a_plan_replayed_from_its_record_is_the_plan() {
    let proven = PROVEN.iter().chain(&PLANNER_PROVEN).map(|(input, _)| input);
    for input in GROWING.iter().chain(proven) {
        let name = input.name();
        let mut record = Searches::record();
        let recorded = plan_json_with(input, &mut record);
        let record = record.into_record();
        assert!(!record.is_empty());
        let mut replay = Searches::replay(record);
        let replayed = plan_json_with(input, &mut replay);
        assert!(!replay.missed(), "{name}");
        let json = |r: &PlanResult| serde_json::to_string(r).unwrap();
        assert_eq!(json(&replayed), json(&recorded), "{name}");
        assert_eq!(json(&replayed), json(&plan_json(input)), "{name}");
    }
}
