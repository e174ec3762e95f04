//! Every row of every deduction table in the seed guide, typed in again from the guide's text
//! (not read from the catalog file), checked against the estimate: units and dollars.

use kling_pricing::catalog::{default_catalog, Pool, Status};
use kling_pricing::estimate::estimate_lines;
use kling_pricing::mix::JobLine;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// (service, model, mode, seconds, units, dollars as printed in the guide)
type Row = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<u32>,
    &'static str,
    &'static str,
);

const SEED_ROWS: &[Row] = &[
    // Text-to-Video & Image-to-Video Costs
    ("video", Some("v1.0"), Some("std"), Some(5), "1", "0.14"),
    ("video", Some("v1.0"), Some("std"), Some(10), "2", "0.28"),
    ("video", Some("v1.0"), Some("pro"), Some(5), "3.5", "0.49"),
    ("video", Some("v1.0"), Some("pro"), Some(10), "7", "0.98"),
    ("video", Some("v1.5"), Some("std"), Some(5), "2", "0.28"),
    ("video", Some("v1.5"), Some("std"), Some(10), "4", "0.56"),
    ("video", Some("v1.5"), Some("pro"), Some(5), "3.5", "0.49"),
    ("video", Some("v1.5"), Some("pro"), Some(10), "7", "0.98"),
    ("video", Some("v1.6"), Some("std"), Some(5), "2", "0.28"),
    ("video", Some("v1.6"), Some("std"), Some(10), "4", "0.56"),
    ("video", Some("v1.6"), Some("pro"), Some(5), "3.5", "0.49"),
    ("video", Some("v1.6"), Some("pro"), Some(10), "7", "0.98"),
    ("video", Some("v2.1"), Some("std"), Some(5), "2", "0.28"),
    ("video", Some("v2.1"), Some("std"), Some(10), "4", "0.56"),
    ("video", Some("v2.1"), Some("pro"), Some(5), "3.5", "0.49"),
    ("video", Some("v2.1"), Some("pro"), Some(10), "7", "0.98"),
    ("video", Some("v2.0-master"), None, Some(5), "10", "1.40"),
    ("video", Some("v2.0-master"), None, Some(10), "20", "2.80"),
    ("video", Some("v2.1-master"), None, Some(5), "10", "1.40"),
    ("video", Some("v2.1-master"), None, Some(10), "20", "2.80"),
    // Advanced Video Feature Costs
    ("multi-image-video", Some("v1.6"), Some("std"), Some(5), "2", "0.28"),
    ("multi-image-video", Some("v1.6"), Some("std"), Some(10), "4", "0.56"),
    ("multi-image-video", Some("v1.6"), Some("pro"), Some(5), "3.5", "0.49"),
    ("multi-image-video", Some("v1.6"), Some("pro"), Some(10), "7", "0.98"),
    ("multi-elements", Some("v1.6"), Some("std"), Some(5), "3", "0.42"),
    ("multi-elements", Some("v1.6"), Some("std"), Some(10), "6", "0.84"),
    ("multi-elements", Some("v1.6"), Some("pro"), Some(5), "5", "0.70"),
    ("multi-elements", Some("v1.6"), Some("pro"), Some(10), "10", "1.40"),
    ("extension", Some("v1.0"), Some("std"), None, "1", "0.14"),
    ("extension", Some("v1.5"), Some("std"), None, "2", "0.28"),
    ("extension", Some("v1.6"), Some("std"), None, "2", "0.28"),
    ("extension", Some("v1.0"), Some("pro"), None, "3.5", "0.49"),
    ("extension", Some("v1.5"), Some("pro"), None, "3.5", "0.49"),
    ("extension", Some("v1.6"), Some("pro"), None, "3.5", "0.49"),
    ("effect", Some("jelly_press"), None, None, "2", "0.28"),
    ("effect", Some("pixelpixel"), None, None, "2", "0.28"),
    ("effect", Some("yearbook"), None, None, "2", "0.28"),
    ("effect", Some("bloombloom"), None, None, "3.5", "0.49"),
    ("effect", Some("dizzydizzy"), None, None, "3.5", "0.49"),
    ("dual-effect", Some("v1.6"), Some("std"), None, "2", "0.28"),
    ("dual-effect", Some("v1.6"), Some("pro"), None, "3.5", "0.49"),
    // Audio Service Costs
    ("text-to-audio", None, None, None, "0.25", "0.035"),
    ("video-to-audio", None, None, None, "0.25", "0.035"),
    // Image Service & Virtual Try-On Costs
    ("text-to-image", Some("kolors-v1.0"), None, None, "1", "0.0035"),
    ("image-to-image", Some("kolors-v1.0"), None, None, "1", "0.0035"),
    ("text-to-image", Some("kolors-v1.5"), None, None, "4", "0.014"),
    ("text-to-image", Some("kolors-v2.0"), None, None, "4", "0.014"),
    ("text-to-image", Some("kolors-v2.1"), None, None, "4", "0.014"),
    ("image-to-image", Some("kolors-v1.5"), None, None, "8", "0.028"),
    ("image-to-image", Some("kolors-v2.0"), None, None, "8", "0.028"),
    ("image-to-image", Some("kolors-v2.1"), None, None, "8", "0.028"),
    ("multi-image-image", Some("kolors-v2.0"), None, None, "16", "0.056"),
    ("image-expansion", None, None, None, "8", "0.028"),
    ("try-on", Some("try-on-v1.0"), None, None, "1", "0.07"),
    ("try-on", Some("try-on-v1.5"), None, None, "1", "0.07"),
];

fn line(svc: &str, model: Option<&str>, mode: Option<&str>, seconds: Option<u32>, quantity: u64) -> JobLine {
    JobLine {
        model: model.map(str::to_string),
        mode: mode.map(str::to_string),
        duration: seconds,
        quantity,
        ..JobLine::new(svc)
    }
}

#[test]
fn every_seed_row_prices_as_the_guide_says() {
    let cat = default_catalog();
    for &(svc, model, mode, secs, units, dollars) in SEED_ROWS {
        let (est, errs) = estimate_lines(cat, &[(0, line(svc, model, mode, secs, 1))]);
        assert!(errs.is_empty(), "{svc} {model:?} {mode:?} {secs:?}: {errs:?}");
        let l = &est.lines[0];
        assert_eq!(l.units, d(units), "units of {svc} {model:?} {mode:?} {secs:?}");
        assert_eq!(l.value, d(dollars), "dollars of {svc} {model:?} {mode:?} {secs:?}");
        assert_eq!(est.total_value, d(dollars));
    }
}

#[test]
fn the_catalog_has_no_row_the_guide_lacks() {
    let cat = default_catalog();
    let priced: usize = cat
        .services
        .iter()
        .filter(|s| s.id != "lip-sync")
        .map(|s| s.rows.len())
        .sum();
    assert_eq!(priced, SEED_ROWS.len());
}

#[test]
fn lip_sync_is_half_a_unit_per_started_five_seconds() {
    let cat = default_catalog();
    // (video seconds, units, dollars)
    for (secs, units, dollars) in [
        (5, "0.5", "0.07"),
        (1, "0.5", "0.07"),
        (10, "1", "0.14"),
        (12, "1.5", "0.21"),
        (30, "3", "0.42"),
        (31, "3.5", "0.49"),
    ] {
        let mut l = line("lip-sync", None, None, None, 1);
        l.video_seconds = Some(secs);
        let (est, errs) = estimate_lines(cat, &[(0, l)]);
        assert!(errs.is_empty());
        assert_eq!(est.lines[0].units, d(units), "{secs} s");
        assert_eq!(est.lines[0].value, d(dollars), "{secs} s");
    }
}

#[test]
fn pools_and_packages_match_the_guide() {
    let cat = default_catalog();
    assert_eq!(cat.pool(Pool::Video).unit_price, d("0.14"));
    assert_eq!(cat.pool(Pool::Image).unit_price, d("0.0035"));
    assert_eq!(cat.pool(Pool::TryOn).unit_price, d("0.07"));
    // (id, price, units, validity, concurrency, trial)
    let packages = [
        ("trial-100", "9.79", 100, 30, 3, true),
        ("trial-1000", "97.99", 1000, 30, 3, true),
        ("package-1", "4200", 30000, 90, 5, false),
        ("package-2", "5670", 45000, 90, 5, false),
        ("package-3", "6720", 60000, 90, 5, false),
    ];
    for (id, price, units, days, conc, trial) in packages {
        let p = cat.package(id).unwrap();
        assert_eq!(p.price, Some(d(price)), "{id}");
        assert_eq!(p.units, Some(units), "{id}");
        assert_eq!(p.validity_days, Some(days), "{id}");
        assert_eq!(p.concurrency, Some(conc), "{id}");
        assert_eq!(p.trial, trial, "{id}");
        assert_eq!(p.pool, Pool::Video);
    }
    // The guide's effective unit prices: $0.14, $0.126, $0.112 (10% and 20% off).
    assert_eq!(cat.package("package-1").unwrap().unit_price(), Some(d("0.14")));
    assert_eq!(cat.package("package-2").unwrap().unit_price(), Some(d("0.126")));
    assert_eq!(cat.package("package-3").unwrap().unit_price(), Some(d("0.112")));
    let custom = cat.package("custom").unwrap();
    assert!(custom.custom && custom.price.is_none() && custom.units.is_none());
    assert_eq!(cat.packages.len(), 6);
}

#[test]
fn the_v1_std_extension_carries_the_official_contradiction() {
    let cat = default_catalog();
    let row = cat
        .service("extension")
        .unwrap()
        .row(Some("v1.0"), Some("std"), None)
        .unwrap();
    assert_eq!(row.units, d("1"));
    assert_eq!(row.provenance.status, Status::Contradicted);
    assert!(row.provenance.note.unwrap().contains("2 units"));
    assert_eq!(row.provenance.confirmed_by, Some("official-video"));
}

#[test]
fn every_number_names_a_known_source() {
    let cat = default_catalog();
    let provs = cat
        .services
        .iter()
        .flat_map(|s| std::iter::once(s.provenance).chain(s.rows.iter().map(|r| r.provenance)))
        .chain(cat.packages.iter().map(|p| p.provenance))
        .chain(cat.pools.iter().map(|p| p.provenance));
    for p in provs {
        assert!(cat.source(p.source).is_some(), "{p:?}");
        if let Some(c) = p.confirmed_by {
            assert!(cat.source(c).is_some(), "{p:?}");
        }
    }
}
