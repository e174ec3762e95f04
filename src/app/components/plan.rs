//! The plan settings form and the best plan (markup from `core::report` and `core::chart`).

use super::fields::NumberField;
use crate::app::state::AppState;
use crate::core::draft::{DraftOptions, DraftPool};
use crate::core::plan::PoolOutcome;
use crate::core::{chart, report, Pool};
use leptos::prelude::*;

/// A number box bound to one text field of the plan settings.
fn option_field(
    state: AppState,
    key: &'static str,
    label: &'static str,
    get: fn(&DraftOptions) -> &String,
    set: fn(&mut DraftOptions) -> &mut String,
    suffix: Option<&'static str>,
) -> impl IntoView {
    let opts = state.options;
    view! {
        <NumberField
            id=format!("kp-opt-{}", key.replace('.', "-"))
            label=label
            value=Signal::derive(move || opts.with(|o| get(o).clone()))
            error=Signal::derive(move || state.option_error(key))
            set=Callback::new(move |v: String| opts.update(|o| *set(o) = v))
            testid=key
            suffix=suffix.unwrap_or("")
        />
    }
}

/// Picks one text field of a pool's settings.
type PoolField = fn(&mut DraftPool) -> &mut String;

/// The text fields of one pool's settings, in form order: (key suffix, label, field).
const POOL_FIELDS: [(&str, &str, PoolField); 8] = [
    ("balance.units", "Balance (units)", |p| &mut p.balance_units),
    ("balance.days", "Days left", |p| &mut p.balance_days),
    ("pack.price", "Your pack: price ($)", |p| &mut p.pack_price),
    ("pack.units", "units", |p| &mut p.pack_units),
    ("pack.days", "valid for (days)", |p| &mut p.pack_days),
    ("quote.price", "Custom quote: price ($)", |p| &mut p.quote_price),
    ("quote.units", "units", |p| &mut p.quote_units),
    ("quote.days", "valid for (days)", |p| &mut p.quote_days),
];

/// One pool's balance, pack and quote.
#[component]
fn PoolSettings(pool_index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pool = Pool::ALL[pool_index];
    let opts = state.options;
    let name = state.catalog.pool(pool).name;
    let fields = POOL_FIELDS
        .iter()
        .map(|&(suffix, label, field)| {
            let key = format!("{}.{suffix}", pool.id());
            let err_key = key.clone();
            view! {
                <NumberField
                    id=format!("kp-opt-{}", key.replace('.', "-"))
                    label=label
                    value=Signal::derive(move || opts.with(|o| field(&mut o.pools[pool_index].clone()).clone()))
                    error=Signal::derive(move || state.option_error(&err_key))
                    set=Callback::new(move |v: String| opts.update(|o| *field(&mut o.pools[pool_index]) = v))
                    testid=key
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="kp-pool-settings" data-testid=format!("settings-{}", pool.id())>
            <legend>{name} " pool"</legend>
            <div class="kp-row">{fields}</div>
        </fieldset>
    }
}

/// Horizon, growth, trials, peak and per-pool balances, packs and quotes.
#[component]
pub fn PlanSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let opts = state.options;
    view! {
        <section class="kp-settings" aria-labelledby="kp-settings-h">
            <h2 id="kp-settings-h">"Plan settings"</h2>
            <div class="kp-row">
                {option_field(state, "horizon", "Horizon (months, 1–36)", |o| &o.horizon, |o| &mut o.horizon, None)}
                {option_field(state, "growth", "Growth per month", |o| &o.growth, |o| &mut o.growth, Some("%"))}
                <label class="kp-check">
                    <input
                        type="checkbox"
                        data-testid="trials-used"
                        prop:checked=move || opts.with(|o| o.trials_used)
                        on:change=move |ev| opts.update(|o| o.trials_used = event_target_checked(&ev))
                    />
                    " My trial packages are already used"
                </label>
            </div>
            <div class="kp-row">
                {option_field(state, "peak.jobsPerHour", "Peak video jobs per hour", |o| &o.peak_jobs_per_hour, |o| &mut o.peak_jobs_per_hour, None)}
                {option_field(state, "peak.minutesPerJob", "Minutes per job", |o| &o.peak_minutes_per_job, |o| &mut o.peak_minutes_per_job, None)}
            </div>
            <details class="kp-details">
                <summary>"Balances you hold, image and try-on packs, custom quotes"</summary>
                <p class="kp-muted">
                    "The guide sells packages for video units only. Enter an image or try-on pack to plan those pools, a balance you already hold, or a custom package quote from Kling's sales team; the planner uses them like any package."
                </p>
                {(0..Pool::ALL.len()).map(|i| view! { <PoolSettings pool_index=i/> }).collect_view()}
            </details>
        </section>
    }
}

/// The best plan, its charts and the alternatives.
#[component]
pub fn PlanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = Memo::new(move |_| {
        state.plan.with(|p| match p {
            Ok(plan) => report::plan_html(plan),
            Err(e) => format!(r#"<p class="kp-error" role="alert">{}</p>"#, chart::escape(&e.message)),
        })
    });
    let charts = Memo::new(move |_| {
        state.plan.with(|p| {
            let Ok(plan) = p else { return String::new() };
            plan.pools
                .iter()
                .filter(|pp| pp.outcome == PoolOutcome::Planned && !pp.purchases.is_empty())
                .map(|pp| {
                    format!(
                        r#"<figure class="kp-figure" data-testid="chart-plans-{id}"><figcaption>{name}: what each plan costs</figcaption>{a}</figure><figure class="kp-figure" data-testid="chart-balance-{id}"><figcaption>{name}: units month by month, with expiries</figcaption>{b}</figure>"#,
                        id = pp.pool.id(),
                        name = chart::escape(pp.pool_name),
                        a = chart::plan_costs(pp),
                        b = chart::balance_over_time(pp)
                    )
                })
                .collect::<String>()
        })
    });
    view! {
        <section class="kp-plan" aria-labelledby="kp-plan-h" data-testid="plan">
            <h2 id="kp-plan-h">"Cheapest way to buy it"</h2>
            <div aria-live="polite" inner_html=html></div>
            <div class="kp-plan-charts" inner_html=charts></div>
        </section>
    }
}
