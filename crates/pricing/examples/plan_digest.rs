//! `plan()`'s whole answer, as JSON, on many generated inputs (both editions, balances, packs,
//! quotes, peaks, growth, trials), one line each: run it on two builds and compare the output to
//! show a change left the planner's answers as they were.
//!
//! `cargo run --release -p kling-pricing --example plan_digest -- [N] > answers.txt`
//! (N inputs, default 2,000; the same N gives the same inputs on every build).

use kling_pricing::catalog::{Pool, EDITIONS};
use kling_pricing::plan::{plan, Balance, Peak, PlanOptions, UserPack};
use rust_decimal::Decimal;

/// A small deterministic generator (64-bit LCG), so both builds see the same inputs.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

fn pack(g: &mut Gen, pool: Pool) -> UserPack {
    UserPack {
        pool,
        name: String::new(),
        price: Decimal::new(g.pick(&[70, 980, 4_200, 50_000, 123_456]) as i64, g.below(3) as u32),
        units: Decimal::from(g.pick(&[100, 1_000, 20_000, 60_000, 150_000]) as i64),
        validity_days: g.pick(&[30, 45, 60, 90, 180, 365]) as u32,
        concurrency: g.pick(&[None, Some(3), Some(5), Some(10)]),
    }
}

fn options(g: &mut Gen) -> PlanOptions {
    let mut o = PlanOptions {
        horizon_months: g.pick(&[1, 2, 3, 6, 12, 24, 36]) as u32,
        growth_percent: Decimal::from(g.pick(&[0, 0, 5, 10, 25]) as i64) - Decimal::from(g.below(2) as i64 * 3),
        trials_used: g.below(3) == 0,
        ..PlanOptions::default()
    };
    for pool in Pool::ALL {
        if g.below(3) == 0 {
            o.packs.push(pack(g, pool));
        }
        if g.below(4) == 0 {
            o.quotes.push(pack(g, pool));
        }
        if g.below(4) == 0 {
            o.balances.push(Balance {
                pool,
                units: Decimal::from(g.pick(&[50, 1_000, 30_000]) as i64),
                days_left: g.pick(&[10, 45, 90, 200]) as u32,
                concurrency: g.pick(&[None, Some(5)]),
            });
        }
    }
    if g.below(4) == 0 {
        o.peak = Some(Peak::video(
            Decimal::from(g.pick(&[10, 60, 120]) as i64),
            Decimal::from(g.pick(&[1, 3, 5]) as i64),
        ));
    }
    o
}

fn units(g: &mut Gen) -> Vec<(Pool, Decimal)> {
    let mut u = vec![(
        Pool::Video,
        Decimal::new(
            g.pick(&[0, 100, 500, 1_580, 15_000, 60_000, 200_000]) as i64 * 4 + g.below(4) as i64,
            2,
        ) * Decimal::from(25),
    )];
    if g.below(3) == 0 {
        u.push((Pool::Image, Decimal::from(g.pick(&[4, 8_000, 20_000]) as i64)));
    }
    if g.below(4) == 0 {
        u.push((Pool::TryOn, Decimal::from(g.pick(&[1, 300, 5_000]) as i64)));
    }
    u
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let mut g = Gen(12);
    for i in 0..n {
        let catalog = g.pick(EDITIONS);
        let units = units(&mut g);
        let opts = options(&mut g);
        let answer = match plan(catalog, &units, &opts) {
            Ok(p) => serde_json::to_string(&p),
            Err(e) => serde_json::to_string(&e),
        };
        println!("{i} {}", answer.unwrap_or_else(|e| e.to_string()));
    }
}
