//! The planner on arbitrary input: it answers (a plan or a typed error) and never panics, and
//! what it answers is consistent.

use kling_pricing::catalog::{default_catalog, Pool};
use kling_pricing::plan::{plan, plan_with, Balance, Peak, PlanOptions, PoolOutcome, SearchConfig, Searches, UserPack};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any decimal, often out of range: negative, huge, or with many places.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0i64..=2_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
    ]
}

fn any_pool() -> impl Strategy<Value = Pool> {
    prop::sample::select(Pool::ALL.to_vec())
}

fn any_pack() -> impl Strategy<Value = UserPack> {
    (
        any_pool(),
        ".{0,100}",
        any_decimal(),
        any_decimal(),
        prop_oneof![0u32..=400, any::<u32>()],
        prop::option::of(prop_oneof![0u32..=10, any::<u32>()]),
    )
        .prop_map(|(pool, name, price, units, validity_days, concurrency)| UserPack {
            pool,
            name,
            price,
            units,
            validity_days,
            concurrency,
        })
}

fn any_options() -> impl Strategy<Value = PlanOptions> {
    (
        prop_oneof![0u32..=40, any::<u32>()],
        any_decimal(),
        any::<bool>(),
        prop::collection::vec(
            (
                any_pool(),
                any_decimal(),
                prop_oneof![0u32..=400, any::<u32>()],
                prop::option::of(0u32..=10),
            )
                .prop_map(|(pool, units, days_left, concurrency)| Balance {
                    pool,
                    units,
                    days_left,
                    concurrency,
                }),
            0..=3,
        ),
        prop::collection::vec(any_pack(), 0..=3),
        prop::collection::vec(any_pack(), 0..=3),
        prop::option::of(
            (any_pool(), any_decimal(), any_decimal()).prop_map(|(pool, j, m)| Peak {
                pool,
                jobs_per_hour: j,
                minutes_per_job: m,
            }),
        ),
    )
        .prop_map(
            |(horizon_months, growth_percent, trials_used, balances, packs, quotes, peak)| PlanOptions {
                horizon_months,
                growth_percent,
                trials_used,
                balances,
                packs,
                quotes,
                peak,
                ..PlanOptions::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_answers_consistently(
        units in prop::collection::vec((any_pool(), any_decimal()), 0..=4),
        opts in any_options(),
    ) {
        match plan(default_catalog(), &units, &opts) {
            Err(e) => {
                prop_assert!(!e.message.is_empty());
                prop_assert_eq!(e.message.clone(), e.to_string());
            }
            Ok(r) => {
                prop_assert_eq!(r.total_cost, r.pools.iter().map(|p| p.total_cost).sum::<Decimal>().normalize());
                for p in &r.pools {
                    prop_assert_eq!(p.demand.len(), r.horizon_months as usize);
                    prop_assert_eq!(p.periods.len(), r.horizon_months as usize);
                    if p.outcome == PoolOutcome::Planned {
                        let demand: Decimal = p.demand.iter().sum();
                        prop_assert_eq!(p.units_used, demand.normalize());
                        prop_assert_eq!(
                            p.units_bought,
                            p.purchases.iter().map(|b| b.units * Decimal::from(b.count)).sum::<Decimal>().normalize()
                        );
                        prop_assert!(p.total_cost >= Decimal::ZERO);
                        for row in &p.periods {
                            prop_assert_eq!(row.used, row.demand);
                            prop_assert_eq!(row.end_balance, row.start_balance + row.bought - row.used - row.forfeited);
                        }
                    }
                    if !p.optimal {
                        prop_assert!(p.cost_gap.is_some());
                    }
                }
            }
        }
    }
}

/// Inputs at the edges of every limit still answer.
#[test]
fn limits_answer() {
    let cat = default_catalog();
    let big = Decimal::from(kling_pricing::plan::MAX_MONTHLY_UNITS);
    let opts = PlanOptions {
        horizon_months: 36,
        ..PlanOptions::default()
    };
    let r = plan(cat, &[(Pool::Video, big)], &opts).unwrap();
    assert!(r.pools[0].optimal);
    let opts = PlanOptions {
        horizon_months: 36,
        growth_percent: Decimal::from(-100),
        ..PlanOptions::default()
    };
    let r = plan(cat, &[(Pool::Video, big)], &opts).unwrap();
    assert_eq!(r.pools[0].demand[1], Decimal::ZERO);
    // A tiny quote against large demand with several validities: bounded, and honest if unproven.
    let q = |units: i64, price: i64, days: u32| UserPack {
        pool: Pool::Video,
        name: String::new(),
        price: Decimal::from(price),
        units: Decimal::from(units),
        validity_days: days,
        concurrency: Some(5),
    };
    let opts = PlanOptions {
        horizon_months: 36,
        growth_percent: Decimal::from(3),
        quotes: vec![
            q(500_000, 50_000, 180),
            q(20_000, 2_500, 30),
            q(7, 1, 365),
            q(123_457, 13_000, 120),
        ],
        peak: Some(Peak::video(Decimal::from(100), Decimal::from(3))),
        ..PlanOptions::default()
    };
    let mut searches = Searches::run();
    let r = plan_with(cat, &[(Pool::Video, Decimal::new(20_000_025, 2))], &opts, &mut searches).unwrap();
    let p = &r.pools[0];
    assert_eq!(p.outcome, PoolOutcome::Planned);
    assert!(p.optimal || p.cost_gap.is_some());
    // Bounded by design: the search's budget, the alternatives' half budget, and what a search
    // may overrun its budget by (one state's transitions, the states it finishes).
    let cfg = SearchConfig::default();
    let most = cfg.budget + cfg.budget / 2;
    eprintln!("work {} of at most {most}", searches.work());
    assert!(searches.work() <= most + most / 4, "work {}", searches.work());
}
