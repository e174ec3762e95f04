//! The opening view as static markup, written into the page's `index.html` at build time (the
//! `prerender` binary, run by Trunk before it reads `index.html`), so that a first-time visitor
//! sees the opening mix's figures before the wasm has arrived: on a slow phone the wasm is most of
//! the wait.
//!
//! The markup is the app's, made by the same functions from the same state: the opening sample
//! ([`opening_sample`]) with the default settings, priced and planned by the pricing crate, the
//! shell and every region's markup from [`form`], [`report`] and [`chart`]. Only a job line's
//! editor is a Leptos component in the app; [`line_editor`] writes the same elements. The app
//! replaces this copy (`#kp-pre`) when it mounts; `tests/e2e/prerender.test.mjs` checks that
//! the two are the same, element for element.
//!
//! A link that carries its own state must never show these figures: [`opening_head`] marks such
//! a document before the body is parsed, and its style hides the copy but for its headings.

use super::{chart, form, report};
use kling_pricing::catalog::Catalog;
use kling_pricing::date::Day;
use kling_pricing::draft::{opening_options, opening_sample, DraftLine, DraftOptions};
use kling_pricing::estimate::pool_totals;
use kling_pricing::fields::{Kind, LineField, LINE_FIELDS};
use kling_pricing::per_use;
use kling_pricing::share::KEYS;
use maud::{html, Markup, PreEscaped};
use rust_decimal::Decimal;

/// The element id of the prerendered copy; the app removes the element with this id.
pub const ROOT_ID: &str = "kp-pre";

/// What goes into the head: a tiny script that marks the document `kp-link` when the address
/// carries any of our link parameters (the keys [`KEYS`] lists, read as `share::decode` reads
/// them, and `theme`, which the page also reads from its address: the copy is drawn in the
/// system's theme), and the style that then hides the opening figures, leaving the headings as
/// neutral placeholders until the app has the link's own. Render-blocking on purpose: it runs
/// before the body is parsed, so not one frame shows the opening mix for a link.
pub fn opening_head() -> String {
    let keys: Vec<String> = KEYS.iter().chain(&["theme"]).map(|k| format!("\"{k}\"")).collect();
    format!(
        "<script>for(const p of location.search.slice(1).split(\"&\"))\
         if([{}].includes(p.split(\"=\")[0]))document.documentElement.classList.add(\"kp-link\")</script>\
         <style>.kp-link #{ROOT_ID}{{visibility:hidden}}.kp-link #{ROOT_ID} :is(h1,h2){{visibility:visible}}</style>",
        keys.join(",")
    )
}

/// The calculator's root holding the opening view, every region filled as the app fills it.
/// An error names a region the shell no longer has (the build then fails rather than ship a
/// copy the app would not match).
pub fn opening_body() -> Result<String, String> {
    let (catalog, drafts) = opening_sample();
    let options = opening_options();
    let mut shell = form::shell_html(catalog, "auto", &options, &[]);
    for (region, html) in regions(catalog, &drafts, &options) {
        shell = fill(&shell, region, &html)?;
    }
    Ok(format!(
        r#"<main class="kp-app" data-theme="auto" id="{ROOT_ID}">{shell}</main>"#
    ))
}

/// What each region of the shell holds for `drafts` and `options`, computed as the app's state
/// computes it: each line priced on its own (as line 0, like the app's line memos), the totals
/// from the valid lines, the plan from the totals' units.
fn regions(catalog: &'static Catalog, drafts: &[DraftLine], options: &DraftOptions) -> [(&'static str, String); 6] {
    let priced: Vec<form::Priced> = drafts.iter().map(|d| d.price(catalog, 0)).collect();
    let figures: Vec<_> = priced
        .iter()
        .filter_map(|p| p.as_ref().ok().map(|e| (e.pool, e.units)))
        .collect();
    let sums = pool_totals(catalog, &figures);
    let units: Vec<_> = sums.pools.iter().map(|p| (p.pool, p.units)).collect();
    let jobs: Vec<_> = priced
        .iter()
        .filter_map(|p| p.as_ref().ok().map(|e| e.line.clone()))
        .collect();
    let planned = per_use::plan_mix(catalog, &units, &jobs, &options.to_options().0);
    let (plan_html, charts) = match &planned {
        Ok(p) => (report::plan_html(p), chart::plan_charts_html(p)),
        Err(e) => (report::plan_error_html(e), String::new()),
    };
    let excluded = priced.iter().filter(|p| p.is_err()).count();
    [
        ("lines", line_editors(catalog, drafts, &priced, sums.total_value)),
        (
            "summary",
            report::summary_html(catalog, &sums, &planned, Some(build_day())),
        ),
        ("totals", report::totals_html(catalog, &sums, excluded)),
        ("plan", plan_html),
        ("plan-charts", charts),
        ("chart-lines", value_by_line(&priced)),
    ]
}

/// Every line's editor, its share of `total` as the app's `shares` effect writes it.
fn line_editors(catalog: &Catalog, drafts: &[DraftLine], priced: &[form::Priced], total: Decimal) -> String {
    let last = drafts.len().saturating_sub(1);
    drafts
        .iter()
        .zip(priced)
        .enumerate()
        .map(|(i, (draft, p))| {
            let place = Place {
                id: u32::try_from(i + 1).unwrap_or(u32::MAX),
                first: i == 0,
                last: i == last,
            };
            line_editor(catalog, place, draft, p, &form::share_text(p, total)).into_string()
        })
        .collect()
}

/// The value-by-line chart as the app first draws it (all its pieces at once).
fn value_by_line(priced: &[form::Priced]) -> String {
    let bars: Vec<_> = priced
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.as_ref().ok().map(|e| chart::line_bar(i, e)))
        .collect();
    chart::concat(&chart::value_by_line_parts(&bars).0)
}

/// `shell` with `html` inside its empty region `name` (the element marked `data-r="name"`),
/// as the app's views write it.
fn fill(shell: &str, name: &str, html: &str) -> Result<String, String> {
    let mark = format!(r#"data-r="{name}""#);
    let at = shell
        .find(&mark)
        .ok_or_else(|| format!("the shell has no region {name}"))?;
    let open = shell[at..]
        .find('>')
        .map(|i| at + i + 1)
        .ok_or_else(|| format!("region {name} is not closed"))?;
    if !shell[open..].starts_with("</") {
        return Err(format!("region {name} is not empty in the shell"));
    }
    Ok(format!("{}{html}{}", &shell[..open], &shell[open..]))
}

/// A line's place in the list. Its id is its place (1 first), as the app gives ids to the lines
/// it opens with (from 1, in order); the aria labels say the place.
#[derive(Clone, Copy)]
struct Place {
    id: u32,
    first: bool,
    last: bool,
}

/// One job line's editor, as the app's `LineEditor` component draws it.
fn line_editor(catalog: &Catalog, place: Place, draft: &DraftLine, priced: &form::Priced, share: &str) -> Markup {
    let id = place.id;
    html! {
        li.kp-line data-testid="line" aria-label={ "Job line " (id) } {
            div.kp-line-fields {
                @for f in &LINE_FIELDS {
                    @match f.kind {
                        Kind::Select => (select_field(catalog, id, draft, f)),
                        Kind::Number => (number_field(catalog, id, draft, priced, f)),
                    }
                }
            }
            div.kp-line-figures {
                div.kp-figures aria-live="polite" { (PreEscaped(report::line_figures_html(catalog, priced))) }
                span.kp-muted.kp-share data-testid="line-share" { (share) }
                div.kp-line-actions role="group" aria-label={ "Line " (id) } {
                    button.kp-icon type="button" data-testid="move-up" data-act="move-up" data-line=(id)
                        title="Move up" disabled[place.first] { "↑" span.kp-sr { " Move line up" } }
                    button.kp-icon type="button" data-testid="move-down" data-act="move-down" data-line=(id)
                        title="Move down" disabled[place.last] { "↓" span.kp-sr { " Move line down" } }
                    button.kp-secondary type="button" data-testid="duplicate-line" data-act="duplicate"
                        data-line=(id) { "Duplicate" }
                    button.kp-remove type="button" data-testid="remove-line" data-act="remove"
                        data-line=(id) { "Remove" }
                }
            }
        }
    }
}

/// A select of a line, hidden while it has no choices (the app's `select_field`).
fn select_field(catalog: &Catalog, line: u32, draft: &DraftLine, field: &LineField) -> Markup {
    let id = form::line_field_id(line, field.id);
    let options = form::select_options(catalog, draft, field);
    html! {
        label.kp-field for=(id) hidden[options.is_empty()] {
            span.kp-label { (field.label) }
            select id=(id) data-testid=(field.testid) data-act="edit" data-line=(line) data-field=(field.id) {
                (PreEscaped(options))
            }
        }
    }
}

/// A number box of a line holding its text, with its message (the app's `number_field`).
fn number_field(catalog: &Catalog, line: u32, draft: &DraftLine, priced: &form::Priced, field: &LineField) -> Markup {
    let id = form::line_field_id(line, field.id);
    let err_id = format!("{id}-err");
    let message = form::number_message(priced, field);
    html! {
        label.kp-field for=(id) hidden[!form::number_applies(catalog, draft, field)] {
            span.kp-label { (field.label) }
            span.kp-input-wrap {
                input id=(id) type="text" inputmode="decimal" autocomplete="off" data-testid=(field.testid)
                    data-act="edit" data-line=(line) data-field=(field.id) value=((field.get)(draft))
                    aria-invalid=(if message.is_some() { "true" } else { "false" })
                    aria-describedby=[message.as_ref().map(|_| &err_id)];
                @if !field.suffix.is_empty() { span.kp-suffix { (field.suffix) } }
            }
            span.kp-field-msg { (PreEscaped(report::field_error_html(&err_id, message.as_deref()))) }
        }
    }
}

/// The day the page is built, for the age of its prices (the app says it again from the
/// visitor's day as it mounts).
fn build_day() -> Day {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Day((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every region the app fills is filled, with the opening mix's lines and total.
    #[test]
    fn the_opening_view_fills_every_region() {
        let body = opening_body().unwrap();
        assert!(body.starts_with(r#"<main class="kp-app" data-theme="auto" id="kp-pre">"#));
        for r in ["lines", "totals", "plan", "plan-charts", "chart-lines"] {
            let mark = format!(r#"data-r="{r}">"#);
            let at = body.find(&mark).unwrap() + mark.len();
            assert!(!body[at..].starts_with("</"), "{r} is empty");
        }
        assert_eq!(body.matches(r#"data-testid="line""#).count(), opening_sample().1.len());
        assert!(body.contains(r#"data-testid="total-value""#));
        assert!(!body.contains("kp-error"), "the opening mix has a problem");
    }

    #[test]
    fn a_region_the_shell_lacks_is_an_error() {
        let shell = r#"<div data-r="totals"></div><div data-r="plan"><p></p></div>"#;
        assert_eq!(
            fill(shell, "totals", "<b>1</b>").unwrap(),
            r#"<div data-r="totals"><b>1</b></div><div data-r="plan"><p></p></div>"#
        );
        assert!(fill(shell, "lines", "x").is_err());
        assert!(fill(shell, "plan", "x").is_err());
    }

    /// The head marks a link by every key the link codec reads, and by the page's theme.
    #[test]
    fn the_head_knows_every_link_key() {
        let head = opening_head();
        for k in KEYS.iter().chain(&["theme"]) {
            assert!(head.contains(&format!("\"{k}\"")), "{k}");
        }
        assert!(head.starts_with("<script>") && head.ends_with("</style>"));
    }
}
