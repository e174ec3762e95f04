//! The planner against an independent MILP optimum on seeded inputs (issue 25; the model is
//! `tests/oracle/model.rs`, shared with `tests/plan_oracle.rs`).
//!
//! `cargo run --release -p kling-pricing --example plan_oracle -- --inputs 1000 --seed 1`
//! prints how many inputs are equal to the cent (both proven), how many the planner marked
//! optimal, how many the solver proved optimal, the largest difference in dollars, how many
//! disagree (each is printed above), and the slowest solve. `--time-limit SECONDS` bounds each
//! solve (30 by default); `--only I` runs input I alone; `ORACLE_VERBOSE=1` prints every input.

#[path = "../tests/oracle/mod.rs"]
mod oracle;

use oracle::{compare, generate, Rng, Solved};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

fn main() {
    let mut inputs = 1000u64;
    let mut seed = 1u64;
    let mut limit = 30u64;
    let mut only: Option<u64> = None;
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
            "--only" => only = Some(value()),
            other => panic!("unknown argument {other} (--inputs N, --seed S, --time-limit SECONDS, --only I)"),
        }
    }
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let (mut equal, mut planner_optimal, mut solver_proven, mut no_demand) = (0u64, 0u64, 0u64, 0u64);
    let (mut timed_out, mut disagreements) = (0u64, 0u64);
    let mut largest = Decimal::ZERO;
    let mut slowest = (Duration::ZERO, 0u64);
    let mut solving = Duration::ZERO;
    for i in 0..inputs {
        let case = generate(&mut rng);
        if only.is_some_and(|o| o != i) {
            continue;
        }
        let one = Instant::now();
        let c = compare(&case, Duration::from_secs(limit));
        let took = one.elapsed();
        solving += c.solve_time;
        if took > slowest.0 {
            slowest = (took, i);
        }
        if std::env::var_os("ORACLE_VERBOSE").is_some() {
            eprintln!("input {i}: {:.3} s {c:?}\n  {case:?}", took.as_secs_f64());
        }
        no_demand += u64::from(c.no_demand);
        timed_out += u64::from(matches!(c.solver, Solved::TimedOut));
        equal += u64::from(c.equal());
        planner_optimal += u64::from(matches!(c.planner, Some((_, true, _))));
        solver_proven += u64::from(c.solver.proven());
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
         {planner_optimal} planner optimal, {solver_proven} solver proven, \
         largest difference ${largest} (planner less solver), {disagreements} disagreements, \
         {timed_out} without a solver plan in {limit} s; slowest input {} ({:.2} s, planner and \
         solver), {:.1} s in all ({:.1} s solving)",
        slowest.1,
        slowest.0.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        solving.as_secs_f64()
    );
}
