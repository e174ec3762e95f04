//! The opening view as static markup, written into the page's `index.html` at build time (the
//! `prerender` binary, run by Trunk before it reads `index.html`), so that a first-time visitor
//! sees the opening mix's figures before the wasm has arrived: on a slow phone the wasm is most of
//! the wait.
//!
//! The markup is the app's, made by the same functions from the same state: the opening sample
//! ([`opening_sample`]) with the default settings, priced and planned by the pricing crate, the
//! shell and every region's markup from [`form`], [`report`] and [`chart`]. The job lines are
//! the app's own `LineEditor` components, rendered to HTML by the app's prerender binary and
//! handed to [`opening_body`]. The app replaces this copy (`#kp-pre`) when it mounts;
//! `tests/e2e/prerender.test.mjs` checks that the two are the same, element for element.
//!
//! A link that carries its own state must never show these figures: [`opening_head`] marks such
//! a document before the body is parsed, and its style hides the copy but for its headings.

use super::answer::PlanAnswer;
use kling_pricing::calculation;
use kling_pricing::draft::{opening_options, opening_sample};
use kling_pricing::share::{self, ShareState, KEYS};

/// The element id of the prerendered copy; the app removes the element with this id.
pub const ROOT_ID: &str = "kp-pre";

/// The element id of the opening plan ([`opening_plan`]).
pub const PLAN_ID: &str = "kp-opening-plan";

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

/// The calculator's root holding the opening view: `shell`, the app's own components rendered
/// to HTML by the app's prerender binary, with the regions the app draws after it mounts (the
/// verdict, the plan and its charts, from `plan`) filled as the app fills them.
/// An error names a region the shell no longer has (the build then fails rather than ship a
/// copy the app would not match).
pub fn opening_body(shell: &str, plan: &PlanAnswer) -> Result<String, String> {
    let mut shell = shell.to_string();
    for (region, html) in [
        ("verdict", plan.summary.verdict.as_str()),
        ("plan", plan.plan.as_str()),
        ("plan-charts", plan.charts.as_str()),
    ] {
        shell = fill(&shell, region, html)?;
    }
    Ok(format!(
        r#"<main class="kp-app" data-theme="auto" id="{ROOT_ID}">{shell}</main>{}"#,
        opening_plan()
    ))
}

/// The opening plan as the planner's module would answer it, with the link of the calculation
/// it is for (`{"query": …, "answer": …}` in a `<script type="application/json">`): the app
/// shows it for the opening sample without loading the planner. The plan's and its charts'
/// markup are left out: the copy's own regions hold them, and the app takes them from there
/// (the widget, which has no copy, never opens on this). `</` is written `<\/` (the same
/// JSON), so the text cannot end the script element.
pub fn opening_plan() -> String {
    let (catalog, lines) = opening_sample();
    let state = ShareState {
        edition: catalog.edition.to_string(),
        lines,
        options: opening_options(),
    };
    let opening = serde_json::json!({
        "query": share::encode(&state),
        "answer": PlanAnswer {
            plan: String::new(),
            charts: String::new(),
            json: "null".to_string(),
            ..PlanAnswer::of(&calculation::plan(&state))
        },
    });
    format!(
        r#"<script type="application/json" id="{PLAN_ID}">{}</script>"#,
        opening.to_string().replace("</", "<\\/")
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The regions the app draws after it mounts are filled: the plan, its charts, the chart.
    #[test]
    fn the_opening_view_fills_the_drawn_regions() {
        let shell = r#"<div data-r="verdict"></div><div data-r="plan"></div><div data-r="plan-charts"></div>"#;
        let (catalog, lines) = opening_sample();
        let state = ShareState {
            edition: catalog.edition.to_string(),
            lines,
            options: opening_options(),
        };
        let plan = PlanAnswer::of(&calculation::plan(&state));
        let body = opening_body(shell, &plan).unwrap();
        assert!(body.starts_with(r#"<main class="kp-app" data-theme="auto" id="kp-pre">"#));
        for r in ["verdict", "plan", "plan-charts"] {
            let mark = format!(r#"data-r="{r}">"#);
            let at = body.find(&mark).unwrap() + mark.len();
            assert!(!body[at..].starts_with("</"), "{r} is empty");
        }
        assert!(body.contains(r#"data-testid="plan-total""#));
        assert!(opening_body("<div></div>", &plan).is_err());
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
