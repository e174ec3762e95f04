//! The plan in words and tables, as HTML text: the verdict (with the package menu and its
//! switch), the plan of every pool, the comparison, and why there is no plan.
//!
//! Why text made here and not components on the page: the planner's module makes it, so the
//! page carries neither the plan's types nor the code that draws them (as components over data
//! read back with serde they cost the page 66 KB of gzipped wasm; ARCHITECTURE.md, "The plan's
//! regions are the planner's markup"). Why maud: its templates escape every spliced value by
//! type, so a value cannot be left unescaped by forgetting a call. The public functions return
//! `String`; the parts they are made of return [`Markup`] and are spliced as markup, not escaped
//! again. The functions are pure and tested natively.

use crate::chart;
use kling_pricing::catalog::{Catalog, Confidence};
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
        use kling_pricing::catalog::Pool;
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
}

#[cfg(test)]
mod summary_tests {
    use super::*;
    use kling_pricing::estimate::estimate_lines;
    use kling_pricing::plan::{plan, PlanOptions};
    use kling_pricing::{default_catalog, JobLine};

    /// 5,000 Kolors images a month in seed-2025, which sells no image package: the best plan
    /// leaves the pool out, and says so with its list value over 3 months (5,000 × 4 units ×
    /// $0.0035 × 3 = $210).
    #[test]
    fn the_summary_names_a_pool_left_out() {
        let cat = default_catalog();
        let line = JobLine {
            model: Some("kolors-v2.1".into()),
            quantity: 5000,
            ..JobLine::new("text-to-image")
        };
        let (est, _) = estimate_lines(cat, &[(0, line)]);
        let units: Vec<_> = est.pools.iter().map(|p| (p.pool, p.units)).collect();
        let planned = plan(cat, &units, &PlanOptions::default());
        assert_eq!(
            PlanSummary::of(&planned).left_out.as_deref(),
            Some("Leaves out the image pool ($210.00 at list price): nothing on sale serves it.")
        );
    }
}
