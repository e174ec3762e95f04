//! Planning time against horizon length and demand: the median of many runs of `plan()` (the
//! whole answer: best plan, alternatives, advice), natively.
//!
//! `cargo run --release --example bench_plan` (add `-- --quick` for fewer runs)

use kling_pricing::catalog::{default_catalog, Pool};
use kling_pricing::plan::{plan, Peak, PlanOptions, UserPack};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

const HORIZONS: [u32; 6] = [1, 3, 6, 12, 24, 36];

struct Scenario {
    name: &'static str,
    units: Vec<(Pool, Decimal)>,
    opts: PlanOptions,
}

fn pack(pool: Pool, name: &str, price: i64, units: i64, days: u32) -> UserPack {
    UserPack {
        pool,
        name: name.into(),
        price: Decimal::from(price),
        units: Decimal::from(units),
        validity_days: days,
        concurrency: Some(5),
    }
}

fn scenarios() -> Vec<Scenario> {
    let video = |u: i64| vec![(Pool::Video, Decimal::from(u))];
    vec![
        Scenario {
            name: "video 500/month",
            units: video(500),
            opts: PlanOptions::default(),
        },
        Scenario {
            name: "video 15,000/month",
            units: video(15_000),
            opts: PlanOptions::default(),
        },
        Scenario {
            name: "video 200,000/month",
            units: video(200_000),
            opts: PlanOptions::default(),
        },
        Scenario {
            name: "video 200,000 +10%/month",
            units: video(200_000),
            opts: PlanOptions {
                growth_percent: Decimal::from(10),
                ..PlanOptions::default()
            },
        },
        Scenario {
            name: "video 1,000,000/month",
            units: video(1_000_000),
            opts: PlanOptions::default(),
        },
        Scenario {
            name: "video 15,000.25 +3%, peak 5",
            units: vec![(Pool::Video, Decimal::new(1_500_025, 2))],
            opts: PlanOptions {
                growth_percent: Decimal::from(3),
                peak: Some(Peak::video(Decimal::from(100), Decimal::from(3))),
                ..PlanOptions::default()
            },
        },
        Scenario {
            name: "video 200k + 180-day quote",
            units: video(200_000),
            opts: PlanOptions {
                quotes: vec![pack(Pool::Video, "Quote", 50_000, 500_000, 180)],
                ..PlanOptions::default()
            },
        },
        Scenario {
            name: "3 pools (video, image, try-on)",
            units: vec![
                (Pool::Video, Decimal::from(15_000)),
                (Pool::Image, Decimal::from(40_000)),
                (Pool::TryOn, Decimal::from(2_000)),
            ],
            opts: PlanOptions {
                packs: vec![
                    pack(Pool::Image, "Image pack", 100, 50_000, 90),
                    pack(Pool::TryOn, "Try-on pack", 120, 2_500, 30),
                ],
                ..PlanOptions::default()
            },
        },
    ]
}

/// The median of `plan()` over enough runs to fill about `budget` (at least 5, at most 201).
fn median(s: &Scenario, months: u32, budget: Duration) -> (Duration, bool, String) {
    let opts = PlanOptions {
        horizon_months: months,
        ..s.opts.clone()
    };
    let mut times = Vec::new();
    let started = Instant::now();
    let mut last = None;
    while times.len() < 5 || (started.elapsed() < budget && times.len() < 201) {
        let t = Instant::now();
        let r = plan(default_catalog(), &s.units, &opts);
        times.push(t.elapsed());
        last = Some(r);
    }
    times.sort();
    let (optimal, cost) = match last {
        Some(Ok(r)) => (r.optimal, r.total_cost.to_string()),
        Some(Err(e)) => (false, e.to_string()),
        None => (false, String::new()),
    };
    (times[times.len() / 2], optimal, cost)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let budget = Duration::from_millis(if quick { 50 } else { 400 });
    print!("{:<32}", "median ms (plan + alternatives)");
    for h in HORIZONS {
        print!("{:>10}", format!("{h} mo"));
    }
    println!();
    let mut notes = Vec::new();
    for s in scenarios() {
        print!("{:<32}", s.name);
        for h in HORIZONS {
            let (t, optimal, cost) = median(&s, h, budget);
            let mark = if optimal { "" } else { "*" };
            print!("{:>10}", format!("{:.3}{mark}", t.as_secs_f64() * 1e3));
            if h == 36 {
                notes.push(format!("{}, 36 months: ${cost}", s.name));
            }
        }
        println!();
    }
    println!("\n(* = not proven optimal within the search budget)");
    for n in notes {
        println!("{n}");
    }
}
