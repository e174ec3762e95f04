//! Read-only parts of the page as HTML text: totals, a line's figures, the sources panel.
//!
//! Why text and not view code: these parts have no controls, and building them through the view
//! layer costs far more wasm (every element and attribute becomes its own generic type) than a
//! string does. Every value is escaped; the functions are pure and tested natively.

use super::chart::escape;
use kling_pricing::catalog::{Catalog, Pool, Status};
use kling_pricing::error::{Field, InputError};
use kling_pricing::estimate::{Estimate, LineEstimate};
use kling_pricing::format;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The `<option>`s of a select over `choices` (value, label), with `current` selected.
pub fn options_html(choices: &[(String, String)], current: &str) -> String {
    let mut out = String::new();
    for (value, label) in choices {
        let selected = if value == current { " selected" } else { "" };
        let _ = write!(
            out,
            r#"<option value="{}"{selected}>{}</option>"#,
            escape(value),
            escape(label)
        );
    }
    out
}

/// A field's inline message (empty when the field is fine); `id` is what the input's
/// `aria-describedby` points at.
pub fn field_error_html(id: &str, message: Option<&str>) -> String {
    match message {
        Some(m) => format!(
            r#"<span class="kp-error" id="{}" role="alert">{}</span>"#,
            escape(id),
            escape(m)
        ),
        None => String::new(),
    }
}

/// What a link held that could not be used, or nothing when it all loaded.
pub fn link_problems_html(problems: &[kling_pricing::share::ShareProblem]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        r#"<div class="kp-warning" role="alert" data-testid="link-problems"><p>Some of this link could not be used; everything else was loaded:</p><ul>"#,
    );
    for p in problems {
        let _ = write!(out, "<li>{}</li>", escape(&p.to_string()));
    }
    out.push_str("</ul></div>");
    out
}

/// The per-pool totals and the overall list value. `excluded` lines are invalid and not counted.
pub fn totals_html(catalog: &Catalog, est: &Estimate, excluded: usize) -> String {
    let mut s = String::from(r#"<dl class="kp-pools">"#);
    for pool in Pool::ALL {
        let info = catalog.pool(pool);
        let t = est.pool(pool);
        let _ = write!(
            s,
            r#"<div class="kp-pool" data-testid="pool-{id}"><dt>{name} units</dt><dd><span class="kp-big" data-testid="pool-units">{units}</span><span class="kp-muted"> × {price} = <span data-testid="pool-value">{value}</span></span></dd></div>"#,
            id = pool.id(),
            name = escape(info.name),
            units = format::units(t.units),
            price = format::usd(info.unit_price),
            value = format::usd(t.value),
        );
    }
    let _ = write!(
        s,
        r#"</dl><p class="kp-total">List value: <strong data-testid="total-value">{}</strong> a month</p>"#,
        format::usd(est.total_value)
    );
    if excluded > 0 {
        let (s1, verb) = if excluded == 1 { ("", "is") } else { ("s", "are") };
        let _ = write!(
            s,
            r#"<p class="kp-warning" role="status" data-testid="excluded-note">{excluded} line{s1} with a problem {verb} not counted above.</p>"#
        );
    }
    s
}

/// Messages that belong to no single input box of the line (service, model, mode, duration).
fn line_level(errs: &[InputError]) -> impl Iterator<Item = &InputError> {
    errs.iter()
        .filter(|e| !matches!(e.field, Field::Quantity | Field::VideoSeconds | Field::AttemptsPerKept))
}

/// A line's figures: units and list value; or why it is not counted.
pub fn line_figures_html(catalog: &Catalog, priced: &Result<LineEstimate, Vec<InputError>>) -> String {
    match priced {
        Ok(l) => {
            let mut s = format!(
                r#"<span class="kp-units" data-testid="line-units">{} {} units</span><span class="kp-value" data-testid="line-value">{}</span>"#,
                format::units(l.units),
                escape(catalog.pool(l.pool).name),
                format::usd(l.value),
            );
            if l.provenance.status == Status::Contradicted {
                let _ = write!(
                    s,
                    r#"<span class="kp-note" data-testid="line-contradiction">⚠ {}</span>"#,
                    escape(l.provenance.note.unwrap_or("An official page gives a different price."))
                );
            }
            if let Some(n) = l.segments {
                let _ = write!(
                    s,
                    r#"<span class="kp-muted kp-share">{n} segment{} of 5 s per job</span>"#,
                    if n == 1 { "" } else { "s" }
                );
            }
            s
        }
        Err(errs) => {
            let mut s =
                String::from(r#"<span class="kp-excluded" data-testid="line-excluded">Not counted until fixed</span>"#);
            for e in line_level(errs) {
                let msg = e.message.split_once(": ").map(|(_, m)| m).unwrap_or(&e.message);
                let _ = write!(s, r#"<span class="kp-error" role="alert">{}</span>"#, escape(msg));
            }
            s
        }
    }
}

/// Edition, date, assumptions, known contradictions and sources.
pub fn trust_html(catalog: &Catalog) -> String {
    let mut s = format!(
        r#"<p>Catalog <strong data-testid="trust-edition">{}</strong>: {}, as of {}, checked against Kling's official pages in {}. Every price below carries its source; the guide's package menu, trial limits and concurrency numbers are not confirmed by an official page.</p><h3>Assumptions</h3><ul data-testid="assumptions">"#,
        escape(catalog.edition),
        escape(catalog.title),
        escape(catalog.as_of),
        escape(catalog.checked)
    );
    for a in catalog.assumptions {
        let _ = write!(s, "<li>{}</li>", escape(a));
    }
    s.push_str(r#"</ul><h3>Known contradictions</h3><ul data-testid="contradictions">"#);
    for svc in catalog.services {
        for r in svc.rows.iter().filter(|r| r.provenance.status == Status::Contradicted) {
            let opts: Vec<&str> = r.model.iter().chain(r.mode.iter()).map(|o| catalog.label(o)).collect();
            let _ = write!(
                s,
                "<li>{} ({}): {}</li>",
                escape(svc.name),
                escape(&opts.join(", ")),
                escape(r.provenance.note.unwrap_or(""))
            );
        }
    }
    s.push_str("</ul><h3>Sources</h3><ul>");
    for src in catalog.sources {
        if src.url.is_empty() {
            let _ = write!(s, "<li>{} — {}</li>", escape(src.title), escape(src.kind));
        } else {
            let _ = write!(
                s,
                r#"<li><a href="{}" rel="noopener noreferrer">{}</a> — {}</li>"#,
                escape(src.url),
                escape(src.title),
                escape(src.kind)
            );
        }
    }
    s.push_str("</ul>");
    s
}

/// The best plan for every pool: schedule, cost, effective price, forfeits, balance per month,
/// the alternatives and why they lose, custom-package advice and the concurrency verdict.
pub fn plan_html(plan: &kling_pricing::plan::PlanResult) -> String {
    use kling_pricing::plan::PoolOutcome;
    let mut s = String::new();
    let months = plan.horizon_months;
    let _ = write!(
        s,
        r#"<p class="kp-plan-total">Best plan over {months} month{}: <strong data-testid="plan-total">{}</strong></p>"#,
        if months == 1 { "" } else { "s" },
        format::usd(plan.total_cost)
    );
    if plan.pools.is_empty() {
        s.push_str(r#"<p class="kp-muted">Add a job line to see what to buy.</p>"#);
    }
    for p in &plan.pools {
        let id = p.pool.id();
        let _ = write!(
            s,
            r#"<div class="kp-plan-pool" data-testid="plan-{id}"><h3>{} units</h3><p class="kp-plan-msg" data-testid="plan-message">{}</p>"#,
            escape(p.pool_name),
            escape(&p.message)
        );
        if p.outcome == PoolOutcome::Planned && !p.purchases.is_empty() {
            let eff = p.effective_unit_price.map(format::usd).unwrap_or_else(|| "–".into());
            let _ = write!(
                s,
                r#"<dl class="kp-kpis"><div><dt>Cost</dt><dd data-testid="plan-cost">{cost}</dd></div><div><dt>Per used unit</dt><dd data-testid="plan-effective">{eff}</dd><dd class="kp-muted">list {list}</dd></div><div><dt>Forfeited</dt><dd data-testid="plan-forfeited">{fu} units</dd><dd class="kp-muted">{fv} at list price</dd></div></dl>"#,
                cost = format::usd(p.total_cost),
                list = format::usd(p.list_price),
                fu = format::units(p.forfeited_units),
                fv = format::usd(p.forfeited_value),
            );
            s.push_str(r#"<table class="kp-table" data-testid="plan-schedule"><caption>What to buy, and when</caption><thead><tr><th scope="col">Month</th><th scope="col">Package</th><th scope="col">Count</th><th scope="col">Units</th><th scope="col">Cost</th></tr></thead><tbody>"#);
            for b in &p.purchases {
                let _ = write!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    b.month,
                    escape(&b.name),
                    b.count,
                    format::units(b.units * Decimal::from(b.count)),
                    format::usd(b.cost)
                );
            }
            s.push_str("</tbody></table>");
        }
        if !p.periods.is_empty() && p.outcome != PoolOutcome::NoDemand {
            s.push_str(r#"<details class="kp-details"><summary>Balance month by month</summary><table class="kp-table" data-testid="plan-balance"><thead><tr><th scope="col">Month</th><th scope="col">Demand</th><th scope="col">Start</th><th scope="col">Bought</th><th scope="col">Used</th><th scope="col">Forfeited</th><th scope="col">End</th><th scope="col">Concurrency</th></tr></thead><tbody>"#);
            for r in &p.periods {
                let conc = r.concurrency.map(|c| c.to_string()).unwrap_or_else(|| "–".into());
                let _ = write!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    r.month,
                    format::units(r.demand),
                    format::units(r.start_balance),
                    format::units(r.bought),
                    format::units(r.used),
                    format::units(r.forfeited),
                    format::units(r.end_balance),
                    conc
                );
            }
            s.push_str("</tbody></table></details>");
        }
        if let Some(c) = &p.custom {
            let _ = write!(
                s,
                r#"<p class="kp-note" data-testid="plan-custom">{}</p>"#,
                escape(&c.message)
            );
        }
        if let Some(v) = &p.concurrency {
            let class = if v.carried { "kp-ok" } else { "kp-warning" };
            let _ = write!(
                s,
                r#"<p class="{class}" data-testid="plan-concurrency">{}</p>"#,
                escape(&v.message)
            );
        }
        if !p.optimal {
            let gap = p.cost_gap.map(format::usd).unwrap_or_else(|| "–".into());
            let _ = write!(
                s,
                r#"<p class="kp-warning">This plan was not proven cheapest within the search limit; the cheapest costs at most {gap} less.</p>"#
            );
        }
        if !p.alternatives.is_empty() {
            s.push_str(r#"<h4>Why not something else</h4><ul class="kp-alts" data-testid="plan-alternatives">"#);
            for a in &p.alternatives {
                let _ = write!(s, "<li>{}</li>", escape(&a.reason));
            }
            s.push_str("</ul>");
        }
        s.push_str("</div>");
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_problems_are_listed_escaped() {
        use kling_pricing::share::ShareProblem;
        assert_eq!(link_problems_html(&[]), "");
        let html = link_problems_html(&[ShareProblem {
            param: "l".into(),
            value: "<x>".into(),
            message: "unknown service".into(),
        }]);
        assert!(html.starts_with(r#"<div class="kp-warning" role="alert" data-testid="link-problems">"#));
        assert!(html.contains("<li>l=&lt;x&gt;: unknown service</li>"), "{html}");
    }

    #[test]
    fn options_escape_and_select_the_current_choice() {
        let choices = vec![
            ("a".to_string(), "A & B".to_string()),
            ("\"x".to_string(), "<X>".to_string()),
        ];
        assert_eq!(
            options_html(&choices, "\"x"),
            r#"<option value="a">A &amp; B</option><option value="&quot;x" selected>&lt;X&gt;</option>"#
        );
        assert_eq!(options_html(&[], "a"), "");
    }

    #[test]
    fn field_errors_are_escaped_and_absent_when_fine() {
        assert_eq!(field_error_html("f-err", None), "");
        assert_eq!(
            field_error_html("f-err", Some("\"<b>\" is not a number")),
            r#"<span class="kp-error" id="f-err" role="alert">&quot;&lt;b&gt;&quot; is not a number</span>"#
        );
    }

    use super::*;
    use kling_pricing::estimate::estimate_lines;
    use kling_pricing::{default_catalog, DraftLine, JobLine};

    #[test]
    fn totals_show_every_pool_and_the_excluded_count() {
        let cat = default_catalog();
        let lines = vec![(
            0,
            JobLine {
                quantity: 60,
                video_seconds: Some(30),
                ..JobLine::new("lip-sync")
            },
        )];
        let (est, _) = estimate_lines(cat, &lines);
        let html = totals_html(cat, &est, 2);
        assert!(html.contains(r#"data-testid="pool-units">180</span>"#));
        assert!(html.contains(r#"data-testid="total-value">$25.20</strong>"#));
        assert!(html.contains("2 lines with a problem are not counted above."));
        assert_eq!(html.matches("kp-pool\"").count(), 3);
    }

    #[test]
    fn the_contradicted_row_is_flagged_on_its_line() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "extension", 10);
        d.set_model(cat, "v1.0");
        d.set_mode(cat, "std");
        let html = line_figures_html(cat, &d.price(cat, 0));
        assert!(html.contains("line-contradiction"));
        assert!(html.contains("official page says 2 units"));
    }

    #[test]
    fn errors_are_escaped() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.model = "<img src=x onerror=alert(1)>".into();
        let html = line_figures_html(cat, &d.price(cat, 0));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn trust_lists_sources_and_assumptions() {
        let html = trust_html(default_catalog());
        assert!(html.contains("seed-2025"));
        assert!(html.contains("started 5-second segment"));
        assert!(html.contains("https://kling.ai/document-api/pricing/base/video"));
        assert_eq!(html.matches("<li>").count(), 4 + 1 + 5);
    }
}
