//! Format 3: format 2 plus a line's own units figure (`…~input~ownUnits`), which replaces a
//! guessed one. Like `share_format1.rs`, these literal links must decode to these states in
//! every later release.

use kling_pricing::share::{decode, encode, ShareState};
use kling_pricing::DraftLine;

fn line(own_units: &str) -> DraftLine {
    DraftLine {
        service: "video".into(),
        model: "kling-v3".into(),
        mode: "pro".into(),
        duration: "10".into(),
        quantity: "1".into(),
        attempts_per_kept: "1".into(),
        own_units: own_units.into(),
        ..Default::default()
    }
}

fn state(lines: Vec<DraftLine>) -> ShareState {
    ShareState {
        edition: "kling-2026".into(),
        lines,
        ..Default::default()
    }
}

#[test]
fn a_line_with_its_own_units_is_written_as_format_3_and_read_back() {
    let want = state(vec![line("1.3"), line("")]);
    let link = encode(&want);
    assert_eq!(
        link,
        "v=3&e=kling-2026&l=video~kling-v3~pro~10~1~~1~~~~1.3&l=video~kling-v3~pro~10~1"
    );
    let d = decode(&link);
    assert_eq!((d.state, d.problems), (want, vec![]));
}

#[test]
fn without_an_own_figure_the_oldest_format_is_written() {
    assert!(encode(&state(vec![line("")])).starts_with("v=1&"));
}

#[test]
fn formats_1_and_2_do_not_read_an_own_figure() {
    let d = decode("v=2&e=kling-2026&l=video~kling-v3~pro~10~1~~1~~~~1.3");
    assert_eq!(d.state.lines, []);
    assert_eq!(d.problems[0].message, "dropped the line: it has 11 fields, at most 10");
    let d = decode("v=3&l=video~~~~1~~1~a~b~c~d~e");
    assert_eq!(d.problems[0].message, "dropped the line: it has 12 fields, at most 11");
}

/// The own figure is kept as typed, like every field, and checked when the line is priced:
/// kling-2026 has no guessed figure, so it is refused there, naming the field.
#[test]
fn an_own_figure_on_a_known_price_is_refused_on_its_line() {
    let d = decode("v=3&e=kling-2026&l=video~kling-v3~pro~10~1~~1~~~~1.3");
    let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
    let errs = d.state.lines[0].price(cat, 0).unwrap_err();
    assert_eq!(
        errs[0].message,
        "line 1: ownUnits 1.3 can only replace a guessed figure; the catalog's units for Kling Video 3.0 come from a source"
    );
}
