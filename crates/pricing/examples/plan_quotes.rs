//! The planner on mixes with a custom quote: generated mixes (both editions) with a quote
//! of 45 to 365 days, half of them of odd sizes (any number of units, not whole ten thousands),
//! horizons of 3 to 36 months, growth, balances and peaks. Prints each plan not proven optimal,
//! then how many are proven and the median, p95 and max time of `plan()`, natively.
//!
//! `cargo run --release -p kling-pricing --example plan_quotes -- [N]` (N mixes, default 400)

use kling_pricing::catalog::{default_catalog, edition, Pool};
use kling_pricing::plan::{plan, Balance, Peak, PlanOptions, UserPack};
use rust_decimal::Decimal;
use std::time::Instant;

/// A small deterministic generator (64-bit LCG), so every run plans the same mixes.
struct Gen(u64);

impl Gen {
    fn below(&mut self, m: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % m
    }
}

fn options(g: &mut Gen) -> PlanOptions {
    let days = [45u32, 60, 90, 120, 180, 365][g.below(6) as usize];
    let units = if g.below(2) == 0 {
        (g.below(50) + 1) * 10_000
    } else {
        g.below(500_000) + 5_000
    };
    // $0.090 to $0.129 a unit.
    let price = (Decimal::from(units * (90 + g.below(40))) / Decimal::from(1000)).round_dp(2);
    let mut opts = PlanOptions {
        horizon_months: [3u32, 6, 12, 24, 36][g.below(5) as usize],
        growth_percent: Decimal::from(g.below(4) * 3),
        trials_used: g.below(2) == 0,
        quotes: vec![UserPack {
            pool: Pool::Video,
            name: "Quote".into(),
            price,
            units: Decimal::from(units),
            validity_days: days,
            concurrency: Some(5),
        }],
        ..PlanOptions::default()
    };
    if g.below(3) == 0 {
        opts.balances.push(Balance {
            pool: Pool::Video,
            units: Decimal::from(g.below(20_000)),
            days_left: 45,
            concurrency: Some(5),
        });
    }
    if g.below(4) == 0 {
        opts.peak = Some(Peak::video(Decimal::from(100), Decimal::from(3)));
    }
    opts
}

fn main() {
    let mut g = Gen(7);
    let (mut proven, mut times) = (0, Vec::new());
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(400);
    for i in 0..n {
        let cat = if i % 2 == 0 {
            default_catalog()
        } else {
            edition("kling-2026").unwrap_or(default_catalog())
        };
        let units = [1_580, 5_000, 15_000, 40_000, 90_000, 200_000][g.below(6) as usize];
        let opts = options(&mut g);
        let start = Instant::now();
        let Ok(result) = plan(cat, &[(Pool::Video, Decimal::from(units))], &opts) else {
            continue;
        };
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        if ms > 300.0 {
            let q = &opts.quotes[0];
            println!(
                "slow ({ms:.0} ms): {} {units}/month, quote {} units {} days, {} months",
                cat.edition, q.units, q.validity_days, opts.horizon_months
            );
        }
        match result.pool(Pool::Video) {
            Some(p) if p.optimal => proven += 1,
            Some(p) => {
                let q = &opts.quotes[0];
                println!(
                    "not proven: {} {units}/month, quote {} units {} days, {} months: gap {:?}",
                    cat.edition, q.units, q.validity_days, opts.horizon_months, p.cost_gap
                );
            }
            None => {}
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |q: usize| times[(times.len() * q / 100).min(times.len() - 1)];
    println!(
        "{proven}/{n} proven optimal; plan() median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        at(50),
        at(95),
        times[times.len() - 1]
    );
}
