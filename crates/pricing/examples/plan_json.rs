//! `plan()` natively on inputs given as JSON, the shape the JS API takes: a list of
//! `{ "mix": { edition, lines }, "options": { ... } }` (the stress set of `bench/stress-inputs.js`
//! dumped with node, say). Each input goes the JS API's way: the mix estimated, per use
//! resolved for its lines, then `plan()` on each pool's units. One line per input: its index,
//! the time, and each pool's outcome (with the gap when not proven optimal); at the end, the
//! counts and the median, p95 and max times.
//!
//! ```text
//! node --input-type=module -e 'import { stressInputs } from "./bench/stress-inputs.js";
//!   console.log(JSON.stringify(stressInputs()))' > stress.json
//! cargo run --release -p kling-pricing --example plan_json -- stress.json [index ...]
//! ```

#[path = "common/inputs.rs"]
mod inputs;

use kling_pricing::plan::{plan_with, PoolOutcome, Searches};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: plan_json <inputs.json> [index ...]");
    let only: Vec<usize> = args.map(|a| a.parse().expect("an index")).collect();
    let (mut proven, mut unsolved, mut planned) = (0, 0, 0);
    let mut times = Vec::new();
    for (i, input) in inputs::read(&path).into_iter().enumerate() {
        if !only.is_empty() && !only.contains(&i) {
            continue;
        }
        let (catalog, units, opts) = (input.catalog, input.units, input.options);
        let start = Instant::now();
        let result = plan_with(catalog, &units, &opts, &mut Searches::run()).expect("a plan");
        let ms = start.elapsed().as_secs_f64() * 1e3;
        times.push(ms);
        planned += 1;
        proven += usize::from(result.optimal);
        let pools: Vec<String> = result
            .pools
            .iter()
            .map(|p| {
                unsolved += usize::from(p.outcome == PoolOutcome::Unsolved);
                let gap = p.cost_gap.map(|g| format!(" gap {g}")).unwrap_or_default();
                format!("{:?}:{:?}{gap}", p.pool, p.outcome)
            })
            .collect();
        println!("#{i} {ms:.1} ms total {} {}", result.total_cost, pools.join(", "));
    }
    println!("{planned} planned, {proven} proven optimal, {unsolved} pools unsolved");
    println!("planned in {}", spread(times));
}

/// The median, p95 and max of `ms`.
fn spread(ms: Vec<f64>) -> String {
    let (median, p95, max) = inputs::spread(ms);
    format!("median {median:.2} ms, p95 {p95:.2} ms, max {max:.2} ms")
}
