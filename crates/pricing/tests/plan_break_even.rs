//! The break-even picture (kling-2026): the worked examples as change points, checked
//! against independent computations (every whole volume of a range planned, and the break-even
//! volumes worked out by hand); the curves' properties; the mix's shape over several pools.

use kling_pricing::breakeven::{break_even, BreakEven, BuyKind, CurveKind, Way, MAX_PLAN_CALLS};
use kling_pricing::catalog::{edition, Catalog, Pool};
use kling_pricing::mix::{parse_line, JobLine, RawLine, RawNumber};
use kling_pricing::per_use::apply;
use kling_pricing::plan::{plan, PerUseRate, PlanOptions, PoolRate, UserPack};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn kling_2026() -> &'static Catalog {
    edition("kling-2026").unwrap()
}

/// 100 ten-second Video 3.0 Professional 1080p clips without audio: 8 units each, $0.14 a unit
/// at fal.ai and Runware, more at Replicate, PiAPI and Krea.
fn video_line() -> JobLine {
    let raw = RawLine {
        service: Some("video".into()),
        model: Some("kling-v3".into()),
        mode: Some("pro".into()),
        audio: Some("none".into()),
        resolution: Some("1080p".into()),
        duration: Some(RawNumber::Int(10)),
        quantity: Some(RawNumber::Int(100)),
        ..RawLine::default()
    };
    parse_line(kling_2026(), &raw).unwrap()
}

/// Per use from fal.ai, every seller compared, over `months`.
fn fal(months: u32) -> PlanOptions {
    let mut opts = PlanOptions {
        horizon_months: months,
        per_use_source: Some("fal".into()),
        ..PlanOptions::default()
    };
    apply(kling_2026(), &[video_line()], &mut opts).unwrap();
    assert_eq!(opts.per_use.as_ref().unwrap().prices[0].price, d("0.14"));
    opts
}

fn video(units: i64) -> Vec<(Pool, Decimal)> {
    vec![(Pool::Video, Decimal::from(units))]
}

/// The best plan's kind at whole video volume `v`.
fn kind_at(v: u64, opts: &PlanOptions) -> BuyKind {
    let r = plan(kling_2026(), &video(v as i64), opts).unwrap();
    BuyKind::of(kling_2026(), &r)
}

fn packages(kind: &BuyKind) -> (Vec<&str>, bool) {
    match &kind.pools[0].way {
        Way::Packages { packages, topped_up } => (packages.iter().map(|p| p.id.as_str()).collect(), *topped_up),
        other => panic!("not packages: {other:?}"),
    }
}

fn changes(be: &BreakEven) -> Vec<u64> {
    be.changes.iter().map(|c| u64::try_from(c.volume).unwrap()).collect()
}

/// Every whole volume in `from..=to` planned: where the kind differs from the volume before.
fn scanned_changes(from: u64, to: u64, opts: &PlanOptions) -> Vec<u64> {
    let mut out = Vec::new();
    let mut before = kind_at(from, opts);
    for v in from + 1..=to {
        let k = kind_at(v, opts);
        if k != before {
            out.push(v);
        }
        before = k;
    }
    out
}

/// Holds for every picture: the best plan is never above another curve; each change is
/// located and the kind differs across it by exactly one unit; the work stays bounded.
fn check_properties(be: &BreakEven, opts: &PlanOptions) {
    assert!(be.plan_calls <= MAX_PLAN_CALLS + 2);
    assert!(be.complete, "{}", be.description);
    let best = &be.curves[0];
    assert_eq!(best.kind, CurveKind::Best);
    for c in &be.curves {
        assert_eq!(c.costs.len(), be.points.len(), "{}", c.label);
        for (i, cost) in c.costs.iter().enumerate() {
            if let (Some(b), Some(x)) = (best.costs[i], cost) {
                assert!(b <= *x, "{} below the best plan at {}", c.label, be.points[i].volume);
            }
        }
    }
    for c in &be.changes {
        assert!(c.located());
        let v = u64::try_from(c.volume).unwrap();
        assert_eq!(Some(kind_at(v - 1, opts)), c.from);
        assert_eq!(Some(kind_at(v, opts)), c.to);
        assert_ne!(c.from, c.to);
    }
    assert_eq!(be.stretches.len(), be.changes.len() + 1);
}

/// Issue 12's first worked example: 500 video units a month for 2 months, per use at $0.14
/// (fal.ai): the 100-unit trial and 900 units per use, $135.79.
#[test]
fn five_hundred_a_month_for_two_months_is_trials_then_per_use_from_70() {
    let opts = fal(2);
    let be = break_even(kling_2026(), &video(500), &opts).unwrap();
    check_properties(&be, &opts);
    assert_eq!((be.pool, be.volume, be.end), (Pool::Video, d("500"), d("1500")));
    let yours = be.points.iter().position(|p| p.yours).unwrap();
    assert_eq!(be.points[yours].volume, d("500"));
    assert_eq!(be.points[yours].kind.as_ref().unwrap().pools[0].way, Way::Trials);
    assert_eq!(be.curves[0].costs[yours], Some(d("135.79")));
    // The trial of 100 units ($9.79) pays from 70 units a month: 70 × $0.14 = $9.80.
    assert_eq!(changes(&be), [70]);
    assert_eq!(be.changes[0].from.as_ref().unwrap().pools[0].way, Way::PerUse);
    // Independent: every whole volume of the range planned.
    assert_eq!(scanned_changes(1, 1500, &opts), [70]);
    assert_eq!(
        be.description,
        "Below 70 video units a month, the cheapest way to buy over 2 months is per use from \
         fal.ai; from 70, the trials, then per use from fal.ai. At your 500 video units a month: \
         the trials, then per use from fal.ai, $135.79."
    );
}

/// The least whole volume whose dollars per use at $0.14 a unit exceed `dollars`.
fn least_beating(dollars: Decimal) -> u64 {
    u64::try_from((dollars / d("0.14")).floor() + Decimal::ONE).unwrap()
}

/// Issue 12's second worked example: 60,000 video units in one month, Package 3 ($6,720)
/// beats $8,400 per use. Between the first example's trials and it, the kind changes to
/// Package 2, then Package 3, at the volumes the prices give.
#[test]
fn sixty_thousand_in_one_month_is_package_3_from_52831() {
    let opts = fal(1);
    let be = break_even(kling_2026(), &video(60_000), &opts).unwrap();
    check_properties(&be, &opts);
    let yours = be.points.iter().position(|p| p.yours).unwrap();
    let kind = be.points[yours].kind.as_ref().unwrap();
    assert_eq!(packages(kind), (vec!["package-3"], false));
    assert_eq!(be.curves[0].costs[yours], Some(d("6720")));
    let fal = be
        .curves
        .iter()
        .find(|c| c.label == "Per use only (fal.ai, Runware)")
        .unwrap();
    assert_eq!(fal.costs[yours], Some(d("8400")));
    // Worked out by hand, with the two trials ($9.79 + $97.99 for 1,100 units):
    // - the 100-unit trial pays from 70 units ($9.80 > $9.79);
    // - Package 2 alone ($5,670) beats the trials and per use from 40,831 units;
    // - Package 2 is topped up from 45,001;
    // - Package 3 alone ($6,720) beats Package 2, the trials and per use ($5,777.78 + per use
    //   beyond 46,100 units) from 52,831;
    // - Package 3 is topped up from 60,001.
    let per_use = |units: i64| Decimal::from(units) * d("0.14");
    let trials = d("9.79") + d("97.99");
    let by_hand = [
        least_beating(d("9.79")),
        least_beating(d("5670") - trials + per_use(1100)),
        45_001,
        least_beating(d("6720") - d("5670") - trials + per_use(46_100)),
        60_001,
    ];
    assert_eq!(by_hand, [70, 40_831, 45_001, 52_831, 60_001]);
    assert_eq!(changes(&be)[..5], by_hand);
    let ways: Vec<(Vec<&str>, bool)> = be.changes[1..5]
        .iter()
        .map(|c| packages(c.to.as_ref().unwrap()))
        .collect();
    assert_eq!(
        ways,
        [
            (vec!["package-2"], false),
            (vec!["package-2"], true),
            (vec!["package-3"], false),
            (vec!["package-3"], true),
        ]
    );
    // Independent: every whole volume around each change planned.
    for c in by_hand {
        assert_eq!(scanned_changes(c - 40, c + 40, &opts), [c], "around {c}");
    }
    assert!(
        be.description.contains("from 52,831, Package 3 only;"),
        "{}",
        be.description
    );
    assert!(be
        .description
        .ends_with("At your 60,000 video units a month: Package 3 only, $6,720.00."));
}

/// Per-use curves are straight lines through 0; the package curves are each package alone.
#[test]
fn per_use_is_a_straight_line_and_packages_are_alone() {
    let opts = fal(2);
    let be = break_even(kling_2026(), &video(500), &opts).unwrap();
    let labels: Vec<&str> = be.curves.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Best plan",
            "Per use only (fal.ai, Runware)",
            "Per use only (Replicate)",
            "Per use only (PiAPI)",
            "Per use only (Krea)",
            "Package 1 alone",
            "Package 2 alone",
            "Package 3 alone",
        ]
    );
    for c in be.curves.iter().filter(|c| c.kind == CurveKind::PerUse) {
        let price = c.costs.last().unwrap().unwrap() / (be.end * Decimal::TWO);
        for (p, cost) in be.points.iter().zip(&c.costs) {
            assert_eq!(
                *cost,
                Some((p.volume * Decimal::TWO * price).normalize()),
                "{}",
                c.label
            );
        }
    }
    // Package 1 alone: one package serves up to 15,000 units a month for 2 months.
    let p1 = &be.curves[5];
    assert!(p1.costs[1..].iter().all(|c| *c == Some(d("4200"))));
    assert_eq!(p1.costs[0], Some(Decimal::ZERO));
}

/// A quote cheaper per unit than per use: per use, the quote alone, the quote topped up; every
/// whole volume of the range planned agrees.
#[test]
fn a_quote_against_per_use_agrees_with_every_volume_planned() {
    let opts = PlanOptions {
        horizon_months: 1,
        trials_used: true,
        quotes: vec![UserPack {
            pool: Pool::Video,
            name: "Quote".into(),
            price: d("200"),
            units: d("2000"),
            validity_days: 30,
            concurrency: None,
        }],
        ..fal(1)
    };
    let be = break_even(kling_2026(), &video(1000), &opts).unwrap();
    check_properties(&be, &opts);
    // $200 beats per use from 1,429 units ($200.06); the quote is topped up from 2,001.
    assert_eq!(changes(&be), [1429, 2001]);
    assert_eq!(scanned_changes(1, 3000, &opts), [1429, 2001]);
    assert!(be.curves.iter().any(|c| c.label == "Quote alone"));
}

/// Every pool scales together, the volume counted in the pool of the largest list value; a
/// pool nothing serves is left out and named.
#[test]
fn the_mix_keeps_its_shape_over_pools() {
    let image_rate = PoolRate {
        pool: Pool::Image,
        price: d("0.0035"),
    };
    let mut opts = fal(1);
    let rate = PerUseRate {
        prices: vec![opts.per_use.as_ref().unwrap().prices[0].clone(), image_rate],
        ..opts.per_use.clone().unwrap()
    };
    opts.per_use = Some(rate);
    opts.compare.clear();
    // $70 of video, $140 of images: the volume counts image units.
    let units = [(Pool::Video, d("500")), (Pool::Image, d("40000"))];
    let be = break_even(kling_2026(), &units, &opts).unwrap();
    assert_eq!((be.pool, be.volume, be.end), (Pool::Image, d("40000"), d("150000")));
    assert!(be.left_out.is_empty());
    // At 20,000 image units, 250 video units: $35 + $70 per use, less what the trial saves.
    let at = be.points.iter().position(|p| p.volume == d("20000")).unwrap();
    let r = plan(
        kling_2026(),
        &[(Pool::Video, d("250")), (Pool::Image, d("20000"))],
        &opts,
    )
    .unwrap();
    assert_eq!(be.curves[0].costs[at], Some(r.total_cost));
    assert!(be
        .description
        .contains("Every pool scales with the image units a month"));
    // Without a per-use price for images, nothing serves the image pool: left out.
    let be = break_even(kling_2026(), &units, &fal(1)).unwrap();
    assert_eq!((be.pool, be.left_out.clone()), (Pool::Video, vec![Pool::Image]));
    assert!(
        be.description.contains("Left out: the image pool"),
        "{}",
        be.description
    );
}

#[test]
fn no_units_no_picture_and_errors_are_the_planners() {
    let be = break_even(kling_2026(), &[], &fal(1)).unwrap();
    assert!(be.points.is_empty() && be.curves.is_empty());
    assert!(be.description.starts_with("No units to plan"));
    let bad = PlanOptions {
        horizon_months: 0,
        ..fal(1)
    };
    assert!(break_even(kling_2026(), &video(500), &bad).is_err());
    // Near the planner's limit the samples above it are simply not planned.
    let be = break_even(kling_2026(), &video(9_000_000_000), &fal(1)).unwrap();
    assert!(be.curves[0].costs.iter().any(Option::is_none));
    assert!(be.plan_calls <= MAX_PLAN_CALLS + 2);
}

/// The properties over a spread of mixes: horizons, growth, trials used, a balance held.
#[test]
fn the_properties_hold_over_a_spread_of_mixes() {
    use kling_pricing::plan::Balance;
    let cases: [(i64, u32, &str, bool, Option<i64>); 6] = [
        (300, 3, "0", false, None),
        (2_500, 6, "10", false, None),
        (12_000, 3, "0", true, None),
        (800, 12, "-5", false, None),
        (40_000, 2, "0", false, Some(5_000)),
        (7_000, 4, "3.5", true, Some(1_000)),
    ];
    for (units, months, growth, trials_used, balance) in cases {
        let opts = PlanOptions {
            growth_percent: d(growth),
            trials_used,
            balances: balance
                .map(|u| Balance {
                    pool: Pool::Video,
                    units: Decimal::from(u),
                    days_left: 45,
                    concurrency: None,
                })
                .into_iter()
                .collect(),
            ..fal(months)
        };
        let be = break_even(kling_2026(), &video(units), &opts).unwrap();
        check_properties(&be, &opts);
        assert!(be.points.iter().filter(|p| p.yours).count() == 1, "{units}");
        assert!(!be.description.is_empty());
    }
}

/// The opening mix (kling-2026, per use from fal.ai, 3 months): images are left out (no package
/// and no seller lists Image 3.0), and fal.ai, left out of the whole mix's comparison only for
/// the image line, is compared on the video pool pictured.
#[test]
fn the_opening_mix_pictures_its_video_pool() {
    let cat = kling_2026();
    let drafts = kling_pricing::draft::opening_sample_in(cat);
    let lines: Vec<JobLine> = drafts.iter().map(|l| parse_line(cat, &l.to_raw()).unwrap()).collect();
    let mut opts = PlanOptions {
        per_use_source: Some("fal".into()),
        ..PlanOptions::default()
    };
    apply(cat, &lines, &mut opts).unwrap();
    assert!(
        opts.compare[0].left_out.is_some(),
        "fal.ai does not sell the image line"
    );
    let units = [(Pool::Video, d("4980")), (Pool::Image, d("40000"))];
    let be = break_even(cat, &units, &opts).unwrap();
    assert_eq!((be.pool, be.left_out.clone()), (Pool::Video, vec![Pool::Image]));
    let labels: Vec<&str> = be.curves.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Best plan",
            "Per use only (fal.ai)",
            "Package 1 alone",
            "Package 2 alone",
            "Package 3 alone"
        ]
    );
    assert_eq!(changes(&be), [70, 10_367, 13_611]);
    let yours = be.points.iter().position(|p| p.yours).unwrap();
    assert_eq!(be.points[yours].kind.as_ref().unwrap().pools[0].way, Way::Trials);
    assert!(be.plan_calls <= 120, "{}", be.plan_calls);
    assert!(be.description.ends_with(
        "At your 4,980 video units a month: the trials, then per use from fal.ai, $2,045.38. Left out: the \
         image pool, which nothing on sale serves (no package, no per-use price)."
    ));
}

/// A seller cheaper than the chosen one is named; a balance that covers low volumes is said.
#[test]
fn a_cheaper_seller_and_a_balance_are_said() {
    use kling_pricing::plan::Balance;
    let mut opts = fal(1);
    opts.per_use_rate = vec![PoolRate {
        pool: Pool::Video,
        price: d("0.1"),
    }];
    apply(kling_2026(), &[video_line()], &mut opts).unwrap();
    opts.balances = vec![Balance {
        pool: Pool::Video,
        units: d("300"),
        days_left: 20,
        concurrency: None,
    }];
    let be = break_even(kling_2026(), &video(1000), &opts).unwrap();
    assert!(
        be.description.contains(
            "Per use only (your rate) costs less than the best plan at your volume: choose it as the per-use \
             source to plan with it."
        ),
        "{}",
        be.description
    );
    assert!(
        be.description.starts_with(
            "Below 301 video units a month, the cheapest way to buy over 1 month is to buy nothing (the \
             balance covers it); from 301, per use from fal.ai;"
        ),
        "{}",
        be.description
    );
    assert_eq!(be.stretches[0].kind.as_ref().unwrap().pools[0].way, Way::Nothing);
}

/// Fewer samples, fewer calls, the same changes where each kind spans more than a sample.
#[test]
fn limits_bound_the_work() {
    use kling_pricing::breakeven::break_even_with;
    use kling_pricing::breakeven::Limits;
    let opts = fal(1);
    let few = Limits {
        samples: 8,
        ..Limits::default()
    };
    let full = break_even(kling_2026(), &video(60_000), &opts).unwrap();
    let less = break_even_with(kling_2026(), &video(60_000), &opts, few).unwrap();
    assert!(
        less.plan_calls < full.plan_calls,
        "{} {}",
        less.plan_calls,
        full.plan_calls
    );
    assert_eq!(changes(&less)[..5], changes(&full)[..5]);
    // Out of calls: the changes left are reported between two known volumes.
    let starved = Limits {
        max_calls: 20,
        ..Limits::default()
    };
    let be = break_even_with(kling_2026(), &video(60_000), &opts, starved).unwrap();
    assert!(!be.complete && be.changes.iter().any(|c| !c.located()));
    assert!(be.description.contains("from between "), "{}", be.description);
    assert!(
        be.description.ends_with("the work limit was reached."),
        "{}",
        be.description
    );
}

/// Every whole volume of each picture's range planned (1 to the end, up to 30,000 volumes):
/// the changes found by bisection are exactly the volumes where the kind changes, over
/// horizons, growth (up and down), trials used and per-use prices. About a minute in a
/// release build: `cargo test --release -p kling-pricing --test plan_break_even -- --ignored`.
#[test]
#[ignore = "plans every volume of six ranges: run in release"]
fn bisection_finds_every_change_of_the_whole_range() {
    let cases: [(i64, u32, &str, bool, &str); 6] = [
        (300, 3, "0", false, "0.14"),
        (2_000, 6, "0", false, "0.14"),
        (2_000, 12, "10", false, "0.14"),
        (5_000, 4, "0", true, "0.12"),
        (1_500, 2, "25", false, "0.2"),
        (9_000, 5, "-10", false, "0.13"),
    ];
    for (units, months, growth, trials_used, price) in cases {
        let rate = PerUseRate {
            id: "fal".into(),
            name: "fal.ai".into(),
            prices: vec![PoolRate {
                pool: Pool::Video,
                price: d(price),
            }],
            left_out: None,
            sellers: Vec::new(),
        };
        let opts = PlanOptions {
            horizon_months: months,
            growth_percent: d(growth),
            trials_used,
            per_use: Some(rate.clone()),
            compare: vec![rate],
            ..PlanOptions::default()
        };
        let be = break_even(kling_2026(), &video(units), &opts).unwrap();
        let end = u64::try_from(be.end).unwrap();
        assert_eq!(
            changes(&be),
            scanned_changes(1, end, &opts),
            "{units} a month, {months} months"
        );
    }
}

/// With per use off the best plan buys packages only: no per-use curve, and the words name
/// packages.
#[test]
fn per_use_off_pictures_the_packages() {
    let opts = PlanOptions {
        horizon_months: 3,
        ..PlanOptions::default()
    };
    let be = break_even(kling_2026(), &video(12_000), &opts).unwrap();
    check_properties(&be, &opts);
    assert!(be.curves.iter().all(|c| c.kind != CurveKind::PerUse));
    // Package 1 holds 10,000 units a month for 3 months; the trials top it up to 10,366.
    assert!(
        be.description.starts_with(
            "Below 10,001 video units a month, the cheapest way to buy over 3 months is Package 1; from \
             10,001, Package 1 plus the trials; from 10,367, Package 2;"
        ),
        "{}",
        be.description
    );
    assert!(!be.description.contains("per use"), "{}", be.description);
    let yours = be.points.iter().find(|p| p.yours).unwrap();
    assert!(matches!(
        yours.kind.as_ref().unwrap().pools[0].way,
        Way::Packages { .. }
    ));
    eprintln!("{}", be.description);
}
