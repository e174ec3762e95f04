//! A whole calculation, as a link carries it ([`ShareState`]), planned: what the page's planner
//! module answers for each request, and what the page itself would compute, so the two always
//! read a calculation the same way.

use crate::breakeven::{break_even as picture, BreakEven};
use crate::catalog::{self, Catalog, Pool};
use crate::draft::DraftLine;
use crate::estimate::{pool_totals, Estimate, LineEstimate};
use crate::mix::JobLine;
use crate::per_use;
use crate::plan::{PlanError, PlanResult};
use crate::share::ShareState;
use rust_decimal::Decimal;

/// What the planner works from: the units per pool, and the valid lines (whose shape gives a
/// per-use seller's price per unit).
pub type PlanInput = (Vec<(Pool, Decimal)>, Vec<JobLine>);

/// The planner's input for the lines `drafts` as typed: the lines that price, their units
/// added up per pool.
pub fn plan_input(catalog: &'static Catalog, drafts: &[DraftLine]) -> PlanInput {
    let priced: Vec<LineEstimate> = drafts.iter().filter_map(|d| d.price(catalog, 0).ok()).collect();
    let figures: Vec<_> = priced.iter().map(|e| (e.pool, e.units)).collect();
    let units = pool_totals(catalog, &figures)
        .pools
        .iter()
        .map(|p| (p.pool, p.units))
        .collect();
    (units, priced.into_iter().map(|e| e.line).collect())
}

/// The edition `state` names (the default one when it names none the build knows, as the link
/// decoder has already reported).
pub fn catalog_of(state: &ShareState) -> &'static Catalog {
    catalog::edition(&state.edition).unwrap_or_else(catalog::default_catalog)
}

/// The best plan for `state`'s valid lines under its valid settings, on its menu and, for
/// comparison, the edition's other menus ([`per_use::plan_mix`]).
pub fn plan(state: &ShareState) -> Result<PlanResult, PlanError> {
    let catalog = catalog_of(state);
    let (units, jobs) = plan_input(catalog, &state.lines);
    let (options, _) = state.options.to_options();
    per_use::plan_mix(catalog, &units, &jobs, &options)
}

/// The break-even picture of `state`'s mix ([`crate::breakeven::break_even`]).
pub fn break_even(state: &ShareState) -> Result<BreakEven, PlanError> {
    let catalog = catalog_of(state);
    let (units, jobs) = plan_input(catalog, &state.lines);
    let (options, _) = state.options.to_options();
    per_use::resolved(catalog, &jobs, &options).and_then(|o| picture(catalog, &units, &o))
}

/// The estimate of `state`'s lines: each valid line's figures (with its place in the mix) and
/// the totals per pool, as the page shows them.
pub fn estimate(state: &ShareState) -> Estimate {
    let catalog = catalog_of(state);
    let lines: Vec<LineEstimate> = state
        .lines
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.price(catalog, 0).ok().map(|e| LineEstimate { index: i, ..e }))
        .collect();
    let figures: Vec<_> = lines.iter().map(|e| (e.pool, e.units)).collect();
    Estimate {
        lines,
        ..pool_totals(catalog, &figures)
    }
}
