//! Export buttons (CSV, JSON) and print. The content (lines, totals and the best plan) comes from
//! `core::export`; this only turns text into a download.

use crate::app::state::AppState;
use crate::core::export;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `name`.
fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url)
}

/// CSV / JSON / Print buttons.
#[component]
pub fn Export() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cat = state.catalog;
    let csv = move |_| {
        let text = state
            .plan
            .with(|p| state.estimate.with(|e| export::estimate_csv(cat, e, p)));
        let _ = download("kling-estimate.csv", "text/csv;charset=utf-8", &text);
    };
    let json = move |_| {
        let text = state
            .plan
            .with(|p| state.estimate.with(|e| export::estimate_json(cat, e, p)));
        let _ = download("kling-estimate.json", "application/json", &text);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="kp-actions kp-export" role="group" aria-label="Export">
            <button type="button" class="kp-secondary" data-testid="export-csv" on:click=csv>"Download CSV"</button>
            <button type="button" class="kp-secondary" data-testid="export-json" on:click=json>"Download JSON"</button>
            <button type="button" class="kp-secondary" data-testid="print" on:click=print>"Print"</button>
        </div>
    }
}
