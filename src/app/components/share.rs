//! Keeping the address in step with the calculation, the "Copy link" button, and the message
//! about anything a link held that could not be used.

use super::fields::handler;
use crate::app::state::AppState;
use crate::core::{report, share};
use leptos::prelude::*;
use std::time::Duration;

/// The current address with our parameters replaced by `ours`; foreign parameters and the
/// hash are kept.
fn address_with(ours: &str) -> Option<String> {
    let loc = web_sys::window()?.location();
    let search = loc.search().ok()?;
    let path = loc.pathname().ok()?;
    let hash = loc.hash().ok()?;
    Some(format!("{path}{}{hash}", share::merge_query(&search, ours)))
}

/// Writes the state into the address bar, at most once per 400 ms of editing (browsers
/// throttle `replaceState`).
pub fn sync_url(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        // Subscribe to every edit, but encode only once the typing pauses.
        state.lines.with(|ls| ls.iter().for_each(|l| l.draft.track()));
        state.options.track();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
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

/// "Copy link" and the link problems message.
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let copied = RwSignal::new(String::new());
    let copy = handler(move |_: web_sys::MouseEvent| {
        let Some(window) = web_sys::window() else { return };
        let origin = window.location().origin().unwrap_or_default();
        let url = format!("{origin}{}", address_with(&state.share_query()).unwrap_or_default());
        let _ = window.navigator().clipboard().write_text(&url);
        copied.set(format!("Link copied: {url}"));
    });
    let problems = Memo::new(move |_| state.link_problems.with(|ps| report::link_problems_html(ps)));
    view! {
        <div inner_html=problems></div>
        <div class="kp-actions kp-share-bar">
            <button type="button" class="kp-secondary" data-testid="copy-link" on:click=copy>"Copy link"</button>
            <span class="kp-muted kp-copied" role="status" data-testid="copied">{copied}</span>
        </div>
    }
}
