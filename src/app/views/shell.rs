//! The calculator's frame: the header (title, theme, the edition picker), the job mix and the
//! settings on one side, the answer on the other, the exports, the link, and where the numbers
//! come from. Every control carries its own handler.

use super::charts::ValueByLine;
use super::lines::{on_press, option, Lines};
use super::reports::{Summary, Totals};
use super::settings::Settings;
use super::{choices, focus, live};
use crate::app::browser;
use crate::app::state::AppState;
use kling_pricing::catalog::{Catalog, Status, EDITIONS};
use kling_pricing::share::ShareProblem;
use kling_pricing_render::report;
use leptos::prelude::*;

/// The theme choices: (value, label).
pub const THEMES: [(&str, &str); 3] = [("auto", "System"), ("light", "Light"), ("dark", "Dark")];

/// Everything inside the calculator's root element. `link_problems` is what the link the page
/// was opened with held that could not be used.
#[component]
pub fn Shell(state: AppState, link_problems: Vec<ShareProblem>) -> impl IntoView {
    let busy = live(move || state.planning.get().then(|| "true".to_string()));
    view! {
        <Header state/>
        // Two columns on a wide calculator (the inputs; the answer, kept in view), one on a narrow
        // one, where the summary comes first and stays at the top while scrolling (style/main.css).
        <div class="kp-layout">
            <div class="kp-work">
                <section class="kp-mix" aria-labelledby="kp-mix-h">
                    <h2 id="kp-mix-h">"Job mix per month"</h2>
                    <Lines state/>
                    <div class="kp-actions">
                        <button type="button" data-testid="add-line" on:click=on_press(move |_| state.add_line())>
                            "Add a line"
                        </button>
                        {button("clear", "Clear the mix", move || state.clear())}
                    </div>
                </section>
                <Settings state/>
            </div>
            <div class="kp-side">
                <Summary state/>
                <section class="kp-totals" aria-labelledby="kp-totals-h">
                    <h2 id="kp-totals-h">"Per month, at list price"</h2>
                    <Totals state/>
                </section>
                <section class="kp-plan" aria-labelledby="kp-plan-h" data-testid="plan">
                    <h2 id="kp-plan-h">"Cheapest way to buy it"</h2>
                    // Dimmed while the planner plans newer input (after a moment: most plans take less).
                    <div aria-live="polite" data-r="plan" aria-busy=busy></div>
                    <div class="kp-plan-charts" data-r="plan-charts"></div>
                    <details class="kp-details" data-testid="break-even">
                        <summary>"Where the answer changes with volume"</summary>
                        <p class="kp-muted">
                            "What each way to buy this mix would cost over the horizon at other monthly volumes, \
                             and the volumes where the cheapest way changes. It plans the mix about a hundred \
                             times, so it is drawn when you ask, and cleared when the mix changes."
                        </p>
                        {button("breakeven", "Draw the break-even picture", move || state.draw_break_even())}
                        <div aria-live="polite" data-r="breakeven"></div>
                    </details>
                </section>
                <section class="kp-charts" aria-labelledby="kp-charts-h">
                    <h2 id="kp-charts-h">"Pictures"</h2>
                    <figure class="kp-figure" data-testid="chart-lines">
                        <figcaption>"Where the money goes (list value per month, by line)"</figcaption>
                        <div><ValueByLine state/></div>
                    </figure>
                </section>
            </div>
        </div>
        <div class="kp-actions kp-export" role="group" aria-label="Export">
            {button("export-csv", "Download CSV", move || browser::export(state, false))}
            {button("export-json", "Download JSON", move || browser::export(state, true))}
            {button("print", "Print", browser::print)}
        </div>
        <div>{link_problems_view(link_problems)}</div>
        <div class="kp-actions kp-share-bar">
            {button("copy-link", "Copy link", move || {
                if let Some(url) = browser::copy_link(state) {
                    state.copied.set(format!("Link copied: {url}"));
                }
            })}
            <span class="kp-muted kp-copied" role="status" data-testid="copied">{live(move || state.copied.get())}</span>
        </div>
        <section class="kp-trust" aria-labelledby="kp-trust-h">
            <h2 id="kp-trust-h">"Where these numbers come from"</h2>
            <Sources catalog=state.catalog/>
        </section>
    }
}

/// A secondary button with test id `testid`, doing `act`.
fn button(testid: &'static str, text: &'static str, act: impl Fn() + 'static) -> impl IntoView {
    view! { <button type="button" class="kp-secondary" data-testid=testid on:click=on_press(move |_| act())>{text}</button> }
}

/// The header: title, theme choice, and the edition picker with how sure the edition's prices
/// are, so the figures below are never read without knowing which line-up and how firm they are.
#[component]
fn Header(state: AppState) -> impl IntoView {
    let catalog = state.catalog;
    let theme = state.theme.get_untracked();
    let themes = THEMES.map(|(v, l)| (v.to_string(), l.to_string())).to_vec();
    let editions = EDITIONS
        .iter()
        .map(|c| (c.edition.to_string(), c.title.to_string()))
        .collect();
    let pick_edition = move |ev: leptos::ev::Event| {
        // The calculator's container outlives the reopening; its root does not.
        let container = event_target::<web_sys::Element>(&ev)
            .closest(".kp-app")
            .ok()
            .flatten()
            .and_then(|r| r.parent_element());
        state.switch_edition(&event_target_value(&ev));
        if let Some(c) = container {
            focus::to_edition_picker(c);
        }
    };
    view! {
        <header class="kp-header">
            <div class="kp-header-row">
                <h1>"Kling AI API cost calculator"</h1>
                <label class="kp-field kp-theme">
                    <span class="kp-label">"Theme"</span>
                    <select data-testid="theme" on:input=move |ev| state.theme.set(event_target_value(&ev))>
                        {choices::options(themes, &theme).into_iter().map(option).collect_view()}
                    </select>
                </label>
            </div>
            <p class="kp-sub">"Units, list value and the cheapest prepaid plan for a monthly job mix."</p>
            <div class="kp-edition-row">
                <label class="kp-field kp-edition">
                    <span class="kp-label">"Prices"</span>
                    <select data-testid="edition-select" on:input=pick_edition>
                        {choices::options(editions, catalog.edition).into_iter().map(option).collect_view()}
                    </select>
                </label>
                <p class="kp-sub kp-edition-trust">
                    "Edition " <span data-testid="edition">{catalog.edition}</span>
                    {format!(", as of {}: ", catalog.as_of)}
                    <span data-testid="edition-confidence">{report::edition_trust(catalog)}</span> "."
                </p>
            </div>
        </header>
    }
}

/// Where the numbers come from: the edition, its date, its assumptions, the rows an official
/// page contradicts, and every source with its kind and date.
#[component]
fn Sources(catalog: &'static Catalog) -> impl IntoView {
    let intro = format!(
        ": {}, as of {}, checked against Kling's official pages in {}. Every price below carries its \
         source; the guide's package menu, trial limits and concurrency numbers are not confirmed \
         by an official page.",
        catalog.title, catalog.as_of, catalog.checked
    );
    let item = |text: String| view! { <li>{text}</li> };
    let contradicted = catalog.services.iter().flat_map(|svc| {
        svc.rows
            .iter()
            .filter(|r| r.provenance.status == Status::Contradicted)
            .map(move |r| {
                let opts: Vec<&str> = r.model.iter().chain(r.mode.iter()).map(|o| catalog.label(o)).collect();
                format!(
                    "{} ({}): {}",
                    svc.name,
                    opts.join(", "),
                    r.provenance.note.unwrap_or("")
                )
            })
    });
    let sources = catalog.sources.iter().map(|src| {
        let date = src.date.map(|d| format!(", {d}")).unwrap_or_default();
        let kind = format!(" — {}{date}", src.kind);
        let title = (!src.url.is_empty()).then(|| view! { <a href=src.url rel="noopener noreferrer">{src.title}</a> });
        let plain = src.url.is_empty().then_some(src.title);
        view! { <li>{title}{plain}{kind}</li> }
    });
    view! {
        <div>
            <p>"Catalog " <strong data-testid="trust-edition">{catalog.edition}</strong>{intro}</p>
            <h3>"Assumptions"</h3>
            <ul data-testid="assumptions">{catalog.assumptions.iter().map(|a| item(a.to_string())).collect_view()}</ul>
            <h3>"Known contradictions"</h3>
            <ul data-testid="contradictions">{contradicted.map(item).collect_view()}</ul>
            <h3>"Sources"</h3>
            <ul>{sources.collect_view()}</ul>
        </div>
    }
}

/// What a link held that could not be used, or nothing when it all loaded.
fn link_problems_view(problems: Vec<ShareProblem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <div class="kp-warning" role="alert" data-testid="link-problems">
                <p>"Some of this link could not be used; everything else was loaded:"</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::AppState;
    use kling_pricing::draft::DraftOptions;
    use kling_pricing::fields::{setting_keys, setting_mut};
    use kling_pricing::{default_catalog, opening_catalog};

    /// The shell as HTML for a state of `catalog` holding `options`, with the link `problems`.
    fn shell(catalog: &'static kling_pricing::Catalog, options: DraftOptions, problems: Vec<ShareProblem>) -> String {
        crate::app::tests::with_owner(|| {
            let state = AppState::new(catalog, Vec::new(), options);
            view! { <Shell state link_problems=problems/> }.to_html()
        })
    }

    /// Every settings key has a box holding its text, with its id.
    #[test]
    fn every_settings_key_has_a_box_holding_its_text() {
        let keys = setting_keys();
        assert_eq!(keys.len(), 4 + 3 * 8);
        let mut o = DraftOptions::default();
        for k in &keys {
            *setting_mut(&mut o, k).unwrap() = "x".into();
        }
        // Every key the settings check reports on is a field of the form.
        for e in o.to_options().1 {
            assert!(keys.contains(&e.key), "{}", e.key);
        }
        let html = shell(default_catalog(), o, Vec::new());
        assert_eq!(html.matches(r#"value="x""#).count(), keys.len());
        assert!(html.contains(r#"id="kp-opt-image-pack-price""#));
    }

    /// The header offers every edition, the current one chosen, and states how sure its prices
    /// are next to its name.
    #[test]
    fn the_header_picks_the_edition_and_says_how_sure_it_is() {
        let cat = opening_catalog();
        let html = shell(cat, DraftOptions::default(), Vec::new());
        assert!(html.contains(
            r#"<option value="kling-2026-12" selected>Kling AI API prices, December 2026 (per second)</option>"#
        ));
        assert!(html.contains(r#"<option value="kling-2026">Kling AI API prices in 2026 (per second)</option>"#));
        assert!(html.contains(r#"<option value="seed-2025">Kling AI API pricing guide (2025)</option>"#));
        let c = cat.trust_counts();
        let said = format!(
            "prices {} official, {} inferred from reseller prices, {} from the 2025 guide, {} from a 2026 guide, {} assumed",
            c.official, c.inferred, c.seed, c.guide, c.assumed
        );
        assert!(
            html.contains(&format!(r#"data-testid="edition-confidence">{said}</span>"#)),
            "{html}"
        );
        let seed = shell(default_catalog(), DraftOptions::default(), Vec::new());
        assert!(seed.contains(r#"<option value="seed-2025" selected>"#));
        assert!(seed.contains("confirmed by Kling's official pages"));
    }

    /// The settings offer per use from each seller of the edition (with its prices' date), from
    /// the person's own rate, or from nobody, the chosen one selected; each pool takes a rate.
    #[test]
    fn the_settings_offer_each_seller_and_a_rate_of_ones_own() {
        let html = shell(opening_catalog(), kling_pricing::draft::opening_options(), Vec::new());
        assert!(html.contains(r#"<option value="cheapest" selected>The cheapest seller of each pool</option>"#));
        assert!(
            html.contains(r#"<option value="fal">fal.ai, prices as of 2026</option>"#),
            "{html}"
        );
        assert!(html.contains(r#"<option value="">Nobody: Kling's packs only</option>"#));
        assert!(html.contains(r#"<option value="rate">Your own rate"#));
        for pool in ["video", "image", "try-on"] {
            assert!(html.contains(&format!(r#"id="kp-opt-{pool}-perUse-rate""#)), "{pool}");
        }
        let seed = shell(default_catalog(), DraftOptions::default(), Vec::new());
        assert!(
            seed.contains(r#"<option value="" selected>Nobody"#),
            "no seller in seed-2025"
        );
        assert!(!seed.contains("fal.ai"));
    }

    /// What a link held that could not be used is listed, escaped.
    #[test]
    fn a_links_problems_are_listed_escaped() {
        let html = shell(default_catalog(), DraftOptions::default(), Vec::new());
        assert!(!html.contains("link-problems"));
        let d = kling_pricing::share::decode("e=<script>alert(1)</script>&b=\"><img src=x onerror=alert(1)>");
        assert_eq!(d.problems.len(), 2);
        let html = shell(default_catalog(), DraftOptions::default(), d.problems);
        assert!(html.contains(r#"data-testid="link-problems""#));
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    }
}
