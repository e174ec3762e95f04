//! The read-only regions: the summary, the totals, the best plan with its charts.

use super::{live, live_view, root_el, Live, Root};
use crate::app::state::AppState;
use crate::app::{dom, effect};
use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::date::{Day, STALE_AFTER_DAYS};
use kling_pricing::format;
use kling_pricing_render::report;
use leptos::prelude::*;

/// Keeps region `name` showing `html()`, writing it only when it changes. `html` is boxed so
/// that this effect is compiled once, not once per region. A control of the region that had the
/// keyboard focus (the package menu's switch) has it again once the region is rewritten, which
/// may be long after the press (when the planner's worker answers).
fn region(root: Root, name: &'static str, html: impl Fn() -> String + 'static) {
    region_boxed(root, name, Box::new(html));
}

fn region_boxed(root: Root, name: &'static str, html: Box<dyn Fn() -> String>) {
    let mut last = None;
    effect(move || {
        let now = html();
        // Not mounted yet: nothing drawn, so the next run writes.
        let Some(root) = root_el(root) else { return };
        if last.as_ref() != Some(&now) {
            let region = dom::region(&root, name);
            let focused = region.as_ref().and_then(dom::focused_control);
            dom::set_html(region.clone(), &now);
            if let Some(el) = region.zip(focused).and_then(|(r, sel)| dom::find(&r, &sel)) {
                dom::focus(&el);
            }
            last = Some(now);
        }
    });
}

/// The verdict atop the summary (markup from the planner's module), with the package menu's
/// switch, which keeps the keyboard focus across the re-plan it asks for.
pub fn verdict(state: AppState, root: Root) {
    let planning = report::PlanSummary::planning().verdict;
    region(root, "verdict", move || {
        state.plan.with(|p| {
            p.as_ref()
                .map_or_else(|| planning.clone(), |p| p.summary.verdict.clone())
        })
    });
}

/// The break-even picture, once asked for (empty again when the plan changes).
pub fn break_even(state: AppState, root: Root) {
    region(root, "breakeven", move || state.break_even.get().unwrap_or_default());
}

/// The answer at a glance: the verdict, the list value a month and the best plan's cost (the
/// plan follows the totals one frame later, too soon to be seen), and the prices' age.
#[component]
pub fn Summary(state: AppState) -> impl IntoView {
    let best = move || state.plan.with(|p| p.as_ref().and_then(|p| p.summary.best.clone()));
    let left_out = move || state.plan.with(|p| p.as_ref().and_then(|p| p.summary.left_out.clone()));
    let best_months = move || {
        best()
            .map(|(months, _)| format!(", {months} month{}", if months == 1 { "" } else { "s" }))
            .unwrap_or_default()
    };
    let best_cost = move || best().map_or_else(|| "–".to_string(), |(_, cost)| cost);
    view! {
        <section class="kp-summary" aria-label="The answer at a glance" data-testid="summary">
            <div aria-live="polite">
                <div class="kp-verdict-wrap" data-r="verdict"></div>
                <dl class="kp-summary-figures">
                    <div>
                        <dt>"List value a month"</dt>
                        <dd data-testid="summary-value">{total_value(state)}</dd>
                    </div>
                    <div>
                        <dt>"Best plan" {live(best_months)}</dt>
                        <dd data-testid="summary-plan">{live(best_cost)}</dd>
                        {live_view(move || left_out().map(|t| view! { <dd class="kp-note" data-testid="summary-left-out">{t}</dd> }))}
                    </div>
                </dl>
                {prices_age(state.catalog, crate::app::browser::today())}
            </div>
        </section>
    }
}

/// When the edition's prices were checked, and, once that is more than [`STALE_AFTER_DAYS`]
/// before `today`, that they may have changed.
fn prices_age(catalog: &'static Catalog, today: Option<Day>) -> impl IntoView {
    let age = today.zip(Day::parse(catalog.checked)).map(|(t, c)| t.since(c));
    let (class, text) = match age {
        Some(days) if days > STALE_AFTER_DAYS => (
            "kp-age kp-warning",
            format!(
                "Prices checked {}, {days} days ago: they may have changed since.",
                catalog.checked
            ),
        ),
        _ => ("kp-age kp-muted", format!("Prices checked {}.", catalog.checked)),
    };
    view! { <p class=class data-testid="prices-age">{text}</p> }
}

/// Units and list value per pool and in total; lines with a problem are not counted, and a
/// note says how many there are. Each figure is its own text, so a keystroke rewrites the
/// texts that changed and nothing else.
#[component]
pub fn Totals(state: AppState) -> impl IntoView {
    let excluded = Memo::new(move |_| state.lines.read().iter().filter(|l| l.priced.read().is_err()).count());
    let note = live_view(move || {
        let n = excluded.get();
        (n > 0).then(|| {
            let (s, verb) = if n == 1 { ("", "is") } else { ("s", "are") };
            view! {
                <p class="kp-warning" role="status" data-testid="excluded-note">
                    {format!("{n} line{s} with a problem {verb} not counted above.")}
                </p>
            }
        })
    });
    view! {
        <div aria-live="polite">
            <dl class="kp-pools">{Pool::ALL.map(|pool| pool_total(state, pool)).collect_view()}</dl>
            <p class="kp-total">
                "List value: " <strong data-testid="total-value">{total_value(state)}</strong>
                " a month"
            </p>
            {note}
        </div>
    }
}

/// The mix's list value a month.
fn total_value(state: AppState) -> Live<String> {
    live(move || state.sums.with(|e| format::usd(e.total_value)))
}

/// One pool's units, its list price and their value.
fn pool_total(state: AppState, pool: Pool) -> impl IntoView {
    let info = state.catalog.pool(pool);
    let units = live(move || state.sums.with(|e| format::units(e.pool(pool).units)));
    let value = live(move || state.sums.with(|e| format::usd(e.pool(pool).value)));
    view! {
        <div class="kp-pool" data-testid=format!("pool-{}", pool.id())>
            <dt>{format!("{} units", info.name)}</dt>
            <dd>
                <span class="kp-big" data-testid="pool-units">{units}</span>
                <span class="kp-muted">
                    {format!(" × {} = ", format::usd(info.unit_price))}
                    <span data-testid="pool-value">{value}</span>
                </span>
            </dd>
        </div>
    }
}

/// The best plan, its charts and the alternatives.
pub fn plan(state: AppState, root: Root) {
    region(root, "plan", move || {
        // A plan for other lines is never shown as if it were this mix's: when the planner
        // fails, the plan region says so instead.
        if let Some(why) = state.planner_failed.get() {
            return report::planner_failed_html(&why);
        }
        state
            .plan
            .with(|p| p.as_ref().map_or_else(report::planning_html, |p| p.plan.clone()))
    });
    region(root, "plan-charts", move || {
        state
            .plan
            .with(|p| p.as_ref().map(|p| p.charts.clone()).unwrap_or_default())
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::{default_catalog, DraftLine};

    /// Seed-2025's prices were checked in 2026, taken as 2026-01-01: more than 60 days later
    /// the summary says they may have changed (2026-03-02 is the 60th day, 2026-03-03 the 61st).
    #[test]
    fn old_prices_are_said_to_be_old() {
        let age = |day: Option<&str>| {
            let today = day.and_then(Day::parse);
            crate::app::tests::with_owner(|| prices_age(default_catalog(), today).to_html())
        };
        let stale = age(Some("2026-12-07"));
        assert!(
            stale.contains("Prices checked 2026, 340 days ago: they may have changed since."),
            "{stale}"
        );
        assert!(age(Some("2026-03-02")).contains(">Prices checked 2026.</p>"));
        assert!(age(Some("2026-03-03")).contains("Prices checked 2026, 61 days ago"));
        assert!(age(None).contains(">Prices checked 2026.</p>"));
    }

    /// 60 lip-syncs of 30 s (180 video units, $25.20) and two lines with a problem.
    #[test]
    fn totals_show_every_pool_and_the_excluded_count() {
        let html = crate::app::tests::with_owner(|| {
            let cat = default_catalog();
            let mut bad = DraftLine::for_service(cat, "video", 1);
            bad.quantity = "-1".into();
            let lines = vec![DraftLine::for_service(cat, "lip-sync", 60), bad.clone(), bad];
            let state = AppState::new(cat, lines, Default::default());
            view! { <Totals state/> }.to_html().replace("<!>", "")
        });
        assert!(
            html.contains(r#"data-testid="pool-units" class="kp-big">180</span>"#),
            "{html}"
        );
        assert!(html.contains(r#"data-testid="total-value">$25.20</strong>"#), "{html}");
        assert!(html.contains("2 lines with a problem are not counted above."), "{html}");
        assert_eq!(html.matches("class=\"kp-pool\"").count(), 3);
    }
}
