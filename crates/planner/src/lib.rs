//! The planner as a wasm module of its own. The page's first wasm holds what the first input
//! needs (the catalog, pricing, the link, the job lines and totals); the planner, the
//! break-even picture and what shows or exports a plan are here, loaded by the page's worker
//! (`assets/planner.js`) or, where no worker may start, on the page's thread when the first
//! plan is asked for.
//!
//! Each request is a calculation as a link's query carries it (`kling_pricing::share`); each
//! answer is text the page shows or downloads as it is.

use kling_pricing_render::answer::to;
use wasm_bindgen::prelude::*;

/// The plan for the calculation `query`, ready to show: a
/// [`PlanAnswer`](kling_pricing_render::answer::PlanAnswer) as JSON.
#[wasm_bindgen]
pub fn plan(query: &str) -> String {
    to::plan(query)
}

/// The break-even picture for the calculation `query`, as markup (or why there is none).
#[wasm_bindgen(js_name = breakEven)]
pub fn break_even(query: &str) -> String {
    to::break_even(query)
}

/// The calculation `query`'s estimate and plan as CSV.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(query: &str) -> String {
    to::export(query, false)
}

/// The calculation `query`'s estimate and plan as JSON.
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(query: &str) -> String {
    to::export(query, true)
}
