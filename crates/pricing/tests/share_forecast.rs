//! The month-by-month forecast in a link (`f=`) and in the form: written only when given, read
//! back as typed (a bad entry survives the link and is flagged when planning), and a link
//! without it has none.

#[path = "common/share.rs"]
mod common;
use kling_pricing::share::{decode, encode, ShareState};
use rust_decimal::Decimal;

fn state(forecast: &str) -> ShareState {
    let mut s = common::one_v3_pro_line();
    s.options.demand_by_month = forecast.into();
    s
}

#[test]
fn a_forecast_is_written_last_and_read_back_as_typed() {
    let link = encode(&state("1, 1, 3"));
    assert_eq!(link, "v=1&e=kling-2026&l=video~kling-v3~pro~10~400&f=1%2C%201%2C%203");
    let d = decode(&link);
    assert_eq!((d.state, d.problems), (state("1, 1, 3"), vec![]));
    assert_eq!(encode(&state("")), "v=1&e=kling-2026&l=video~kling-v3~pro~10~400");
    let (o, errs) = d_options("1, 1, 3");
    assert!(errs.is_empty());
    assert_eq!(o, [Decimal::ONE, Decimal::ONE, Decimal::from(3)]);
}

fn d_options(text: &str) -> (Vec<Decimal>, Vec<String>) {
    let (o, errs) = state(text).options.to_options();
    (
        o.demand_by_month,
        errs.into_iter().map(|e| format!("{}: {}", e.key, e.message)).collect(),
    )
}

/// Commas, semicolons or spaces separate the months; a bad one is named by its month, and
/// then no forecast is used (the rest of the settings are).
#[test]
fn the_forms_forecast_is_checked_month_by_month() {
    assert_eq!(
        d_options("1;0.5  2").0,
        [Decimal::ONE, Decimal::new(5, 1), Decimal::from(2)]
    );
    assert_eq!(d_options(" ").0, []);
    assert_eq!(
        d_options("1, x, 200"),
        (
            vec![],
            vec![
                "demandByMonth: Month 2: the multiplier x is not a number".to_string(),
                "demandByMonth: Month 3: the multiplier 200 is out of range; it must be from 0 to 100".to_string(),
            ]
        )
    );
    let many = vec!["1"; 37].join(",");
    assert_eq!(
        d_options(&many).1,
        ["demandByMonth: Month by month: 37 months given, at most 36"]
    );
}
