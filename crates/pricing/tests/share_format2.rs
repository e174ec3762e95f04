//! Format 2: format 1 plus a line's variants (`…~attemptsPerKept~audio~resolution~input`).
//! Like `share_format1.rs`, these literal links must decode to these states in every later
//! release.

use kling_pricing::catalog::edition;
use kling_pricing::share::{decode, encode, ShareState, EDITION_WITHOUT_E};
use kling_pricing::{DraftLine, Field};
use rust_decimal::Decimal;

const NATIVE_AUDIO: &str = "?v=2&e=kling-2026&l=video~kling-v3~pro~10~1~~1~native";

fn v3_pro_10(audio: &str, resolution: &str) -> DraftLine {
    DraftLine {
        service: "video".into(),
        model: "kling-v3".into(),
        mode: "pro".into(),
        duration: "10".into(),
        quantity: "1".into(),
        attempts_per_kept: "1".into(),
        audio: audio.into(),
        resolution: resolution.into(),
        ..Default::default()
    }
}

fn kling_2026(lines: Vec<DraftLine>) -> ShareState {
    ShareState {
        edition: "kling-2026".into(),
        lines,
        ..Default::default()
    }
}

#[test]
fn a_line_with_variants_round_trips_as_format_2_and_prices() {
    let want = kling_2026(vec![v3_pro_10("native", "")]);
    assert_eq!(format!("?{}", encode(&want)), NATIVE_AUDIO);
    let d = decode(NATIVE_AUDIO);
    assert_eq!((&d.state, d.problems.len()), (&want, 0));
    let e = d.state.lines[0].price(edition("kling-2026").unwrap(), 0).unwrap();
    assert_eq!((e.units, e.value), (Decimal::from(12), Decimal::new(168, 2)));
    let every = kling_2026(vec![
        v3_pro_10("voice", "1080p"),
        v3_pro_10("", "4k"),
        v3_pro_10("", ""),
    ]);
    let link = encode(&every);
    assert!(link.starts_with("v=2&"), "{link}");
    assert_eq!(decode(&link).state, every);
}

#[test]
fn a_state_without_variants_is_still_written_as_format_1() {
    let s = kling_2026(vec![v3_pro_10("", "")]);
    assert_eq!(encode(&s), "v=1&e=kling-2026&l=video~kling-v3~pro~10~1");
}

#[test]
fn format_1_does_not_read_variants() {
    let d = decode("v=1&e=kling-2026&l=video~kling-v3~pro~10~1~~1~native");
    assert_eq!(d.state.lines, []);
    assert_eq!(d.problems[0].message, "dropped the line: it has 8 fields, at most 7");
}

#[test]
fn an_unknown_variant_is_reported_on_its_line_and_the_rest_kept() {
    let d = decode("?v=2&e=kling-2026&l=video~kling-v3~pro~10~1~~1~native&l=video~kling-v3~pro~10~1~~1~loud~4k");
    assert_eq!(d.problems, []);
    let cat = edition("kling-2026").unwrap();
    assert_eq!(d.state.lines[1], v3_pro_10("loud", "4k"));
    assert!(d.state.lines[0].price(cat, 0).is_ok());
    let errs = d.state.lines[1].price(cat, 1).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].field, Field::Audio);
    assert!(
        errs[0].message.starts_with("line 2: ") && errs[0].message.contains("loud"),
        "{errs:?}"
    );
}

#[test]
fn a_format_2_line_gives_at_most_ten_fields() {
    let d = decode("v=2&l=video~~~~1~~1~a~b~c~d");
    assert_eq!(d.problems[0].message, "dropped the line: it has 11 fields, at most 10");
}

/// A link without `e` means seed-2025, the only edition when format 1 was made: a fixed
/// edition, so making another one the default cannot change what an old link prices.
#[test]
fn a_link_without_an_edition_is_seed_2025_not_the_default() {
    assert_eq!(EDITION_WITHOUT_E, "seed-2025");
    assert!(
        edition(EDITION_WITHOUT_E).is_some(),
        "the edition old links mean stays compiled in"
    );
    for link in ["l=video~v2.1~pro~5~400", "v=1&l=video~v2.1~pro~5~400", "v=2&e=nope"] {
        assert_eq!(decode(link).state.edition, "seed-2025", "{link}");
    }
}
