//! Component tests: the calculator mounted in a real page in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test components`, run by scripts/test.sh),
//! driven through its own DOM the way a browser delivers a person's actions: values set on
//! the controls, `input` events that bubble, button clicks.
#![cfg(target_arch = "wasm32")]

use kling_pricing::draft::DraftOptions;
use kling_pricing::share::{self, ShareState};
use kling_pricing::{default_catalog, DraftLine};
use kling_pricing_app::app::{App, AppConfig};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a calculator opened with `lines` (the sample mix when `None`) in a fresh element.
fn mount(lines: Option<Vec<DraftLine>>) -> HtmlElement {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let query = lines
        .map(|lines| {
            share::encode(&ShareState {
                edition: default_catalog().edition.to_string(),
                lines,
                options: DraftOptions::default(),
            })
        })
        .unwrap_or_default();
    let config = AppConfig {
        query,
        ..Default::default()
    };
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <App config=config.clone()/> });
    std::mem::forget(handle);
    root
}

fn all(root: &Element, testid: &str) -> Vec<Element> {
    let list = root.query_selector_all(&format!("[data-testid=\"{testid}\"]")).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn get(root: &Element, testid: &str) -> Element {
    all(root, testid)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no element {testid}"))
}

fn text(root: &Element, testid: &str) -> String {
    get(root, testid).text_content().unwrap_or_default()
}

fn value(el: &Element) -> String {
    js_sys::Reflect::get(el, &"value".into()).unwrap().as_string().unwrap()
}

/// Types `v` into a box or picks it in a select, as the browser reports it.
fn enter(el: &Element, v: &str) {
    js_sys::Reflect::set(el, &"value".into(), &JsValue::from_str(v)).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn click(el: &Element) {
    el.unchecked_ref::<HtmlElement>().click();
}

/// Presses a button from the keyboard's point of view: focused, then activated.
fn press(el: &Element) {
    el.unchecked_ref::<HtmlElement>().focus().unwrap();
    click(el);
}

fn focused_testid() -> Option<String> {
    document().active_element()?.get_attribute("data-testid")
}

/// Lets Leptos run its effects, and the plan its frame.
async fn settle() {
    for _ in 0..2 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

fn video(quantity: u64, model: &str, mode: &str) -> DraftLine {
    let cat = default_catalog();
    let mut line = DraftLine::for_service(cat, "video", quantity);
    line.set_model(cat, model);
    line.set_mode(cat, mode);
    line
}

#[wasm_bindgen_test]
async fn the_whole_app_mounts_with_the_sample_mix() {
    let root = mount(None);
    settle().await;
    assert_eq!(all(&root, "line").len(), 3);
    // The opening mix in December 2026 models: 4,980 video units ($697.20) and 40,000 image
    // units ($140); the 2026 guide's two trials and the rest of the video per use from fal.ai
    // at $0.14 ($9.80 + $98 + 13,840 × $0.14), the images per use from ComfyUI (15,000 ×
    // $0.028 = $420).
    assert_eq!(text(&root, "total-value"), "$837.20");
    assert_eq!(text(&root, "plan-total"), "$2,465.40");
    assert_eq!(text(&root, "edition"), "kling-2026-12");
}

#[wasm_bindgen_test]
async fn typing_updates_the_line_and_the_totals_and_keeps_bad_text() {
    let root = mount(Some(vec![video(400, "v2.1", "pro")]));
    settle().await;
    assert_eq!(text(&root, "total-value"), "$196.00");
    let quantity = get(&root, "quantity");
    enter(&quantity, "1000");
    settle().await;
    assert_eq!(text(&root, "total-value"), "$490.00");
    assert_eq!(text(&root, "line-value"), "$490.00");
    assert_eq!(text(&root, "line-share"), "100% of the total");
    enter(&quantity, "-1");
    settle().await;
    assert_eq!(text(&root, "total-value"), "$0.00");
    assert!(text(&root, "excluded-note").contains("1 line with a problem"));
    // The same element, still holding what was typed, with its message tied to it.
    assert!(get(&root, "quantity") == quantity);
    assert_eq!(value(&quantity), "-1");
    assert_eq!(quantity.get_attribute("aria-invalid").as_deref(), Some("true"));
    let msg_id = quantity.get_attribute("aria-describedby").unwrap();
    let msg = root.query_selector(&format!("#{msg_id}")).unwrap().unwrap();
    assert!(msg.text_content().unwrap().contains("quantity -1 is negative"));
    enter(&quantity, "2");
    settle().await;
    assert_eq!(quantity.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(quantity.get_attribute("aria-describedby").is_none());
    assert_eq!(text(&root, "total-value"), "$0.98");
}

#[wasm_bindgen_test]
async fn a_new_service_brings_its_own_choices() {
    let root = mount(Some(vec![video(10, "v2.1", "pro")]));
    settle().await;
    let seconds = get(&root, "video-seconds");
    let field = |el: &Element| el.closest(".kp-field").unwrap().unwrap();
    assert!(field(&seconds).has_attribute("hidden"));
    enter(&get(&root, "service"), "lip-sync");
    settle().await;
    // Lip-sync has no model or mode, and is priced by the video's length (30 s by default).
    assert!(!field(&seconds).has_attribute("hidden"));
    assert_eq!(value(&seconds), "30");
    assert!(field(&get(&root, "model")).has_attribute("hidden"));
    assert_eq!(text(&root, "line-units"), "30 Video units");
    enter(&seconds, "abc");
    settle().await;
    assert_eq!(value(&seconds), "abc");
    assert!(root
        .text_content()
        .unwrap()
        .contains("videoSeconds \"abc\" is not a number"));
    enter(&get(&root, "service"), "video");
    settle().await;
    assert!(field(&seconds).has_attribute("hidden"));
    assert_eq!(value(&seconds), "");
    assert!(!field(&get(&root, "model")).has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn the_plan_follows_the_lines_and_the_settings() {
    let root = mount(Some(vec![video(7500, "v2.1", "std")]));
    settle().await;
    assert_eq!(text(&root, "plan-total"), "$5,670.00");
    assert!(text(&root, "plan-schedule").contains("Package 2"));
    assert!(root
        .query_selector("[data-testid=\"chart-balance-video\"] svg")
        .unwrap()
        .is_some());
    enter(&get(&root, "horizon"), "1");
    settle().await;
    assert_eq!(text(&root, "plan-total"), "$4,200.00");
    enter(&get(&root, "horizon"), "40");
    settle().await;
    let horizon = get(&root, "horizon");
    assert_eq!(horizon.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root
        .query_selector("#kp-opt-horizon-err")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Horizon 40 is out of range"));
    enter(&get(&root, "quantity"), "500");
    settle().await;
    // A bad horizon is left out (the default, 3 months, is used) and the rest still plans.
    assert_eq!(text(&root, "plan-total"), "$4,200.00");
}

#[wasm_bindgen_test]
async fn buttons_add_duplicate_move_and_remove_lines() {
    let root = mount(Some(vec![video(100, "v2.1", "pro")]));
    settle().await;
    click(&get(&root, "duplicate-line"));
    settle().await;
    assert_eq!(all(&root, "line").len(), 2);
    enter(&all(&root, "quantity")[1], "300");
    settle().await;
    assert_eq!(text(&root, "total-value"), "$196.00");
    press(&all(&root, "move-up")[1]);
    settle().await;
    assert_eq!(value(&all(&root, "quantity")[0]), "300");
    assert!(all(&root, "move-up")[0].has_attribute("disabled"));
    assert_eq!(
        all(&root, "line")[0].get_attribute("aria-label").as_deref(),
        Some("Job line 1")
    );
    // The moved line's "Move up" is now disabled: the keyboard focus goes to its "Move down".
    assert!(document().active_element().unwrap() == all(&root, "move-down")[0]);
    press(&all(&root, "remove-line")[0]);
    settle().await;
    assert_eq!(all(&root, "line").len(), 1);
    assert_eq!(text(&root, "total-value"), "$49.00");
    // Its line is gone: the focus goes to "Add a line", not to the top of the page.
    assert_eq!(focused_testid().as_deref(), Some("add-line"));
    click(&get(&root, "clear"));
    click(&get(&root, "add-line"));
    settle().await;
    assert_eq!(all(&root, "line").len(), 1);
    assert_eq!(text(&root, "total-value"), "$14.00");
}
