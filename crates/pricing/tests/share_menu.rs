//! The package menu in a link (`m=`): written only when one is chosen, read back as typed, and
//! a link without it means the edition's first menu, the one it was made with.

#[path = "common/share.rs"]
mod common;
use kling_pricing::catalog::edition;
use kling_pricing::share::{decode, encode, ShareState};

fn state(menu: &str) -> ShareState {
    let mut s = common::one_v3_pro_line();
    s.options.menu = menu.into();
    s
}

#[test]
fn a_chosen_menu_is_written_after_the_edition_and_read_back() {
    let link = encode(&state("guide-2025"));
    assert_eq!(link, "v=1&e=kling-2026&m=guide-2025&l=video~kling-v3~pro~10~400");
    let d = decode(&link);
    assert_eq!((d.state, d.problems), (state("guide-2025"), vec![]));
}

#[test]
fn no_menu_chosen_writes_no_m_and_plans_on_the_first() {
    assert_eq!(encode(&state("")), "v=1&e=kling-2026&l=video~kling-v3~pro~10~400");
    let (opts, errs) = decode("v=1&e=kling-2026&l=video~kling-v3~pro~10~400")
        .state
        .options
        .to_options();
    assert_eq!((opts.menu, errs), (None, vec![]));
    assert_eq!(edition("kling-2026").unwrap().default_menu().id, "guide-2025");
}

/// A menu the edition does not have is kept as typed and reported by the planner, naming the
/// menus there are; the second `m` is reported and the first kept.
#[test]
fn an_unknown_menu_is_kept_and_reported_when_planning() {
    let d = decode("v=1&e=kling-2026&m=guide-1999&m=guide-2025&l=video~kling-v3~pro~10~400");
    assert_eq!(d.state.options.menu, "guide-1999");
    assert_eq!(d.problems[0].message, "m appears twice; used the first");
    let (opts, _) = d.state.options.to_options();
    let cat = edition("kling-2026").unwrap();
    let units = [(kling_pricing::Pool::Video, rust_decimal::Decimal::from(3200))];
    let e = kling_pricing::plan::plan(cat, &units, &opts).unwrap_err();
    assert_eq!(
        e.message,
        "menu \"guide-1999\" is not offered here; choose one of: guide-2025"
    );
}
