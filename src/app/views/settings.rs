//! The plan settings: every box holds what was typed, reports it through its own `on:input`,
//! and shows its own message once the settings are checked (`AppState::parsed_options`). The
//! fields come from the shared tables (`kling_pricing::fields`), so one function draws them all.

use super::choices::{self, Choice};
use super::lines::{described_by, field_message, invalid, option};
use crate::app::state::AppState;
use kling_pricing::catalog::Pool;
use kling_pricing::fields::{FORECAST_KEY, PER_USE_POOL_SETTINGS, PER_USE_SOURCE_KEY, POOL_SETTINGS, TOP_SETTINGS};
use kling_pricing::plan::{CHEAPEST, OWN_RATE};
use leptos::prelude::*;

/// The element id of the settings field `key` (`kp-opt-video-pack-price`).
pub fn setting_id(key: &str) -> String {
    format!("kp-opt-{}", key.replace('.', "-"))
}

/// The plan settings form.
#[component]
pub fn Settings(state: AppState) -> impl IntoView {
    let o = state.options.get_untracked();
    let top = |range: std::ops::Range<usize>| {
        TOP_SETTINGS[range]
            .iter()
            .map(|f| {
                setting_field(
                    state,
                    f.key.to_string(),
                    (f.label, f.suffix, ""),
                    (f.get)(&o).to_string(),
                )
            })
            .collect_view()
    };
    // Each month's multiplier of the mix: a list, typed or pasted, so a text box.
    let forecast = setting_field(
        state,
        FORECAST_KEY.to_string(),
        ("Month by month (× the mix)", "", "1, 1, 3"),
        o.demand_by_month.clone(),
    );
    let trials = move |ev| state.options.update(|o| o.trials_used = event_target_checked(&ev));
    view! {
        <section class="kp-settings" aria-labelledby="kp-settings-h">
            <h2 id="kp-settings-h">"Plan settings"</h2>
            <div class="kp-row">
                {top(0..2)}
                <label class="kp-check">
                    <input type="checkbox" data-testid="trials-used" checked=o.trials_used on:input=trials/>
                    " My trial packages are already used"
                </label>
            </div>
            <div class="kp-row">{top(2..TOP_SETTINGS.len())}</div>
            <div class="kp-row">{forecast}</div>
            {per_use_source(state)}
            <details class="kp-details">
                <summary>"Balances you hold, image and try-on packs, custom quotes, your per-use rate"</summary>
                <p class="kp-muted">
                    "The guide sells packages for video units only. Enter an image or try-on pack to \
                     plan those pools, a balance you already hold, or a custom package quote from \
                     Kling's sales team; the planner uses them like any package. A per-use rate you \
                     negotiated (dollars a unit) is used when \"Buy per use from\" says so."
                </p>
                {Pool::ALL.into_iter().map(|pool| pool_settings(state, pool)).collect_view()}
            </details>
        </section>
    }
}

/// The settings of one pool (balance, own pack, custom quote, per-use rate), in a fieldset.
fn pool_settings(state: AppState, pool: Pool) -> impl IntoView {
    let id = pool.id();
    let values = state.options.with_untracked(|o| o.pools[pool as usize].clone());
    let boxes = POOL_SETTINGS
        .iter()
        .chain(&PER_USE_POOL_SETTINGS)
        .map(|f| {
            let key = format!("{id}.{}", f.key);
            setting_field(state, key, (f.label, f.suffix, ""), (f.get)(&values).to_string())
        })
        .collect_view();
    view! {
        <fieldset class="kp-pool-settings" data-testid=format!("settings-{id}")>
            <legend>{format!("{} pool", state.catalog.pool(pool).name)}</legend>
            <div class="kp-row">{boxes}</div>
        </fieldset>
    }
}

/// The handler of setting `key`'s control: sets it to what was entered.
fn set(state: AppState, key: String) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev| state.set_setting(&key, event_target_value(&ev))
}

/// The message of setting `key`, once the settings are checked (`None` when it is fine).
fn message(state: AppState, key: String) -> Memo<Option<String>> {
    Memo::new(move |_| {
        state
            .parsed_options
            .with(|(_, errs)| errs.iter().find(|e| e.key == key).map(|e| e.message.clone()))
    })
}

/// One settings box holding `value` as typed, with its message: `(label, suffix, example)`,
/// where a box with an example takes a list (typed as text, the example its placeholder) and
/// the others a number.
fn setting_field(
    state: AppState,
    key: String,
    text: (&'static str, &'static str, &'static str),
    value: String,
) -> impl IntoView {
    let (label, suffix, example) = text;
    let mode = if example.is_empty() { "decimal" } else { "text" };
    let id = setting_id(&key);
    let msg = message(state, key.clone());
    view! {
        <label class="kp-field" for=id.clone()>
            <span class="kp-label">{label}</span>
            <span class="kp-input-wrap">
                <input id=id.clone() type="text" inputmode=mode autocomplete="off" data-testid=key.clone()
                    placeholder=(!example.is_empty()).then_some(example) value=value on:input=set(state, key)
                    aria-invalid=invalid(msg) aria-describedby=described_by(&id, msg)/>
                {(!suffix.is_empty()).then(|| view! { <span class="kp-suffix">{suffix}</span> })}
            </span>
            <span class="kp-field-msg">{field_message(&id, msg)}</span>
        </label>
    }
}

/// Who the planner may buy per use from: nobody (Kling's packs only), each seller the edition
/// lists (with the date of its prices), or the rate the person enters. Buying per use has no
/// expiry and no minimum, so it is the plan's answer wherever packs would forfeit too much.
fn per_use_source(state: AppState) -> impl IntoView {
    let key = PER_USE_SOURCE_KEY;
    let id = setting_id(key);
    let msg = message(state, key.to_string());
    let current = state.options.with_untracked(|o| o.per_use_source.trim().to_string());
    view! {
        <div class="kp-row">
            <label class="kp-field" for=id.clone()>
                <span class="kp-label">"Buy per use from"</span>
                <select id=id.clone() data-testid="per-use-source" on:input=set(state, key.to_string())>
                    {sources(state, &current).into_iter().map(option).collect_view()}
                </select>
                <span class="kp-field-msg">{field_message(&id, msg)}</span>
            </label>
        </div>
    }
}

/// The choices of "Buy per use from", `current` selected.
fn sources(state: AppState, current: &str) -> Vec<Choice> {
    let catalog = state.catalog;
    let mut all = vec![(String::new(), "Nobody: Kling's packs only".to_string())];
    if !catalog.per_use.is_empty() {
        all.push((CHEAPEST.to_string(), "The cheapest seller of each pool".to_string()));
    }
    for s in catalog.per_use {
        let label = match s.provenance.as_of {
            Some(d) => format!("{}, prices as of {d}", s.name),
            None => s.name.to_string(),
        };
        all.push((s.id.to_string(), label));
    }
    all.push((
        OWN_RATE.to_string(),
        "Your own rate (enter it under the pools)".to_string(),
    ));
    choices::options(all, current)
}
