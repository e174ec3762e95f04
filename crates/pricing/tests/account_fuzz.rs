//! The `/account/costs` importer on hostile input: arbitrary text, and responses whose packs
//! hold values of every JSON type in every field. It never panics, and what it keeps is always
//! a lot the planner can use: units above zero, expiring after today, at most `MAX_LOTS`, in
//! expiry order; every pack read is either a lot or left out with a reason.

use kling_pricing::account::{import_costs, MAX_LOTS};
use kling_pricing::date::Day;
use proptest::prelude::*;

fn today() -> Day {
    Day::parse("2026-12-08").unwrap()
}

/// A JSON value of any type, as a field of a pack may hold.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (0i64..2_000_000_000_000).prop_map(|n| n.to_string()),
        (0u32..100_000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        "[a-z -]{0,12}".prop_map(|s| format!("{s:?}")),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("\"online\"".to_string()),
        Just("\"Video Generation - 1,000 entries\"".to_string()),
    ]
}

const FIELDS: [&str; 6] = [
    "resource_pack_name",
    "total_quantity",
    "remaining_quantity",
    "effective_time",
    "invalid_time",
    "status",
];

fn pack() -> impl Strategy<Value = String> {
    proptest::collection::vec(value(), FIELDS.len()).prop_map(|values| {
        let fields: Vec<String> = FIELDS.iter().zip(values).map(|(k, v)| format!("{k:?}:{v}")).collect();
        format!("{{{}}}", fields.join(","))
    })
}

/// What every import must be, whatever it was given.
fn check(text: &str, packs: Option<usize>) {
    let got = import_costs(text, today());
    assert!(got.lots.len() <= MAX_LOTS);
    for lot in &got.lots {
        assert!(lot.units > rust_decimal::Decimal::ZERO, "{lot:?}");
        assert!(lot.expires > today(), "{lot:?}");
    }
    assert!(got.lots.windows(2).all(|w| w[0].expires <= w[1].expires));
    if let Some(n) = packs {
        assert_eq!(got.lots.len() + got.left_out.len(), n, "{text}");
    }
    for p in &got.problems {
        assert!(!p.at.is_empty() && !p.message.is_empty());
    }
}

proptest! {
    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text, None);
    }

    #[test]
    fn packs_of_any_values(packs in proptest::collection::vec(pack(), 0..80), code in prop_oneof![Just("0"), Just("1303"), Just("\"0\"")]) {
        let text = format!(
            r#"{{"code":{code},"message":"m","data":{{"resource_pack_subscribe_infos":[{}]}}}}"#,
            packs.join(",")
        );
        let n = (code == "0").then_some(packs.len());
        check(&text, n);
    }
}
