//! The page's controls: the shell (every region, the buttons, the theme choice), the plan
//! settings, and what a job line's editor shows (its choices, which boxes apply, messages). The
//! fields come from the shared tables (`kling_pricing::fields`).
//!
//! The shell and the settings are maud templates: every value is escaped by its type, and the
//! only markup spliced in as [`PreEscaped`] is our own (the report crate's fragments). Each
//! control says what it does in `data-act` / `data-line` / `data-field` attributes, which the app
//! reads back as an action; test ids are for the tests only. The line editors themselves are
//! Leptos components in the app (a keyed list), fed by the pure functions here. Everything is
//! tested natively.

use super::{chart, report};
use kling_pricing::catalog::{Catalog, Pool, Service, Variant, EDITIONS};
use kling_pricing::draft::{DraftLine, DraftOptions, DraftPool};
use kling_pricing::error::{Field, InputError};
use kling_pricing::estimate::LineEstimate;
use kling_pricing::fields::{LineField, PER_USE_POOL_SETTINGS, PER_USE_SOURCE_KEY, POOL_SETTINGS, TOP_SETTINGS};
use kling_pricing::plan::{CHEAPEST, OWN_RATE};
use kling_pricing::share::ShareProblem;
use maud::{html, Markup, PreEscaped};
use rust_decimal::Decimal;

/// A priced line, or the problems that keep it out of the totals.
pub type Priced = Result<LineEstimate, Vec<InputError>>;

/// The element id of `field` of line `line` (`kp-l7-quantity`), for its label and message.
pub fn line_field_id(line: u32, field: &str) -> String {
    format!("kp-l{line}-{field}")
}

/// The `<option>`s of select `field` for `draft`: the choices the catalog prices given the
/// choices before it, with the current one selected. Empty when the select does not apply (a
/// service without models, an unknown service), and the page hides it.
pub fn select_options(catalog: &Catalog, draft: &DraftLine, field: &LineField) -> String {
    let labelled = |ids: Vec<&'static str>| {
        let choices: Vec<(String, String)> = ids
            .into_iter()
            .map(|id| (id.to_string(), catalog.label(id).to_string()))
            .collect();
        report::options_html(&choices, (field.get)(draft))
    };
    let given = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
    let (model, mode) = (given(&draft.model), given(&draft.mode));
    let service = catalog.service(&draft.service);
    match (field.field, service) {
        (Field::Service, _) => {
            let services: Vec<(String, String)> = catalog
                .services
                .iter()
                .map(|s| (s.id.to_string(), s.name.to_string()))
                .collect();
            report::options_html(&services, &draft.service)
        }
        (Field::Model, Some(s)) => model_options(catalog, s, &draft.model),
        (Field::Audio | Field::Resolution | Field::Input, Some(_)) => {
            let variant = Variant::ALL.into_iter().find(|v| v.id() == field.id);
            labelled(variant.map_or_else(Vec::new, |v| draft.variant_choices(catalog, v)))
        }
        (Field::Mode, Some(s)) => labelled(s.modes(model.as_deref())),
        (Field::Duration, Some(s)) => {
            let durations: Vec<(String, String)> = s
                .durations(model.as_deref(), mode.as_deref())
                .into_iter()
                .map(|d| (d.to_string(), format!("{d} s")))
                .collect();
            report::options_html(&durations, draft.duration.trim())
        }
        _ => String::new(),
    }
}

/// The model select's options, a retired model marked with its date: someone planning ahead
/// must see that the model stops, before picking it. Only editions that retire a model mark it.
fn model_options(catalog: &Catalog, service: &Service, current: &str) -> String {
    let choices: Vec<(String, String)> = service
        .models()
        .into_iter()
        .map(|id| {
            let label = catalog.label(id);
            let label = match service.retirement(Some(id)) {
                Some(r) => format!("{label} (retired {})", r.date),
                None => label.to_string(),
            };
            (id.to_string(), label)
        })
        .collect();
    report::options_html(&choices, current)
}

/// Whether number box `field` applies to `draft`: the video length only to a line that gives
/// an input video (a lip-sync, a model given a reference video), the user's own units only
/// where the catalog's are a guess, every other box always.
pub fn number_applies(catalog: &Catalog, draft: &DraftLine, field: &LineField) -> bool {
    match field.field {
        Field::VideoSeconds => draft.takes_video_seconds(catalog),
        Field::OwnUnits => draft.guessed(catalog),
        _ => true,
    }
}

/// The message of box `field`, without the "line N:" prefix; `None` when the field is fine.
pub fn number_message(priced: &Priced, field: &LineField) -> Option<String> {
    let errs = priced.as_ref().err()?;
    let msgs: Vec<&str> = errs
        .iter()
        .filter(|e| e.field == field.field)
        .map(|e| e.message.split_once(": ").map(|(_, m)| m).unwrap_or(&e.message))
        .collect();
    (!msgs.is_empty()).then(|| msgs.join("; "))
}

/// A line's share of the mix's list value `total` ("12.5% of the total"); empty while the line
/// has a problem.
pub fn share_text(priced: &Priced, total: Decimal) -> String {
    match priced {
        Ok(e) => format!("{} of the total", chart::percent(e.value, total)),
        Err(_) => String::new(),
    }
}

/// The element id of the settings field `key` (`kp-opt-video-pack-price`).
pub fn setting_id(key: &str) -> String {
    format!("kp-opt-{}", key.replace('.', "-"))
}

/// One settings box holding the current text of `key`. Its message is written by the page
/// once it has checked the settings (`aria-invalid` and the `.kp-field-msg` span).
fn setting_field(key: &str, label: &str, suffix: &str, value: &str) -> Markup {
    let id = setting_id(key);
    html! {
        label.kp-field for=(id) {
            span.kp-label { (label) }
            span.kp-input-wrap {
                input id=(id) type="text" inputmode="decimal" autocomplete="off" data-testid=(key)
                    data-act="set" data-field=(key) value=(value) aria-invalid="false";
                @if !suffix.is_empty() { span.kp-suffix { (suffix) } }
            }
            span.kp-field-msg {}
        }
    }
}

/// The settings of one pool (balance, own pack, custom quote), in a fieldset of their own.
fn pool_settings(catalog: &Catalog, pool: Pool, values: &DraftPool) -> Markup {
    let id = pool.id();
    html! {
        fieldset.kp-pool-settings data-testid={ "settings-" (id) } {
            legend { (catalog.pool(pool).name) " pool" }
            div.kp-row {
                @for f in POOL_SETTINGS.iter().chain(&PER_USE_POOL_SETTINGS) {
                    (setting_field(&format!("{id}.{}", f.key), f.label, f.suffix, (f.get)(values)))
                }
            }
        }
    }
}

/// The plan settings form, holding `options` as typed.
pub fn settings_html(catalog: &Catalog, options: &DraftOptions) -> String {
    settings(catalog, options).into_string()
}

fn settings(catalog: &Catalog, options: &DraftOptions) -> Markup {
    let o = options;
    html! {
        section.kp-settings aria-labelledby="kp-settings-h" {
            h2 #kp-settings-h { "Plan settings" }
            div.kp-row {
                @for f in &TOP_SETTINGS[..2] { (setting_field(f.key, f.label, f.suffix, (f.get)(o))) }
                label.kp-check {
                    input type="checkbox" data-testid="trials-used" data-act="trials" checked[o.trials_used];
                    " My trial packages are already used"
                }
            }
            div.kp-row {
                @for f in &TOP_SETTINGS[2..] { (setting_field(f.key, f.label, f.suffix, (f.get)(o))) }
            }
            (per_use_source(catalog, &o.per_use_source))
            details.kp-details {
                summary { "Balances you hold, image and try-on packs, custom quotes, your per-use rate" }
                p.kp-muted {
                    "The guide sells packages for video units only. Enter an image or try-on pack to "
                    "plan those pools, a balance you already hold, or a custom package quote from "
                    "Kling's sales team; the planner uses them like any package. A per-use rate you "
                    "negotiated (dollars a unit) is used when \"Buy per use from\" says so."
                }
                @for (pool, values) in Pool::ALL.into_iter().zip(&o.pools) { (pool_settings(catalog, pool, values)) }
            }
        }
    }
}

/// Who the planner may buy per use from: nobody (Kling's packs only), each seller the edition
/// lists (with the date of its prices), or the rate the person enters. Buying per use has no
/// expiry and no minimum, so it is the plan's answer wherever packs would forfeit too much.
fn per_use_source(catalog: &Catalog, current: &str) -> Markup {
    let id = setting_id(PER_USE_SOURCE_KEY);
    let current = current.trim();
    html! {
        div.kp-row {
            label.kp-field for=(id) {
                span.kp-label { "Buy per use from" }
                select id=(id) data-testid="per-use-source" data-act="set" data-field=(PER_USE_SOURCE_KEY) {
                    option value="" selected[current.is_empty()] { "Nobody: Kling's packs only" }
                    @if !catalog.per_use.is_empty() {
                        option value=(CHEAPEST) selected[current == CHEAPEST] { "The cheapest seller of each pool" }
                    }
                    @for s in catalog.per_use {
                        option value=(s.id) selected[current == s.id] {
                            (s.name) @if let Some(d) = s.provenance.as_of { ", prices as of " (d) }
                        }
                    }
                    option value=(OWN_RATE) selected[current == OWN_RATE] { "Your own rate (enter it under the pools)" }
                }
                span.kp-field-msg {}
            }
        }
    }
}

/// The theme choices: (value, label).
pub const THEMES: [(&str, &str); 3] = [("auto", "System"), ("light", "Light"), ("dark", "Dark")];

/// A section with a heading (`kp-{name}-h`, which labels it) over `body`.
fn section(name: &str, title: &str, testid: Option<&str>, body: Markup) -> Markup {
    let h = format!("kp-{name}-h");
    html! {
        section class={ "kp-" (name) } aria-labelledby=(h) data-testid=[testid] {
            h2 id=(h) { (title) }
            (body)
        }
    }
}

/// A secondary button doing `act` (also its test id).
fn button(act: &str, text: &str) -> Markup {
    html! { button.kp-secondary type="button" data-testid=(act) data-act=(act) { (text) } }
}

/// The header: title, theme choice (`theme` selected), and the edition picker (`catalog`
/// chosen) with how sure the edition's prices are, so the figures below are never read without
/// knowing which line-up and how firm they are.
fn header(catalog: &Catalog, theme: &str) -> Markup {
    html! {
        header.kp-header {
            div.kp-header-row {
                h1 { "Kling AI API cost calculator" }
                label.kp-field.kp-theme {
                    span.kp-label { "Theme" }
                    select data-testid="theme" data-act="theme" {
                        @for (value, label) in THEMES { option value=(value) selected[value == theme] { (label) } }
                    }
                }
            }
            p.kp-sub {
                "Units, list value and the cheapest prepaid plan for a monthly job mix."
            }
            div.kp-edition-row {
                label.kp-field.kp-edition {
                    span.kp-label { "Prices" }
                    select data-testid="edition-select" data-act="edition" {
                        @for c in EDITIONS {
                            option value=(c.edition) selected[c.edition == catalog.edition] { (c.title) }
                        }
                    }
                }
                p.kp-sub.kp-edition-trust {
                    "Edition " span data-testid="edition" { (catalog.edition) } ", as of " (catalog.as_of) ": "
                    span data-testid="edition-confidence" { (report::edition_trust(catalog)) } "."
                }
            }
        }
    }
}

/// The whole calculator inside its root element: header, the (empty) job list, the regions the
/// page fills in (`data-r="…"`), the settings holding `options`, what the link the page was
/// opened with held that could not be used, the buttons and the sources.
pub fn shell_html(catalog: &Catalog, theme: &str, options: &DraftOptions, link_problems: &[ShareProblem]) -> String {
    let mix = html! {
        ol.kp-lines data-testid="lines" data-r="lines" {}
        div.kp-actions {
            button type="button" data-testid="add-line" data-act="add" { "Add a line" }
            (button("clear", "Clear the mix"))
        }
    };
    let plan = html! {
        div aria-live="polite" data-r="plan" {}
        div.kp-plan-charts data-r="plan-charts" {}
        details.kp-details data-testid="break-even" {
            summary { "Where the answer changes with volume" }
            p.kp-muted {
                "What each way to buy this mix would cost over the horizon at other monthly volumes, "
                "and the volumes where the cheapest way changes. It plans the mix about a hundred "
                "times, so it is drawn when you ask, and cleared when the mix changes."
            }
            (button("breakeven", "Draw the break-even picture"))
            div aria-live="polite" data-r="breakeven" {}
        }
    };
    let charts = html! {
        figure.kp-figure data-testid="chart-lines" {
            figcaption { "Where the money goes (list value per month, by line)" }
            div data-r="chart-lines" {}
        }
    };
    let summary = html! {
        section.kp-summary aria-label="The answer at a glance" data-testid="summary" {
            div aria-live="polite" data-r="summary" {}
        }
    };
    html! {
        (header(catalog, theme))
        // Two columns on a wide calculator (the inputs; the answer, kept in view), one on a narrow
        // one, where the summary comes first and stays at the top while scrolling (style/main.css).
        div.kp-layout {
            div.kp-work {
                (section("mix", "Job mix per month", None, mix))
                (settings(catalog, options))
            }
            div.kp-side {
                (summary)
                (section("totals", "Per month, at list price", None, html! { div aria-live="polite" data-r="totals" {} }))
                (section("plan", "Cheapest way to buy it", Some("plan"), plan))
                (section("charts", "Pictures", None, charts))
            }
        }
        div.kp-actions.kp-export role="group" aria-label="Export" {
            (button("export-csv", "Download CSV")) (button("export-json", "Download JSON")) (button("print", "Print"))
        }
        div { (PreEscaped(report::link_problems_html(link_problems))) }
        div.kp-actions.kp-share-bar {
            (button("copy-link", "Copy link"))
            span.kp-muted.kp-copied role="status" data-testid="copied" data-r="copied" {}
        }
        (section("trust", "Where these numbers come from", None, html! { div { (PreEscaped(report::trust_html(catalog))) } }))
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::default_catalog;
    use kling_pricing::fields::{line_field, setting_keys, setting_mut};

    fn priced(d: &DraftLine) -> Priced {
        d.price(default_catalog(), 0)
    }

    fn row(id: &str) -> &'static LineField {
        line_field(id).unwrap()
    }

    #[test]
    fn a_line_offers_only_what_the_catalog_prices() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 400);
        d.set_model(cat, "v2.1-master");
        assert!(select_options(cat, &d, row("model")).contains(r#"<option value="v2.1-master" selected>"#));
        // V2.1 Master has no modes: the select is empty, and the page hides its field.
        assert_eq!(select_options(cat, &d, row("mode")), "");
        let shown = |d: &DraftLine| ["quantity", "seconds", "attempts"].map(|f| number_applies(cat, d, row(f)));
        assert_eq!(shown(&d), [true, false, true]);
        let lip = DraftLine::for_service(cat, "lip-sync", 60);
        assert_eq!(shown(&lip), [true, true, true]);
        assert_eq!(select_options(cat, &lip, row("model")), "");
    }

    /// A retired model is marked in the model select only in an edition that retires it.
    #[test]
    fn the_model_select_marks_retired_models() {
        let seed = default_catalog();
        let d = DraftLine::for_service(seed, "video", 1);
        assert!(!select_options(seed, &d, row("model")).contains("retired"));
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let models = select_options(cat, &DraftLine::for_service(cat, "video", 1), row("model"));
        assert!(
            models.contains(r#"<option value="v2.1">Kling V2.1 (retired 2026-09-15)</option>"#),
            "{models}"
        );
        assert!(models.contains(r#"<option value="kling-v3">"#) && !models.contains("Kling 3.0 (retired"));
    }

    /// The variant selects offer what the line's model offers, labelled from the catalog, and
    /// are empty (hidden) for a model without variants.
    #[test]
    fn variant_selects_offer_the_models_variants() {
        let seed = default_catalog();
        let d = DraftLine::for_service(seed, "video", 1);
        for id in ["audio", "resolution", "input"] {
            assert_eq!(select_options(seed, &d, row(id)), "", "{id}");
        }
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "kling-v3");
        d.set_mode(cat, "pro");
        d.audio = "native".into();
        let audio = select_options(cat, &d, row("audio"));
        assert!(
            audio.contains(r#"<option value="native" selected>Native audio</option>"#),
            "{audio}"
        );
        assert_eq!(audio.matches("<option").count(), 3, "{audio}");
        assert_eq!(select_options(cat, &d, row("resolution")).matches("<option").count(), 2);
        assert_eq!(select_options(cat, &d, row("input")), "");
    }

    #[test]
    fn bad_text_is_kept_and_explained_on_its_field() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "lip-sync", 60);
        d.video_seconds = r#""><b>"#.into();
        let p = priced(&d);
        assert_eq!(number_message(&p, row("quantity")), None);
        assert_eq!(
            number_message(&p, row("seconds")).as_deref(),
            Some(r#"videoSeconds ""><b>" is not a number"#)
        );
    }

    #[test]
    fn every_settings_key_names_a_field_and_round_trips() {
        let mut o = DraftOptions::default();
        let keys = setting_keys();
        assert_eq!(keys.len(), 4 + 3 * 8);
        for (i, k) in keys.iter().enumerate() {
            *setting_mut(&mut o, k).unwrap_or_else(|| panic!("{k}")) = i.to_string();
        }
        assert_eq!(o.pools[1].pack_price, "14");
        assert_eq!(o.peak_minutes_per_job, "3");
        assert!(setting_mut(&mut o, "video.pack.colour").is_none());
        assert!(setting_mut(&mut o, "audio.pack.price").is_none());
        // Every key the settings check reports on is a field of the form.
        o = DraftOptions::default();
        for k in &keys {
            *setting_mut(&mut o, k).unwrap() = "x".into();
        }
        for e in o.to_options().1 {
            assert!(keys.contains(&e.key), "{}", e.key);
        }
        let html = settings_html(default_catalog(), &o);
        assert_eq!(html.matches(r#"value="x""#).count(), keys.len());
        assert!(html.contains(r#"id="kp-opt-image-pack-price""#));
    }

    /// The header offers every edition, the current one chosen, and states how sure its prices
    /// are next to its name.
    #[test]
    fn the_header_picks_the_edition_and_says_how_sure_it_is() {
        let cat = kling_pricing::opening_catalog();
        let html = shell_html(cat, "auto", &DraftOptions::default(), &[]);
        assert!(html.contains(r#"data-act="edition""#));
        assert!(html.contains(
            r#"<option value="kling-2026-12" selected>Kling AI API prices, December 2026 (per second)</option>"#
        ));
        assert!(html.contains(r#"<option value="kling-2026">Kling AI API prices in 2026 (per second)</option>"#));
        assert!(html.contains(r#"<option value="seed-2025">Kling AI API pricing guide (2025)</option>"#));
        let c = cat.trust_counts();
        assert!(
            c.official > 0 && c.inferred > 0 && c.seed > 0 && c.guide > 0 && c.assumed > 0,
            "{c:?}"
        );
        let said = format!(
            "prices {} official, {} inferred from reseller prices, {} from the 2025 guide, {} from a 2026 guide, {} assumed",
            c.official, c.inferred, c.seed, c.guide, c.assumed
        );
        assert!(
            html.contains(&format!(r#"data-testid="edition-confidence">{said}</span>"#)),
            "{html}"
        );
        let seed = shell_html(default_catalog(), "auto", &DraftOptions::default(), &[]);
        assert!(seed.contains(r#"<option value="seed-2025" selected>"#));
        assert!(seed.contains("confirmed by Kling's official pages"));
    }

    /// The settings offer per use from each seller of the edition (with its prices' date), from
    /// the person's own rate, or from nobody, the chosen one selected; each pool takes a rate.
    #[test]
    fn the_settings_offer_each_seller_and_a_rate_of_ones_own() {
        let cat = kling_pricing::opening_catalog();
        let html = settings_html(cat, &kling_pricing::draft::opening_options());
        assert!(html.contains(r#"data-field="perUse.source""#));
        assert!(
            html.contains(r#"<option value="cheapest" selected>The cheapest seller of each pool</option>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<option value="fal">fal.ai, prices as of 2026</option>"#),
            "{html}"
        );
        assert!(html.contains(r#"<option value="">Nobody: Kling's packs only</option>"#));
        assert!(html.contains(r#"<option value="rate">Your own rate"#));
        for pool in ["video", "image", "try-on"] {
            assert!(html.contains(&format!(r#"id="kp-opt-{pool}-perUse-rate""#)), "{pool}");
        }
        let seed = settings_html(default_catalog(), &DraftOptions::default());
        assert!(
            seed.contains(r#"<option value="" selected>Nobody"#),
            "no seller in seed-2025"
        );
        assert!(!seed.contains("fal.ai"));
    }

    #[test]
    fn the_shell_holds_every_region_and_the_chosen_theme() {
        let cat = default_catalog();
        let html = shell_html(cat, "dark", &DraftOptions::default(), &[]);
        for r in [
            "lines",
            "summary",
            "totals",
            "plan",
            "plan-charts",
            "chart-lines",
            "copied",
        ] {
            assert!(html.contains(&format!(r#"data-r="{r}""#)), "{r}");
        }
        assert!(html.contains(r#"<option value="dark" selected>Dark</option>"#));
        assert!(html.contains(cat.edition));
        assert!(!html.contains("link-problems"));
        let problems = kling_pricing::share::decode("?v=1&l=%3Cb%3E~~~~1~~~extra").problems;
        assert!(!problems.is_empty());
        let html = shell_html(cat, "auto", &DraftOptions::default(), &problems);
        assert!(html.contains(r#"data-testid="link-problems""#));
        assert!(!html.contains("<b>"));
    }
}
