//! The optimum of each stress input whose total `tests/plan_stress.rs` asserts, from the MILP
//! solver of `tests/oracle` (issue 25): where those totals come from.
//!
//! `cargo run --release -p kling-pricing --example oracle_totals` prints, for each input of
//! `tests/stress/mod.rs`'s `PROVEN` and `BEYOND_THE_SOLVER`, the solver's total, whether it is
//! proven (or its lower bound), the time it took, the planner's total and the stored figures,
//! and then the same for `GROWING`. `--time-limit SECONDS` bounds each pool's solve (120 by
//! default); `--only SEED:INDEX` runs one input. It exits non-zero when a proven total differs
//! from the stored one or the planner's.

#[path = "../tests/oracle/mod.rs"]
mod oracle;
#[path = "../tests/stress/mod.rs"]
mod stress;

use kling_pricing::plan::plan;
use oracle::optimum;
use rust_decimal::Decimal;
use std::time::{Duration, Instant};
use stress::{Input, BEYOND_THE_SOLVER, GROWING, PROVEN};

fn main() {
    let mut limit = 120u64;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--time-limit" => limit = args.next().and_then(|v| v.parse().ok()).expect("seconds"),
            "--only" => only = args.next(),
            other => panic!("unknown argument {other} (--time-limit SECONDS, --only SEED:INDEX)"),
        }
    }
    let chosen = |i: &Input| only.as_ref().is_none_or(|o| *o == format!("{}:{}", i.seed, i.index));
    let inputs = PROVEN
        .iter()
        .map(|&(i, total)| (i, Some(total), format!("${total}")))
        .chain(
            BEYOND_THE_SOLVER
                .iter()
                .map(|&(i, best, bound)| (i, None, format!("plan ${best}, bound ${bound}"))),
        )
        .chain(GROWING.iter().map(|&(i, total)| (i, Some(total), format!("${total}"))))
        .filter(|(i, ..)| chosen(i));
    let started = Instant::now();
    let (mut count, mut proven, mut differs) = (0, 0, 0);
    for (input, stored, stored_text) in inputs {
        count += 1;
        let (catalog, units, opts) = input.prepare();
        let planned = plan(catalog, &units, &opts).unwrap();
        let one = Instant::now();
        let o = optimum(catalog, &units, &opts, Some(&planned), Duration::from_secs(limit));
        let took = one.elapsed().as_secs_f64();
        let planner = format!(
            "planner ${}{}",
            planned.total_cost,
            if planned.optimal { " (optimal)" } else { " (not proven)" }
        );
        let Some(total) = o.total() else {
            println!("{}: no solver plan in {limit} s; {planner}", input.name());
            continue;
        };
        let mut verdict = String::new();
        if o.proven() {
            proven += 1;
            let stored = stored.map(|s| s.parse::<Decimal>().unwrap());
            let same = |d: Decimal| (d - total).abs() < oracle::half_cent();
            if stored.is_some_and(|s| !same(s)) || (planned.optimal && !same(planned.total_cost)) {
                differs += 1;
                verdict = " DIFFERS".into();
            }
        }
        println!(
            "{}: solver ${total} ({}, {took:.1} s); {planner}; stored {}{verdict}",
            input.name(),
            if o.proven() {
                "proven".to_string()
            } else {
                format!("not proven, bound ${:.2}", o.bound())
            },
            stored_text,
        );
    }
    println!(
        "{count} inputs: {proven} proven by the solver, {differs} differing, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if differs > 0 {
        std::process::exit(1);
    }
}
