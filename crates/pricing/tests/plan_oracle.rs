//! The planner's totals against an independent optimum (issue 25): each input's pool as a
//! mixed-integer program (`tests/oracle/mod.rs`) solved by a general MILP solver. 120 seeded
//! inputs over every option: horizons of 1–12 months, growth, trials used or not, balances,
//! packs and quotes of odd sizes and validities of 30–365 days, per use on and off, a peak.
//! Where the planner proves its plan, the totals are equal to the cent; where it does not, its
//! total is at least the optimum and within its `cost_gap`.
//! `cargo run --release -p kling-pricing --example plan_oracle -- --inputs 1000` runs more.

mod oracle;

use oracle::{compare, generate, Rng};
use std::time::Duration;

/// Inputs per run: 120, or `ORACLE_CASES`.
fn cases() -> u64 {
    std::env::var("ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120)
}

#[test]
fn planner_totals_equal_the_milp_optimum() {
    let mut rng = Rng::new(25);
    let mut failures = Vec::new();
    let mut proven = 0;
    for i in 0..cases() {
        let case = generate(&mut rng);
        let c = compare(&case, Duration::from_millis(400));
        if let Err(e) = c.verdict() {
            failures.push(format!("#{i}: {e}\n  {case:?}"));
        }
        proven += u64::from(c.equal());
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The solver proves about half the inputs within its 0.4 s (the rest are the larger
    // compositions, where its branch and bound is slow); those were checked as far as it got:
    // the planner's proven total no dearer than the solver's plan. How many it proves depends
    // on the machine's speed, so the floor is far below the half it proves here: it catches a
    // model that proves nothing, not a slow machine.
    eprintln!("{proven} of {} inputs both proven and equal to the cent", cases());
    assert!(proven * 4 >= cases(), "only {proven} of {} proven equal", cases());
}
