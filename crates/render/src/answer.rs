//! What the planner's module hands the page for a calculation: the plan's parts ready to show,
//! made by the same functions the build's prerender calls. The page carries no planner and
//! reads no plan back: it shows these texts.

use crate::report::{self, PlanSummary};
use crate::{chart, export};
use kling_pricing::estimate::Estimate;
use kling_pricing::plan::{PlanError, PlanResult};
use kling_pricing::Catalog;
use serde::{Deserialize, Serialize};

/// The plan of one calculation, ready to show. It crosses from the planner's module to the page
/// as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanAnswer {
    /// What the summary says of the plan.
    pub summary: PlanSummary,
    /// The plan region's markup (the plan, or why there is none).
    pub plan: String,
    /// The plan's charts (empty without a plan).
    pub charts: String,
    /// The plan as the JS API returns it (JSON; `null` without a plan), for the widget's
    /// `change` event.
    pub json: String,
}

impl PlanAnswer {
    /// The answer for `plan`.
    pub fn of(plan: &Result<PlanResult, PlanError>) -> PlanAnswer {
        PlanAnswer {
            summary: PlanSummary::of(plan),
            plan: match plan {
                Ok(p) => report::plan_html(p),
                Err(e) => report::plan_error_html(e),
            },
            charts: plan.as_ref().map(chart::plan_charts_html).unwrap_or_default(),
            json: plan
                .as_ref()
                .ok()
                .and_then(|p| serde_json::to_string(p).ok())
                .unwrap_or_else(|| "null".to_string()),
        }
    }
}

/// The CSV (`json` false) or JSON export of the estimate `est` with its plan.
pub fn export(catalog: &Catalog, est: &Estimate, plan: &Result<PlanResult, PlanError>, json: bool) -> String {
    if json {
        export::estimate_json(catalog, est, plan)
    } else {
        export::estimate_csv(catalog, est, plan)
    }
}
