//! What the planner's module hands the page for a calculation: the plan's parts ready to show,
//! made by the same functions the build's prerender calls. The page carries no planner and
//! reads no plan back: it shows these texts.

use crate::chart;
use crate::report::{self, PlanSummary};
use kling_pricing::plan::{PlanError, PlanResult};
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

/// The planner module's answers, each for a calculation given as a link's query (what
/// `crates/planner` exports, and what the app computes itself where it links the planner in).
pub mod to {
    use super::PlanAnswer;
    use crate::{breakeven, export, report};
    use kling_pricing::{calculation, share};

    /// The plan, ready to show: a [`PlanAnswer`] as JSON.
    pub fn plan(query: &str) -> String {
        let state = share::decode(query).state;
        serde_json::to_string(&PlanAnswer::of(&calculation::plan(&state))).unwrap_or_default()
    }

    /// The break-even picture's markup, or why there is none.
    pub fn break_even(query: &str) -> String {
        match calculation::break_even(&share::decode(query).state) {
            Ok(be) => breakeven::chart(&be),
            Err(e) => report::plan_error_html(&e),
        }
    }

    /// The estimate and its plan as CSV (`json` false) or JSON.
    pub fn export(query: &str, json: bool) -> String {
        let state = share::decode(query).state;
        let catalog = calculation::catalog_of(&state);
        let (est, plan) = (calculation::estimate(&state), calculation::plan(&state));
        if json {
            export::estimate_json(catalog, &est, &plan)
        } else {
            export::estimate_csv(catalog, &est, &plan)
        }
    }
}
