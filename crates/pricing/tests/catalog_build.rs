//! The build script's steps (parse → validate → emit), run natively: the seed catalog gives
//! exactly the statics the build wrote, and a broken catalog is rejected with the file and
//! the entry named.

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
    assert!(GOOD.contains(from), "{from}");
    match compile(&GOOD.replacen(from, to, 1)) {
        Ok(_) => panic!("accepted {to:?} for {from:?}"),
        Err(e) => e,
    }
}

#[test]
fn the_seed_catalog_gives_the_statics_the_build_wrote() {
    let file = "catalog/seed-2025.toml";
    let parsed = parse::parse(file, include_str!("../catalog/seed-2025.toml")).unwrap();
    let checked = validate::validate(file, "seed-2025", &parsed).unwrap();
    let mut code = emit::emit("EDITION_SEED_2025", &checked);
    code.push_str(&emit::editions(&["EDITION_SEED_2025".to_string()]));
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
    ];
    for (from, to, entry, message) in cases {
        let e = broken(from, to);
        assert_eq!((e.file.as_str(), e.entry.as_str()), (FILE, entry), "{e}");
        assert!(e.message.starts_with(message), "{e}");
        assert!(
            e.to_string().starts_with(&format!("invalid catalog {FILE}: {entry}: ")),
            "{e}"
        );
    }
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
