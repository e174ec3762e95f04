//! The break-even picture of the opening mix (kling-2026, per use from fal.ai, over 3, 12 and
//! 36 months) and of the two worked examples, with its words, the plan() calls it made
//! and the time it took natively (the median of a few runs).
//!
//! `cargo run --release -p kling-pricing --example break_even`

use kling_pricing::breakeven::{break_even, BreakEven};
use kling_pricing::catalog::{edition, Pool};
use kling_pricing::draft::opening_sample;
use kling_pricing::estimate::estimate_lines;
use kling_pricing::mix::parse_line;
use kling_pricing::per_use::apply;
use kling_pricing::plan::PlanOptions;
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

/// The picture and the median time of `runs` computations of it.
fn timed(runs: usize, f: impl Fn() -> BreakEven) -> (BreakEven, Duration) {
    let mut times = Vec::with_capacity(runs);
    let mut be = f();
    for _ in 0..runs {
        let t = Instant::now();
        be = f();
        times.push(t.elapsed());
    }
    times.sort();
    (be, times[runs / 2])
}

fn show(name: &str, be: &BreakEven, t: Duration) {
    println!(
        "{name}: {} plan() calls, {:.1} ms (median)",
        be.plan_calls,
        t.as_secs_f64() * 1e3
    );
    println!(
        "  changes at: {:?}",
        be.changes.iter().map(|c| c.volume.to_string()).collect::<Vec<_>>()
    );
    println!("  {}", be.description);
}

fn main() {
    let (cat, drafts) = opening_sample();
    let lines: Vec<_> = drafts
        .iter()
        .filter_map(|d| parse_line(cat, &d.to_raw()).ok())
        .collect();
    let indexed: Vec<_> = lines.iter().cloned().enumerate().collect();
    let (est, _) = estimate_lines(cat, &indexed);
    let units: Vec<(Pool, Decimal)> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
    for months in [3, 12, 36] {
        let mut opts = PlanOptions {
            horizon_months: months,
            per_use_source: Some("fal".into()),
            ..PlanOptions::default()
        };
        apply(cat, &lines, &mut opts).expect("fal sells the opening mix's video");
        let (be, t) = timed(5, || break_even(cat, &units, &opts).expect("plans"));
        show(&format!("opening mix, {months} months"), &be, t);
    }

    let k = edition("kling-2026").expect("edition");
    for (name, units, months) in [
        ("500 video units a month, 2 months", 500, 2),
        ("60,000 video units, 1 month", 60_000, 1),
    ] {
        let mut opts = PlanOptions {
            horizon_months: months,
            per_use_source: Some("fal".into()),
            ..PlanOptions::default()
        };
        // One video line stands for the mix: its sellers' prices per unit are fal.ai's $0.14.
        apply(k, &lines[..1], &mut opts).expect("fal sells it");
        let units = [(Pool::Video, Decimal::from(units))];
        let (be, t) = timed(3, || break_even(k, &units, &opts).expect("plans"));
        show(name, &be, t);
    }
}
