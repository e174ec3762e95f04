//! The page's controls as HTML text: the shell, each job line's editor and the plan settings.
//!
//! Why text: typed view code compiles every element, attribute and closure into generic code of
//! its own, and the controls were the largest part of the page's wasm. The app sets this markup
//! once (a line when the list changes, the settings when the page opens), listens for events on
//! the calculator's root, and afterwards writes only the parts that changed: a line's
//! [`LineView`], a field's message, a region's report. Inputs are never re-rendered while a
//! person types in them. Every value is escaped; the functions are pure and tested natively.

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

/// The selects of a job line, in form order: (field, label), from [`LINE_FIELDS`].
pub const LINE_SELECTS: [(&str, &str); 4] = line_selects();

/// The number boxes of a job line, in form order: (field, label, test id, suffix, checked as),
/// from [`LINE_FIELDS`].
pub const LINE_NUMBERS: [(&str, &str, &str, &str, Field); 3] = line_numbers();

/// The rows of [`LINE_FIELDS`] of `kind`, in form order: the first `N`.
const fn of_kind<const N: usize>(kind: Kind) -> [&'static LineField; N] {
    let mut out = [&LINE_FIELDS[0]; N];
    let (mut i, mut n) = (0, 0);
    while i < LINE_FIELDS.len() && n < N {
        if LINE_FIELDS[i].kind as u8 == kind as u8 {
            out[n] = &LINE_FIELDS[i];
            n += 1;
        }
        i += 1;
    }
    out
}

const fn line_selects() -> [(&'static str, &'static str); 4] {
    let rows = of_kind::<4>(Kind::Select);
    let mut out = [("", ""); 4];
    let mut i = 0;
    while i < 4 {
        out[i] = (rows[i].id, rows[i].label);
        i += 1;
    }
    out
}

const fn line_numbers() -> [(&'static str, &'static str, &'static str, &'static str, Field); 3] {
    let rows = of_kind::<3>(Kind::Number);
    let mut out = [("", "", "", "", Field::Quantity); 3];
    let mut i = 0;
    while i < 3 {
        out[i] = (rows[i].id, rows[i].label, rows[i].testid, rows[i].suffix, rows[i].field);
        i += 1;
    }
    out
}

/// The element id of `field` of line `line` (`kp-l7-quantity`); the line's `<li>` is `kp-l7`.
pub fn line_field_id(line: u32, field: &str) -> String {
    format!("kp-l{line}-{field}")
}

/// Reads an element id made by [`line_field_id`] back into (line, field).
pub fn parse_line_field_id(id: &str) -> Option<(u32, &str)> {
    let (n, field) = id.strip_prefix("kp-l")?.split_once('-')?;
    Some((n.parse().ok()?, field))
}

/// What a line's editor shows that follows from its text: the choices of each select, which
/// fields apply, each number box's message, and the line's figures. Compared with the last one
/// shown, it says exactly which parts of the page to write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineView {
    /// The `<option>`s of each of [`LINE_SELECTS`]; empty when the select does not apply.
    pub options: [String; 4],
    /// Whether each of [`LINE_NUMBERS`] applies (video length only for lip-sync).
    pub shown: [bool; 3],
    /// The text of each of [`LINE_NUMBERS`]. A box is written only when this differs from what
    /// it holds: when a new service brings a default length or clears it, never while typing.
    pub values: [String; 3],
    /// The message of each of [`LINE_NUMBERS`], without the "line N:" prefix.
    pub messages: [Option<String>; 3],
    /// The units, value and notes, or why the line is not counted (see [`report::line_figures_html`]).
    pub figures: String,
}

impl LineView {
    pub fn new(catalog: &Catalog, draft: &DraftLine, priced: &Priced) -> LineView {
        let service = catalog.service(&draft.service);
        let labelled = |ids: Vec<&'static str>, current: &str| {
            let choices: Vec<(String, String)> = ids
                .into_iter()
                .map(|i| (i.to_string(), catalog.label(i).to_string()))
                .collect();
            report::options_html(&choices, current)
        };
        let services: Vec<(String, String)> = catalog
            .services
            .iter()
            .map(|s| (s.id.to_string(), s.name.to_string()))
            .collect();
        let given = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let (model, mode) = (given(&draft.model), given(&draft.mode));
        let options = match service {
            Some(s) => [
                report::options_html(&services, &draft.service),
                labelled(s.models(), &draft.model),
                labelled(s.modes(model.as_deref()), &draft.mode),
                {
                    let durations: Vec<(String, String)> = s
                        .durations(model.as_deref(), mode.as_deref())
                        .into_iter()
                        .map(|d| (d.to_string(), format!("{d} s")))
                        .collect();
                    report::options_html(&durations, draft.duration.trim())
                },
            ],
            None => [
                report::options_html(&services, &draft.service),
                String::new(),
                String::new(),
                String::new(),
            ],
        };
        let messages = LINE_NUMBERS.map(|(_, _, _, _, field)| match priced {
            Err(errs) => {
                let msgs: Vec<&str> = errs
                    .iter()
                    .filter(|e| e.field == field)
                    .map(|e| e.message.split_once(": ").map(|(_, m)| m).unwrap_or(&e.message))
                    .collect();
                (!msgs.is_empty()).then(|| msgs.join("; "))
            }
            Ok(_) => None,
        });
        LineView {
            options,
            shown: [true, service.is_some_and(|s| s.takes_video_seconds()), true],
            values: [
                draft.quantity.clone(),
                draft.video_seconds.clone(),
                draft.attempts_per_kept.clone(),
            ],
            messages,
            figures: report::line_figures_html(catalog, priced),
        }
    }
}

/// A line's share of the mix's list value `total` ("12.5% of the total"); empty while the line
/// has a problem.
pub fn share_text(priced: &Priced, total: Decimal) -> String {
    match priced {
        Ok(e) => format!("{} of the total", chart::percent(e.value, total)),
        Err(_) => String::new(),
    }
}

/// Applies an edit of line field `field` (as named in [`LINE_SELECTS`] / [`LINE_NUMBERS`]) to
/// `draft`, with the cascade of choices a new service, model or mode brings. False when there
/// is no such field.
pub fn edit_line(catalog: &Catalog, draft: &mut DraftLine, field: &str, value: String) -> bool {
    match field {
        "service" => draft.set_service(catalog, &value),
        "model" => draft.set_model(catalog, &value),
        "mode" => draft.set_mode(catalog, &value),
        "duration" => draft.duration = value,
        "quantity" => draft.quantity = value,
        "seconds" => draft.video_seconds = value,
        "attempts" => draft.attempts_per_kept = value,
        _ => return false,
    }
    true
}

/// A labelled `<select>` holding `options`, hidden while it has none.
fn select_field(out: &mut String, id: &str, label: &str, testid: &str, options: &str) {
    let _ = write!(
        out,
        r#"<label class="kp-field" for="{id}"{}><span class="kp-label">{label}</span><select id="{id}" data-testid="{testid}">{options}</select></label>"#,
        if options.is_empty() { " hidden" } else { "" },
    );
}

/// A labelled text box for a number, holding `value` as typed, with its message if any.
#[allow(clippy::too_many_arguments)]
fn number_field(
    out: &mut String,
    id: &str,
    label: &str,
    testid: &str,
    value: &str,
    suffix: &str,
    shown: bool,
    message: Option<&str>,
) {
    let err_id = format!("{id}-err");
    let _ = write!(
        out,
        r#"<label class="kp-field" for="{id}"{}><span class="kp-label">{label}</span><span class="kp-input-wrap"><input id="{id}" type="text" inputmode="decimal" autocomplete="off" data-testid="{}" value="{}" aria-invalid="{}"{}>"#,
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

/// The editor of one job line: line `id`, at `position` (from 0) of `count` lines.
pub fn line_html(id: u32, position: usize, count: usize, view: &LineView, share: &str) -> String {
    let n = position + 1;
    let mut s = format!(
        r#"<li class="kp-line" id="kp-l{id}" data-testid="line" aria-label="Job line {n}"><div class="kp-line-fields">"#
    );
    for ((field, label), options) in LINE_SELECTS.iter().zip(&view.options) {
        select_field(&mut s, &line_field_id(id, field), label, field, options);
    }
    for (i, (field, label, testid, suffix, _)) in LINE_NUMBERS.iter().enumerate() {
        number_field(
            &mut s,
            &line_field_id(id, field),
            label,
            testid,
            &view.values[i],
            suffix,
            view.shown[i],
            view.messages[i].as_deref(),
        );
    }
    let disabled = |yes: bool| if yes { " disabled" } else { "" };
    let _ = write!(
        s,
        r#"</div><div class="kp-line-figures"><div class="kp-figures" id="kp-l{id}-fig" aria-live="polite">{figures}</div><span class="kp-muted kp-share" id="kp-l{id}-share" data-testid="line-share">{share}</span><div class="kp-line-actions" role="group" aria-label="Line {n}"><button type="button" class="kp-icon" id="kp-l{id}-up" data-testid="move-up" title="Move up"{up}>↑<span class="kp-sr"> Move line up</span></button><button type="button" class="kp-icon" id="kp-l{id}-down" data-testid="move-down" title="Move down"{down}>↓<span class="kp-sr"> Move line down</span></button><button type="button" class="kp-secondary" id="kp-l{id}-dup" data-testid="duplicate-line">Duplicate</button><button type="button" class="kp-remove" id="kp-l{id}-remove" data-testid="remove-line">Remove</button></div></div></li>"#,
        figures = view.figures,
        share = escape(share),
        up = disabled(position == 0),
        down = disabled(n >= count),
    );
    s
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
    number_field(out, &setting_id(key), label, key, value, suffix, true, None);
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
        r#"<label class="kp-check"><input type="checkbox" data-testid="trials-used"{}> My trial packages are already used</label></div><div class="kp-row">"#,
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
        r#"<header class="kp-header"><div class="kp-header-row"><h1>Kling AI API cost calculator</h1><label class="kp-field kp-theme"><span class="kp-label">Theme</span><select data-testid="theme">{themes}</select></label></div><p class="kp-sub">Units, list value and the cheapest prepaid plan for a monthly job mix. Prices: catalog <span data-testid="edition">{edition}</span>, as of {as_of}.</p></header><section class="kp-mix" aria-labelledby="kp-mix-h"><h2 id="kp-mix-h">Job mix per month</h2><ol class="kp-lines" data-testid="lines" data-r="lines"></ol><div class="kp-actions"><button type="button" data-testid="add-line">Add a line</button><button type="button" class="kp-secondary" data-testid="clear">Clear the mix</button></div></section><section class="kp-totals" aria-labelledby="kp-totals-h"><h2 id="kp-totals-h">Per month, at list price</h2><div aria-live="polite" data-r="totals"></div></section>{settings}<section class="kp-plan" aria-labelledby="kp-plan-h" data-testid="plan"><h2 id="kp-plan-h">Cheapest way to buy it</h2><div aria-live="polite" data-r="plan"></div><div class="kp-plan-charts" data-r="plan-charts"></div></section><section class="kp-charts" aria-labelledby="kp-charts-h"><h2 id="kp-charts-h">Pictures</h2><figure class="kp-figure" data-testid="chart-lines"><figcaption>Where the money goes (list value per month, by line)</figcaption><div data-r="chart-lines"></div></figure></section><div class="kp-actions kp-export" role="group" aria-label="Export"><button type="button" class="kp-secondary" data-testid="export-csv">Download CSV</button><button type="button" class="kp-secondary" data-testid="export-json">Download JSON</button><button type="button" class="kp-secondary" data-testid="print">Print</button></div><div>{problems}</div><div class="kp-actions kp-share-bar"><button type="button" class="kp-secondary" data-testid="copy-link">Copy link</button><span class="kp-muted kp-copied" role="status" data-testid="copied" data-r="copied"></span></div><section class="kp-trust" aria-labelledby="kp-trust-h"><h2 id="kp-trust-h">Where these numbers come from</h2><div>{trust}</div></section>"#,
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

    #[test]
    fn a_line_offers_only_what_the_catalog_prices() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 400);
        d.set_model(cat, "v2.1-master");
        let v = LineView::new(cat, &d, &priced(&d));
        assert!(v.options[1].contains(r#"<option value="v2.1-master" selected>"#));
        // V2.1 Master has no modes: the select is empty, and the field hidden.
        assert_eq!(v.options[2], "");
        assert!(line_html(3, 0, 1, &v, "").contains(r#"<label class="kp-field" for="kp-l3-mode" hidden>"#));
        assert_eq!(v.shown, [true, false, true]);
        let lip = DraftLine::for_service(cat, "lip-sync", 60);
        let v = LineView::new(cat, &lip, &priced(&lip));
        assert_eq!(v.shown, [true, true, true]);
        assert_eq!(v.options[1], "");
    }

    #[test]
    fn bad_text_is_kept_escaped_and_explained_on_its_field() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "lip-sync", 60);
        d.video_seconds = r#""><b>"#.into();
        let v = LineView::new(cat, &d, &priced(&d));
        assert_eq!(v.messages[0], None);
        assert_eq!(
            v.messages[1].as_deref(),
            Some(r#"videoSeconds ""><b>" is not a number"#)
        );
        let html = line_html(9, 1, 3, &v, "12% of the total");
        assert!(
            html.contains(r#"value="&quot;&gt;&lt;b&gt;" aria-invalid="true" aria-describedby="kp-l9-seconds-err""#)
        );
        assert!(html.contains(r#"<span class="kp-error" id="kp-l9-seconds-err" role="alert">videoSeconds "#));
        assert!(!html.contains("<b>"));
        assert!(html.contains(r#"aria-label="Job line 2""#));
        assert!(!html.contains(" disabled"));
        assert_eq!(line_html(9, 0, 1, &v, "").matches(" disabled").count(), 2);
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
        assert_eq!(
            parse_line_field_id(&line_field_id(42, "seconds")),
            Some((42, "seconds"))
        );
        assert_eq!(parse_line_field_id("kp-opt-horizon"), None);
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
