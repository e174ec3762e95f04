//! Format 2 as a property: any mix of kling-2026 lines, with or without variants, and any text in
//! a variant field, survives encode → decode unchanged and prices the same; the link says `v=2`
//! exactly when some line has a variant, so every format-1 state still makes a format-1 link.

use kling_pricing::catalog::{edition, Catalog, Variant};
use kling_pricing::share::{decode, encode, ShareState};
use kling_pricing::DraftLine;
use proptest::prelude::*;

fn kling_2026() -> &'static Catalog {
    edition("kling-2026").unwrap()
}

/// A line as the page makes it: a service, then each select picked among what the catalog
/// offers at that point (by index, wrapped), then seconds and a quantity.
fn picked_line() -> impl Strategy<Value = DraftLine> {
    let services = kling_2026().services.len();
    (0..services, prop::array::uniform6(0usize..16), 0u64..100_000).prop_map(|(s, picks, quantity)| {
        let cat = kling_2026();
        let mut d = DraftLine::for_service(cat, cat.services[s].id, quantity);
        let svc = cat.services[s];
        let pick = |choices: Vec<&'static str>, i: usize| choices.get(i % choices.len().max(1)).map(|c| c.to_string());
        if let Some(m) = pick(svc.models(), picks[0]) {
            d.edit(cat, "model", m);
        }
        if let Some(m) = pick(svc.modes(Some(d.model.as_str()).filter(|m| !m.is_empty())), picks[1]) {
            d.edit(cat, "mode", m);
        }
        for (k, v) in Variant::ALL.into_iter().enumerate() {
            if let Some(c) = pick(d.variant_choices(cat, v), picks[2 + k]) {
                d.edit(cat, v.id(), c);
            }
        }
        let model = Some(d.model.clone()).filter(|m| !m.is_empty());
        let mode = Some(d.mode.clone()).filter(|m| !m.is_empty());
        let seconds = svc.durations(model.as_deref(), mode.as_deref());
        if let Some(s) = seconds.get(picks[5] % seconds.len().max(1)) {
            d.edit(cat, "duration", s.to_string());
        }
        d
    })
}

/// A line with any text in its variant fields (what a hand-edited link may hold).
fn typed_line() -> impl Strategy<Value = DraftLine> {
    (
        picked_line(),
        prop::array::uniform3(
            prop_oneof![3 => Just(String::new()), 1 => "[a-z0-9~&=%<> -]{1,8}", 1 => any::<String>()],
        ),
    )
        .prop_map(|(mut d, [audio, resolution, input])| {
            d.audio = audio;
            d.resolution = resolution;
            d.input = input;
            d
        })
}

fn state(lines: Vec<DraftLine>) -> ShareState {
    ShareState {
        edition: "kling-2026".into(),
        lines,
        ..Default::default()
    }
}

fn has_variant(s: &ShareState) -> bool {
    s.lines
        .iter()
        .any(|l| !(l.audio.is_empty() && l.resolution.is_empty() && l.input.is_empty()))
}

/// `s` through a link and back: unchanged, with no problem, in format 2 exactly when some line
/// has a variant. The state read back.
fn round_trip(s: &ShareState) -> Result<ShareState, TestCaseError> {
    let q = encode(s);
    let d = decode(&q);
    prop_assert_eq!(&d.problems, &vec![]);
    prop_assert_eq!(&d.state, s);
    prop_assert_eq!(q.starts_with("v=2&"), has_variant(s), "{}", q);
    Ok(d.state)
}

proptest! {
    #[test]
    fn picked_lines_round_trip_and_price_the_same(lines in prop::collection::vec(picked_line(), 0..12)) {
        let s = state(lines);
        let d = round_trip(&s)?;
        for (i, (a, b)) in s.lines.iter().zip(&d.lines).enumerate() {
            let (a, b) = (a.price(kling_2026(), i), b.price(kling_2026(), i));
            prop_assert!(a.is_ok(), "a picked line prices: {:?}", a);
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn any_variant_text_round_trips(lines in prop::collection::vec(typed_line(), 1..8)) {
        round_trip(&state(lines))?;
    }
}
