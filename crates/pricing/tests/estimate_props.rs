//! Properties of the estimate over random mixes, and how bad input is reported.

use kling_pricing::catalog::{default_catalog, Billing, Pool};
use kling_pricing::estimate::{estimate_lines, estimate_raw};
use kling_pricing::mix::{parse_mix, JobLine, RawLine, RawMix, RawNumber};
use kling_pricing::{Field, Problem};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Every priced combination of the catalog as a line of quantity 1.
fn all_lines() -> Vec<JobLine> {
    let cat = default_catalog();
    cat.services
        .iter()
        .flat_map(|s| {
            s.rows.iter().map(move |r| JobLine {
                model: r.model.map(str::to_string),
                mode: r.mode.map(str::to_string),
                duration: r.seconds,
                quantity: 1,
                video_seconds: matches!(s.billing, Billing::PerSegment { .. }).then_some(30),
                ..JobLine::new(s.id)
            })
        })
        .collect()
}

fn arb_line() -> impl Strategy<Value = JobLine> {
    let lines = all_lines();
    (0..lines.len(), 0u64..=100_000, 1u32..=400, 100u32..=400).prop_map(move |(i, q, secs, attempts)| {
        let mut l = lines[i].clone();
        l.quantity = q;
        if l.video_seconds.is_some() {
            l.video_seconds = Some(secs);
        }
        l.attempts_per_kept = Decimal::new(attempts.into(), 2);
        l
    })
}

proptest! {
    #[test]
    fn quantity_scales_linearly(line in arb_line(), k in 0u64..1000) {
        let cat = default_catalog();
        let mut scaled = line.clone();
        scaled.quantity = line.quantity * k;
        let (a, _) = estimate_lines(cat, &[(0, line)]);
        let (b, _) = estimate_lines(cat, &[(0, scaled)]);
        prop_assert_eq!(b.lines[0].units, a.lines[0].units * Decimal::from(k));
        prop_assert_eq!(b.total_value, a.total_value * Decimal::from(k));
    }

    #[test]
    fn dollars_are_units_times_pool_price_exactly(lines in prop::collection::vec(arb_line(), 0..20)) {
        let cat = default_catalog();
        let indexed: Vec<_> = lines.into_iter().enumerate().collect();
        let (est, errs) = estimate_lines(cat, &indexed);
        prop_assert!(errs.is_empty());
        for l in &est.lines {
            prop_assert_eq!(l.value, l.units * cat.pool(l.pool).unit_price);
        }
        let mut sum = Decimal::ZERO;
        for pool in Pool::ALL {
            let p = est.pool(pool);
            let units: Decimal = est.lines.iter().filter(|l| l.pool == pool).map(|l| l.units).sum();
            prop_assert_eq!(p.units, units);
            prop_assert_eq!(p.value, units * cat.pool(pool).unit_price);
            sum += p.value;
        }
        prop_assert_eq!(est.total_value, sum);
        let by_line: Decimal = est.lines.iter().map(|l| l.value).sum();
        prop_assert_eq!(est.total_value, by_line);
    }

    #[test]
    fn attempts_multiply_units(line in arb_line(), attempts in 100u32..=10_000) {
        let cat = default_catalog();
        let mut one = line.clone();
        one.attempts_per_kept = Decimal::ONE;
        let mut many = line;
        many.attempts_per_kept = Decimal::new(attempts.into(), 2);
        let (a, _) = estimate_lines(cat, &[(0, one)]);
        let (b, _) = estimate_lines(cat, &[(0, many.clone())]);
        prop_assert_eq!(b.lines[0].units, a.lines[0].units * many.attempts_per_kept);
    }

    /// Parsing never panics, whatever the text, and every line is either kept or reported.
    #[test]
    fn any_text_is_kept_or_reported(fields in prop::collection::vec(".{0,12}", 7), n in 1usize..5) {
        let cat = default_catalog();
        let t = |i: usize| Some(fields[i].clone());
        let raw = RawMix { edition: None, lines: (0..n).map(|_| RawLine {
            service: t(0), model: t(1), mode: t(2),
            duration: Some(RawNumber::Text(fields[3].clone())),
            quantity: Some(RawNumber::Text(fields[4].clone())),
            video_seconds: Some(RawNumber::Text(fields[5].clone())),
            attempts_per_kept: Some(RawNumber::Text(fields[6].clone())),
            ..Default::default()
        }).collect() };
        let parsed = parse_mix(cat, &raw);
        let reported: std::collections::BTreeSet<_> = parsed.errors.iter().filter_map(|e| e.line).collect();
        prop_assert_eq!(parsed.lines.len() + reported.len(), n);
    }
}

#[test]
fn ten_seconds_cost_twice_five_wherever_both_are_priced() {
    let cat = default_catalog();
    let mut pairs = 0;
    for s in cat.services {
        for r in s.rows.iter().filter(|r| r.seconds == Some(5)) {
            let ten = s
                .row(r.model, r.mode, Some(10))
                .expect("every 5 s row has a 10 s twin in the seed");
            assert_eq!(ten.units, r.units * Decimal::TWO, "{} {:?} {:?}", s.id, r.model, r.mode);
            pairs += 1;
        }
    }
    assert_eq!(pairs, 14);
}

fn raw_line(service: &str, quantity: RawNumber) -> RawLine {
    RawLine {
        service: Some(service.into()),
        quantity: Some(quantity),
        ..Default::default()
    }
}

#[test]
fn a_bad_line_is_reported_and_the_rest_are_kept() {
    let mut bad = raw_line("video", RawNumber::Int(-4));
    bad.model = Some("v9".into());
    let good = RawLine {
        model: Some("v2.1".into()),
        mode: Some("pro".into()),
        duration: Some(RawNumber::Int(5)),
        ..raw_line("video", RawNumber::Int(400))
    };
    let unknown = raw_line("hologram", RawNumber::Int(1));
    let raw = RawMix {
        edition: None,
        lines: vec![bad, good, unknown],
    };
    let (est, errs) = estimate_raw(&raw);
    assert_eq!(est.lines.len(), 1);
    assert_eq!(est.lines[0].index, 1);
    assert_eq!(est.total_value, Decimal::from(196)); // 400 × 3.5 units × $0.14
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "line 1: model \"v9\" is not offered here; choose one of: v1.0, v1.5, v1.6, v2.1, v2.0-master, v2.1-master",
            "line 1: quantity -4 is negative; it must be 0 or more",
            "line 3: service \"hologram\" is not offered here; choose one of: video, multi-image-video, multi-elements, extension, lip-sync, effect, dual-effect, text-to-audio, video-to-audio, text-to-image, image-to-image, multi-image-image, image-expansion, try-on",
        ]
    );
}

#[test]
fn quantities_are_checked_precisely() {
    let cat = default_catalog();
    let check = |q: RawNumber| {
        let raw = RawMix {
            edition: None,
            lines: vec![raw_line("text-to-audio", q)],
        };
        parse_mix(cat, &raw)
            .errors
            .first()
            .map(|e| (e.field, e.problem.clone()))
    };
    assert_eq!(check(RawNumber::Text("1,000".into())), None);
    assert_eq!(check(RawNumber::Float(3.0)), None);
    assert_eq!(check(RawNumber::Float(2.5)), Some((Field::Quantity, Problem::NotWhole)));
    assert_eq!(
        check(RawNumber::Text("lots".into())),
        Some((Field::Quantity, Problem::NotANumber))
    );
    assert_eq!(
        check(RawNumber::Text("".into())),
        Some((Field::Quantity, Problem::NotANumber))
    );
    assert_eq!(
        check(RawNumber::Float(f64::NAN)),
        Some((Field::Quantity, Problem::NotANumber))
    );
    assert!(matches!(
        check(RawNumber::Text("1e12".into())),
        Some((Field::Quantity, Problem::OutOfRange { .. }))
    ));
    assert!(matches!(
        check(RawNumber::Int(10_000_001)),
        Some((Field::Quantity, Problem::OutOfRange { .. }))
    ));
    assert_eq!(check(RawNumber::Int(10_000_000)), None);
}

#[test]
fn options_must_match_a_priced_row() {
    let cat = default_catalog();
    let mut l = raw_line("video", RawNumber::Int(1));
    let errs = parse_mix(
        cat,
        &RawMix {
            edition: None,
            lines: vec![l.clone()],
        },
    )
    .errors;
    assert_eq!(
        errs[0].message,
        "line 1: model must be chosen: one of v1.0, v1.5, v1.6, v2.1, v2.0-master, v2.1-master"
    );
    l.model = Some("v2.1-master".into());
    l.mode = Some("pro".into());
    let errs = parse_mix(
        cat,
        &RawMix {
            edition: None,
            lines: vec![l.clone()],
        },
    )
    .errors;
    assert_eq!(
        errs[0].message,
        "line 1: mode \"pro\" does not apply to video, which has no such option"
    );
    l.mode = None;
    l.duration = Some(RawNumber::Int(7));
    let errs = parse_mix(
        cat,
        &RawMix {
            edition: None,
            lines: vec![l],
        },
    )
    .errors;
    assert_eq!(
        errs[0].message,
        "line 1: duration \"7\" is not offered here; choose one of: 5, 10"
    );
    // A lip-sync line needs its video length.
    let errs = parse_mix(
        cat,
        &RawMix {
            edition: None,
            lines: vec![raw_line("lip-sync", RawNumber::Int(1))],
        },
    )
    .errors;
    assert_eq!(errs[0].message, "line 1: videoSeconds is missing");
}

#[test]
fn an_unknown_edition_is_reported_and_the_default_used() {
    let raw = RawMix {
        edition: Some("2031".into()),
        lines: vec![raw_line("text-to-audio", RawNumber::Int(4))],
    };
    let (est, errs) = estimate_raw(&raw);
    assert_eq!(est.total_value, Decimal::new(14, 2));
    assert_eq!(errs[0].field, Field::Edition);
    assert_eq!(
        errs[0].message,
        "edition \"2031\" is not offered here; choose one of: seed-2025, kling-2026, kling-2026-12"
    );
}

/// The brief's example: 400 five-second V2.1 pro videos, 60 lip-syncs of 30 s and 5,000
/// Kolors images a month.
#[test]
fn the_brief_example_mix() {
    let cat = default_catalog();
    let lines = kling_pricing::estimate::brief_lines();
    let (est, errs) = estimate_lines(cat, &lines);
    assert!(errs.is_empty());
    // Video: 400 × 3.5 + 60 × 6 segments × 0.5 = 1,400 + 180 = 1,580 units = $221.20.
    assert_eq!(est.pool(Pool::Video).units, Decimal::from(1580));
    assert_eq!(est.pool(Pool::Video).value, Decimal::new(22120, 2));
    // Image: 5,000 × 4 = 20,000 units × $0.0035 = $70.
    assert_eq!(est.pool(Pool::Image).units, Decimal::from(20000));
    assert_eq!(est.pool(Pool::Image).value, Decimal::from(70));
    assert_eq!(est.total_value, Decimal::new(29120, 2));
}
