//! Prints the native core's estimate of a job mix (JSON in, JSON out), the same shape the JS
//! API's `estimate()` returns. The wasm/native agreement test compares the two.
//!
//! `cargo run --example estimate_json -- tests/fixtures/sample-mix.json`

use kling_pricing::estimate::estimate_raw;
use kling_pricing::RawMix;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/sample-mix.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let raw: RawMix = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not a job mix: {e}"));
    let (est, problems) = estimate_raw(&raw);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{p}");
        }
        std::process::exit(1);
    }
    println!("{}", serde_json::to_string_pretty(&est).unwrap());
}
