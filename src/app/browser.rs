//! What the page asks of the browser beyond its own elements: downloads, printing, the
//! clipboard and the address bar.

use super::state::AppState;
use kling_pricing::share;
use leptos::prelude::*;
use std::time::Duration;
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

/// Downloads the lines, totals and best plan as CSV (`json` false) or JSON, once the planner's
/// module has written them.
pub fn export(state: AppState, json: bool) {
    use crate::app::planner::{text, Ask};
    let (what, name, kind) = if json {
        (Ask::ExportJson, "kling-estimate.json", "application/json")
    } else {
        (Ask::ExportCsv, "kling-estimate.csv", "text/csv;charset=utf-8")
    };
    text(what, &state.share_query(), move |body| {
        let _ = download(name, kind, &body);
    });
}

/// Opens the print dialog (the print stylesheet makes it a one-page estimate).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The current address with our parameters replaced by `ours`; foreign parameters and the
/// hash are kept.
fn address_with(ours: &str) -> Option<String> {
    let loc = web_sys::window()?.location();
    let search = loc.search().ok()?;
    let path = loc.pathname().ok()?;
    let hash = loc.hash().ok()?;
    Some(format!("{path}{}{hash}", share::merge_query(&search, ours)))
}

/// Copies a link to the calculation to the clipboard; returns the link.
pub fn copy_link(state: AppState) -> Option<String> {
    let window = web_sys::window()?;
    let origin = window.location().origin().ok()?;
    let url = format!("{origin}{}", address_with(&state.share_query())?);
    let _ = window.navigator().clipboard().write_text(&url);
    Some(url)
}

/// Writes the state into the address bar, at most once per 400 ms of editing (browsers
/// throttle `replaceState`).
pub fn sync_url(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    super::effect(move || {
        // Subscribe to every edit, but encode only once the typing pauses.
        state.lines.with(|ls| ls.iter().for_each(|l| l.draft.track()));
        state.options.track();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if !state.is_live() {
                    return;
                }
                let Some(url) = address_with(&state.share_query()) else {
                    return;
                };
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            },
            Duration::from_millis(400),
        );
        pending.set_value(handle.ok());
    });
}

/// Today (UTC), for the age of the prices: the visitor's day in the browser, the build's day
/// in the prerender (the app says it again from the visitor's day as it mounts).
pub fn today() -> Option<kling_pricing::date::Day> {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        kling_pricing::date::Day::from_ymd(
            i64::from(d.get_utc_full_year()),
            d.get_utc_month() + 1,
            d.get_utc_date(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Some(kling_pricing::date::Day((secs / 86_400) as i64))
    }
}
