//! Form fields shared by every editor: a select and a number box that keeps text as typed.
//!
//! Size notes (the page's wasm has a budget; see ARCHITECTURE.md, "Size"): a field that does
//! not apply is hidden, not wrapped in `<Show>` (each `<Show>` compiled to about 3.5 KB), and
//! option lists and messages are escaped text from `core::report` rather than view code.

use crate::core::report;
use leptos::prelude::*;

/// An event handler behind a box, so handlers of one event type share one copy of Leptos's
/// listener code.
pub type Handler<E> = Box<dyn FnMut(E)>;

/// Boxes `f` as a [`Handler`].
pub fn handler<E>(f: impl FnMut(E) + 'static) -> Handler<E> {
    Box::new(f)
}

/// A `<select>` over `choices` (value, label), calling `set` with the chosen value. Hidden,
/// not removed, while it has no choices, so the line's layout and ids stay put.
#[component]
pub fn Choice(
    id: String,
    label: &'static str,
    #[prop(into)] choices: Signal<Vec<(String, String)>>,
    #[prop(into)] current: Signal<String>,
    set: Callback<String>,
    testid: &'static str,
) -> impl IntoView {
    let for_id = id.clone();
    let options = Signal::derive(move || current.with(|cur| choices.with(|cs| report::options_html(cs, cur))));
    let hidden = Signal::derive(move || choices.with(Vec::is_empty));
    view! {
        <label class="kp-field" for=for_id hidden=hidden>
            <span class="kp-label">{label}</span>
            <select
                id=id
                data-testid=testid
                on:change=handler(move |ev: web_sys::Event| set.run(event_target_value(&ev)))
                inner_html=options
            ></select>
        </label>
    }
}

/// A text box for a number, kept as typed so a bad entry is shown with its message, not lost.
#[component]
pub fn NumberField(
    id: String,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    set: Callback<String>,
    #[prop(into)] testid: String,
    #[prop(optional)] suffix: Option<&'static str>,
    /// Hidden while the field does not apply (video length for a service priced per image).
    #[prop(optional, into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let err_id = format!("{id}-err");
    let for_id = id.clone();
    let invalid = Signal::derive(move || error.with(|e| e.is_some().to_string()));
    let described = {
        let err_id = err_id.clone();
        Signal::derive(move || error.with(|e| e.as_ref().map(|_| err_id.clone())))
    };
    let message = Signal::derive(move || error.with(|e| report::field_error_html(&err_id, e.as_deref())));
    view! {
        <label class="kp-field" for=for_id hidden=hidden>
            <span class="kp-label">{label}</span>
            <span class="kp-input-wrap">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid=testid
                    prop:value=value
                    aria-invalid=invalid
                    aria-describedby=described
                    on:input=handler(move |ev: web_sys::Event| set.run(event_target_value(&ev)))
                />
                {suffix.map(|s| view! { <span class="kp-suffix">{s}</span> })}
            </span>
            <span class="kp-field-msg" inner_html=message></span>
        </label>
    }
}
