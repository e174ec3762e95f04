//! Component tests: the Leptos components mounted in a real page in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test components`, run by scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use kling_pricing::app::components::line_editor::LineEditor;
use kling_pricing::app::components::plan::PlanView;
use kling_pricing::app::components::totals::Totals;
use kling_pricing::app::state::AppState;
use kling_pricing::app::App;
use kling_pricing::core::draft::DraftOptions;
use kling_pricing::core::{default_catalog, DraftLine};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into.
fn host() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn text(root: &web_sys::HtmlElement, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {testid}"))
        .text_content()
        .unwrap_or_default()
}

/// Mounts `view` over a state holding `lines`, made inside the mount (where Leptos's executor
/// runs its effects); returns the state to drive the test. The view stays mounted.
fn mount_with<V: IntoView + 'static>(root: &web_sys::HtmlElement, lines: Vec<DraftLine>, view: fn() -> V) -> AppState {
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = slot.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let state = AppState::new(lines, DraftOptions::default());
        out.set(Some(state));
        provide_context(state);
        view()
    });
    std::mem::forget(handle);
    slot.get().expect("mounted")
}

/// Lets Leptos run its effects.
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn totals_follow_a_line_edit() {
    let root = host();
    let cat = default_catalog();
    let mut line = DraftLine::for_service(cat, "video", 400);
    line.set_model(cat, "v2.1");
    line.set_mode(cat, "pro");
    line.duration = "5".into();
    let state = mount_with(&root, vec![line], || view! { <Totals/> });
    tick().await;
    assert_eq!(text(&root, "total-value"), "$196.00");
    let first = state.lines.get_untracked()[0];
    first.draft.update(|d| d.quantity = "1000".into());
    tick().await;
    assert_eq!(text(&root, "total-value"), "$490.00");
    first.draft.update(|d| d.quantity = "-1".into());
    tick().await;
    assert_eq!(text(&root, "total-value"), "$0.00");
    assert!(text(&root, "excluded-note").contains("1 line with a problem"));
}

#[wasm_bindgen_test]
async fn a_line_editor_keeps_bad_text_and_explains_it() {
    let root = host();
    let cat = default_catalog();
    mount_with(&root, vec![DraftLine::for_service(cat, "lip-sync", 60)], || {
        let line = expect_context::<AppState>().lines.get_untracked()[0];
        view! { <LineEditor line=line/> }
    });
    tick().await;
    assert_eq!(text(&root, "line-value"), "$25.20");
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=\"video-seconds\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("abc");
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    tick().await;
    assert_eq!(input.value(), "abc");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root
        .text_content()
        .unwrap()
        .contains("videoSeconds \"abc\" is not a number"));
}

#[wasm_bindgen_test]
async fn the_plan_view_shows_the_seed_example() {
    let root = host();
    let cat = default_catalog();
    let mut line = DraftLine::for_service(cat, "video", 7500);
    line.set_model(cat, "v2.1");
    line.set_mode(cat, "std");
    let state = mount_with(&root, vec![line], || view! { <PlanView/> });
    tick().await;
    assert_eq!(text(&root, "plan-total"), "$5,670.00");
    assert!(text(&root, "plan-schedule").contains("Package 2"));
    assert!(root
        .query_selector("[data-testid=\"chart-balance-video\"] svg")
        .unwrap()
        .is_some());
    state.options.update(|o| o.horizon = "1".into());
    tick().await;
    assert_eq!(text(&root, "plan-total"), "$4,200.00");
}

#[wasm_bindgen_test]
async fn the_whole_app_mounts_with_the_sample_mix() {
    let root = host();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <App/> });
    tick().await;
    assert_eq!(root.query_selector_all("[data-testid=\"line\"]").unwrap().length(), 3);
    assert_eq!(text(&root, "total-value"), "$291.20");
}
