//! The read-only regions: totals, the best plan with its charts, and what "Copy link" copied.
//! Each is markup from `report` / `chart` (render crate), written when it changes.

use super::{root_el, Root};
use crate::app::state::AppState;
use crate::app::{dom, effect};
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

/// The break-even picture, once asked for (empty again when the plan changes).
pub fn break_even(state: AppState, root: Root) {
    region(root, "breakeven", move || state.break_even.get().unwrap_or_default());
}

/// What "Copy link" copied, as text (the link carries what a person typed).
pub fn copied(state: AppState, root: Root) {
    effect(move || {
        let text = state.copied.get();
        if let Some(el) = root_el(root).and_then(|r| dom::region(&r, "copied")) {
            el.set_text_content(Some(&text));
        }
    });
}

/// The answer at a glance: the verdict, the list value a month and the best plan's cost (the
/// plan follows the totals one frame later, too soon to be seen).
pub fn summary(state: AppState, root: Root) {
    region(root, "summary", move || {
        let today = crate::app::browser::today();
        state.sums.with(|e| {
            state.plan.with(|p| match p {
                Some(p) => report::summary_html(state.catalog, e, &p.summary, today),
                None => report::summary_html(state.catalog, e, &report::PlanSummary::planning(), today),
            })
        })
    });
}

/// Units and list value per pool and in total.
pub fn totals(state: AppState, root: Root) {
    region(root, "totals", move || {
        let excluded = state.lines.read().iter().filter(|l| l.priced.read().is_err()).count();
        state.sums.with(|e| report::totals_html(state.catalog, e, excluded))
    });
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
    // Dimmed while the planner's worker plans newer input (after a moment: most plans take less).
    effect(move || {
        let busy = state.planning.get();
        if let Some(el) = root_el(root).and_then(|r| dom::region(&r, "plan")) {
            let _ = if busy {
                el.set_attribute("aria-busy", "true")
            } else {
                el.remove_attribute("aria-busy")
            };
        }
    });
    region(root, "plan-charts", move || {
        state
            .plan
            .with(|p| p.as_ref().map(|p| p.charts.clone()).unwrap_or_default())
    });
}
