//! `plan()` natively on inputs given as JSON, the shape the JS API takes: a list of
//! `{ "mix": { edition, lines }, "options": { ... } }` (the stress set of `bench/stress-inputs.js`
//! dumped with node, say). Each input goes the JS API's way: the mix estimated, per use
//! resolved for its lines, then `plan()` on each pool's units. One line per input: its index,
//! the time, and each pool's outcome (with the gap when not proven optimal); at the end, the
//! counts and the median, p95 and max times.
//!
//! With `--replay` first, each plan records its searches, and is made again replaying them (as
//! the page does with its planner's worker, `plan::Searches`): the line then also gives the
//! replay's time, and the two answers must be the same.
//!
//! ```text
//! node --input-type=module -e 'import { stressInputs } from "./bench/stress-inputs.js";
//!   console.log(JSON.stringify(stressInputs()))' > stress.json
//! cargo run --release -p kling-pricing --example plan_json -- [--replay] stress.json [index ...]
//! ```
//!
//! Decimal options given as JSON numbers are read as their text, as the JS API does.

use kling_pricing::estimate::estimate_raw;
use kling_pricing::plan::{plan_with, PlanOptions, PoolOutcome, Searches};
use kling_pricing::RawMix;
use serde_json::Value;
use std::time::Instant;

/// Option fields that hold decimals, and those holding objects with decimals of their own.
const DECIMAL_KEYS: [&str; 5] = ["growthPercent", "units", "price", "jobsPerHour", "minutesPerJob"];
const NESTED_KEYS: [&str; 5] = ["balances", "packs", "quotes", "peak", "perUseRate"];

/// Every decimal option given as a number, as text.
fn numbers_as_text(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(numbers_as_text),
        Value::Object(map) => {
            for key in DECIMAL_KEYS {
                if let Some(n) = map.get(key).filter(|x| x.is_number()).map(|x| x.to_string()) {
                    map.insert(key.to_string(), Value::String(n));
                }
            }
            for key in NESTED_KEYS {
                if let Some(x) = map.get_mut(key) {
                    numbers_as_text(x);
                }
            }
        }
        _ => {}
    }
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let replay = args.next_if(|a| a == "--replay").is_some();
    let path = args
        .next()
        .expect("usage: plan_json [--replay] <inputs.json> [index ...]");
    let only: Vec<usize> = args.map(|a| a.parse().expect("an index")).collect();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let inputs: Vec<Value> = serde_json::from_str(&text).expect("a JSON list of { mix, options }");
    let (mut proven, mut unsolved, mut planned) = (0, 0, 0);
    let (mut times, mut replay_times) = (Vec::new(), Vec::new());
    for (i, input) in inputs.into_iter().enumerate() {
        if !only.is_empty() && !only.contains(&i) {
            continue;
        }
        let raw: RawMix = serde_json::from_value(input["mix"].clone()).expect("a job mix");
        let mut options = input["options"].clone();
        numbers_as_text(&mut options);
        let mut opts: PlanOptions = serde_json::from_value(options).expect("plan options");
        let (est, problems) = estimate_raw(&raw);
        assert!(problems.is_empty(), "input {i}: {problems:?}");
        let catalog = kling_pricing::catalog::edition(est.edition).expect("an edition");
        let lines: Vec<_> = est.lines.iter().map(|l| l.line.clone()).collect();
        kling_pricing::per_use::apply(catalog, &lines, &mut opts).expect("per use");
        let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
        let start = Instant::now();
        let mut searches = if replay { Searches::record() } else { Searches::run() };
        let result = plan_with(catalog, &units, &opts, &mut searches).expect("a plan");
        let ms = start.elapsed().as_secs_f64() * 1e3;
        let replayed = replay.then(|| {
            let start = Instant::now();
            let mut searches = Searches::replay(searches.into_record());
            let again = plan_with(catalog, &units, &opts, &mut searches).expect("a plan");
            let ms = start.elapsed().as_secs_f64() * 1e3;
            assert!(!searches.missed() && again == result, "input {i}: the replay differs");
            replay_times.push(ms);
            format!(" (replayed in {ms:.2} ms)")
        });
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
        let replayed = replayed.unwrap_or_default();
        println!(
            "#{i} {ms:.1} ms{replayed} total {} {}",
            result.total_cost,
            pools.join(", ")
        );
    }
    println!("{planned} planned, {proven} proven optimal, {unsolved} pools unsolved");
    println!("planned in {}", spread(times));
    if replay {
        println!("replayed in {}", spread(replay_times));
    }
}

/// The median, p95 and max of `ms`.
fn spread(mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    let at = |q: usize| ms.get(ms.len() * q / 100).or(ms.last()).copied().unwrap_or(0.0);
    format!("median {:.2} ms, p95 {:.2} ms, max {:.2} ms", at(50), at(95), at(100))
}
