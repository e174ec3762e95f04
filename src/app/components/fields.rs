//! Form fields shared by every editor: a select and a number box that keeps text as typed.

use leptos::prelude::*;

/// A `<select>` over `choices` (id, label), calling `set` with the chosen id.
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
    view! {
        <label class="kp-field" for=for_id>
            <span class="kp-label">{label}</span>
            <select id=id data-testid=testid on:change=move |ev| set.run(event_target_value(&ev))>
                {move || {
                    let cur = current.get();
                    choices
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == cur;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
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
) -> impl IntoView {
    let err_id = format!("{id}-err");
    let err_id2 = err_id.clone();
    let for_id = id.clone();
    view! {
        <label class="kp-field" for=for_id>
            <span class="kp-label">{label}</span>
            <span class="kp-input-wrap">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid=testid
                    prop:value=value
                    aria-invalid=move || error.with(|e| e.is_some().to_string())
                    aria-describedby=move || error.with(|e| e.as_ref().map(|_| err_id.clone()))
                    on:input=move |ev| set.run(event_target_value(&ev))
                />
                {suffix.map(|s| view! { <span class="kp-suffix">{s}</span> })}
            </span>
            {move || error.get().map(|m| view! { <span class="kp-error" id=err_id2.clone() role="alert">{m}</span> })}
        </label>
    }
}
