//! The Leptos page. The state is signals and memos ([`state`]); the page is components
//! ([`views`]), each control with its own handler that changes the state, each figure following
//! the memo it shows. The plan's regions show the markup the planner's module answers
//! ([`planner`]), and the one control in it reports to a listener on the root ([`events`]). No
//! price is computed here.

pub mod browser;
pub mod dom;
pub mod events;
pub mod planner;
pub mod state;
pub mod views;

use leptos::prelude::*;
use state::AppState;
use views::Root;

/// Runs `f` now and again whenever a signal it read changes. Every effect of the page goes
/// through this one closure type, so Leptos's effect machinery is compiled once rather than
/// once per effect (about 2 KB of wasm each). An effect that compares with what it showed last
/// keeps that in its own captured state.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

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

/// The whole calculator. It reopens, state and all, when its `query` changes (a new edition:
/// every price, the settings and the sources panel follow the catalog, so rebuilding is simpler
/// and safer than making each of them follow a catalog signal). The theme and the query outlive
/// each opening.
#[component]
pub fn App(#[prop(optional)] config: AppConfig) -> impl IntoView {
    let query = RwSignal::new(config.query.clone());
    let theme = RwSignal::new(match config.theme.as_str() {
        t @ ("light" | "dark") => t.to_string(),
        _ => String::from("auto"),
    });
    move || {
        query.track();
        untrack(|| calculator(&config, query, theme))
    }
}

/// One opening of the calculator: the state `query` describes, its views and listeners.
fn calculator(config: &AppConfig, query: RwSignal<String>, theme: RwSignal<String>) -> impl IntoView {
    let (state, link_problems) = AppState::open(query, theme);
    provide_context(state);
    if config.sync_url {
        browser::sync_url(state);
    }
    if let Some(cb) = config.on_change {
        effect(move || {
            // Every line's figures and the totals: what the estimate is made of.
            state.sums.track();
            state.lines.with(|ls| ls.iter().for_each(|l| l.priced.track()));
            state.plan.track();
            cb.run(state);
        });
    }
    let root = Root::new();
    views::lines::shares(state);
    views::reports::verdict(state, root);
    views::reports::plan(state, root);
    views::reports::break_even(state, root);
    let class = if config.compact { "kp-app kp-compact" } else { "kp-app" };
    // The plan's markup (from the planner's module) has buttons of its own: they report here.
    let click: Box<dyn FnMut(web_sys::MouseEvent)> = Box::new(move |ev| events::on_plan_click(state, ev));
    view! {
        <main class=class data-theme=theme node_ref=root on:click=click>
            <views::shell::Shell state link_problems/>
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
    remove_prerendered();
}

/// Removes the build's copy of the opening view (index.html's `#kp-pre`, see
/// `kling_pricing_render::prerender`) once the app is mounted beside it. The app's views draw its
/// figures in the microtasks that follow and its chart in the next animation frame, all before
/// the browser paints again: the person sees one calculator replaced by the same one, in place.
fn remove_prerendered() {
    let pre = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(kling_pricing_render::prerender::ROOT_ID));
    if let Some(pre) = pre {
        pre.remove();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use leptos::prelude::Owner;

    /// Effects are not run natively: their futures are dropped. Signals and memos work as in the
    /// page (memos compute when read).
    struct NoEffects;

    impl any_spawner::CustomExecutor for NoEffects {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }

    /// Runs `f` inside a reactive owner, effects left unrun.
    pub fn with_owner<T>(f: impl FnOnce() -> T) -> T {
        let _ = any_spawner::Executor::init_custom_executor(NoEffects);
        Owner::new().with(f)
    }
}
