//! Edition kling-2026 reproduces the 2026 notes row for row: every row in units and dollars at
//! several durations, with its confidence and date, and the retired models marked.
//!
//! The expected figures are written out from the notes' tables (units per second × seconds,
//! × $0.14 a video unit, $0.0035 an image unit, $0.07 a try-on unit), not read from the
//! catalog, so a typo in the data file fails here.

use kling_pricing::catalog::{edition, Billing, Catalog, PriceRow};
use kling_pricing::estimate::estimate_raw;
use kling_pricing::mix::{parse_line, RawLine, RawMix, RawNumber};
use kling_pricing::{price_line, Field, LineEstimate};
use rust_decimal::Decimal;
use std::str::FromStr;

fn kling_2026() -> &'static Catalog {
    edition("kling-2026").expect("the edition is compiled in")
}

/// (service, model, mode, audio, resolution, input, duration, lip-sync input seconds, units, dollars)
/// for one job; "" and 0 mean not given.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    u32,
    &'static str,
    &'static str,
);

/// Every row of the notes, per-second rows at two or more durations.
#[rustfmt::skip]
const ROWS_2026: &[Case] = &[
    ("video", "kling-v2.5-turbo", "std", "none", "", "", 5, 0, "1.5", "0.21"),
    ("video", "kling-v2.5-turbo", "std", "none", "", "", 10, 0, "3", "0.42"),
    ("video", "kling-v2.5-turbo", "pro", "none", "", "", 5, 0, "2.5", "0.35"),
    ("video", "kling-v2.5-turbo", "pro", "none", "", "", 10, 0, "5", "0.7"),
    ("video", "kling-v2.6", "std", "none", "", "", 5, 0, "1.5", "0.21"),
    ("video", "kling-v2.6", "std", "none", "", "", 10, 0, "3", "0.42"),
    ("video", "kling-v2.6", "pro", "none", "", "", 5, 0, "2.5", "0.35"),
    ("video", "kling-v2.6", "pro", "none", "", "", 10, 0, "5", "0.7"),
    ("video", "kling-v2.6", "pro", "native", "", "", 5, 0, "5", "0.7"),
    ("video", "kling-v2.6", "pro", "native", "", "", 10, 0, "10", "1.4"),
    ("video", "kling-v2.6", "pro", "voice", "", "", 5, 0, "6", "0.84"),
    ("video", "kling-v2.6", "pro", "voice", "", "", 10, 0, "12", "1.68"),
    ("video", "kling-v3", "std", "none", "720p", "", 3, 0, "1.8", "0.252"),
    ("video", "kling-v3", "std", "none", "720p", "", 7, 0, "4.2", "0.588"),
    ("video", "kling-v3", "std", "none", "720p", "", 15, 0, "9", "1.26"),
    ("video", "kling-v3", "std", "none", "720p", "", 10, 0, "6", "0.84"),
    ("video", "kling-v3", "pro", "none", "1080p", "", 3, 0, "2.4", "0.336"),
    ("video", "kling-v3", "pro", "none", "1080p", "", 7, 0, "5.6", "0.784"),
    ("video", "kling-v3", "pro", "none", "1080p", "", 15, 0, "12", "1.68"),
    ("video", "kling-v3", "pro", "none", "1080p", "", 10, 0, "8", "1.12"),
    ("video", "kling-v3", "std", "native", "720p", "", 3, 0, "2.7", "0.378"),
    ("video", "kling-v3", "std", "native", "720p", "", 7, 0, "6.3", "0.882"),
    ("video", "kling-v3", "std", "native", "720p", "", 15, 0, "13.5", "1.89"),
    ("video", "kling-v3", "std", "native", "720p", "", 10, 0, "9", "1.26"),
    ("video", "kling-v3", "pro", "native", "1080p", "", 3, 0, "3.6", "0.504"),
    ("video", "kling-v3", "pro", "native", "1080p", "", 7, 0, "8.4", "1.176"),
    ("video", "kling-v3", "pro", "native", "1080p", "", 15, 0, "18", "2.52"),
    ("video", "kling-v3", "pro", "native", "1080p", "", 10, 0, "12", "1.68"),
    ("video", "kling-v3", "std", "voice", "720p", "", 3, 0, "3.3", "0.462"),
    ("video", "kling-v3", "std", "voice", "720p", "", 7, 0, "7.7", "1.078"),
    ("video", "kling-v3", "std", "voice", "720p", "", 15, 0, "16.5", "2.31"),
    ("video", "kling-v3", "std", "voice", "720p", "", 10, 0, "11", "1.54"),
    ("video", "kling-v3", "pro", "voice", "1080p", "", 3, 0, "4.2", "0.588"),
    ("video", "kling-v3", "pro", "voice", "1080p", "", 7, 0, "9.8", "1.372"),
    ("video", "kling-v3", "pro", "voice", "1080p", "", 15, 0, "21", "2.94"),
    ("video", "kling-v3", "pro", "voice", "1080p", "", 10, 0, "14", "1.96"),
    ("video", "kling-v3", "std", "none", "4k", "", 3, 0, "9", "1.26"),
    ("video", "kling-v3", "std", "none", "4k", "", 7, 0, "21", "2.94"),
    ("video", "kling-v3", "std", "none", "4k", "", 15, 0, "45", "6.3"),
    ("video", "kling-v3", "std", "native", "4k", "", 3, 0, "9", "1.26"),
    ("video", "kling-v3", "std", "native", "4k", "", 7, 0, "21", "2.94"),
    ("video", "kling-v3", "std", "native", "4k", "", 15, 0, "45", "6.3"),
    ("video", "kling-v3", "pro", "none", "4k", "", 3, 0, "9", "1.26"),
    ("video", "kling-v3", "pro", "none", "4k", "", 7, 0, "21", "2.94"),
    ("video", "kling-v3", "pro", "none", "4k", "", 15, 0, "45", "6.3"),
    ("video", "kling-v3", "pro", "native", "4k", "", 3, 0, "9", "1.26"),
    ("video", "kling-v3", "pro", "native", "4k", "", 7, 0, "21", "2.94"),
    ("video", "kling-v3", "pro", "native", "4k", "", 15, 0, "45", "6.3"),
    ("video", "kling-v3-omni", "std", "none", "720p", "text-image", 3, 0, "1.8", "0.252"),
    ("video", "kling-v3-omni", "std", "none", "720p", "text-image", 7, 0, "4.2", "0.588"),
    ("video", "kling-v3-omni", "std", "none", "720p", "text-image", 15, 0, "9", "1.26"),
    ("video", "kling-v3-omni", "pro", "none", "1080p", "text-image", 3, 0, "2.4", "0.336"),
    ("video", "kling-v3-omni", "pro", "none", "1080p", "text-image", 7, 0, "5.6", "0.784"),
    ("video", "kling-v3-omni", "pro", "none", "1080p", "text-image", 15, 0, "12", "1.68"),
    ("video", "kling-v3-omni", "std", "native", "720p", "text-image", 3, 0, "2.4", "0.336"),
    ("video", "kling-v3-omni", "std", "native", "720p", "text-image", 7, 0, "5.6", "0.784"),
    ("video", "kling-v3-omni", "std", "native", "720p", "text-image", 15, 0, "12", "1.68"),
    ("video", "kling-v3-omni", "pro", "native", "1080p", "text-image", 3, 0, "3", "0.42"),
    ("video", "kling-v3-omni", "pro", "native", "1080p", "text-image", 7, 0, "7", "0.98"),
    ("video", "kling-v3-omni", "pro", "native", "1080p", "text-image", 15, 0, "15", "2.1"),
    ("video", "kling-v3-omni", "std", "none", "720p", "video-edit", 3, 0, "2.7", "0.378"),
    ("video", "kling-v3-omni", "std", "none", "720p", "video-edit", 7, 0, "6.3", "0.882"),
    ("video", "kling-v3-omni", "std", "none", "720p", "video-edit", 15, 0, "13.5", "1.89"),
    ("video", "kling-v3-omni", "pro", "none", "1080p", "video-edit", 3, 0, "3.6", "0.504"),
    ("video", "kling-v3-omni", "pro", "none", "1080p", "video-edit", 7, 0, "8.4", "1.176"),
    ("video", "kling-v3-omni", "pro", "none", "1080p", "video-edit", 15, 0, "18", "2.52"),
    ("video", "kling-v3-omni", "std", "none", "4k", "text-image", 3, 0, "9", "1.26"),
    ("video", "kling-v3-omni", "std", "none", "4k", "text-image", 7, 0, "21", "2.94"),
    ("video", "kling-v3-omni", "std", "none", "4k", "text-image", 15, 0, "45", "6.3"),
    ("video", "kling-v3-omni", "pro", "none", "4k", "text-image", 3, 0, "9", "1.26"),
    ("video", "kling-v3-omni", "pro", "none", "4k", "text-image", 7, 0, "21", "2.94"),
    ("video", "kling-v3-omni", "pro", "none", "4k", "text-image", 15, 0, "45", "6.3"),
    ("video", "kling-video-o1", "std", "", "", "text-image", 5, 0, "3", "0.42"),
    ("video", "kling-video-o1", "std", "", "", "text-image", 10, 0, "6", "0.84"),
    ("video", "kling-video-o1", "pro", "", "", "text-image", 5, 0, "4", "0.56"),
    ("video", "kling-video-o1", "pro", "", "", "text-image", 10, 0, "8", "1.12"),
    ("video", "kling-video-o1", "std", "", "", "video-edit", 5, 0, "4.5", "0.63"),
    ("video", "kling-video-o1", "std", "", "", "video-edit", 10, 0, "9", "1.26"),
    ("video", "kling-video-o1", "pro", "", "", "video-edit", 5, 0, "6", "0.84"),
    ("video", "kling-video-o1", "pro", "", "", "video-edit", 10, 0, "12", "1.68"),
    ("video", "kling-v3-turbo", "std", "native", "", "", 3, 0, "2.4", "0.336"),
    ("video", "kling-v3-turbo", "std", "native", "", "", 7, 0, "5.6", "0.784"),
    ("video", "kling-v3-turbo", "std", "native", "", "", 15, 0, "12", "1.68"),
    ("video", "kling-v3-turbo", "pro", "native", "", "", 3, 0, "3", "0.42"),
    ("video", "kling-v3-turbo", "pro", "native", "", "", 7, 0, "7", "0.98"),
    ("video", "kling-v3-turbo", "pro", "native", "", "", 15, 0, "15", "2.1"),
    ("video", "v1.5", "std", "", "", "", 5, 0, "2", "0.28"),
    ("video", "v1.5", "std", "", "", "", 10, 0, "4", "0.56"),
    ("video", "v1.5", "pro", "", "", "", 5, 0, "3.5", "0.49"),
    ("video", "v1.5", "pro", "", "", "", 10, 0, "7", "0.98"),
    ("video", "v1.6", "std", "", "", "", 5, 0, "2", "0.28"),
    ("video", "v1.6", "std", "", "", "", 10, 0, "4", "0.56"),
    ("video", "v1.6", "pro", "", "", "", 5, 0, "3.5", "0.49"),
    ("video", "v1.6", "pro", "", "", "", 10, 0, "7", "0.98"),
    ("video", "v2.1", "std", "", "", "", 5, 0, "2", "0.28"),
    ("video", "v2.1", "std", "", "", "", 10, 0, "4", "0.56"),
    ("video", "v2.1", "pro", "", "", "", 5, 0, "3.5", "0.49"),
    ("video", "v2.1", "pro", "", "", "", 10, 0, "7", "0.98"),
    ("video", "v2.1-master", "", "", "", "", 5, 0, "10", "1.4"),
    ("video", "v2.1-master", "", "", "", "", 10, 0, "20", "2.8"),
    ("motion-control", "kling-v2.6", "std", "", "", "", 5, 0, "2.5", "0.35"),
    ("motion-control", "kling-v2.6", "std", "", "", "", 10, 0, "5", "0.7"),
    ("motion-control", "kling-v2.6", "pro", "", "", "", 5, 0, "4", "0.56"),
    ("motion-control", "kling-v2.6", "pro", "", "", "", 10, 0, "8", "1.12"),
    ("motion-control", "kling-v3", "std", "", "", "", 3, 0, "2.7", "0.378"),
    ("motion-control", "kling-v3", "std", "", "", "", 7, 0, "6.3", "0.882"),
    ("motion-control", "kling-v3", "std", "", "", "", 15, 0, "13.5", "1.89"),
    ("motion-control", "kling-v3", "pro", "", "", "", 3, 0, "3.6", "0.504"),
    ("motion-control", "kling-v3", "pro", "", "", "", 7, 0, "8.4", "1.176"),
    ("motion-control", "kling-v3", "pro", "", "", "", 15, 0, "18", "2.52"),
    ("avatar", "kling-avatar-2.0", "std", "", "", "", 1, 0, "0.4", "0.056"),
    ("avatar", "kling-avatar-2.0", "std", "", "", "", 30, 0, "12", "1.68"),
    ("avatar", "kling-avatar-2.0", "std", "", "", "", 300, 0, "120", "16.8"),
    ("avatar", "kling-avatar-2.0", "pro", "", "", "", 1, 0, "0.8", "0.112"),
    ("avatar", "kling-avatar-2.0", "pro", "", "", "", 30, 0, "24", "3.36"),
    ("avatar", "kling-avatar-2.0", "pro", "", "", "", 300, 0, "240", "33.6"),
    ("multi-image-video", "v1.6", "std", "", "", "", 5, 0, "2", "0.28"),
    ("multi-image-video", "v1.6", "std", "", "", "", 10, 0, "4", "0.56"),
    ("multi-image-video", "v1.6", "pro", "", "", "", 5, 0, "3.5", "0.49"),
    ("multi-image-video", "v1.6", "pro", "", "", "", 10, 0, "7", "0.98"),
    ("multi-elements", "v1.6", "std", "", "", "", 5, 0, "3", "0.42"),
    ("multi-elements", "v1.6", "std", "", "", "", 10, 0, "6", "0.84"),
    ("multi-elements", "v1.6", "pro", "", "", "", 5, 0, "5", "0.7"),
    ("multi-elements", "v1.6", "pro", "", "", "", 10, 0, "10", "1.4"),
    ("lip-sync", "", "", "", "", "", 0, 12, "1.5", "0.21"),
    ("lip-sync", "", "", "", "", "", 0, 5, "0.5", "0.07"),
    ("extension", "", "", "", "", "", 0, 0, "2", "0.28"),
    ("video-to-audio", "", "", "", "", "", 0, 0, "0.25", "0.035"),
    ("effect", "jelly_press", "", "", "", "", 0, 0, "2", "0.28"),
    ("effect", "pixelpixel", "", "", "", "", 0, 0, "2", "0.28"),
    ("effect", "yearbook", "", "", "", "", 0, 0, "2", "0.28"),
    ("effect", "bloombloom", "", "", "", "", 0, 0, "3.5", "0.49"),
    ("effect", "dizzydizzy", "", "", "", "", 0, 0, "3.5", "0.49"),
    ("image", "kling-image-o1", "", "", "1k-2k", "", 0, 0, "8", "0.028"),
    ("image", "kling-image-o1", "", "", "4k", "", 0, 0, "16", "0.056"),
    ("image", "kling-v3-image", "", "", "1k-2k", "text-image", 0, 0, "8", "0.028"),
    ("image", "kling-v3-image", "", "", "4k", "text-image", 0, 0, "16", "0.056"),
    ("image", "kling-v3-image", "", "", "1k-2k", "image-edit", 0, 0, "16", "0.056"),
    ("image", "kling-v3-omni-image", "", "", "1k-2k", "", 0, 0, "8", "0.028"),
    ("image", "kling-v3-omni-image", "", "", "4k", "", 0, 0, "16", "0.056"),
    ("text-to-image", "kolors-v1.5", "", "", "", "", 0, 0, "4", "0.014"),
    ("text-to-image", "kolors-v2.0", "", "", "", "", 0, 0, "4", "0.014"),
    ("text-to-image", "kolors-v2.1", "", "", "", "", 0, 0, "4", "0.014"),
    ("image-to-image", "kolors-v1.5", "", "", "", "", 0, 0, "8", "0.028"),
    ("image-to-image", "kolors-v2.0", "", "", "", "", 0, 0, "8", "0.028"),
    ("image-to-image", "kolors-v2.1", "", "", "", "", 0, 0, "8", "0.028"),
    ("try-on", "try-on-v1.0", "", "", "", "", 0, 0, "1", "0.07"),
    ("try-on", "try-on-v1.5", "", "", "", "", 0, 0, "1", "0.07"),
];

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn num(n: u32) -> Option<RawNumber> {
    (n > 0).then_some(RawNumber::Int(n.into()))
}

/// A raw line as a JS caller would write it, quantity 1.
fn raw(c: &Case) -> RawLine {
    let &(service, model, mode, audio, resolution, input, seconds, video_seconds, _, _) = c;
    RawLine {
        service: opt(service),
        model: opt(model),
        mode: opt(mode),
        audio: opt(audio),
        resolution: opt(resolution),
        input: opt(input),
        duration: num(seconds),
        quantity: Some(RawNumber::Int(1)),
        video_seconds: num(video_seconds),
        attempts_per_kept: None,
        own_units: None,
    }
}

fn price(c: &Case) -> LineEstimate {
    let cat = kling_2026();
    let line = parse_line(cat, &raw(c)).unwrap_or_else(|e| panic!("{c:?}: {}", e[0]));
    price_line(cat, 0, &line).unwrap_or_else(|e| panic!("{c:?}: {e}"))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn every_2026_row_prices_as_the_notes_say() {
    for c in ROWS_2026 {
        let e = price(c);
        assert_eq!((e.units, e.value), (dec(c.8), dec(c.9)), "{c:?}");
        assert_eq!(e.units_per_job, dec(c.8), "{c:?}");
    }
}

#[test]
fn every_2026_price_says_how_sure_it_is_and_when() {
    for c in ROWS_2026 {
        let p = price(c).provenance;
        assert!(p.confidence.is_some() && p.as_of.is_some(), "{c:?}: {p:?}");
        assert!(kling_2026().source(p.source).is_some(), "{c:?}");
    }
}

/// The row a case prices, found by the options it gives.
fn row_of(c: &Case) -> &'static PriceRow {
    let cat = kling_2026();
    let line = parse_line(cat, &raw(c)).unwrap();
    cat.service(&line.service).unwrap().find(&line.choice()).unwrap()
}

#[test]
fn the_table_covers_every_row_and_per_second_rows_at_two_durations_or_more() {
    for s in kling_2026().services {
        for r in s.rows {
            let cases: Vec<&Case> = ROWS_2026.iter().filter(|c| std::ptr::eq(row_of(c), r)).collect();
            let wanted = if s.billing == Billing::PerSecond { 2 } else { 1 };
            assert!(
                cases.len() >= wanted,
                "{} {r:?} is priced by {} cases",
                s.id,
                cases.len()
            );
        }
    }
}

#[test]
fn video_3_pro_native_audio_10_s_is_12_units_and_1_68_dollars() {
    let raw: RawMix = serde_json::from_str(
        r#"{"edition": "kling-2026", "lines": [
            {"service": "video", "model": "kling-v3", "mode": "pro", "audio": "native", "duration": 10, "quantity": 1}
        ]}"#,
    )
    .unwrap();
    let (est, errors) = estimate_raw(&raw);
    assert!(errors.is_empty(), "{errors:?}");
    let line = &est.lines[0];
    assert_eq!((line.units, line.value), (Decimal::from(12), Decimal::new(168, 2)));
    assert_eq!(line.units_per_second, Some(Decimal::new(12, 1)));
    assert_eq!(
        line.label,
        "Text-to-video / image-to-video · Kling Video 3.0 · Professional (1080p) · Native audio · 10 s"
    );
    assert_eq!(est.edition, "kling-2026");
    assert_eq!(est.total_value, Decimal::new(168, 2));
}

#[test]
fn a_variant_left_out_is_the_plain_one() {
    let cat = kling_2026();
    let line = |json: &str| parse_line(cat, &serde_json::from_str::<RawLine>(json).unwrap());
    let plain =
        line(r#"{"service": "video", "model": "kling-v3", "mode": "pro", "duration": 10, "quantity": 1}"#).unwrap();
    assert_eq!(
        (
            plain.audio.as_deref(),
            plain.resolution.as_deref(),
            plain.input.as_deref()
        ),
        (Some("none"), Some("1080p"), None)
    );
    assert_eq!(price_line(cat, 0, &plain).unwrap().units, Decimal::from(8));
    // 3.0 Turbo has audio always on: its only audio is native.
    let turbo = line(r#"{"service": "video", "model": "kling-v3-turbo", "mode": "std", "duration": 5, "quantity": 1}"#)
        .unwrap();
    assert_eq!(turbo.audio.as_deref(), Some("native"));
    // O1 has no audio choice at all.
    let e = line(r#"{"service": "video", "model": "kling-video-o1", "mode": "pro", "audio": "native", "duration": 5, "quantity": 1}"#).unwrap_err();
    assert_eq!(e[0].field, Field::Audio);
    assert_eq!(
        e[0].message,
        "audio \"native\" does not apply to video, which has no such option"
    );
}

#[test]
fn a_variant_the_model_does_not_offer_is_reported_with_the_choices() {
    let cat = kling_2026();
    let raw = |json: &str| serde_json::from_str::<RawLine>(json).unwrap();
    let e = parse_line(
        cat,
        &raw(r#"{"service": "video", "model": "kling-v3", "mode": "std", "audio": "voice", "resolution": "4k", "duration": 5, "quantity": 1}"#),
    )
    .unwrap_err();
    assert_eq!(e[0].field, Field::Resolution);
    assert_eq!(
        e[0].message,
        "resolution \"4k\" is not offered here; choose one of: 720p"
    );
    let e = parse_line(
        cat,
        &raw(r#"{"service": "video", "model": "kling-v2.6", "mode": "std", "audio": "native", "duration": 5, "quantity": 1}"#),
    )
    .unwrap_err();
    assert_eq!(
        e[0].message,
        "audio \"native\" is not offered here; choose one of: none"
    );
}

#[test]
fn a_duration_outside_the_range_names_the_range_and_the_model() {
    let cat = kling_2026();
    let msg = |model: &str, secs: &str| {
        let json =
            format!(r#"{{"service": "video", "model": "{model}", "mode": "pro", "duration": {secs}, "quantity": 1}}"#);
        let e = parse_line(cat, &serde_json::from_str::<RawLine>(&json).unwrap()).unwrap_err();
        assert_eq!(e[0].field, Field::Duration);
        e[0].message.clone()
    };
    assert_eq!(
        msg("kling-v3", "16"),
        "duration 16 s is not offered: duration must be 3 to 15 s for Kling Video 3.0"
    );
    assert_eq!(
        msg("kling-v3", "2"),
        "duration 2 s is not offered: duration must be 3 to 15 s for Kling Video 3.0"
    );
    assert_eq!(
        msg("kling-v2.6", "7"),
        "duration 7 s is not offered: duration must be 5 or 10 s for Kling 2.6"
    );
    assert_eq!(
        msg("kling-v3", "null"),
        "duration is missing: duration must be 3 to 15 s for Kling Video 3.0"
    );
}

#[test]
fn retired_models_still_price_and_say_so() {
    let retired = ["v1.5", "v1.6", "v2.1", "v2.1-master", "try-on-v1.0", "try-on-v1.5"];
    for c in ROWS_2026 {
        let e = price(c);
        let r = e.retired.map(|r| (r.date, r.source));
        let expected = retired.contains(&c.1).then_some(("2026-09-15", "comfyui-retirements"));
        assert_eq!(r, expected, "{c:?}");
    }
}

#[test]
fn the_package_menu_is_the_2025_guides_and_says_so() {
    let cat = kling_2026();
    assert_eq!(cat.packages.len(), 6);
    for p in cat.packages {
        assert_eq!(
            p.provenance.confidence,
            Some(kling_pricing::catalog::Confidence::Seed),
            "{}",
            p.id
        );
        assert!(
            p.provenance.note.unwrap_or_default().contains("not confirmed for 2026") || p.custom,
            "{}",
            p.id
        );
    }
    assert!(cat
        .package("package-3")
        .unwrap()
        .provenance
        .note
        .unwrap()
        .contains("$7,560"));
}

#[test]
fn each_conflict_is_a_note_on_its_row() {
    let cat = kling_2026();
    let note = |svc: &str, i: usize| cat.service(svc).unwrap().rows[i].provenance.note.unwrap_or_default();
    assert!(note("lip-sync", 0).contains("$0.10"));
    assert!(cat
        .service("try-on")
        .unwrap()
        .provenance
        .note
        .unwrap()
        .contains("$0.70"));
    assert!(cat
        .pool(kling_pricing::Pool::TryOn)
        .provenance
        .note
        .unwrap()
        .contains("$0.70"));
    let motion = cat.service("motion-control").unwrap();
    for r in motion.rows.iter().filter(|r| r.model == Some("kling-v3")) {
        assert!(r.provenance.note.unwrap().contains("label"), "{r:?}");
    }
}

#[test]
fn seed_2025_stays_the_default_edition() {
    assert_eq!(kling_pricing::default_catalog().edition, "seed-2025");
    let editions: Vec<&str> = kling_pricing::catalog::EDITIONS.iter().map(|c| c.edition).collect();
    assert_eq!(editions, ["seed-2025", "kling-2026", "kling-2026-12"]);
}

/// Every per-second row of kling-2026, with its service id.
fn per_second_rows() -> Vec<(&'static str, &'static PriceRow)> {
    let services = kling_2026().services.iter().filter(|s| s.billing == Billing::PerSecond);
    services.flat_map(|s| s.rows.iter().map(move |r| (s.id, r))).collect()
}

/// A raw line for `row` of `service` asking for `seconds`, `quantity` times.
fn row_line(service: &str, row: &PriceRow, seconds: u32, quantity: u64) -> RawLine {
    let text = |v: Option<&str>| v.map(str::to_string);
    RawLine {
        service: Some(service.to_string()),
        model: text(row.model),
        mode: text(row.mode),
        audio: text(row.audio),
        resolution: text(row.resolution),
        input: text(row.input),
        duration: Some(RawNumber::Int(seconds.into())),
        quantity: Some(RawNumber::Int(quantity as i64)),
        ..RawLine::default()
    }
}

fn units_of(service: &str, row: &PriceRow, seconds: u32, quantity: u64) -> Decimal {
    let cat = kling_2026();
    let line = parse_line(cat, &row_line(service, row, seconds, quantity)).unwrap();
    price_line(cat, 0, &line).unwrap().units
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A per-second row and two durations it allows.
    fn row_and_two_durations() -> impl Strategy<Value = (usize, u32, u32)> {
        let rows = per_second_rows();
        (0..rows.len()).prop_flat_map(move |i| {
            let allowed: Vec<u32> = rows[i].1.durations.unwrap().seconds().collect();
            let pick = prop::sample::select(allowed);
            (Just(i), pick.clone(), pick)
        })
    }

    proptest! {
        /// units = rate × seconds × quantity, exactly, and dollars = units × $0.14.
        #[test]
        fn a_per_second_price_is_rate_times_seconds((i, s, _) in row_and_two_durations(), q in 0u64..=10_000) {
            let (svc, row) = per_second_rows()[i];
            let cat = kling_2026();
            let line = parse_line(cat, &row_line(svc, row, s, q)).unwrap();
            let e = price_line(cat, 0, &line).unwrap();
            prop_assert_eq!(e.units_per_job, (row.units * Decimal::from(s)).normalize());
            prop_assert_eq!(e.units, (row.units * Decimal::from(s) * Decimal::from(q)).normalize());
            prop_assert_eq!(e.value, (e.units * Decimal::new(14, 2)).normalize());
        }

        /// Twice the seconds, twice the units: units(a) × b = units(b) × a.
        #[test]
        fn a_per_second_price_is_linear_in_seconds((i, a, b) in row_and_two_durations()) {
            let (svc, row) = per_second_rows()[i];
            prop_assert_eq!(units_of(svc, row, a, 1) * Decimal::from(b), units_of(svc, row, b, 1) * Decimal::from(a));
        }

        /// Any whole duration the row does not take is rejected, naming the range and model.
        #[test]
        fn a_duration_outside_the_range_is_rejected(i in 0usize..1000, s in 1u32..=3600) {
            let rows = per_second_rows();
            let (svc, row) = rows[i % rows.len()];
            let range = row.durations.unwrap();
            prop_assume!(!range.contains(s));
            let errors = parse_line(kling_2026(), &row_line(svc, row, s, 1)).unwrap_err();
            prop_assert_eq!(errors.len(), 1);
            prop_assert_eq!(errors[0].field, Field::Duration);
            let model = kling_2026().label(row.model.unwrap());
            let wanted = format!("duration must be {} for {model}", range.describe());
            prop_assert!(errors[0].message.ends_with(&wanted), "{} / {}", errors[0].message, wanted);
        }
    }
}

/// What a line editor asks the catalog: the variants a model offers once the earlier choices
/// are made (plain first), the durations it takes, and whether it is retired.
#[test]
fn the_look_ups_a_line_editor_needs() {
    use kling_pricing::catalog::{Choice, Durations, Variant};
    let video = kling_2026().service("video").unwrap();
    let v3_pro = Choice {
        model: Some("kling-v3"),
        mode: Some("pro"),
        ..Choice::default()
    };
    assert_eq!(
        video.variant_choices(&v3_pro, Variant::Audio),
        ["none", "native", "voice"]
    );
    let with = |audio| Choice {
        variants: [Some(audio), None, None],
        ..v3_pro
    };
    assert_eq!(
        video.variant_choices(&with("none"), Variant::Resolution),
        ["1080p", "4k"]
    );
    assert_eq!(video.variant_choices(&with("voice"), Variant::Resolution), ["1080p"]);
    assert!(video.variant_choices(&v3_pro, Variant::Input).is_empty());
    let full = Choice {
        variants: [Some("native"), Some("1080p"), None],
        ..v3_pro
    };
    let range = video.seconds_range(&full).unwrap();
    assert_eq!(
        range,
        Durations {
            min: 3,
            max: 15,
            step: 1
        }
    );
    assert_eq!(range.describe(), "3 to 15 s");
    assert_eq!(range.seconds().count(), 13);
    assert_eq!(video.durations(Some("kling-v2.6"), Some("pro")), [5, 10]);
    assert_eq!(video.retirement(Some("v2.1")).unwrap().date, "2026-09-15");
    assert_eq!(video.retirement(Some("kling-v3")), None);
    let seed_video = kling_pricing::default_catalog().service("video").unwrap();
    assert_eq!(
        seed_video.seconds_range(&Choice {
            model: Some("v2.1"),
            mode: Some("pro"),
            ..Choice::default()
        }),
        None
    );
    assert!(seed_video.variants.is_empty());
}

#[test]
fn durations_are_described_as_a_person_would() {
    use kling_pricing::catalog::Durations;
    let d = |min, max, step| Durations { min, max, step }.describe();
    assert_eq!(d(3, 15, 1), "3 to 15 s");
    assert_eq!(d(5, 10, 5), "5 or 10 s");
    assert_eq!(d(5, 15, 5), "5, 10 or 15 s");
    assert_eq!(d(5, 5, 1), "5 s");
    let five_or_ten = Durations {
        min: 5,
        max: 10,
        step: 5,
    };
    assert!(five_or_ten.contains(5) && five_or_ten.contains(10));
    assert!(!five_or_ten.contains(7) && !five_or_ten.contains(15) && !five_or_ten.contains(0));
}

/// The page states an edition's confidence next to its name from these counts: every price is
/// counted once, by its confidence in kling-2026 and by its status in seed-2025.
#[test]
fn every_price_of_an_edition_is_counted_once_by_how_sure_it_is() {
    for cat in kling_pricing::catalog::EDITIONS {
        let c = cat.trust_counts();
        let rows: usize = cat.services.iter().map(|s| s.rows.len()).sum();
        let packs = cat.packages.iter().filter(|p| !p.custom).count();
        let counted = c.official
            + c.inferred
            + c.seed
            + c.listed
            + c.guide
            + c.assumed
            + c.confirmed
            + c.contradicted
            + c.unconfirmed;
        assert_eq!(counted, rows + cat.pools.len() + packs, "{}", cat.edition);
    }
    let c = kling_2026().trust_counts();
    assert!(c.official > 0 && c.inferred > 0 && c.seed > 0, "{c:?}");
    assert_eq!(
        c.confirmed + c.contradicted + c.unconfirmed,
        0,
        "2026 states a confidence everywhere"
    );
    let s = kling_pricing::default_catalog().trust_counts();
    assert_eq!(s.official + s.inferred + s.seed, 0, "seed-2025 predates confidence");
}

/// fal.ai and Runware pass Kling's list price through: each of their per-use prices is its
/// row's units (per second, segment or job, as the row bills) at $0.14 a video unit. The
/// others charge no less (Replicate's V2.1 Master is at the list price, the rest marked up).
/// Every per-use price carries its source, date and confidence.
#[test]
fn pass_through_sellers_charge_the_list_price() {
    use kling_pricing::catalog::Confidence;
    let cat = kling_2026();
    let ids: Vec<&str> = cat.per_use.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["fal", "runware", "replicate", "piapi", "krea"]);
    for seller in cat.per_use {
        for p in seller.prices {
            let service = cat.service(p.service).unwrap();
            let row = &service.rows[p.row];
            let list = row.units * cat.pool(service.pool).unit_price;
            if ["fal", "runware"].contains(&seller.id) {
                assert_eq!(p.price, list, "{} {:?}", seller.id, row.model);
            } else {
                assert!(
                    p.price >= list,
                    "{} {:?} is not below the list price",
                    seller.id,
                    row.model
                );
            }
            assert!(cat.source(p.provenance.source).is_some());
            assert!(p.provenance.as_of.is_some());
            assert!(matches!(
                p.provenance.confidence,
                Some(Confidence::Listed | Confidence::Inferred)
            ));
        }
    }
    // seed-2025 has no per-use sellers.
    assert!(kling_pricing::default_catalog().per_use.is_empty());
}
