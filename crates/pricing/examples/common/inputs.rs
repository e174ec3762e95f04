//! Inputs given as JSON in the shape the JS API takes (a list of `{ "mix", "options" }`: the
//! stress set of `bench/stress-inputs.js` dumped with node), made ready for `plan_with` the JS
//! API's way: the mix estimated, per use resolved for its lines, each pool's units. Shared by
//! the examples that plan such files.

#![allow(dead_code)] // each example uses part of it

use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::estimate::estimate_raw;
use kling_pricing::plan::PlanOptions;
use kling_pricing::RawMix;
use rust_decimal::Decimal;
use serde_json::Value;

/// Option fields that hold decimals, and those holding objects with decimals of their own.
const DECIMAL_KEYS: [&str; 5] = ["growthPercent", "units", "price", "jobsPerHour", "minutesPerJob"];
const NESTED_KEYS: [&str; 5] = ["balances", "packs", "quotes", "peak", "perUseRate"];

/// One input, ready to plan.
pub struct Input {
    pub catalog: &'static Catalog,
    pub units: Vec<(Pool, Decimal)>,
    pub options: PlanOptions,
}

/// Every input of the file at `path`. Decimal options given as JSON numbers are read as their
/// text, as the JS API does.
pub fn read(path: &str) -> Vec<Input> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let inputs: Vec<Value> = serde_json::from_str(&text).expect("a JSON list of { mix, options }");
    inputs.iter().enumerate().map(|(i, v)| input(i, v)).collect()
}

fn input(i: usize, v: &Value) -> Input {
    let raw: RawMix = serde_json::from_value(v["mix"].clone()).expect("a job mix");
    let mut options = v["options"].clone();
    numbers_as_text(&mut options);
    let mut opts: PlanOptions = serde_json::from_value(options).expect("plan options");
    let (est, problems) = estimate_raw(&raw);
    assert!(problems.is_empty(), "input {i}: {problems:?}");
    let catalog = kling_pricing::catalog::edition(est.edition).expect("an edition");
    let lines: Vec<_> = est.lines.iter().map(|l| l.line.clone()).collect();
    kling_pricing::per_use::apply(catalog, &lines, &mut opts).expect("per use");
    Input {
        catalog,
        units: est.pools.iter().map(|p| (p.pool, p.units)).collect(),
        options: opts,
    }
}

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

/// The median, p95 and max of `ms`.
pub fn spread(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |q: usize| ms.get(ms.len() * q / 100).or(ms.last()).copied().unwrap_or(0.0);
    (at(50), at(95), at(100))
}
