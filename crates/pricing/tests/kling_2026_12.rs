//! Edition kling-2026-12 reproduces the notes' "December 2026 update": Kling 4.0, 4.0 Flash and
//! Image 4.0 in units and dollars at each end of their durations, the reference-video billing
//! rule, the new per-use prices, the corrections, the retirements and the two package menus.
//!
//! The expected figures are written out from the notes (units per second × billed seconds ×
//! $0.14 a video unit, $0.0035 an image unit; a seller's price × billed seconds × quantity), not
//! read from the catalog, so a typo in the data file fails here.

use kling_pricing::catalog::{edition, Billing, Catalog, Confidence, PriceRow, Service};
use kling_pricing::mix::{parse_line, JobLine, RawLine};
use kling_pricing::plan::{plan, PlanField, PlanOptions};
use kling_pricing::{price_line, Field, InputError, LineEstimate, Pool, Problem};
use rust_decimal::Decimal;
use std::str::FromStr;

fn kling_2026_12() -> &'static Catalog {
    edition("kling-2026-12").expect("the edition is compiled in")
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A raw line as a JS caller writes it: `service`, the options (`"model": …, …` or ""), a
/// duration and an input video length (0: left out) and a quantity.
fn raw(service: &str, options: &str, duration: u32, video_seconds: u32, quantity: u32) -> RawLine {
    let mut fields = vec![format!(r#""service": "{service}""#)];
    fields.extend((!options.is_empty()).then(|| options.to_string()));
    fields.extend((duration > 0).then(|| format!(r#""duration": {duration}"#)));
    fields.extend((video_seconds > 0).then(|| format!(r#""videoSeconds": {video_seconds}"#)));
    fields.push(format!(r#""quantity": {quantity}"#));
    serde_json::from_str(&format!("{{{}}}", fields.join(", "))).unwrap()
}

fn line(service: &str, options: &str, duration: u32, video_seconds: u32) -> Result<JobLine, Vec<InputError>> {
    parse_line(kling_2026_12(), &raw(service, options, duration, video_seconds, 1))
}

fn price(service: &str, options: &str, duration: u32, video_seconds: u32) -> LineEstimate {
    let what = format!("{service} {options} {duration} s {video_seconds} s");
    let l = line(service, options, duration, video_seconds).unwrap_or_else(|e| panic!("{what}: {}", e[0]));
    price_line(kling_2026_12(), 0, &l).unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// The one problem of a line the catalog refuses.
fn refused(service: &str, options: &str, duration: u32, video_seconds: u32) -> InputError {
    let errors = line(service, options, duration, video_seconds).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

/// The service and row a line prices.
fn row_of(service: &str, options: &str, duration: u32, video_seconds: u32) -> (&'static Service, &'static PriceRow) {
    let l = line(service, options, duration, video_seconds).unwrap();
    let s = kling_2026_12().service(&l.service).unwrap();
    (s, s.find(&l.choice()).unwrap())
}

const V4_720: &str = r#""model": "kling-v4", "resolution": "720p", "input": "text-image""#;
const V4_1080: &str = r#""model": "kling-v4", "resolution": "1080p", "input": "text-image""#;
const V4_720_REF: &str = r#""model": "kling-v4", "resolution": "720p", "input": "reference-video""#;
const V4_1080_REF: &str = r#""model": "kling-v4", "resolution": "1080p", "input": "reference-video""#;
const V4_720_EDIT: &str = r#""model": "kling-v4", "resolution": "720p", "input": "video-edit""#;
const V4_1080_EDIT: &str = r#""model": "kling-v4", "resolution": "1080p", "input": "video-edit""#;
const FLASH: &str = r#""model": "kling-v4-flash", "input": "text-image""#;
const FLASH_REF: &str = r#""model": "kling-v4-flash", "input": "reference-video""#;
const IMAGE_V4: &str = r#""model": "kling-image-v4", "resolution": "2k", "input": "text-image""#;
const IMAGE_V4_EDIT: &str = r#""model": "kling-image-v4", "resolution": "2k", "input": "image-edit""#;

/// (service, options, duration, input video seconds, billed seconds, units, dollars); 0: none.
type Case = (&'static str, &'static str, u32, u32, u32, &'static str, &'static str);

/// Every 4.0 row: per-second rows at 3 s, at their longest (30 s for 4.0, 20 s for Flash) and
/// in between. The notes' units per second: 4.0 1.1 (720p) / 1.7 (1080p); with a reference or
/// a video to edit 0.7 / 1.0 per billable second, max(input, output) + output; Flash 0.7, with
/// a reference 0.9; Image 4.0 18 units, an edit 19.
#[rustfmt::skip]
const ROWS_4_0: &[Case] = &[
    ("video", V4_720, 3, 0, 0, "3.3", "0.462"),
    ("video", V4_720, 10, 0, 0, "11", "1.54"),
    ("video", V4_720, 30, 0, 0, "33", "4.62"),
    ("video", V4_1080, 3, 0, 0, "5.1", "0.714"),
    ("video", V4_1080, 10, 0, 0, "17", "2.38"),
    ("video", V4_1080, 30, 0, 0, "51", "7.14"),
    // An input no longer than the output: twice the output is billed.
    ("video", V4_720_REF, 3, 3, 6, "4.2", "0.588"),
    ("video", V4_720_REF, 10, 6, 20, "14", "1.96"),
    ("video", V4_720_REF, 30, 1, 60, "42", "5.88"),
    ("video", V4_1080_REF, 3, 3, 6, "6", "0.84"),
    ("video", V4_1080_REF, 10, 25, 35, "35", "4.9"),
    ("video", V4_1080_REF, 30, 30, 60, "60", "8.4"),
    ("video", V4_720_EDIT, 3, 2, 6, "4.2", "0.588"),
    ("video", V4_720_EDIT, 12, 12, 24, "16.8", "2.352"),
    ("video", V4_720_EDIT, 30, 45, 75, "52.5", "7.35"),
    ("video", V4_1080_EDIT, 3, 1, 6, "6", "0.84"),
    ("video", V4_1080_EDIT, 15, 20, 35, "35", "4.9"),
    ("video", V4_1080_EDIT, 30, 10, 60, "60", "8.4"),
    ("video", FLASH, 3, 0, 0, "2.1", "0.294"),
    ("video", FLASH, 10, 0, 0, "7", "0.98"),
    ("video", FLASH, 20, 0, 0, "14", "1.96"),
    ("video", FLASH_REF, 3, 3, 6, "5.4", "0.756"),
    ("video", FLASH_REF, 10, 25, 35, "31.5", "4.41"),
    ("video", FLASH_REF, 20, 5, 40, "36", "5.04"),
    ("image", IMAGE_V4, 0, 0, 0, "18", "0.063"),
    ("image", IMAGE_V4_EDIT, 0, 0, 0, "19", "0.0665"),
];

#[test]
fn every_4_0_row_prices_as_the_notes_say() {
    for c in ROWS_4_0 {
        let &(service, options, seconds, video, billed, units, dollars) = c;
        let e = price(service, options, seconds, video);
        assert_eq!((e.units, e.value), (dec(units), dec(dollars)), "{c:?}");
        assert_eq!(e.billed_seconds, (billed > 0).then_some(billed), "{c:?}");
        assert_eq!(e.retired, None, "{c:?}");
    }
}

#[test]
fn every_4_0_row_is_assumed_and_says_from_what() {
    for c in ROWS_4_0 {
        let p = price(c.0, c.1, c.2, c.3).provenance;
        assert_eq!(p.confidence, Some(Confidence::Assumed), "{c:?}");
        assert!(
            p.note.unwrap_or_default().starts_with("No Kling figure is known: "),
            "{c:?}"
        );
        assert!(p.as_of.is_some() && kling_2026_12().source(p.source).is_some(), "{c:?}");
    }
    // Ten rows are guessed (eight video, two image), and nothing else in the edition.
    assert_eq!(kling_2026_12().trust_counts().assumed, 10);
}

#[test]
fn the_table_covers_every_4_0_row_per_second_rows_at_three_durations() {
    let models = ["kling-v4", "kling-v4-flash", "kling-image-v4"];
    for s in kling_2026_12().services {
        for r in s.rows.iter().filter(|r| r.model.is_some_and(|m| models.contains(&m))) {
            let cases = ROWS_4_0.iter().filter(|c| {
                let (cs, cr) = row_of(c.0, c.1, c.2, c.3);
                cs.id == s.id && std::ptr::eq(cr, r)
            });
            let wanted = if s.billing == Billing::PerSecond { 3 } else { 1 };
            assert_eq!(cases.count(), wanted, "{} {r:?}", s.id);
        }
    }
}

#[test]
fn a_4_0_line_that_leaves_out_its_variants_is_720p_text_or_image_with_audio() {
    let l = line("video", r#""model": "kling-v4""#, 10, 0).unwrap();
    let variants = (l.audio.as_deref(), l.resolution.as_deref(), l.input.as_deref());
    assert_eq!(variants, (Some("native"), Some("720p"), Some("text-image")));
    assert_eq!(price_line(kling_2026_12(), 0, &l).unwrap().units, dec("11"));
    assert_eq!(
        refused("video", r#""model": "kling-v4", "audio": "none""#, 10, 0).field,
        Field::Audio
    );
}

#[test]
fn a_duration_or_resolution_4_0_does_not_offer_is_refused_naming_the_range() {
    let e = refused("video", V4_720, 31, 0);
    assert_eq!(e.field, Field::Duration);
    assert_eq!(
        e.message,
        "duration 31 s is not offered: duration must be 3 to 30 s for Kling 4.0"
    );
    let e = refused("video", V4_1080, 2, 0);
    assert_eq!(e.field, Field::Duration);
    assert_eq!(
        e.message,
        "duration 2 s is not offered: duration must be 3 to 30 s for Kling 4.0"
    );
    let e = refused("video", FLASH, 21, 0);
    assert_eq!(e.field, Field::Duration);
    assert_eq!(
        e.message,
        "duration 21 s is not offered: duration must be 3 to 20 s for Kling 4.0 Flash"
    );
    let e = refused("video", r#""model": "kling-v4-flash", "resolution": "1080p""#, 10, 0);
    assert_eq!(e.field, Field::Resolution);
    assert_eq!(
        e.message,
        "resolution \"1080p\" is not offered here; choose one of: 720p"
    );
}

/// The notes' example: a 10 s output from a 6 s reference bills 20 s, from a 25 s reference
/// 35 s (max(input, output) + output), in units and at fal.ai's $0.094 a billable second.
#[test]
fn a_reference_video_bills_the_longer_of_input_and_output_plus_the_output() {
    let cat = kling_2026_12();
    let fal = cat.per_use_source("fal").unwrap();
    for (input, billed, units, dollars, fal_dollars) in
        [(6, 20, "14", "1.96", "1.88"), (25, 35, "24.5", "3.43", "3.29")]
    {
        let e = price("video", V4_720_REF, 10, input);
        assert_eq!(e.billed_seconds, Some(billed));
        assert_eq!((e.units, e.value), (dec(units), dec(dollars)));
        assert_eq!(e.units_per_second, Some(dec("0.7")));
        let l = line("video", V4_720_REF, 10, input).unwrap();
        let q = kling_pricing::per_use::quote(cat, fal, &[l]);
        assert_eq!(q.pools[0].dollars, dec(fal_dollars));
        assert_eq!(dec(fal_dollars), dec("0.094") * Decimal::from(billed));
    }
    assert_eq!(
        price("video", V4_720_REF, 10, 6).label,
        "Text-to-video / image-to-video · Kling 4.0 · Reference video · 10 s · 6 s input video, 20 s billed"
    );
    // The input video's length is needed, and only where the row takes one.
    let e = refused("video", V4_720_REF, 10, 0);
    assert_eq!((e.field, e.problem), (Field::VideoSeconds, Problem::Missing));
    let e = refused("video", V4_720, 10, 6);
    assert_eq!(e.field, Field::VideoSeconds);
    assert!(matches!(e.problem, Problem::NotApplicable { .. }), "{e:?}");
}

/// 3.0 Omni and O1 video edits are billed on output seconds: no source states the 4.0 rule
/// for them, and their notes say so.
#[test]
fn omni_and_o1_video_edits_bill_output_seconds_only() {
    for (options, seconds, units, dollars) in [
        (
            r#""model": "kling-v3-omni", "mode": "std", "resolution": "720p", "input": "video-edit""#,
            10,
            "9",
            "1.26",
        ),
        (
            r#""model": "kling-video-o1", "mode": "pro", "input": "video-edit""#,
            7,
            "8.4",
            "1.176",
        ),
    ] {
        let e = price("video", options, seconds, 0);
        assert_eq!((e.units, e.value, e.billed_seconds), (dec(units), dec(dollars), None));
        assert!(e.provenance.note.unwrap().contains("rule is not stated for this model"));
        assert_eq!(refused("video", options, seconds, 6).field, Field::VideoSeconds);
    }
}

/// (seller, service, options, duration, input video seconds, quantity, the seller's dollars):
/// the notes' price × billed seconds (segments for lip-sync, 1 a job) × quantity.
type SellerCase = (&'static str, &'static str, &'static str, u32, u32, u32, &'static str);

const V3_STD: &str = r#""model": "kling-v3", "mode": "std", "audio": "none", "resolution": "720p""#;
const V3_PRO: &str = r#""model": "kling-v3", "mode": "pro", "audio": "none", "resolution": "1080p""#;
const V3_PRO_AUDIO: &str = r#""model": "kling-v3", "mode": "pro", "audio": "native", "resolution": "1080p""#;
const TURBO_STD: &str = r#""model": "kling-v3-turbo", "mode": "std""#;
const TURBO_PRO: &str = r#""model": "kling-v3-turbo", "mode": "pro""#;

/// Every per-use price new in this edition, or changed since kling-2026.
#[rustfmt::skip]
const SELLERS: &[SellerCase] = &[
    // fal.ai's 4.0 (learn page, 2026-10).
    ("fal", "video", V4_720, 10, 0, 2, "3.14"),
    ("fal", "video", V4_1080, 30, 0, 1, "7.05"),
    ("fal", "video", V4_720_REF, 10, 6, 1, "1.88"),
    ("fal", "video", V4_1080_REF, 10, 25, 1, "4.935"),
    ("fal", "video", V4_720_EDIT, 5, 5, 3, "2.82"),
    ("fal", "video", V4_1080_EDIT, 3, 12, 1, "2.115"),
    // muapi (2026-11): 4.0 as fal.ai, Flash 0.094, Flash reference 0.126, Image 4.0 0.063 / 0.066.
    ("muapi", "video", V4_720, 10, 0, 1, "1.57"),
    ("muapi", "video", V4_1080, 10, 0, 1, "2.35"),
    ("muapi", "video", V4_720_REF, 10, 6, 1, "1.88"),
    ("muapi", "video", V4_1080_REF, 10, 25, 1, "4.935"),
    ("muapi", "video", V4_720_EDIT, 10, 6, 1, "1.88"),
    ("muapi", "video", V4_1080_EDIT, 10, 6, 1, "2.82"),
    ("muapi", "video", FLASH, 20, 0, 1, "1.88"),
    ("muapi", "video", FLASH_REF, 10, 6, 1, "2.52"),
    ("muapi", "image", IMAGE_V4, 0, 0, 10, "0.63"),
    ("muapi", "image", IMAGE_V4_EDIT, 0, 0, 10, "0.66"),
    // PiAPI: 4.0 0.1667 / 0.25, Flash 0.10, 3.0 Turbo 0.13 / 0.19.
    ("piapi", "video", V4_720, 10, 0, 1, "1.667"),
    ("piapi", "video", V4_1080, 10, 0, 1, "2.5"),
    ("piapi", "video", FLASH, 10, 0, 1, "1"),
    ("piapi", "video", TURBO_STD, 10, 0, 1, "1.3"),
    ("piapi", "video", TURBO_PRO, 10, 0, 1, "1.9"),
    // Venice: 4.0 0.1963 / 0.294, Flash 0.1174, v3 std 0.0925, v3 and O3 4K 0.462.
    ("venice", "video", V4_720, 10, 0, 1, "1.963"),
    ("venice", "video", V4_1080, 10, 0, 1, "2.94"),
    ("venice", "video", FLASH, 10, 0, 1, "1.174"),
    ("venice", "video", V3_STD, 10, 0, 1, "0.925"),
    ("venice", "video", r#""model": "kling-v3", "mode": "std", "audio": "none", "resolution": "4k""#, 10, 0, 1, "4.62"),
    ("venice", "video", r#""model": "kling-v3", "mode": "std", "audio": "native", "resolution": "4k""#, 10, 0, 1, "4.62"),
    ("venice", "video", r#""model": "kling-v3", "mode": "pro", "audio": "none", "resolution": "4k""#, 5, 0, 1, "2.31"),
    ("venice", "video", r#""model": "kling-v3", "mode": "pro", "audio": "native", "resolution": "4k""#, 5, 0, 1, "2.31"),
    ("venice", "video", r#""model": "kling-v3-omni", "mode": "std", "resolution": "4k""#, 10, 0, 1, "4.62"),
    ("venice", "video", r#""model": "kling-v3-omni", "mode": "pro", "resolution": "4k""#, 3, 0, 1, "1.386"),
    // APIMart (2026-10-12): v3 0.0672 / 0.0896 / 0.112 with sound; motion control from 0.1029.
    ("apimart", "video", V3_STD, 10, 0, 1, "0.672"),
    ("apimart", "video", V3_PRO, 10, 0, 1, "0.896"),
    ("apimart", "video", V3_PRO_AUDIO, 10, 0, 1, "1.12"),
    ("apimart", "motion-control", r#""model": "kling-v3", "mode": "std""#, 30, 0, 1, "3.087"),
    // ComfyUI: 2.5 Turbo pro $0.35 per 5 s, 3.0 Turbo 0.112 / 0.14, lip-sync $0.07 a 5 s
    // segment, images $0.028 (1K/2K) and $0.056 (4K or an edit).
    ("comfyui", "video", r#""model": "kling-v2.5-turbo", "mode": "pro""#, 5, 0, 1, "0.35"),
    ("comfyui", "video", TURBO_STD, 10, 0, 1, "1.12"),
    ("comfyui", "video", TURBO_PRO, 10, 0, 1, "1.4"),
    ("comfyui", "lip-sync", "", 0, 12, 1, "0.21"),
    ("comfyui", "image", r#""model": "kling-image-o1", "resolution": "1k-2k""#, 0, 0, 1, "0.028"),
    ("comfyui", "image", r#""model": "kling-image-o1", "resolution": "4k""#, 0, 0, 1, "0.056"),
    ("comfyui", "image", r#""model": "kling-v3-image", "resolution": "1k-2k", "input": "text-image""#, 0, 0, 1, "0.028"),
    ("comfyui", "image", r#""model": "kling-v3-image", "resolution": "4k", "input": "text-image""#, 0, 0, 1, "0.056"),
    ("comfyui", "image", r#""model": "kling-v3-image", "resolution": "1k-2k", "input": "image-edit""#, 0, 0, 1, "0.056"),
    ("comfyui", "image", r#""model": "kling-v3-omni-image", "resolution": "1k-2k""#, 0, 0, 1, "0.028"),
    ("comfyui", "image", r#""model": "kling-v3-omni-image", "resolution": "4k""#, 0, 0, 1, "0.056"),
    // WaveSpeed: Image 4.0 0.063 / 0.066.
    ("wavespeed", "image", IMAGE_V4, 0, 0, 1, "0.063"),
    ("wavespeed", "image", IMAGE_V4_EDIT, 0, 0, 1, "0.066"),
];

#[test]
fn each_new_per_use_price_quotes_a_line_as_the_notes_say() {
    let cat = kling_2026_12();
    for c in SELLERS {
        let &(seller, service, options, seconds, video, quantity, dollars) = c;
        let l = parse_line(cat, &raw(service, options, seconds, video, quantity)).unwrap();
        let q = kling_pricing::per_use::quote(cat, cat.per_use_source(seller).unwrap(), &[l]);
        assert!(q.missing.is_empty(), "{c:?}: {q:?}");
        assert_eq!(q.pools.len(), 1, "{c:?}");
        assert_eq!(q.pools[0].dollars, dec(dollars), "{c:?}");
    }
}

/// What identifies a row across editions: service, model, mode, seconds and variants.
type RowKey = (&'static str, [Option<&'static str>; 5], Option<u32>);

fn key(service: &Service, row: &PriceRow) -> RowKey {
    let options = [row.model, row.mode, row.audio, row.resolution, row.input];
    (service.id, options, row.seconds)
}

/// Every price a seller lists here and did not list at the same figure in kling-2026 is one
/// of the cases above.
#[test]
fn the_seller_cases_cover_every_new_or_changed_per_use_price() {
    let (cat, old) = (kling_2026_12(), edition("kling-2026").unwrap());
    let covered: Vec<(&str, RowKey)> = SELLERS
        .iter()
        .map(|c| {
            let (s, r) = row_of(c.1, c.2, c.3, c.4);
            (c.0, key(s, r))
        })
        .collect();
    let mut new = 0;
    for seller in cat.per_use {
        for p in seller.prices {
            let service = cat.service(p.service).unwrap();
            let k = key(service, &service.rows[p.row]);
            let before = old
                .per_use_source(seller.id)
                .into_iter()
                .flat_map(|s| s.prices)
                .any(|q| {
                    let s = old.service(q.service).unwrap();
                    key(s, &s.rows[q.row]) == k && q.price == p.price
                });
            if !before {
                new += 1;
                assert!(covered.contains(&(seller.id, k)), "{} {k:?} has no case", seller.id);
            }
        }
    }
    assert_eq!(new, SELLERS.len());
}

#[test]
fn the_sellers_are_listed_fal_first_each_price_dated() {
    let cat = kling_2026_12();
    let ids: Vec<&str> = cat.per_use.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "fal",
            "runware",
            "replicate",
            "piapi",
            "krea",
            "muapi",
            "venice",
            "apimart",
            "comfyui",
            "wavespeed"
        ]
    );
    for seller in cat.per_use {
        for p in seller.prices {
            assert!(p.provenance.as_of.is_some() && cat.source(p.provenance.source).is_some());
        }
    }
    // A price read rather than listed says so: Venice's v3 std names no audio choice, and
    // APIMart's motion control is a "from" price.
    let note = |seller: &str, service: &str, options: &str| {
        let (s, r) = row_of(service, options, 10, 0);
        let p = cat.per_use_source(seller).unwrap().price(s, r).unwrap().provenance;
        assert_eq!(p.confidence, Some(Confidence::Inferred), "{seller}");
        p.note.unwrap()
    };
    assert!(note("venice", "video", V3_STD).contains("no audio"));
    assert!(note("apimart", "motion-control", r#""model": "kling-v3", "mode": "std""#).contains("\"from\""));
}

/// fal.ai, Runware and ComfyUI pass Kling's list price through wherever Kling's figure is
/// known: each of their prices on a row not assumed is the row's units at the pool's price.
#[test]
fn pass_through_sellers_charge_the_list_price_on_every_known_row() {
    let cat = kling_2026_12();
    for id in ["fal", "runware", "comfyui"] {
        for p in cat.per_use_source(id).unwrap().prices {
            let service = cat.service(p.service).unwrap();
            let row = &service.rows[p.row];
            if row.provenance.confidence != Some(Confidence::Assumed) {
                let list = row.units * cat.pool(service.pool).unit_price;
                assert_eq!(p.price, list, "{id} {:?}", row.model);
            }
        }
    }
}

#[test]
fn the_corrected_durations_are_taken() {
    let motion = |mode: &str| format!(r#""model": "kling-v3", "mode": "{mode}""#);
    // 3.0 motion control, 0.9 / 1.2 units a second, now to 30 s.
    let e = price("motion-control", &motion("std"), 30, 0);
    assert_eq!((e.units, e.value), (dec("27"), dec("3.78")));
    let e = price("motion-control", &motion("pro"), 30, 0);
    assert_eq!((e.units, e.value), (dec("36"), dec("5.04")));
    let e = refused("motion-control", &motion("pro"), 31, 0);
    assert_eq!(
        e.message,
        "duration 31 s is not offered: duration must be 3 to 30 s for Kling Video 3.0"
    );
    // Video O1, 0.6 / 0.8 units a second (0.9 / 1.2 editing a video), now any second 3 to 10.
    let o1 = |mode: &str, input: &str| format!(r#""model": "kling-video-o1", "mode": "{mode}", "input": "{input}""#);
    for (options, seconds, units, dollars) in [
        (o1("std", "text-image"), 3, "1.8", "0.252"),
        (o1("std", "text-image"), 7, "4.2", "0.588"),
        (o1("pro", "text-image"), 3, "2.4", "0.336"),
        (o1("pro", "text-image"), 7, "5.6", "0.784"),
        (o1("std", "video-edit"), 3, "2.7", "0.378"),
        (o1("pro", "video-edit"), 7, "8.4", "1.176"),
    ] {
        let e = price("video", &options, seconds, 0);
        assert_eq!((e.units, e.value), (dec(units), dec(dollars)), "{options} {seconds} s");
    }
    let e = refused("video", &o1("pro", "text-image"), 11, 0);
    assert_eq!(
        e.message,
        "duration 11 s is not offered: duration must be 3 to 10 s for Kling Video O1"
    );
}

#[test]
fn the_regraded_conflicts_say_what_resolves_them() {
    let cat = kling_2026_12();
    let lip = cat.service("lip-sync").unwrap();
    assert_eq!(lip.rows[0].units, dec("0.5"));
    assert!(lip.rows[0].provenance.note.unwrap().contains("2026-08-10"));
    let try_on = price("try-on", r#""model": "try-on-v1.5""#, 0, 0);
    assert_eq!((try_on.units, try_on.value), (dec("1"), dec("0.07")));
    assert_eq!(try_on.provenance.confidence, Some(Confidence::Inferred));
    assert!(cat
        .service("try-on")
        .unwrap()
        .provenance
        .note
        .unwrap()
        .contains("14.77"));
}

/// Every retirement the notes list is on 2026-09-15, each with its source; the models still
/// price. V1.6's multi-image and multi-elements rows are marked by V1.6's retirement.
#[test]
fn every_retirement_is_dated_2026_09_15() {
    let cases = [
        ("text-to-image", "kolors-v2.0", 0, "comfyui-changes"),
        ("image-to-image", "kolors-v2.0", 0, "comfyui-changes"),
        ("text-to-image", "kolors-v1.5", 0, "partner-retirements"),
        ("image-to-image", "kolors-v1.5", 0, "partner-retirements"),
        ("text-to-image", "kolors-v2.1", 0, "partner-retirements"),
        ("image-to-image", "kolors-v2.1", 0, "partner-retirements"),
        ("effect", "jelly_press", 0, "partner-retirements"),
        ("effect", "pixelpixel", 0, "partner-retirements"),
        ("effect", "yearbook", 0, "partner-retirements"),
        ("effect", "bloombloom", 0, "partner-retirements"),
        ("effect", "dizzydizzy", 0, "partner-retirements"),
        // Kept from kling-2026.
        ("try-on", "try-on-v1.0", 0, "comfyui-retirements"),
        ("video", "v2.1-master", 5, "comfyui-retirements"),
    ];
    for (service, model, seconds, source) in cases {
        let e = price(service, &format!(r#""model": "{model}""#), seconds, 0);
        let r = e.retired.map(|r| (r.date, r.source));
        assert_eq!(r, Some(("2026-09-15", source)), "{service} {model}");
    }
    for service in ["multi-image-video", "multi-elements"] {
        let e = price(service, r#""model": "v1.6", "mode": "pro""#, 5, 0);
        assert_eq!(e.retired.map(|r| r.date), Some("2026-09-15"), "{service}");
    }
    // The low-medium confidence of the partner lists is said where a user reads it.
    let note = kling_2026_12().service("effect").unwrap().provenance.note.unwrap();
    assert!(note.contains("low-medium confidence"));
}

/// (id, price, units, validity days, concurrency, trial, discount %) of a package.
type Terms = (&'static str, &'static str, u64, u32, u32, bool, Option<&'static str>);

/// The 2026 guide's packages, as the notes give them.
#[rustfmt::skip]
const MENU_2026: &[Terms] = &[
    ("trial-s-2026", "9.8", 100, 30, 5, true, None),
    ("trial-l-2026", "98", 1_000, 30, 5, true, None),
    ("package-1-2026", "700", 5_000, 180, 20, false, Some("0")),
    ("package-2-2026", "2100", 15_000, 180, 20, false, Some("0")),
    ("package-3-2026", "5670", 45_000, 180, 20, false, Some("10")),
    ("package-4-2026", "7560", 60_000, 180, 20, false, Some("10")),
];

#[test]
fn two_menus_the_2026_guides_first() {
    let cat = kling_2026_12();
    let ids: Vec<&str> = cat.menus.iter().map(|m| m.id).collect();
    assert_eq!(ids, ["guide-2026", "guide-2025"]);
    assert_eq!(cat.default_menu().id, "guide-2026");
    assert_eq!(cat.menus[0].name, "the 2026 guide's menu");
    assert_eq!(cat.menus[0].provenance.confidence, Some(Confidence::Guide));
    assert_eq!(cat.menus[1].name, "the 2025 guide's menu");
    assert_eq!(cat.menus[1].provenance.confidence, Some(Confidence::Seed));
    let on = |menu: usize| -> Vec<&str> { cat.packages_on(&cat.menus[menu]).map(|p| p.id).collect() };
    let mut guide_2026: Vec<&str> = MENU_2026.iter().map(|p| p.0).collect();
    guide_2026.push("custom");
    assert_eq!(on(0), guide_2026);
    assert_eq!(
        on(1),
        [
            "trial-100",
            "trial-1000",
            "package-1",
            "package-2",
            "package-3",
            "custom"
        ]
    );
    assert_eq!(cat.package("custom").unwrap().menu, None);
}

#[test]
fn the_2026_guides_packages_are_as_the_notes_say() {
    let cat = kling_2026_12();
    for &(id, price, units, days, concurrency, trial, discount) in MENU_2026 {
        let p = cat.package(id).unwrap();
        assert_eq!(p.menu, Some("guide-2026"), "{id}");
        assert_eq!(
            (p.price, p.units, p.validity_days, p.concurrency, p.trial),
            (Some(dec(price)), Some(units), Some(days), Some(concurrency), trial),
            "{id}"
        );
        assert_eq!(p.discount_percent, discount.map(dec), "{id}");
        assert_eq!(p.provenance.confidence, Some(Confidence::Guide), "{id}");
        assert!(p.provenance.note.is_some(), "{id}");
    }
    for id in ["trial-s-2026", "trial-l-2026"] {
        let note = cat.package(id).unwrap().provenance.note.unwrap();
        assert!(note.contains("assumed from the 2025 menu"), "{id}");
    }
}

/// The 2025 guide's menu keeps kling-2026's packages as they were, now on its own menu.
#[test]
fn the_2025_guides_packages_keep_their_kling_2026_figures() {
    let (cat, old) = (kling_2026_12(), edition("kling-2026").unwrap());
    for p in old.packages {
        let q = cat.package(p.id).unwrap();
        let terms = |p: &kling_pricing::catalog::Package| {
            (
                p.price,
                p.units,
                p.validity_days,
                p.concurrency,
                p.trial,
                p.custom,
                p.discount_percent,
            )
        };
        assert_eq!(terms(q), terms(p), "{}", p.id);
        assert_eq!(q.menu, (!p.custom).then_some("guide-2025"), "{}", p.id);
    }
}

/// 5,000 video units a month for 3 months (15,000 in all), each menu. By hand:
///
/// - The 2026 guide's: the trials hold 1,100 units and last one month, so the rest, 13,900
///   units or more, comes from packs of 5,000 ($700) or 15,000 ($2,100) at $0.14 a unit, or
///   45,000 / 60,000 ($5,670 / $7,560): at least 15,000 units at $0.14, $2,100, and a trial
///   only adds to it. Package 2 (180 days: every month) alone is $2,100, as are three Package
///   1s; the tie goes to fewer packages, so one Package 2 in month 1, nothing forfeited.
/// - The 2025 guide's: the trials hold 1,100 units, so a big pack is needed, and the cheapest,
///   Package 1 ($4,200 for 30,000 units, 90 days: the 3 months), serves all 15,000 alone:
///   $4,200, bought in month 1, with 15,000 units left at the end (counted as forfeited).
#[test]
fn a_plan_buys_from_the_menu_it_is_given() {
    let cat = kling_2026_12();
    let demand = [(Pool::Video, Decimal::from(5_000))];
    let opts = |menu: Option<&str>| PlanOptions {
        horizon_months: 3,
        menu: menu.map(str::to_string),
        ..PlanOptions::default()
    };
    for (menu, id, package, cost, forfeited) in [
        (None, "guide-2026", "package-2-2026", 2_100, 0),
        (Some("guide-2026"), "guide-2026", "package-2-2026", 2_100, 0),
        (Some("guide-2025"), "guide-2025", "package-1", 4_200, 15_000),
    ] {
        let r = plan(cat, &demand, &opts(menu)).unwrap();
        assert_eq!(r.menu.id, id);
        assert!(r.optimal, "{menu:?}");
        let pool = &r.pools[0];
        let bought: Vec<(u32, &str, u64)> = pool
            .purchases
            .iter()
            .map(|p| (p.month, p.package_id.as_str(), p.count))
            .collect();
        assert_eq!(bought, [(1, package, 1)], "{menu:?}");
        assert_eq!(r.total_cost, Decimal::from(cost), "{menu:?}");
        assert_eq!(pool.forfeited_units, Decimal::from(forfeited), "{menu:?}");
    }
    let e = plan(cat, &demand, &opts(Some("guide-2027"))).unwrap_err();
    assert_eq!(e.field, PlanField::Menu);
    assert_eq!(
        e.message,
        "menu \"guide-2027\" is not offered here; choose one of: guide-2026, guide-2025"
    );
}

/// Every kling-2026 row is here with its units and its retirement; only the corrected
/// durations (3.0 motion control, O1) differ.
#[test]
fn every_kling_2026_row_keeps_its_units() {
    let (cat, old) = (kling_2026_12(), edition("kling-2026").unwrap());
    for s in old.services {
        let new = cat.service(s.id).unwrap();
        for r in s.rows {
            let q = new.rows.iter().find(|q| key(new, q) == key(s, r)).unwrap();
            assert_eq!((q.units, q.input_video), (r.units, false), "{} {r:?}", s.id);
            let corrected =
                (s.id == "motion-control" && r.model == Some("kling-v3")) || r.model == Some("kling-video-o1");
            if !corrected {
                assert_eq!(q.durations, r.durations, "{} {r:?}", s.id);
            }
            if r.retired.is_some() {
                assert_eq!(q.retired, r.retired, "{} {r:?}", s.id);
            }
        }
    }
}

/// A 4.0 line's guessed units give way to the user's own figure, which prices the line (1.3 a
/// second × 10 s = 13 units, $1.82); a per-use seller's dollars do not change with it, since
/// they are the seller's price per second. A figure on a row a source gives is refused.
#[test]
fn the_users_own_units_replace_a_guess_and_nothing_else() {
    let cat = kling_2026_12();
    let own = |options: &str, units: &str| {
        let mut raw = raw("video", options, 10, 0, 1);
        raw.own_units = Some(kling_pricing::RawNumber::Text(units.into()));
        parse_line(cat, &raw)
    };
    let line = own(V4_720, "1.3").unwrap();
    assert_eq!(line.own_units, Some(dec("1.3")));
    let e = price_line(cat, 0, &line).unwrap();
    assert_eq!(
        (e.units, e.value, e.units_per_second),
        (dec("13"), dec("1.82"), Some(dec("1.3")))
    );
    let fal = cat.per_use_source("fal").unwrap();
    let quote = kling_pricing::per_use::quote(cat, fal, &[line]);
    assert_eq!(quote.pools[0].dollars, dec("1.57"), "fal.ai's $0.157 a second × 10 s");
    let errs = own(V3_PRO, "1.3").unwrap_err();
    assert_eq!((errs[0].field, errs.len()), (Field::OwnUnits, 1));
    assert!(matches!(errs[0].problem, Problem::NotAGuess { .. }), "{errs:?}");
    for bad in ["0", "-1", "1001", "1.234", "lots"] {
        let errs = own(V4_720, bad).unwrap_err();
        assert_eq!(errs[0].field, Field::OwnUnits, "{bad}");
    }
}

/// The page's plan (`plan_mix`) on the default menu says what the other menu would buy: for
/// 5,000 video units a month over 3 months, Package 1 of the 2025 guide's menu at $4,200
/// against Package 2 of the 2026 guide's at $2,100 (worked out above), so the verdicts differ;
/// on the 2025 menu, the 2026 guide's is the other.
#[test]
fn a_plan_says_what_the_other_menu_would_buy() {
    let cat = kling_2026_12();
    let demand = [(Pool::Video, Decimal::from(5_000))];
    let plan_on = |menu: Option<&str>| {
        let opts = PlanOptions {
            menu: menu.map(str::to_string),
            ..PlanOptions::default()
        };
        kling_pricing::per_use::plan_mix(cat, &demand, &[], &opts).unwrap()
    };
    let on_2026 = plan_on(None);
    let other: Vec<_> = on_2026
        .other_menus
        .iter()
        .map(|o| (o.menu.id, o.total_cost, o.buys.as_str(), o.differs))
        .collect();
    assert_eq!(other, [("guide-2025", dec("4200"), "Package 1", true)]);
    let on_2025 = plan_on(Some("guide-2025"));
    assert_eq!(on_2025.other_menus[0].menu.id, "guide-2026");
    assert_eq!(on_2025.other_menus[0].total_cost, dec("2100"));
    assert_eq!(on_2025.other_menus[0].buys, "Package 2 (15,000 units)");
    let one_menu = edition("kling-2026").unwrap();
    let r = kling_pricing::per_use::plan_mix(one_menu, &demand, &[], &PlanOptions::default()).unwrap();
    assert!(r.other_menus.is_empty());
}

/// A plan that buys packages for a 4.0 line says their size rests on its guessed units; with
/// the user's own figure, or with no package bought for its pool, it says nothing.
#[test]
fn a_plan_of_packages_says_when_it_rests_on_a_guess() {
    let cat = kling_2026_12();
    let plan_lines = |lines: &[JobLine], per_use: Option<&str>| {
        let units: Decimal = lines.iter().map(|l| price_line(cat, 0, l).unwrap().units).sum();
        let opts = PlanOptions {
            per_use_source: per_use.map(str::to_string),
            ..PlanOptions::default()
        };
        kling_pricing::per_use::plan_mix(cat, &[(Pool::Video, units)], lines, &opts).unwrap()
    };
    let mut v4 = line("video", V4_720, 10, 0).unwrap();
    v4.quantity = 400;
    let r = plan_lines(std::slice::from_ref(&v4), None);
    assert!(!r.pools[0].purchases.is_empty());
    assert_eq!(
        r.guesses,
        ["Text-to-video / image-to-video · Kling 4.0 · 10 s (1.1 units a second, assumed)"]
    );
    let mine = JobLine {
        own_units: Some(dec("1.1")),
        ..v4.clone()
    };
    assert!(plan_lines(&[mine], None).guesses.is_empty(), "the user's own figure");
    let v3 = line("video", V3_PRO, 10, 0).unwrap();
    assert!(plan_lines(&[v3], None).guesses.is_empty(), "a known figure");
}

/// On the form, picking a reference video gives the line an input video as long as its output
/// (what a person edits next), and the own-units box applies only while the figure is a guess:
/// moving to Video 3.0 clears both.
#[test]
fn the_form_asks_for_an_input_video_and_an_own_figure_only_where_they_apply() {
    use kling_pricing::DraftLine;
    let cat = kling_2026_12();
    let mut d = DraftLine::for_service(cat, "video", 1);
    for (field, value) in [("model", "kling-v4"), ("duration", "12")] {
        assert!(d.edit(cat, field, value.into()));
    }
    assert!(d.guessed(cat) && !d.takes_video_seconds(cat));
    assert!(d.edit(cat, "input", "reference-video".into()));
    assert!(d.takes_video_seconds(cat));
    assert_eq!(d.video_seconds, "12");
    assert!(d.edit(cat, "units", "0.8".into()));
    let e = d.price(cat, 0).unwrap();
    assert_eq!(
        (e.billed_seconds, e.units),
        (Some(24), dec("19.2")),
        "max(12, 12) + 12 s at 0.8"
    );
    assert!(d.edit(cat, "model", "kling-v3".into()));
    assert!(!d.guessed(cat) && !d.takes_video_seconds(cat));
    assert_eq!((d.video_seconds.as_str(), d.own_units.as_str()), ("", ""));
}
