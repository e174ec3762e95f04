//! The page's controls: the shell and the plan settings as HTML text, and what a job line's
//! editor shows (its choices, which boxes apply, messages) for the app's line components. The
//! fields come from the shared tables (`kling_pricing::fields`). Every value is escaped; the
//! functions are pure and tested natively.

use super::chart::{self, escape};
use super::report;
use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::draft::{DraftLine, DraftOptions};
use kling_pricing::error::{Field, InputError};
use kling_pricing::estimate::LineEstimate;
use kling_pricing::fields::{self, Kind, LineField, LINE_FIELDS, POOL_SETTINGS, TOP_SETTINGS};
use kling_pricing::share::ShareProblem;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// A priced line, or the problems that keep it out of the totals.
pub type Priced = Result<LineEstimate, Vec<InputError>>;

/// The element id of `field` of line `line` (`kp-l7-quantity`), for its label and message.
pub fn line_field_id(line: u32, field: &str) -> String {
    format!("kp-l{line}-{field}")
}

/// The row of [`LINE_FIELDS`] named `id`; `None` for no such field.
pub fn line_field(id: &str) -> Option<&'static LineField> {
    LINE_FIELDS.iter().find(|f| f.id == id)
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
        (Field::Model, Some(s)) => labelled(s.models()),
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

/// Whether number box `field` applies to `draft`: the video length only to a service priced by
/// it (lip-sync), every other box always.
pub fn number_applies(catalog: &Catalog, draft: &DraftLine, field: &LineField) -> bool {
    field.field != Field::VideoSeconds || catalog.service(&draft.service).is_some_and(|s| s.takes_video_seconds())
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

/// Applies an edit of line field `id` (a row of [`LINE_FIELDS`]) to `draft`. A new choice
/// brings the cascade of choices after it (a new service also its default video length). False
/// when there is no such field.
pub fn edit_line(catalog: &Catalog, draft: &mut DraftLine, id: &str, value: String) -> bool {
    let Some(field) = line_field(id) else { return false };
    match (field.kind, field.field) {
        (Kind::Select, Field::Service) => draft.set_service(catalog, &value),
        (Kind::Select, _) => {
            *(field.get_mut)(draft) = value;
            draft.cascade(catalog);
        }
        (Kind::Number, _) => *(field.get_mut)(draft) = value,
    }
    true
}

/// A labelled text box for a number, holding `value` as typed, with its message if any.
#[allow(clippy::too_many_arguments)]
fn number_field(
    out: &mut String,
    id: &str,
    label: &str,
    testid: &str,
    act: &str,
    value: &str,
    suffix: &str,
    shown: bool,
    message: Option<&str>,
) {
    let err_id = format!("{id}-err");
    let _ = write!(
        out,
        r#"<label class="kp-field" for="{id}"{}><span class="kp-label">{label}</span><span class="kp-input-wrap"><input id="{id}" type="text" inputmode="decimal" autocomplete="off" data-testid="{}"{act} value="{}" aria-invalid="{}"{}>"#,
        if shown { "" } else { " hidden" },
        escape(testid),
        escape(value),
        message.is_some(),
        if message.is_some() {
            format!(r#" aria-describedby="{err_id}""#)
        } else {
            String::new()
        },
    );
    if !suffix.is_empty() {
        let _ = write!(out, r#"<span class="kp-suffix">{suffix}</span>"#);
    }
    let _ = write!(
        out,
        r#"</span><span class="kp-field-msg">{}</span></label>"#,
        report::field_error_html(&err_id, message)
    );
}

/// The text field of the plan settings named `key` (the keys of
/// [`OptionError`](kling_pricing::draft::OptionError): `horizon`, `growth`, `peak.jobsPerHour`,
/// `video.pack.price`, …), or `None` for no such field.
pub fn setting_mut<'a>(options: &'a mut DraftOptions, key: &str) -> Option<&'a mut String> {
    fields::setting_mut(options, key)
}

/// The element id of the settings field `key` (`kp-opt-video-pack-price`).
pub fn setting_id(key: &str) -> String {
    format!("kp-opt-{}", key.replace('.', "-"))
}

/// Every settings key, in form order.
pub fn setting_keys() -> Vec<String> {
    fields::setting_keys()
}

/// One settings box holding the current text of `key`.
fn setting_field(out: &mut String, options: &mut DraftOptions, key: &str, label: &str, suffix: &str) {
    let value = setting_mut(options, key).map(|v| v.as_str()).unwrap_or_default();
    let act = format!(r#" data-act="set" data-field="{}""#, escape(key));
    number_field(out, &setting_id(key), label, key, &act, value, suffix, true, None);
}

/// The plan settings form, holding `options` as typed. Messages are written by the page once it
/// has checked the settings.
pub fn settings_html(catalog: &Catalog, options: &DraftOptions) -> String {
    // One copy to read fields through `setting_mut`, over the tables of keys.
    let options = &mut options.clone();
    let mut s = String::from(
        r#"<section class="kp-settings" aria-labelledby="kp-settings-h"><h2 id="kp-settings-h">Plan settings</h2><div class="kp-row">"#,
    );
    for f in &TOP_SETTINGS[..2] {
        setting_field(&mut s, options, f.key, f.label, f.suffix);
    }
    let _ = write!(
        s,
        r#"<label class="kp-check"><input type="checkbox" data-testid="trials-used" data-act="trials"{}> My trial packages are already used</label></div><div class="kp-row">"#,
        if options.trials_used { " checked" } else { "" }
    );
    for f in &TOP_SETTINGS[2..] {
        setting_field(&mut s, options, f.key, f.label, f.suffix);
    }
    s.push_str(r#"</div><details class="kp-details"><summary>Balances you hold, image and try-on packs, custom quotes</summary><p class="kp-muted">The guide sells packages for video units only. Enter an image or try-on pack to plan those pools, a balance you already hold, or a custom package quote from Kling's sales team; the planner uses them like any package.</p>"#);
    for pool in Pool::ALL {
        let id = pool.id();
        let _ = write!(
            s,
            r#"<fieldset class="kp-pool-settings" data-testid="settings-{id}"><legend>{} pool</legend><div class="kp-row">"#,
            escape(catalog.pool(pool).name)
        );
        for f in &POOL_SETTINGS {
            setting_field(&mut s, options, &format!("{id}.{}", f.key), f.label, f.suffix);
        }
        s.push_str("</div></fieldset>");
    }
    s.push_str("</details></section>");
    s
}

/// The theme choices: (value, label).
pub const THEMES: [(&str, &str); 3] = [("auto", "System"), ("light", "Light"), ("dark", "Dark")];

/// The whole calculator inside its root element: header, the (empty) job list, the regions the
/// page fills in (`data-r="…"`), the settings holding `options`, what the link the page was
/// opened with held that could not be used, the buttons and the sources.
pub fn shell_html(catalog: &Catalog, theme: &str, options: &DraftOptions, link_problems: &[ShareProblem]) -> String {
    let themes: Vec<(String, String)> = THEMES.iter().map(|(v, t)| (v.to_string(), t.to_string())).collect();
    format!(
        r#"<header class="kp-header"><div class="kp-header-row"><h1>Kling AI API cost calculator</h1><label class="kp-field kp-theme"><span class="kp-label">Theme</span><select data-testid="theme" data-act="theme">{themes}</select></label></div><p class="kp-sub">Units, list value and the cheapest prepaid plan for a monthly job mix. Prices: catalog <span data-testid="edition">{edition}</span>, as of {as_of}.</p></header><section class="kp-mix" aria-labelledby="kp-mix-h"><h2 id="kp-mix-h">Job mix per month</h2><ol class="kp-lines" data-testid="lines" data-r="lines"></ol><div class="kp-actions"><button type="button" data-testid="add-line" data-act="add">Add a line</button><button type="button" class="kp-secondary" data-testid="clear" data-act="clear">Clear the mix</button></div></section><section class="kp-totals" aria-labelledby="kp-totals-h"><h2 id="kp-totals-h">Per month, at list price</h2><div aria-live="polite" data-r="totals"></div></section>{settings}<section class="kp-plan" aria-labelledby="kp-plan-h" data-testid="plan"><h2 id="kp-plan-h">Cheapest way to buy it</h2><div aria-live="polite" data-r="plan"></div><div class="kp-plan-charts" data-r="plan-charts"></div></section><section class="kp-charts" aria-labelledby="kp-charts-h"><h2 id="kp-charts-h">Pictures</h2><figure class="kp-figure" data-testid="chart-lines"><figcaption>Where the money goes (list value per month, by line)</figcaption><div data-r="chart-lines"></div></figure></section><div class="kp-actions kp-export" role="group" aria-label="Export"><button type="button" class="kp-secondary" data-testid="export-csv" data-act="export-csv">Download CSV</button><button type="button" class="kp-secondary" data-testid="export-json" data-act="export-json">Download JSON</button><button type="button" class="kp-secondary" data-testid="print" data-act="print">Print</button></div><div>{problems}</div><div class="kp-actions kp-share-bar"><button type="button" class="kp-secondary" data-testid="copy-link" data-act="copy-link">Copy link</button><span class="kp-muted kp-copied" role="status" data-testid="copied" data-r="copied"></span></div><section class="kp-trust" aria-labelledby="kp-trust-h"><h2 id="kp-trust-h">Where these numbers come from</h2><div>{trust}</div></section>"#,
        themes = report::options_html(&themes, theme),
        edition = escape(catalog.edition),
        as_of = escape(catalog.as_of),
        settings = settings_html(catalog, options),
        problems = report::link_problems_html(link_problems),
        trust = report::trust_html(catalog),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::default_catalog;

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
    fn edits_cascade_and_ids_read_back() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        assert!(edit_line(cat, &mut d, "service", "lip-sync".into()));
        assert_eq!(d.video_seconds, "30");
        assert!(edit_line(cat, &mut d, "seconds", "12".into()));
        assert_eq!(d.video_seconds, "12");
        assert!(!edit_line(cat, &mut d, "colour", "red".into()));
        assert!(edit_line(cat, &mut d, "model", "v2.1".into()));
        assert_eq!(d.model, "", "lip-sync has no models: the cascade clears it");
        assert_eq!(line_field("seconds").map(|f| f.testid), Some("video-seconds"));
        assert!(line_field("kp-l42-seconds").is_none());
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

    #[test]
    fn the_shell_holds_every_region_and_the_chosen_theme() {
        let cat = default_catalog();
        let html = shell_html(cat, "dark", &DraftOptions::default(), &[]);
        for r in ["lines", "totals", "plan", "plan-charts", "chart-lines", "copied"] {
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
