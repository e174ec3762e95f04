//! The build script's steps (parse → validate → emit), run natively: the seed catalog gives
//! exactly the statics the build wrote, and a broken catalog is rejected with the file and
//! the entry named.

#[allow(dead_code)] // validate.rs reads dates with `Day::parse`
#[path = "../src/date.rs"]
mod date;
#[path = "../build/emit.rs"]
mod emit;
#[path = "../build/parse.rs"]
mod parse;
#[path = "../build/validate.rs"]
mod validate;

use validate::CatalogError;

const FILE: &str = "catalog/test-1.toml";

/// A small catalog that keeps every rule.
const GOOD: &str = r#"
edition = "test-1"
title = "Test"
as_of = "2025"
checked = "2026"
default_source = "seed"

[sources.seed]
title = "Seed"
kind = "Guide"
url = ""

[sources.official]
title = "Official"
kind = "Official"
url = "https://example.com"

[labels]
"v1" = "V1"
"pro" = "Professional"

[[pools]]
id = "video"
name = "Video"
unit_price = "0.14"
status = "confirmed"
confirmed_by = "official"

[[pools]]
id = "image"
name = "Image"
unit_price = "0.0035"
status = "unconfirmed"

[[pools]]
id = "try-on"
name = "Try-on"
unit_price = "0.1"
status = "unconfirmed"

[[menus]]
id = "guide"
name = "the guide's menu"
status = "unconfirmed"

[[packages]]
id = "small"
name = "Small"
pool = "video"
price = "10"
units = 100
validity_days = 30
concurrency = 1
best_for = "Trying it"
status = "unconfirmed"

[[services]]
id = "video"
name = "Video"
pool = "video"
description = "A video"
status = "unconfirmed"
rows = [
  { model = "v1", mode = "pro", seconds = 5, units = "3.5" },
  { model = "v1", mode = "pro", seconds = 10, units = "7", status = "confirmed", confirmed_by = "official" },
]
"#;

/// The statics for `text`, or why it is rejected.
fn compile(text: &str) -> Result<String, CatalogError> {
    let parsed = parse::parse(FILE, text)?;
    let checked = validate::validate(FILE, "test-1", &parsed)?;
    Ok(emit::emit("EDITION_TEST_1", &checked))
}

/// The error for `GOOD` with `from` replaced by `to` (which must occur in it).
fn broken(from: &str, to: &str) -> CatalogError {
    broken_in(GOOD, from, to)
}

/// The error for `good` with `from` replaced by `to` (which must occur in it).
fn broken_in(good: &str, from: &str, to: &str) -> CatalogError {
    assert!(good.contains(from), "{from}");
    match compile(&good.replacen(from, to, 1)) {
        Ok(_) => panic!("accepted {to:?} for {from:?}"),
        Err(e) => e,
    }
}

/// Each case (from, to, entry, message) of `good` is rejected, naming the file, the entry
/// and the rule.
fn each_rejected(good: &str, cases: &[(&str, &str, &str, &str)]) {
    for &(from, to, entry, message) in cases {
        let e = broken_in(good, from, to);
        assert_eq!((e.file.as_str(), e.entry.as_str()), (FILE, entry), "{e}");
        assert!(e.message.starts_with(message), "{e}");
        assert!(
            e.to_string().starts_with(&format!("invalid catalog {FILE}: {entry}: ")),
            "{e}"
        );
    }
}

/// The statics of edition `edition` from its data file `text`.
fn edition(edition: &str, text: &str) -> String {
    let file = format!("catalog/{edition}.toml");
    let parsed = parse::parse(&file, text).unwrap();
    let checked = validate::validate(&file, edition, &parsed).unwrap();
    emit::emit(
        &format!("EDITION_{}", edition.to_uppercase().replace('-', "_")),
        &checked,
    )
}

#[test]
fn the_catalog_files_give_the_statics_the_build_wrote() {
    let mut code = edition("seed-2025", include_str!("../catalog/seed-2025.toml"));
    code.push_str(&edition("kling-2026", include_str!("../catalog/kling-2026.toml")));
    code.push_str(&edition("kling-2026-12", include_str!("../catalog/kling-2026-12.toml")));
    code.push_str(&emit::editions(&[
        "EDITION_SEED_2025".to_string(),
        "EDITION_KLING_2026".to_string(),
        "EDITION_KLING_2026_12".to_string(),
    ]));
    assert_eq!(code, include_str!(concat!(env!("OUT_DIR"), "/catalogs.rs")));
}

#[test]
fn a_good_catalog_compiles() {
    let code = compile(GOOD).unwrap();
    assert!(code.contains("Status::Confirmed, confirmed_by: Some(\"official\")"));
    // 3.5 is 35 × 10^-1.
    assert!(code.contains("units: Decimal::from_parts(35, 0, 0, false, 1)"));
}

#[test]
fn each_broken_entry_is_named_with_its_file() {
    let cases = [
        // (from, to, entry, message)
        (
            "[[services]]",
            "[[packages]]\nid = \"small\"\nname = \"Again\"\npool = \"image\"\ncustom = true\nbest_for = \"\"\nstatus = \"unconfirmed\"\n[[services]]",
            "package \"small\"",
            "is listed twice",
        ),
        (
            "price = \"10\"\n",
            "",
            "package \"small\"",
            "a non-custom package needs price, units, validity_days and concurrency",
        ),
        (
            "price = \"10\"",
            "price = \"-10\"",
            "package \"small\"",
            "price \"-10\" must be positive",
        ),
        (
            "price = \"10\"",
            "price = \"ten\"",
            "package \"small\"",
            "price \"ten\" is not a decimal number",
        ),
        (
            "validity_days = 30",
            "validity_days = 0",
            "package \"small\"",
            "units and validity_days must be positive",
        ),
        (
            "pool = \"video\"\ndescription",
            "pool = \"audio\"\ndescription",
            "service \"video\"",
            "pool \"audio\" is not video, image or try-on",
        ),
        (
            "seconds = 10",
            "seconds = 5",
            "service \"video\" row 2",
            "the same model, mode and seconds are priced twice",
        ),
        (
            "model = \"v1\", mode = \"pro\", seconds = 5",
            "model = \"v9\", mode = \"pro\", seconds = 5",
            "service \"video\" row 1",
            "option \"v9\" has no entry in [labels]",
        ),
        (
            "confirmed_by = \"official\" }",
            "confirmed_by = \"officail\" }",
            "service \"video\" row 2",
            "source \"officail\" is not a key of [sources]",
        ),
        (
            "unit_price = \"0.14\"\nstatus = \"confirmed\"\nconfirmed_by = \"official\"",
            "unit_price = \"0.14\"\nstatus = \"confirmed\"",
            "pool \"video\"",
            "a Confirmed number must name the page in confirmed_by",
        ),
        (
            "unit_price = \"0.0035\"\nstatus = \"unconfirmed\"",
            "unit_price = \"0.0035\"\nstatus = \"maybe\"",
            "pool \"image\"",
            "status \"maybe\" is not confirmed, contradicted or unconfirmed",
        ),
        ("id = \"try-on\"", "id = \"image\"", "pool \"image\"", "is listed twice"),
        (
            "seconds = 5, units = \"3.5\" }",
            "seconds = 5, units = \"3.5\", input_video = true }",
            "service \"video\" row 1",
            "input_video is for a per-second service",
        ),
        (
            "pool = \"video\"\nprice",
            "pool = \"video\"\nmenu = \"guid\"\nprice",
            "package \"small\"",
            "menu \"guid\" is not the id of a [[menus]] entry",
        ),
        (
            "[[packages]]",
            "[[menus]]\nid = \"guide\"\nname = \"Again\"\nstatus = \"unconfirmed\"\n[[packages]]",
            "menu \"guide\"",
            "is listed twice",
        ),
        (
            "[[packages]]",
            "[[menus]]\nid = \"bare\"\nname = \"Empty\"\nstatus = \"unconfirmed\"\n[[packages]]\nid = \"q\"\nname = \"Q\"\npool = \"video\"\nmenu = \"bare\"\ncustom = true\nbest_for = \"\"\nstatus = \"unconfirmed\"\n[[packages]]\nmenu = \"guide\"",
            "menu \"bare\"",
            "offers no priced package",
        ),
    ];
    each_rejected(GOOD, &cases);
}

#[test]
fn an_edition_without_a_menu_is_rejected() {
    let e = broken(
        "[[menus]]\nid = \"guide\"\nname = \"the guide's menu\"\nstatus = \"unconfirmed\"\n",
        "",
    );
    assert_eq!(e.entry, "");
    assert!(
        e.message.starts_with("an edition needs at least one [[menus]] entry"),
        "{e}"
    );
}

#[test]
fn a_package_without_a_menu_is_on_every_menu() {
    let two = GOOD.replacen(
        "[[packages]]",
        "[[menus]]\nid = \"other\"\nname = \"Another menu\"\nstatus = \"unconfirmed\"\n[[packages]]",
        1,
    );
    let code = compile(&two).unwrap();
    assert!(
        code.contains("Menu { id: \"guide\", name: \"the guide's menu\""),
        "{code}"
    );
    assert!(code.contains("Menu { id: \"other\""), "{code}");
    assert!(
        code.contains("Package { id: \"small\", name: \"Small\", pool: Pool::Video, menu: None,"),
        "{code}"
    );
}

#[test]
fn file_wide_problems_name_the_file() {
    let e = broken("edition = \"test-1\"", "edition = \"test-2\"");
    assert_eq!(
        e.to_string(),
        format!("invalid catalog {FILE}: edition is \"test-2\" but the file name says \"test-1\"")
    );
    let e = broken("default_source = \"seed\"", "default_source = \"sead\"");
    assert_eq!(e.entry, "");
    assert_eq!(e.message, "default_source \"sead\" is not a key of [sources]");
    // A mistyped key is caught by the parser, which names the key and its place.
    let e = broken("best_for = ", "best_four = ");
    assert_eq!(e.file, FILE);
    assert!(e.message.contains("best_four"), "{e}");
}

/// A small catalog in the 2026 shape: confidences with dates, a per-second service with
/// variants and ranges, and a retired model.
const GOOD_2026: &str = r#"
edition = "test-1"
title = "Test 2026"
as_of = "2026-11"
checked = "2026-11"
default_source = "resellers"

[sources.resellers]
title = "Resellers"
kind = "Reseller"
url = ""
date = "2026-05-07"

[sources.official]
title = "Official"
kind = "Official"
url = "https://example.com"
date = "2026"

[sources.notice]
title = "Partner notice"
kind = "Partner"
url = ""
date = "2026-07-27"

[labels]
"v3" = "V3"
"v2" = "V2"
"std" = "Standard"
"pro" = "Professional"
"none" = "No audio"
"native" = "Native audio"

[retirements]
"v2" = { date = "2026-09-15", source = "notice" }

[[pools]]
id = "video"
name = "Video"
unit_price = "0.14"
status = "confirmed"
confirmed_by = "official"
confidence = "official"

[[pools]]
id = "image"
name = "Image"
unit_price = "0.0035"
status = "unconfirmed"
confidence = "inferred"

[[pools]]
id = "try-on"
name = "Try-on"
unit_price = "0.07"
status = "unconfirmed"
confidence = "seed"

[[menus]]
id = "guide"
name = "the guide's menu"
status = "unconfirmed"
as_of = "2025"
confidence = "seed"

[[packages]]
id = "small"
name = "Small"
pool = "video"
price = "10"
units = 100
validity_days = 30
concurrency = 1
best_for = "Trying it"
status = "unconfirmed"
confidence = "seed"
as_of = "2025"

[[services]]
id = "video"
name = "Video"
pool = "video"
description = "A video"
status = "unconfirmed"
confidence = "inferred"
per_second = true
variants = { audio = ["none", "native"] }
rows = [
  { model = "v3", mode = "std", audio = "none", units = "0.6", durations = { min = 3, max = 15 }, source = "official", status = "confirmed", confirmed_by = "official", confidence = "official" },
  { model = "v3", mode = "std", audio = "native", units = "0.9", durations = { min = 3, max = 15 }, as_of = "2026-03-13" },
  { model = "v2", mode = "pro", units = "0.5", durations = { min = 5, max = 10, step = 5 } },
]
"#;

#[test]
fn a_good_2026_catalog_compiles() {
    let code = compile(GOOD_2026).unwrap();
    assert!(code.contains("billing: Billing::PerSecond"), "{code}");
    assert!(
        code.contains("durations: Some(Durations { min: 3, max: 15, step: 1 })"),
        "{code}"
    );
    assert!(
        code.contains("durations: Some(Durations { min: 5, max: 10, step: 5 })"),
        "{code}"
    );
    assert!(code.contains(r#"retired: Some(Retirement { date: "2026-09-15", source: "notice" })"#));
    assert!(code.contains(r#"VariantChoices { variant: Variant::Audio, choices: &["none", "native"] }"#));
    // The row's own date wins over its source's; the source's date fills in otherwise.
    assert!(code.contains(r#"confidence: Some(Confidence::Inferred), as_of: Some("2026-03-13")"#));
    assert!(code.contains(r#"confidence: Some(Confidence::Official), as_of: Some("2026")"#));
    assert!(code.contains(r#"confidence: Some(Confidence::Inferred), as_of: Some("2026-05-07")"#));
}

#[test]
fn each_broken_2026_entry_is_named_with_its_file() {
    let v2 = "{ model = \"v2\", mode = \"pro\", units = \"0.5\", durations = { min = 5, max = 10, step = 5 } }";
    let cases = [
        // (from, to, entry, message)
        (
            ", durations = { min = 5, max = 10, step = 5 }",
            "",
            "service \"video\" row 3",
            "a per-second row needs durations",
        ),
        (
            "durations = { min = 3, max = 15 }",
            "durations = { min = 15, max = 3 }",
            "service \"video\" row 1",
            "durations min 15 to max 3 by 1 is not a range",
        ),
        (
            "step = 5",
            "step = 4",
            "service \"video\" row 3",
            "durations min 5 to max 10 by 4 is not a range",
        ),
        (
            "durations = { min = 3, max = 15 }",
            "durations = { max = 15 }",
            "service \"video\" row 1",
            "durations needs both min and max",
        ),
        (
            "durations = { min = 3, max = 15 }",
            "seconds = 5, durations = { min = 3, max = 15 }",
            "service \"video\" row 1",
            "a per-second row gives durations, not seconds",
        ),
        (
            "per_second = true\n",
            "",
            "service \"video\" row 1",
            "durations are for a per-second service",
        ),
        (
            "per_second = true\n",
            "per_second = true\nsegment_seconds = 5\n",
            "service \"video\"",
            "a service is billed per second or per segment, not both",
        ),
        (
            "confidence = \"seed\"\nas_of",
            "confidence = \"guessed\"\nas_of",
            "package \"small\"",
            "confidence \"guessed\" is not official, inferred, seed, guide or assumed",
        ),
        (
            "status = \"unconfirmed\"\nconfidence = \"inferred\"\n\n[[pools]]",
            "status = \"unconfirmed\"\n\n[[pools]]",
            "pool \"image\"",
            "no confidence (official, inferred, seed, guide or assumed), though other entries",
        ),
        (
            "units = \"0.9\", durations = { min = 3, max = 15 }, as_of",
            "units = \"0.9\", durations = { min = 3, max = 15 }, confidence = \"assumed\", as_of",
            "service \"video\" row 2",
            "an assumed figure needs a note saying what it is guessed from",
        ),
        (
            "confidence = \"seed\"\nas_of = \"2025\"",
            "confidence = \"seed\"\nas_of = \"last year\"",
            "package \"small\"",
            "as_of \"last year\" is not a date",
        ),
        (
            "confidence = \"seed\"\nas_of = \"2025\"",
            "confidence = \"seed\"\nas_of = \"2025-02-29\"",
            "package \"small\"",
            "as_of \"2025-02-29\" is not a date",
        ),
        (
            "date = \"2026-05-07\"\n",
            "",
            "pool \"video\"",
            "a confidence needs a date",
        ),
        (
            "{ date = \"2026-09-15\", source = \"notice\" }",
            "{ source = \"notice\" }",
            "retirement \"v2\"",
            "a retirement needs a date and a source",
        ),
        (
            "\"v2\" = { date",
            "\"v1\" = { date",
            "retirement \"v1\"",
            "no row prices this model",
        ),
        (
            "source = \"notice\" }",
            "source = \"notise\" }",
            "retirement \"v2\"",
            "source \"notise\" is not a key of [sources]",
        ),
        (
            "audio = \"native\"",
            "audio = \"voice\"",
            "service \"video\" row 2",
            "audio \"voice\" is not one of none, native",
        ),
        (
            "variants = { audio",
            "variants = { sound",
            "service \"video\"",
            "variant \"sound\" is not audio, resolution or input",
        ),
        (
            "[\"none\", \"native\"]",
            "[\"none\", \"native\", \"none\"]",
            "service \"video\"",
            "audio value \"none\" is listed twice",
        ),
        (
            v2,
            &format!(
                "{v2},\n  {{ model = \"v3\", mode = \"pro\", units = \"0.8\", durations = {{ min = 3, max = 15 }} }}"
            ),
            "service \"video\" row 4",
            "audio must be given on every row of this model or on none",
        ),
        (
            "audio = \"native\", units = \"0.9\"",
            "audio = \"none\", units = \"0.9\"",
            "service \"video\" row 2",
            "the same model, mode and seconds are priced twice",
        ),
    ];
    each_rejected(GOOD_2026, &cases);
}

/// `GOOD_2026` with two per-use sellers.
fn good_per_use() -> String {
    format!(
        "{GOOD_2026}{}",
        r#"
[[per_use]]
id = "shop"
name = "Shop"
source = "resellers"
confidence = "listed"
prices = [
  { service = "video", model = "v3", mode = "std", audio = "none", price = "0.084", per = "second" },
  { service = "video", model = "v2", mode = "pro", price = "0.07", per = "second", confidence = "inferred", as_of = "2026-03" },
]

[[per_use]]
id = "other"
name = "Other"
source = "official"
confidence = "listed"
as_of = "2026-02-13"
prices = [
  { service = "video", model = "v3", mode = "std", audio = "native", price = "0.15", per = "second" },
]
"#
    )
}

#[test]
fn per_use_prices_compile_keyed_to_their_rows() {
    let code = compile(&good_per_use()).unwrap();
    // Row 2 of the service (index 1) at $0.15 a second, dated by its seller.
    assert!(code.contains(r#"PerUsePrice { service: "video", row: 1, price: Decimal::from_parts(15, 0, 0, false, 2), provenance: Provenance { source: "official", status: Status::Unconfirmed, confirmed_by: None, note: None, confidence: Some(Confidence::Listed), as_of: Some("2026-02-13") } }"#), "{code}");
    // A price's own confidence and date win over its seller's; the source's date fills in.
    assert!(code.contains(r#"row: 2, price: Decimal::from_parts(7, 0, 0, false, 2), provenance: Provenance { source: "resellers", status: Status::Unconfirmed, confirmed_by: None, note: None, confidence: Some(Confidence::Inferred), as_of: Some("2026-03") }"#), "{code}");
    assert!(code.contains(r#"PerUseSource { id: "shop", name: "Shop", provenance: Provenance { source: "resellers", status: Status::Unconfirmed, confirmed_by: None, note: None, confidence: Some(Confidence::Listed), as_of: Some("2026-05-07") }"#), "{code}");
    // No per-use sellers: an empty list.
    assert!(compile(GOOD_2026).unwrap().contains("    per_use: &[\n    ],\n"));
}

#[test]
fn each_broken_per_use_price_is_named_with_its_file() {
    let good = good_per_use();
    let cases = [
        // (from, to, entry, message)
        (
            "model = \"v2\", mode = \"pro\", price",
            "model = \"v9\", mode = \"pro\", price",
            "per_use \"shop\" price 2",
            "names no row of service \"video\" (model Some(\"v9\")",
        ),
        (
            "mode = \"std\", audio = \"none\", price",
            "mode = \"std\", price",
            "per_use \"shop\" price 1",
            "names no row of service \"video\"",
        ),
        (
            "price = \"0.07\", per = \"second\"",
            "price = \"0.07\", per = \"job\"",
            "per_use \"shop\" price 2",
            "per \"job\" does not match the row, which is billed per second (per_second = true): write per = \"second\"",
        ),
        (
            "{ service = \"video\", model = \"v3\", mode = \"std\", audio = \"native\"",
            "{ service = \"lip-sync\", model = \"v3\", mode = \"std\", audio = \"native\"",
            "per_use \"other\" price 1",
            "service \"lip-sync\" is not in this catalog",
        ),
        (
            "price = \"0.084\"",
            "price = \"-1\"",
            "per_use \"shop\" price 1",
            "price \"-1\" must be positive",
        ),
        (
            "id = \"other\"",
            "id = \"shop\"",
            "per_use \"shop\"",
            "is listed twice",
        ),
        (
            "audio = \"native\", price = \"0.15\", per = \"second\" },",
            "audio = \"native\", price = \"0.15\", per = \"second\" },\n  { service = \"video\", model = \"v3\", mode = \"std\", audio = \"native\", price = \"0.2\", per = \"second\" },",
            "per_use \"other\" price 2",
            "prices a row this seller already prices",
        ),
        (
            "source = \"official\"\nconfidence = \"listed\"",
            "source = \"official\"\nconfidence = \"official\"",
            "per_use \"other\"",
            "confidence \"official\" is not listed or inferred",
        ),
        (
            "source = \"official\"\nconfidence = \"listed\"",
            "source = \"official\"",
            "per_use \"other\"",
            "a per-use price needs a confidence",
        ),
        (
            "source = \"resellers\"\nconfidence",
            "source = \"shop\"\nconfidence",
            "per_use \"shop\"",
            "source \"shop\" is not a key of [sources]",
        ),
    ];
    each_rejected(&good, &cases);
}

#[test]
fn the_build_knows_the_variants_the_crate_does() {
    let ids: Vec<&str> = kling_pricing::catalog::Variant::ALL.iter().map(|v| v.id()).collect();
    let build: Vec<&str> = validate::VARIANTS.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, build);
}
