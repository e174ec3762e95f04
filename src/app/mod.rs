//! The Leptos page. Components read signals and call [`crate::core`]; no price is computed here.
//!
//! State is a list of [`Line`]s, each with its own signal holding the form text, so typing in
//! one line re-renders that line and the totals, not the whole list.

pub mod components;
pub mod state;

use components::charts::LineChart;
use components::export::Export;
use components::fields::handler;
use components::line_editor::LineEditor;
use components::plan::{PlanSettings, PlanView};
use components::share::ShareBar;
use components::totals::Totals;
use components::trust::Trust;
use leptos::prelude::*;
use state::{AppState, Line};

/// How a calculator is set up: on its own page, in an iframe, or as a widget in someone else's.
#[derive(Clone, Default)]
pub struct AppConfig {
    /// The initial state, as a link's query string (the sample mix when it says nothing).
    pub query: String,
    /// Keep the page's address in step with the calculation (the page, not a widget).
    pub sync_url: bool,
    /// "auto" (the system's), "light" or "dark".
    pub theme: String,
    /// Less spacing, no charts: for narrow docs columns.
    pub compact: bool,
    /// Called with the state whenever the estimate or the plan changes (the widget's event).
    pub on_change: Option<Callback<AppState>>,
}

/// The whole calculator.
#[component]
pub fn App(#[prop(optional)] config: AppConfig) -> impl IntoView {
    let state = AppState::from_query(&config.query);
    provide_context(state);
    if config.sync_url {
        components::share::sync_url(state);
    }
    if let Some(cb) = config.on_change {
        Effect::new(move |_| {
            state.estimate.track();
            state.plan.track();
            cb.run(state);
        });
    }
    let add = handler(move |_: web_sys::MouseEvent| state.add_line());
    let clear = handler(move |_: web_sys::MouseEvent| state.clear());
    let theme = RwSignal::new(match config.theme.as_str() {
        "light" | "dark" => config.theme.clone(),
        _ => String::from("auto"),
    });
    let theme_options = {
        let choices =
            [("auto", "System"), ("light", "Light"), ("dark", "Dark")].map(|(v, t)| (v.to_string(), t.to_string()));
        crate::core::report::options_html(&choices, &theme.get_untracked())
    };
    let class = if config.compact { "kp-app kp-compact" } else { "kp-app" };
    view! {
        <main class=class data-theme=theme>
            <header class="kp-header">
                <div class="kp-header-row">
                    <h1>"Kling AI API cost calculator"</h1>
                    <label class="kp-field kp-theme">
                        <span class="kp-label">"Theme"</span>
                        <select
                            data-testid="theme"
                            on:change=handler(move |ev: web_sys::Event| theme.set(event_target_value(&ev)))
                            inner_html=theme_options
                        ></select>
                    </label>
                </div>
                <p class="kp-sub">
                    "Units, list value and the cheapest prepaid plan for a monthly job mix. Prices: catalog "
                    <span data-testid="edition">{state.catalog.edition}</span> ", as of "
                    {state.catalog.as_of} "."
                </p>
            </header>
            <section class="kp-mix" aria-labelledby="kp-mix-h">
                <h2 id="kp-mix-h">"Job mix per month"</h2>
                <ol class="kp-lines" data-testid="lines">
                    <For
                        each=move || state.lines.get()
                        key=|l: &Line| l.id
                        children=move |l: Line| view! { <LineEditor line=l/> }
                    />
                </ol>
                <div class="kp-actions">
                    <button type="button" data-testid="add-line" on:click=add>"Add a line"</button>
                    <button type="button" class="kp-secondary" data-testid="clear" on:click=clear>"Clear the mix"</button>
                </div>
            </section>
            <Totals/>
            <PlanSettings/>
            <PlanView/>
            <section class="kp-charts" aria-labelledby="kp-charts-h">
                <h2 id="kp-charts-h">"Pictures"</h2>
                <LineChart/>
            </section>
            <Export/>
            <ShareBar/>
            <Trust/>
        </main>
    }
}

/// Mounts the calculator into the page body (the Trunk entry point). A body marked
/// `data-mode="embed"` (embed.html, for iframes) gets the compact layout and leaves the
/// address alone; its query may also say `theme=light|dark`.
pub fn mount_body() {
    let window = web_sys::window();
    let query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let embed = window
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-mode"))
        .is_some_and(|m| m == "embed");
    let theme = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("theme="))
        .unwrap_or("auto")
        .to_string();
    let config = AppConfig {
        query,
        sync_url: !embed,
        theme,
        compact: embed,
        on_change: None,
    };
    leptos::mount::mount_to_body(move || view! { <App config=config.clone()/> });
}
