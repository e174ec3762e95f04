//! What the planner answers: [`PlanResult`], one [`PoolPlan`] per pool with its purchases, month
//! rows, alternatives, custom-package advice and concurrency verdict.
//!
//! Plain data, in the shape the JS API serialises and the render crate writes out; how it is
//! computed lives in the sibling modules.

use crate::catalog::{Menu, Pool};
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a package on the plan comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PackSource {
    Catalog,
    Pack,
    Quote,
}

/// Packages of one kind bought at the start of one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Purchase {
    /// 1-based.
    pub month: u32,
    /// The catalog package id, or `pack-N` / `quote-N` (N is the 1-based index in the options).
    pub package_id: String,
    pub name: String,
    pub source: PackSource,
    pub trial: bool,
    pub count: u64,
    /// Price of one package.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub price: Decimal,
    /// Units of one package.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    pub validity_days: u32,
    /// `count × price`.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub cost: Decimal,
}

/// One month of a plan: the pool's stock from start to end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PeriodRow {
    /// 1-based.
    pub month: u32,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub demand: Decimal,
    /// Units held at the start of the month, before buying.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub start_balance: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub bought: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub used: Decimal,
    /// Units that expire unused at the end of the month.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub forfeited: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub end_balance: Decimal,
    /// Highest concurrency of the packages held this month (`None` when nothing known is held).
    pub concurrency: Option<u32>,
    /// Whether that carries the peak (`None` without a peak or without demand this month).
    pub carries_peak: Option<bool>,
    /// Units bought per use this month: the demand the stock left undrawn (only with per use).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "DecimalString"))]
    pub per_use_units: Option<Decimal>,
    /// Their dollars (only with per use).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "DecimalString"))]
    pub per_use_cost: Option<Decimal>,
}

/// What a pool's plan buys per use, and the two plain ways to buy next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PerUsePlan {
    /// Who sells per use ("fal.ai", "your rate").
    pub name: String,
    /// Dollars per unit.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub unit_price: Decimal,
    /// Units bought per use in each month.
    #[cfg_attr(feature = "ts", ts(type = "Array<DecimalString>"))]
    pub units_per_month: Vec<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    /// Dollars of those units (part of the plan's `totalCost`).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub cost: Decimal,
    /// Dollars over the horizon buying everything the balance leaves per use.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub per_use_only_cost: Decimal,
    /// Dollars of the best plan with packages only (`None` when they cannot serve every month).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub packs_only_cost: Option<Decimal>,
}

/// One way to buy the whole mix over the horizon, in the comparison of [`PlanResult`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ComparisonRow {
    /// "Per use only (fal.ai)", "Packs only", "Best plan".
    pub label: String,
    /// `perUse` (a seller or the user's rate), `packsOnly` or `best`.
    pub kind: ComparisonKind,
    /// Dollars over the horizon, all pools (`None` when this way cannot serve the mix).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub total_cost: Option<Decimal>,
    /// Dollars more than the best plan.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub extra_cost: Option<Decimal>,
    /// Why it is left out, or what it costs against the best plan.
    pub message: String,
}

/// The kind of a [`ComparisonRow`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ComparisonKind {
    PerUse,
    PacksOnly,
    Best,
}

/// A plan that loses to the best one, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Alternative {
    /// E.g. "Package 2 alone", "Trials only", "Without trials".
    pub label: String,
    pub feasible: bool,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub total_cost: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub forfeited_units: Option<Decimal>,
    pub purchase_count: Option<u64>,
    /// Dollars more than the best plan.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub extra_cost: Option<Decimal>,
    pub purchases: Vec<Purchase>,
    /// E.g. "Package 2 alone: $5,670.00, forfeits 5,000 units: $1,050.00 more than the best plan."
    pub reason: String,
}

/// When demand calls for a custom package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustomAdvice {
    /// The busiest window of three consecutive months (the whole horizon when shorter), 1-based.
    pub first_month: u32,
    pub last_month: u32,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub window_units: Decimal,
    /// Units of the largest package on sale in the pool (quotes aside).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub largest_package_units: Decimal,
    /// A quote must cost less than this per unit to beat the plan (its cost per used unit,
    /// rounded down to 6 decimal places); `None` when there is no plan.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub quote_must_beat: Option<Decimal>,
    pub message: String,
}

/// Whether the plan's concurrency carries the peak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConcurrencyVerdict {
    /// Tasks in flight at peak: jobs per hour × minutes per job ÷ 60 (2 decimal places).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub in_flight: Decimal,
    /// Concurrent tasks needed: `in_flight` rounded up.
    pub needed: u32,
    /// The highest concurrency any package or balance of the pool offers.
    pub best_available: Option<u32>,
    /// The planner required a package carrying the peak in every month with demand.
    pub enforced: bool,
    /// Every month with demand holds enough concurrency.
    pub carried: bool,
    pub message: String,
}

/// What became of a pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PoolOutcome {
    /// A plan serves every month (possibly buying nothing).
    Planned,
    /// No demand in any month; only the balance is shown.
    NoDemand,
    /// Demand, and no package to buy: the user must enter one.
    NoPackage,
    /// The packages on offer cannot serve every month (only trials, say).
    Infeasible,
    /// The search's work limit ran out before any plan was found (not seen in practice).
    Unsolved,
}

/// The plan for one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PoolPlan {
    pub pool: Pool,
    pub pool_name: &'static str,
    pub outcome: PoolOutcome,
    /// One sentence for people.
    pub message: String,
    /// The pool's list price per unit.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub list_price: Decimal,
    /// Demand is rounded up to multiples of this.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub unit_step: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "Array<DecimalString>"))]
    pub demand: Vec<Decimal>,
    pub purchases: Vec<Purchase>,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub total_cost: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units_bought: Decimal,
    /// Units drawn over the horizon (all the demand when planned).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units_used: Decimal,
    /// Of those, units drawn from packages bought (the rest came from the balance).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units_used_from_purchases: Decimal,
    /// Units not used within the horizon, including `left_at_end`.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub forfeited_units: Decimal,
    /// `forfeited_units` at the list price.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub forfeited_value: Decimal,
    /// Units left at the end of the horizon that are still valid after it.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub left_at_end: Decimal,
    /// Dollars per unit drawn from purchases (6 decimal places), next to `list_price`.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub effective_unit_price: Option<Decimal>,
    pub periods: Vec<PeriodRow>,
    pub alternatives: Vec<Alternative>,
    pub custom: Option<CustomAdvice>,
    pub concurrency: Option<ConcurrencyVerdict>,
    /// The plan is proven cheapest. When `false`, `cost_gap` bounds how far it may be from it.
    pub optimal: bool,
    /// Most dollars the plan may cost above the cheapest (only when not proven optimal).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub cost_gap: Option<Decimal>,
    /// The month no plan can serve (1-based), when infeasible.
    pub unserved_month: Option<u32>,
    /// What the plan buys per use (only when per use is on in this pool).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub per_use: Option<PerUsePlan>,
}

/// The plan for every pool with demand or a balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanResult {
    pub edition: &'static str,
    /// The package menu the plan buys from.
    pub menu: &'static Menu,
    pub horizon_months: u32,
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub growth_percent: Decimal,
    /// Each month's multiplier of the mix, as given (empty: none).
    #[cfg_attr(feature = "ts", ts(type = "Array<DecimalString>"))]
    pub demand_by_month: Vec<Decimal>,
    pub trials_used: bool,
    pub pools: Vec<PoolPlan>,
    /// Dollars of all pools' plans.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub total_cost: Decimal,
    /// Every pool's plan is proven cheapest.
    pub optimal: bool,
    pub assumptions: &'static [&'static str],
    /// Each way to buy the mix over the horizon: per use at each seller (or why it is left
    /// out), packs only, and the best plan; only when per use is on or sellers are compared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<ComparisonRow>>", optional))]
    pub comparison: Vec<ComparisonRow>,
    /// The same mix planned on each other menu of the edition (see [`MenuVerdict`]); empty
    /// for an edition with one menu, and from `plan()` of the Rust API, which plans one menu.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<MenuVerdict>>", optional))]
    pub other_menus: Vec<MenuVerdict>,
    /// The lines whose units are a guess (the catalog's figure is assumed and the line gives
    /// none of its own), in the pools where the plan buys packages: how many to buy rests on
    /// that guess, and a page must say so. Each reads "Kling 4.0 … (1.1 units a second,
    /// assumed)". Empty from `plan()` of the Rust API, which sees units, not lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub guesses: Vec<String>,
}

/// What the plan would be on another package menu of the edition: the sources disagree on
/// Kling's menu, so a plan says when the answer rests on which one is right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MenuVerdict {
    pub menu: &'static Menu,
    /// Dollars of the best plan on that menu.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub total_cost: Decimal,
    /// Whether that plan is proven cheapest.
    pub optimal: bool,
    /// What it buys, in a few words: "Package 2 (15,000 units) ×1 and per use at fal.ai".
    pub buys: String,
    /// Whether it buys differently from the plan it is compared with (other packages, or
    /// the same at another cost): the verdict then depends on the menu.
    pub differs: bool,
}

impl PlanResult {
    /// The plan of one pool, if it is in the result.
    pub fn pool(&self, pool: Pool) -> Option<&PoolPlan> {
        self.pools.iter().find(|p| p.pool == pool)
    }
}
