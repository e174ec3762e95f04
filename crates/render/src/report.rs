//! Read-only parts of the page as HTML text: totals, a line's figures, the sources panel.
//!
//! Why text and not view code: these parts have no controls, and building them through the view
//! layer costs far more wasm (every element and attribute becomes its own generic type) than a
//! string does. Why maud: its templates escape every spliced value by type, so a value cannot be
//! left unescaped by forgetting a call. The public functions return `String` (what the page and
//! `form` write); the parts they are made of return [`Markup`] and are spliced as markup, not
//! escaped again. The functions are pure and tested natively.

use crate::chart;
use kling_pricing::catalog::{Catalog, Confidence, Pool, Status};
use kling_pricing::date::{Day, STALE_AFTER_DAYS};
use kling_pricing::error::{Field, InputError};
use kling_pricing::estimate::{Estimate, LineEstimate};
use kling_pricing::format;
use kling_pricing::plan::{ComparisonKind, PlanError, PlanResult, PoolOutcome, PoolPlan};
use maud::{html, Markup, PreEscaped};
use rust_decimal::Decimal;

/// "s" unless `n` is 1: "1 month", "3 months".
fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The `<option>`s of a select over `choices` (value, label), with `current` selected. A current
/// value that is not among the choices (a line kept from another edition, or a link's unknown
/// model) comes first, marked, and selected: the select shows what the line holds, never a
/// choice the line does not have. No choices, no options: the select does not apply.
pub fn options_html(choices: &[(String, String)], current: &str) -> String {
    let kept = !choices.is_empty() && !current.is_empty() && !choices.iter().any(|(value, _)| value == current);
    html! {
        @if kept { option value=(current) selected { (current) " (not in this edition)" } }
        @for (value, label) in choices {
            option value=(value) selected[value == current] { (label) }
        }
    }
    .into_string()
}

/// A field's inline message (empty when the field is fine); `id` is what the input's
/// `aria-describedby` points at.
pub fn field_error_html(id: &str, message: Option<&str>) -> String {
    html! {
        @if let Some(m) = message {
            span class="kp-error" id=(id) role="alert" { (m) }
        }
    }
    .into_string()
}

/// What a link held that could not be used, or nothing when it all loaded.
pub fn link_problems_html(problems: &[kling_pricing::share::ShareProblem]) -> String {
    html! {
        @if !problems.is_empty() {
            div class="kp-warning" role="alert" data-testid="link-problems" {
                p { "Some of this link could not be used; everything else was loaded:" }
                ul {
                    @for p in problems { li { (p) } }
                }
            }
        }
    }
    .into_string()
}

/// The per-pool totals and the overall list value. `excluded` lines are invalid and not counted.
pub fn totals_html(catalog: &Catalog, est: &Estimate, excluded: usize) -> String {
    html! {
        dl class="kp-pools" {
            @for pool in Pool::ALL {
                @let info = catalog.pool(pool);
                @let t = est.pool(pool);
                div class="kp-pool" data-testid={ "pool-" (pool.id()) } {
                    dt { (info.name) " units" }
                    dd {
                        span class="kp-big" data-testid="pool-units" { (format::units(t.units)) }
                        span class="kp-muted" {
                            " × " (format::usd(info.unit_price)) " = "
                            span data-testid="pool-value" { (format::usd(t.value)) }
                        }
                    }
                }
            }
        }
        p class="kp-total" {
            "List value: " strong data-testid="total-value" { (format::usd(est.total_value)) } " a month"
        }
        @if excluded > 0 {
            p class="kp-warning" role="status" data-testid="excluded-note" {
                (excluded) " line" (plural(excluded as u64)) " with a problem "
                (if excluded == 1 { "is" } else { "are" }) " not counted above."
            }
        }
    }
    .into_string()
}

/// Messages that belong to no single input box of the line (service, model, mode, duration).
fn line_level(errs: &[InputError]) -> impl Iterator<Item = &InputError> {
    errs.iter()
        .filter(|e| !matches!(e.field, Field::Quantity | Field::VideoSeconds | Field::AttemptsPerKept))
}

/// A line's figures: units and list value; or why it is not counted.
pub fn line_figures_html(catalog: &Catalog, priced: &Result<LineEstimate, Vec<InputError>>) -> String {
    match priced {
        Ok(l) => line_counted(catalog, l),
        Err(errs) => line_excluded(errs),
    }
    .into_string()
}

/// [`line_figures_html`] of a priced line: its units, value, a contradicted price's note, and
/// lip-sync's segments.
fn line_counted(catalog: &Catalog, l: &LineEstimate) -> Markup {
    html! {
        span class="kp-units" data-testid="line-units" {
            (format::units(l.units)) " " (catalog.pool(l.pool).name) " units"
        }
        span class="kp-value" data-testid="line-value" { (format::usd(l.value)) }
        (line_trust(catalog, l))
        @if l.provenance.status == Status::Contradicted {
            span class="kp-note" data-testid="line-contradiction" {
                "⚠ " (l.provenance.note.unwrap_or("An official page gives a different price."))
            }
        } @else if let (Some(_), Some(note)) = (l.provenance.confidence, l.provenance.note) {
            span class="kp-muted kp-source-note" data-testid="line-note" { (note) }
        }
        @if let Some(n) = l.segments {
            span class="kp-muted kp-share" { (n) " segment" (plural(n)) " of 5 s per job" }
        }
        @if let Some(o) = kling_pricing::per_use::cheapest_offer(catalog, &l.line) {
            span class="kp-muted kp-share" data-testid="line-per-use" {
                "per use from " (format::usd(o.per_job)) " a job at " (o.seller) " (" (format::usd(o.per_month)) " a month)"
            }
        }
        @if let Some(n) = l.billed_seconds {
            span class="kp-muted kp-share" data-testid="line-billed" {
                (n) " s billed per job for " (l.line.duration.unwrap_or(0)) " s delivered"
            }
        }
    }
}

/// How sure a priced line's price is, when its row states it ("inferred from reseller prices,
/// as of 2026-03"), and a retired model's date and source: most 2026 prices are not official,
/// and a budget built on them must say so. Seed-2025 rows state neither, so their lines show
/// nothing here.
fn line_trust(catalog: &Catalog, l: &LineEstimate) -> Markup {
    let p = &l.provenance;
    html! {
        @if l.line.own_units.is_some() {
            span class="kp-muted" data-testid="line-confidence" { "your figure, in place of the catalog's guess" }
        } @else if let Some(c) = p.confidence {
            span class="kp-muted" data-testid="line-confidence" {
                (c.words()) @if let Some(d) = p.as_of { ", as of " (d) }
            }
        }
        @if let Some(r) = l.retired {
            span class="kp-note" data-testid="line-retired" {
                "retired " (r.date) " (" (catalog.source(r.source).map_or(r.source, |s| s.title)) ")"
            }
        }
    }
}

/// [`line_figures_html`] of a line that is not counted: the line-level messages without the
/// "line N, field:" prefix (the editor shows which line).
fn line_excluded(errs: &[InputError]) -> Markup {
    html! {
        span class="kp-excluded" data-testid="line-excluded" { "Not counted until fixed" }
        @for e in line_level(errs) {
            span class="kp-error" role="alert" {
                (e.message.split_once(": ").map(|(_, m)| m).unwrap_or(&e.message))
            }
        }
    }
}

/// How sure an edition's prices are, counted ("31 official, 40 inferred from reseller prices,
/// 10 the 2025 guide's figures"; seed-2025 by its status against the official pages): shown
/// next to the edition's name, so a budget is never read as firmer than its prices.
pub fn edition_trust(catalog: &Catalog) -> String {
    let c = catalog.trust_counts();
    let parts = [
        (c.official, Confidence::Official.words()),
        (c.inferred, Confidence::Inferred.words()),
        (c.seed, "from the 2025 guide"),
        (c.listed, Confidence::Listed.words()),
        (c.guide, "from a 2026 guide"),
        (c.assumed, "assumed"),
        (c.confirmed, "confirmed by Kling's official pages"),
        (c.contradicted, "contradicted by them"),
        (c.unconfirmed, "unconfirmed"),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, words)| format!("{n} {words}"))
        .collect();
    format!("prices {}", said.join(", "))
}

/// Edition, date, assumptions, known contradictions and sources.
pub fn trust_html(catalog: &Catalog) -> String {
    html! {
        p {
            "Catalog " strong data-testid="trust-edition" { (catalog.edition) } ": " (catalog.title)
            ", as of " (catalog.as_of) ", checked against Kling's official pages in " (catalog.checked)
            ". Every price below carries its source; the guide's package menu, trial limits and \
             concurrency numbers are not confirmed by an official page."
        }
        h3 { "Assumptions" }
        ul data-testid="assumptions" {
            @for a in catalog.assumptions { li { (a) } }
        }
        h3 { "Known contradictions" }
        ul data-testid="contradictions" { (contradictions(catalog)) }
        h3 { "Sources" }
        ul {
            @for src in catalog.sources {
                li {
                    @if src.url.is_empty() {
                        (src.title)
                    } @else {
                        a href=(src.url) rel="noopener noreferrer" { (src.title) }
                    }
                    " — " (src.kind)
                    @if let Some(d) = src.date { ", " (d) }
                }
            }
        }
    }
    .into_string()
}

/// The `<li>`s of [`trust_html`]'s known contradictions: service, options, the note.
fn contradictions(catalog: &Catalog) -> Markup {
    html! {
        @for svc in catalog.services {
            @for r in svc.rows.iter().filter(|r| r.provenance.status == Status::Contradicted) {
                @let opts: Vec<&str> = r.model.iter().chain(r.mode.iter()).map(|o| catalog.label(o)).collect();
                li { (svc.name) " (" (opts.join(", ")) "): " (r.provenance.note.unwrap_or("")) }
            }
        }
    }
}

/// Why no plan could be made (an invalid setting), as an alert.
pub fn plan_error_html(e: &kling_pricing::plan::PlanError) -> String {
    html! { p.kp-error role="alert" { (e.message) } }.into_string()
}

/// The best plan for every pool: schedule, cost, effective price, forfeits, balance per month,
/// the alternatives and why they lose, custom-package advice and the concurrency verdict.
pub fn plan_html(plan: &PlanResult) -> String {
    let months = plan.horizon_months;
    html! {
        p class="kp-plan-total" {
            "Best plan over " (months) " month" (plural(months.into())) ": "
            strong data-testid="plan-total" { (format::usd(plan.total_cost)) }
        }
        (menus(plan, false))
        @if plan.pools.is_empty() {
            p class="kp-muted" { "Add a job line to see what to buy." }
        }
        (comparison(plan))
        @for pool in &plan.pools { (pool_plan(pool)) }
    }
    .into_string()
}

/// What the summary says of the plan: the verdict sentence with the package menu it assumes
/// and any guessed units it rests on (markup), the best plan's months and cost, and the pools
/// it leaves out. Made where the plan is (the planner's module, the build's prerender), so the
/// page needs only these texts.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct PlanSummary {
    pub verdict: String,
    pub best: Option<(u32, String)>,
    pub left_out: Option<String>,
}

impl PlanSummary {
    /// The summary's view of `plan`.
    pub fn of(plan: &Result<PlanResult, PlanError>) -> PlanSummary {
        let verdict = html! {
            p class="kp-verdict" data-testid="verdict" { (verdict(plan)) }
            @if let Ok(p) = plan { (menus(p, true)) (guesses(p)) }
        };
        PlanSummary {
            verdict: verdict.into_string(),
            best: match plan {
                Ok(p) if !p.pools.is_empty() => Some((p.horizon_months, format::usd(p.total_cost))),
                _ => None,
            },
            left_out: plan.as_ref().ok().and_then(left_out),
        }
    }

    /// What the summary says while the plan is being worked out.
    pub fn planning() -> PlanSummary {
        PlanSummary {
            verdict: html! { p class="kp-verdict" data-testid="verdict" { (PLANNING) } }.into_string(),
            best: None,
            left_out: None,
        }
    }
}

/// What the summary and the plan say while the planner works out a plan the page has none for
/// yet (a link's own mix, before the planner's module has answered).
pub const PLANNING: &str = "Working out the cheapest way to buy this mix…";

/// The plan region before the planner's first answer.
pub fn planning_html() -> String {
    html! { p class="kp-muted" data-testid="plan-planning" { (PLANNING) } }.into_string()
}

/// What the plan region says when the planner could not answer (`why`), instead of a plan.
pub fn planner_failed_html(why: &str) -> String {
    html! { p.kp-error role="alert" data-testid="plan-failed" { "No plan: " (why) ". Reload the page to try again." } }
        .into_string()
}

/// The answer at a glance, which the page shows first (and keeps in view while the mix is
/// edited): one sentence saying what to buy and what it saves against the next best way, the
/// package menu it assumes, then the list value a month and the best plan's cost, with any
/// pool it leaves out, and the age of the prices on `today` (left out when unknown).
pub fn summary_html(catalog: &Catalog, est: &Estimate, plan: &PlanSummary, today: Option<Day>) -> String {
    html! {
        (PreEscaped(&plan.verdict))
        dl class="kp-summary-figures" {
            div { dt { "List value a month" } dd data-testid="summary-value" { (format::usd(est.total_value)) } }
            div {
                dt {
                    "Best plan"
                    @if let Some((months, _)) = &plan.best { ", " (months) " month" (plural((*months).into())) }
                }
                dd data-testid="summary-plan" { (plan.best.as_ref().map_or("–", |(_, cost)| cost.as_str())) }
                @if let Some(apart) = &plan.left_out {
                    dd class="kp-note" data-testid="summary-left-out" { (apart) }
                }
            }
        }
        (prices_age(catalog, today))
    }
    .into_string()
}

/// The lines whose guessed units the plan's packages rest on: a plan of prepaid packages is
/// never shown as if it stood on known figures.
fn guesses(plan: &PlanResult) -> Markup {
    html! {
        @if !plan.guesses.is_empty() {
            p class="kp-note" data-testid="plan-guesses" {
                "The packages bought rest on guessed units (no Kling figure is known) for "
                (plan.guesses.join("; "))
                ". Enter your own figure on the line if you have one."
            }
        }
    }
}

/// The pools the best plan leaves out, because nothing on sale serves them (no package on the
/// menu, no per-use seller of their lines), each with its list value over the horizon: the
/// total must not read as the cost of the whole mix.
fn left_out(plan: &PlanResult) -> Option<String> {
    let apart: Vec<String> = plan
        .pools
        .iter()
        .filter(|p| matches!(p.outcome, PoolOutcome::NoPackage | PoolOutcome::Infeasible))
        .map(|p| {
            let value = p.demand.iter().sum::<Decimal>() * p.list_price;
            format!(
                "the {} pool ({} at list price)",
                p.pool_name.to_ascii_lowercase(),
                format::usd(value)
            )
        })
        .collect();
    (!apart.is_empty()).then(|| format!("Leaves out {}: nothing on sale serves it.", apart.join(" and ")))
}

/// When the edition's prices were checked, and, once that is more than
/// [`STALE_AFTER_DAYS`] before `today`, that they may have changed.
fn prices_age(catalog: &Catalog, today: Option<Day>) -> Markup {
    let age = today.zip(Day::parse(catalog.checked)).map(|(t, c)| t.since(c));
    html! {
        @match age {
            Some(days) if days > STALE_AFTER_DAYS => p class="kp-age kp-warning" data-testid="prices-age" {
                "Prices checked " (catalog.checked) ", " (days) " days ago: they may have changed since."
            },
            _ => p class="kp-age kp-muted" data-testid="prices-age" { "Prices checked " (catalog.checked) "." },
        }
    }
}

/// Which package menu the plan assumes, how sure that menu is, what the plan would be on each
/// other menu when it differs, and a button to plan on it instead: the sources disagree on
/// Kling's menu, and the verdict must not hide that it rests on one of them. Drawn in the
/// summary (`in_summary`, with the test ids) and again atop the plan, where a narrow page,
/// whose summary stays on screen and so must stay short, shows it instead.
fn menus(plan: &PlanResult, in_summary: bool) -> Markup {
    let m = plan.menu;
    let id = |testid: &'static str| in_summary.then_some(testid);
    html! {
        p class={ "kp-menu kp-muted " (if in_summary { "kp-menu-wide" } else { "kp-menu-narrow" }) }
            data-testid=[id("plan-menu")] {
            "Packages from " strong { (m.name) } " ("
            (m.provenance.confidence.map_or("unconfirmed", |c| c.words()))
            @if let Some(d) = m.provenance.as_of { ", as of " (d) }
            ")."
            @for o in &plan.other_menus {
                " "
                @if o.differs {
                    span data-testid=[id("other-menu-verdict")] {
                        "With " (o.menu.name) ": " (format::usd(o.total_cost))
                        @if !o.optimal { " or less" } " (" (o.buys) ")."
                    }
                } @else {
                    span data-testid=[id("other-menu-verdict")] { "The same with " (o.menu.name) "." }
                }
                " "
                button type="button" class="kp-secondary" data-act="set" data-field="menu" value=(o.menu.id)
                    data-testid=[id("switch-menu")] { "Plan with " (o.menu.name) }
            }
        }
    }
}

/// [`summary_html`]'s sentence: each pool's plan in words (named by its pool when the mix uses
/// more than one) and, for the first pool that had a choice, what the plan saves against the
/// cheapest alternative that would also have served it.
fn verdict(plan: &Result<PlanResult, PlanError>) -> String {
    let plan = match plan {
        Err(_) => return "Fix the plan settings marked below to see what to buy.".into(),
        Ok(p) => p,
    };
    let with_demand = plan.pools.iter().filter(|p| p.outcome != PoolOutcome::NoDemand);
    let planned: Vec<&PoolPlan> = with_demand
        .clone()
        .filter(|p| p.outcome == PoolOutcome::Planned)
        .collect();
    // A pool with nothing to plan with (no image pack entered) is explained in the plan itself;
    // the sentence speaks of it only when no pool has a plan.
    let pools = if planned.is_empty() {
        with_demand.collect()
    } else {
        planned
    };
    if pools.is_empty() {
        return "Add a job line to see what to buy.".into();
    }
    let mut words: Vec<String> = pools
        .iter()
        .map(|p| match pools.len() {
            1 => p.message.clone(),
            _ => format!("{}: {}", p.pool_name, p.message),
        })
        .collect();
    let saving = pools.iter().find_map(|p| {
        let costs = p.alternatives.iter().filter(|a| a.feasible);
        let (label, cost) = costs
            .filter_map(|a| Some((&a.label, a.total_cost?)))
            .min_by_key(|(_, c)| *c)?;
        (cost > p.total_cost).then(|| {
            format!(
                "That is {} less than the next best way ({label}).",
                format::usd(cost - p.total_cost)
            )
        })
    });
    words.extend(saving);
    words.join(" ")
}

/// The ways to buy the whole mix over the horizon, side by side: per use only at each seller
/// (or why it is left out), Kling's packs only, and the best plan, with a chart of those that
/// can serve it. Nothing when no per-use seller is compared.
fn comparison(plan: &PlanResult) -> Markup {
    let months = plan.horizon_months;
    html! {
        @if !plan.comparison.is_empty() {
            table class="kp-table kp-compare" data-testid="comparison" {
                caption { "Ways to buy it, over " (months) " month" (plural(months.into())) }
                (thead(&["Way to buy", "Cost", "Against the best plan"]))
                tbody {
                    @for r in &plan.comparison {
                        tr class=[(r.kind == ComparisonKind::Best).then_some("kp-best")] {
                            th scope="row" { (r.label) }
                            td { (r.total_cost.map_or_else(|| "–".to_string(), format::usd)) }
                            // The message repeats the row's label for the JS API; the table has it.
                            td { (r.message.strip_prefix(r.label.as_str()).and_then(|m| m.strip_prefix(": ")).unwrap_or(&r.message)) }
                        }
                    }
                }
            }
            figure class="kp-figure" data-testid="chart-comparison" {
                figcaption { "What each way to buy it costs" }
                (PreEscaped(chart::comparison_chart(plan)))
            }
        }
    }
}

/// One pool's part of [`plan_html`].
fn pool_plan(pool: &PoolPlan) -> Markup {
    html! {
        div class="kp-plan-pool" data-testid={ "plan-" (pool.pool.id()) } {
            h3 { (pool.pool_name) " units" }
            p class="kp-plan-msg" data-testid="plan-message" { (pool.message) }
            @if pool.outcome == PoolOutcome::Planned && !pool.purchases.is_empty() {
                (plan_kpis(pool))
                (plan_schedule(pool))
            }
            @if !pool.periods.is_empty() && pool.outcome != PoolOutcome::NoDemand {
                (plan_balance(pool))
            }
            (plan_notes(pool))
            @if !pool.alternatives.is_empty() {
                h4 { "Why not something else" }
                ul class="kp-alts" data-testid="plan-alternatives" {
                    @for a in &pool.alternatives { li { (a.reason) } }
                }
            }
        }
    }
}

/// A plan's key figures: cost, dollars per used unit (beside the list price), forfeits.
fn plan_kpis(pool: &PoolPlan) -> Markup {
    let effective = pool.effective_unit_price.map(format::usd).unwrap_or_else(|| "–".into());
    html! {
        dl class="kp-kpis" {
            div { dt { "Cost" } dd data-testid="plan-cost" { (format::usd(pool.total_cost)) } }
            div {
                dt { "Per used unit" }
                dd data-testid="plan-effective" { (effective) }
                dd class="kp-muted" { "list " (format::usd(pool.list_price)) }
            }
            div {
                dt { "Forfeited" }
                dd data-testid="plan-forfeited" { (format::units(pool.forfeited_units)) " units" }
                dd class="kp-muted" { (format::usd(pool.forfeited_value)) " at list price" }
            }
        }
    }
}

/// A table's `<thead>`: one column header per name.
fn thead(columns: &[&str]) -> Markup {
    html! {
        thead { tr { @for c in columns { th scope="col" { (c) } } } }
    }
}

/// What to buy, and when.
fn plan_schedule(pool: &PoolPlan) -> Markup {
    html! {
        table class="kp-table" data-testid="plan-schedule" {
            caption { "What to buy, and when" }
            (thead(&["Month", "Package", "Count", "Units", "Cost"]))
            tbody {
                @for b in &pool.purchases {
                    tr {
                        td { (b.month) } td { (b.name) } td { (b.count) }
                        td { (format::units(b.units * Decimal::from(b.count))) } td { (format::usd(b.cost)) }
                    }
                }
            }
        }
    }
}

/// The balance month by month, folded away.
fn plan_balance(pool: &PoolPlan) -> Markup {
    const COLUMNS: [&str; 8] = [
        "Month",
        "Demand",
        "Start",
        "Bought",
        "Used",
        "Forfeited",
        "End",
        "Concurrency",
    ];
    html! {
        details class="kp-details" {
            summary { "Balance month by month" }
            table class="kp-table" data-testid="plan-balance" {
                (thead(&COLUMNS))
                tbody {
                    @for r in &pool.periods {
                        tr {
                            td { (r.month) }
                            @for units in [r.demand, r.start_balance, r.bought, r.used, r.forfeited, r.end_balance] {
                                td { (format::units(units)) }
                            }
                            td { (r.concurrency.map(|c| c.to_string()).unwrap_or_else(|| "–".into())) }
                        }
                    }
                }
            }
        }
    }
}

/// A plan's notes: custom-package advice, the concurrency verdict, and a plan not proven
/// cheapest within the search limit.
fn plan_notes(pool: &PoolPlan) -> Markup {
    html! {
        @if let Some(c) = &pool.custom {
            p class="kp-note" data-testid="plan-custom" { (c.message) }
        }
        @if let Some(v) = &pool.concurrency {
            p class=(if v.carried { "kp-ok" } else { "kp-warning" }) data-testid="plan-concurrency" { (v.message) }
        }
        @if !pool.optimal {
            p class="kp-warning" {
                "This plan was not proven cheapest within the search limit; the cheapest costs at most "
                (pool.cost_gap.map(format::usd).unwrap_or_else(|| "–".into())) " less."
            }
        }
    }
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
        assert_eq!(
            options_html(&choices, "v9"),
            r#"<option value="v9" selected>v9 (not in this edition)</option><option value="a">A &amp; B</option><option value="&quot;x">&lt;X&gt;</option>"#,
            "a value the choices lack is shown as kept, not replaced"
        );
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

    /// With per use on, the plan opens with the ways to buy compared (the best one marked) and a
    /// chart of those that can serve the mix.
    #[test]
    fn the_plan_compares_the_ways_to_buy() {
        let cat = kling_pricing::opening_catalog();
        let (_, drafts) = kling_pricing::draft::opening_sample();
        let jobs: Vec<_> = drafts.iter().map(|d| d.price(cat, 0).unwrap().line).collect();
        let (o, errs) = kling_pricing::draft::opening_options().to_options();
        assert!(errs.is_empty());
        let units = [(Pool::Video, Decimal::from(4980)), (Pool::Image, Decimal::from(40000))];
        let plan = kling_pricing::per_use::plan_mix(cat, &units, &jobs, &o).unwrap();
        let html = plan_html(&plan);
        assert!(html.contains(r#"data-testid="comparison""#));
        // Video: the 2026 guide's trials ($9.80 + $98 for 1,100 units in month 1), the other
        // 13,840 of 14,940 units at $0.14 (fal.ai's list price; no pack on the menu is cheaper
        // but Packages 3 and 4, of 45,000 units and more): $2,045.40. Images per use at ComfyUI:
        // 5,000 a month × 3 × $0.028 = $420.
        assert!(
            html.contains(r#"<tr class="kp-best"><th scope="row">Best plan</th><td>$2,465.40</td>"#),
            "{html}"
        );
        assert!(html.contains(r#"data-testid="chart-comparison""#));
        assert!(
            html.find("comparison").unwrap() < html.find("plan-video").unwrap(),
            "before the pools"
        );
    }
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

    /// A kling-2026 Video 3.0 Professional line, 10 s, with `audio` ("" = the plain value).
    fn v3_pro_line(audio: &str) -> String {
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "kling-v3");
        d.set_mode(cat, "pro");
        d.duration = "10".into();
        d.audio = audio.into();
        line_figures_html(cat, &d.price(cat, 0))
    }

    #[test]
    fn a_line_states_how_sure_its_price_is() {
        let inferred = v3_pro_line("native");
        assert!(
            inferred.contains(r#"<span class="kp-muted" data-testid="line-confidence">inferred from reseller prices, as of 2026-03-13</span>"#),
            "{inferred}"
        );
        let official = v3_pro_line("");
        assert!(
            official.contains(r#"data-testid="line-confidence">official, as of 2026</span>"#),
            "{official}"
        );
        assert!(!official.contains("line-retired"));
    }

    #[test]
    fn a_retired_models_line_says_when_and_who_says_so() {
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "v2.1");
        let html = line_figures_html(cat, &d.price(cat, 0));
        assert!(
            html.contains(r#"data-testid="line-retired">retired 2026-09-15 (ComfyUI docs: partner notice"#),
            "{html}"
        );
    }

    /// Seed-2025 rows state no confidence: a seed line shows its units and value only.
    #[test]
    fn a_seed_line_shows_no_confidence() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 2);
        d.set_model(cat, "v2.1-master");
        assert_eq!(
            line_figures_html(cat, &d.price(cat, 0)),
            r#"<span class="kp-units" data-testid="line-units">20 Video units</span><span class="kp-value" data-testid="line-value">$2.80</span>"#
        );
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
    fn trust_dates_the_sources_that_have_a_date() {
        let html = trust_html(kling_pricing::catalog::edition("kling-2026").unwrap());
        assert!(html.contains("— Official, 2026-03-28</li>"), "{html}");
        assert!(!trust_html(default_catalog()).contains("— Official, "));
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

#[cfg(test)]
mod summary_tests {
    use super::*;
    use kling_pricing::estimate::estimate_lines;
    use kling_pricing::plan::{plan, PlanOptions};
    use kling_pricing::{default_catalog, JobLine};

    fn day(text: &str) -> Option<Day> {
        Day::parse(text)
    }

    /// 5,000 Kolors images a month in seed-2025, which sells no image package: the best plan
    /// leaves the pool out, and says so with its list value over 3 months (5,000 × 4 units ×
    /// $0.0035 × 3 = $210). Its prices were checked in 2026, taken as 2026-01-01: 340 days
    /// before 2026-12-07, so the summary says they may have changed.
    #[test]
    fn the_summary_names_a_pool_left_out_and_old_prices() {
        let cat = default_catalog();
        let line = JobLine {
            model: Some("kolors-v2.1".into()),
            quantity: 5000,
            ..JobLine::new("text-to-image")
        };
        let (est, _) = estimate_lines(cat, &[(0, line)]);
        let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
        let planned = plan(cat, &units, &PlanOptions::default());
        let html = summary_html(cat, &est, &PlanSummary::of(&planned), day("2026-12-07"));
        assert!(
            html.contains("Leaves out the image pool ($210.00 at list price): nothing on sale serves it."),
            "{html}"
        );
        assert!(
            html.contains("Prices checked 2026, 340 days ago: they may have changed since."),
            "{html}"
        );
        // More than 60 days: 2026-03-02 is the 60th day after 2026-01-01, 2026-03-03 the 61st.
        let fresh = summary_html(cat, &est, &PlanSummary::of(&planned), day("2026-03-02"));
        assert!(fresh.contains(">Prices checked 2026.</p>"), "{fresh}");
        let stale = summary_html(cat, &est, &PlanSummary::of(&planned), day("2026-03-03"));
        assert!(stale.contains("Prices checked 2026, 61 days ago"), "{stale}");
        let unknown = summary_html(cat, &est, &PlanSummary::of(&planned), None);
        assert!(unknown.contains(">Prices checked 2026.</p>"), "{unknown}");
    }
}
