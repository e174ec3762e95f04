//! The embeddable widget: the calculator mounted in a shadow root, for the custom element
//! `<kling-pricing-calculator>` (js/kling-pricing-calculator.js) in the npm package.
//!
//! The shadow root keeps the host's CSS out and ours in; no window-wide listener is installed
//! (there is no router), so the host page's links work as they do without the widget.

use crate::app::state::AppState;
use crate::app::{App, AppConfig};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The stylesheet, compiled in so the widget needs no second request. The loader adopts it as a
/// constructed stylesheet, which a Content-Security-Policy without 'unsafe-inline' still allows.
const STYLE: &str = include_str!("../style/main.css");

/// The widget's stylesheet (for the shadow root's `adoptedStyleSheets`).
#[wasm_bindgen]
pub fn stylesheet() -> String {
    format!(":host {{ display: block; }}\n{STYLE}")
}

/// What the custom element's attributes say.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WidgetOptions {
    /// The initial state in the link format (`mix` attribute), e.g. `l=video~v2.1~pro~5~400&h=6`.
    mix: String,
    theme: String,
    compact: bool,
    sync_url: bool,
    /// The planner module's script (the element's loader gives the copy in its package): the
    /// widget plans on the host page's thread, loading it on the first plan.
    planner: String,
}

/// A mounted widget; `unmount()` removes it.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the calculator from its shadow root.
    pub fn unmount(&mut self) {
        self.handle.take();
    }
}

/// The estimate and plan as the JS API returns them, for the `change` event.
fn change_detail(state: AppState) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let detail = js_sys::Object::new();
    if let Ok(e) = serde::Serialize::serialize(&untrack(|| state.estimate()), &ser) {
        let _ = js_sys::Reflect::set(&detail, &"estimate".into(), &e);
    }
    let plan = state.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| js_sys::JSON::parse(&p.json).ok())
            .unwrap_or(JsValue::NULL)
    });
    let _ = js_sys::Reflect::set(&detail, &"plan".into(), &plan);
    detail.into()
}

/// Mounts a calculator in `root` (a shadow root). `options`: `{ mix, theme, compact, syncUrl,
/// planner }`, `planner` the URL of the planner module's script.
/// The shadow root's host receives a `change` event (`detail: { estimate, plan }`) whenever the
/// figures change.
#[wasm_bindgen]
pub fn mount(root: web_sys::ShadowRoot, options: JsValue) -> Result<Widget, JsValue> {
    let opts: WidgetOptions = if options.is_undefined() || options.is_null() {
        WidgetOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("widget options: {e}")))?
    };
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsError::new("no document"))?;
    crate::app::planner::on_this_thread(opts.planner);
    root.set_inner_html("");
    let container: web_sys::HtmlElement = doc.create_element("div")?.unchecked_into();
    root.append_child(&container)?;
    let host = root.host();
    let on_change = Callback::new(move |state: AppState| {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&change_detail(state));
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("change", &init) {
            let _ = host.dispatch_event(&ev);
        }
    });
    let config = AppConfig {
        query: opts.mix,
        sync_url: opts.sync_url,
        theme: opts.theme,
        compact: opts.compact,
        on_change: Some(on_change),
    };
    let handle = leptos::mount::mount_to(container, move || view! { <App config=config.clone()/> }.into_any());
    Ok(Widget { handle: Some(handle) })
}
