//! The planner against an independent MILP optimum on seeded inputs (issue 25; the model is
//! `tests/oracle/mod.rs`, shared with `tests/plan_oracle.rs`).
//!
//! `cargo run --release -p kling-pricing --example plan_oracle -- --inputs 1000 --seed 1`
//! prints how many inputs are equal to the cent (both proven), how many the planner marked
//! optimal, how many the solver proved optimal, the largest difference in dollars, and each
//! disagreement.

#[path = "../tests/oracle/mod.rs"]
mod oracle;

use oracle::{compare, generate, Rng, Solved};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

fn main() {
    let mut inputs = 1000u64;
    let mut seed = 1u64;
    let mut limit = 30u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .and_then(|v| v.parse().ok())
                .expect("a number after the flag")
        };
        match a.as_str() {
            "--inputs" => inputs = value(),
            "--seed" => seed = value(),
            "--time-limit" => limit = value(),
            other => panic!("unknown argument {other} (--inputs N, --seed S, --time-limit SECONDS)"),
        }
    }
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let (mut equal, mut planner_optimal, mut solver_optimal, mut no_demand) = (0u64, 0u64, 0u64, 0u64);
    let mut timed_out = 0u64;
    let mut largest = Decimal::ZERO;
    let mut disagreements = 0u64;
    for i in 0..inputs {
        let case = generate(&mut rng);
        let one = Instant::now();
        let c = compare(&case, Duration::from_secs(limit));
        if std::env::var_os("ORACLE_VERBOSE").is_some() {
            eprintln!("input {i}: {:.2} s {:?}", one.elapsed().as_secs_f64(), c);
        }
        no_demand += u64::from(c.no_demand);
        timed_out += u64::from(matches!(c.solver, Solved::TimedOut));
        equal += u64::from(c.equal());
        planner_optimal += u64::from(matches!(c.planner, Some((_, true, _))));
        solver_optimal += u64::from(matches!(c.solver, Solved::Plan { proven: true, .. }));
        if let Some(d) = c.difference() {
            if d.abs() > largest.abs() {
                largest = d;
            }
        }
        if let Err(e) = c.verdict() {
            disagreements += 1;
            println!("input {i}: {e}\n  {case:?}");
        }
    }
    println!(
        "{inputs} inputs (seed {seed}, {no_demand} without demand): {equal} equal to the cent, \
         {planner_optimal} planner optimal, {solver_optimal} solver proven optimal, \
         largest difference ${largest} (planner less solver), {timed_out} without a solver plan in time, \
         {disagreements} disagreements, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
