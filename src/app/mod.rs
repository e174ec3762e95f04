//! The Leptos page. Components read signals and call [`crate::core`]; no price is computed here.
//!
//! State is a list of [`Line`]s, each with its own signal holding the form text, so typing in
//! one line re-renders that line and the totals, not the whole list.

pub mod components;
pub mod state;

use components::charts::LineChart;
use components::export::Export;
use components::line_editor::LineEditor;
use components::plan::{PlanSettings, PlanView};
use components::share::ShareBar;
use components::totals::Totals;
use components::trust::Trust;
use leptos::prelude::*;
use state::{AppState, Line};

/// The whole calculator page.
#[component]
pub fn App() -> impl IntoView {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let state = AppState::from_query(&search);
    provide_context(state);
    components::share::sync_url(state);
    let add = move |_| state.add_line();
    let clear = move |_| state.clear();
    let theme = RwSignal::new(String::from("auto"));
    view! {
        <main class="kp-app" data-theme=move || theme.get()>
            <header class="kp-header">
                <div class="kp-header-row">
                    <h1>"Kling AI API cost calculator"</h1>
                    <label class="kp-field kp-theme">
                        <span class="kp-label">"Theme"</span>
                        <select data-testid="theme" on:change=move |ev| theme.set(event_target_value(&ev))>
                            <option value="auto">"System"</option>
                            <option value="light">"Light"</option>
                            <option value="dark">"Dark"</option>
                        </select>
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

/// Mounts the calculator into the page body (the Trunk entry point).
pub fn mount_body() {
    leptos::mount::mount_to_body(App);
}
