//! The best-purchase planner: what to buy, and when, to serve a job mix for a horizon of months.
//!
//! Semantics (see `ARCHITECTURE.md` for the method and why it is exact):
//! - The horizon is 1 to 36 periods of 30 days. Each period's demand is the mix's units per month,
//!   growing by a monthly percentage: month 1 is the monthly units, month m is month m−1 grown by
//!   the percentage; each is rounded up to the pool's unit step (the gcd of its services' units).
//! - Packages are bought at the start of a period. A package of D days serves ceil(D/30) periods
//!   from the one it is bought in; a balance with N days left serves ceil(N/30) periods from the
//!   first. Units are drawn earliest-expiring first; what is left at expiry is forfeited, and what
//!   is left at the end of the horizon is counted as forfeited too (`left_at_end` says how much of
//!   it is still valid after the horizon).
//! - Each trial can be bought once over the horizon (none when the trials are already used).
//! - The plan is the cheapest that serves every period; ties go to fewer units forfeited, then
//!   fewer packages.
//! - With a peak given, the tasks in flight are jobs per hour × minutes per job ÷ 60, rounded up.
//!   When some package allows that many concurrent tasks, every period with demand must hold one
//!   (a package is held until it expires); otherwise the verdict says no package carries it.
//!
//! Everything shown is a `Decimal`; the search itself runs on integers (units in steps of the
//! pool's quantum, dollars in millionths), so it is exact. Nothing here panics or runs unbounded.

mod levels;
mod solve;

use super::catalog::{Catalog, Pool};
use super::error::Problem;
use super::format::{group, usd};
use super::sort;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use solve::{Cost, Instance, Kind, Outcome, Solution};
use std::fmt;

/// The longest horizon, in months.
pub const MAX_HORIZON_MONTHS: u32 = 36;
/// Most units a pool may need in one month (after growth).
pub const MAX_MONTHLY_UNITS: u64 = 10_000_000_000;
/// Most units of one package, balance or quote.
pub const MAX_PACK_UNITS: u64 = 10_000_000_000;
/// Highest price of one package, in dollars.
pub const MAX_PRICE: u64 = 100_000_000;
/// Longest validity of a package, and most days left on a balance.
pub const MAX_VALIDITY_DAYS: u32 = 3650;
/// Most packs, quotes and balances each, per pool.
pub const MAX_ENTRIES_PER_POOL: usize = 4;
/// Most packages of one kind a plan may need over the horizon.
pub const MAX_PURCHASES: u64 = 10_000_000_000;
/// Days in one planning period.
pub const PERIOD_DAYS: u32 = 30;

const ASSUMPTIONS: &[&str] = &[
    "Months are 30-day periods. A package of D days serves ceil(D/30) months from the month it is bought in; a balance with N days left serves ceil(N/30) months from month 1.",
    "Units are drawn from the earliest-expiring package first (Kling does not document the order; this one forfeits the least).",
    "Units not used within the horizon are counted as forfeited, even those still valid after it.",
    "Month m's demand is month m-1's grown by the growth percentage, rounded up to the pool's unit step.",
    "For concurrency, a package counts as held until it expires, even once its units are used up.",
];

/// What to plan with, besides the job mix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanOptions {
    /// Months to plan for, 1 to 36.
    pub horizon_months: u32,
    /// Monthly growth of demand in percent, from -100 to 1000 (up to 4 decimal places).
    pub growth_percent: Decimal,
    /// The trial packages were already bought on this account.
    pub trials_used: bool,
    /// Units already held.
    pub balances: Vec<Balance>,
    /// Packages the user can buy that the catalog does not list (image and try-on packs).
    pub packs: Vec<UserPack>,
    /// Custom-package quotes from Kling's sales team.
    pub quotes: Vec<UserPack>,
    /// The busiest hour, for the concurrency check.
    pub peak: Option<Peak>,
}

impl Default for PlanOptions {
    fn default() -> PlanOptions {
        PlanOptions {
            horizon_months: 3,
            growth_percent: Decimal::ZERO,
            trials_used: false,
            balances: Vec::new(),
            packs: Vec::new(),
            quotes: Vec::new(),
            peak: None,
        }
    }
}

/// Units already held in a pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    #[serde(deserialize_with = "pool_from_id")]
    pub pool: Pool,
    pub units: Decimal,
    /// Days until they expire; 0 means they are gone.
    pub days_left: u32,
    /// Concurrency of the package they came from (5 for Packages 1–3, 3 for a trial), if known.
    #[serde(default)]
    pub concurrency: Option<u32>,
}

/// A package the user enters: an image or try-on pack, or a custom quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserPack {
    #[serde(deserialize_with = "pool_from_id")]
    pub pool: Pool,
    /// Shown in the plan; a default name is used when empty.
    #[serde(default)]
    pub name: String,
    /// Dollars, up to 6 decimal places.
    pub price: Decimal,
    pub units: Decimal,
    pub validity_days: u32,
    #[serde(default)]
    pub concurrency: Option<u32>,
}

/// The busiest hour of the workload in one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Peak {
    /// The pool whose concurrency limit applies (the video pool when left out).
    #[serde(default = "video_pool", deserialize_with = "pool_from_id")]
    pub pool: Pool,
    pub jobs_per_hour: Decimal,
    pub minutes_per_job: Decimal,
}

impl Peak {
    /// A peak in the video pool.
    pub fn video(jobs_per_hour: Decimal, minutes_per_job: Decimal) -> Peak {
        Peak {
            pool: Pool::Video,
            jobs_per_hour,
            minutes_per_job,
        }
    }
}

fn video_pool() -> Pool {
    Pool::Video
}

fn pool_from_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Pool, D::Error> {
    let s = String::deserialize(d)?;
    Pool::from_id(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown pool \"{s}\"")))
}

/// Where a package on the plan comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PackSource {
    Catalog,
    Pack,
    Quote,
}

/// Packages of one kind bought at the start of one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub price: Decimal,
    /// Units of one package.
    pub units: Decimal,
    pub validity_days: u32,
    /// `count × price`.
    pub cost: Decimal,
}

/// One month of a plan: the pool's stock from start to end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodRow {
    /// 1-based.
    pub month: u32,
    pub demand: Decimal,
    /// Units held at the start of the month, before buying.
    pub start_balance: Decimal,
    pub bought: Decimal,
    pub used: Decimal,
    /// Units that expire unused at the end of the month.
    pub forfeited: Decimal,
    pub end_balance: Decimal,
    /// Highest concurrency of the packages held this month (`None` when nothing known is held).
    pub concurrency: Option<u32>,
    /// Whether that carries the peak (`None` without a peak or without demand this month).
    pub carries_peak: Option<bool>,
}

/// A plan that loses to the best one, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    /// E.g. "Package 2 alone", "Trials only", "Without trials".
    pub label: String,
    pub feasible: bool,
    pub total_cost: Option<Decimal>,
    pub forfeited_units: Option<Decimal>,
    pub purchase_count: Option<u64>,
    /// Dollars more than the best plan.
    pub extra_cost: Option<Decimal>,
    pub purchases: Vec<Purchase>,
    /// E.g. "Package 2 alone: $5,670.00, forfeits 5,000 units: $1,050.00 more than the best plan."
    pub reason: String,
}

/// When demand calls for a custom package.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomAdvice {
    /// The busiest window of three consecutive months (the whole horizon when shorter), 1-based.
    pub first_month: u32,
    pub last_month: u32,
    pub window_units: Decimal,
    /// Units of the largest package on sale in the pool (quotes aside).
    pub largest_package_units: Decimal,
    /// A quote must cost less than this per unit to beat the plan (its cost per used unit,
    /// rounded down to 6 decimal places); `None` when there is no plan.
    pub quote_must_beat: Option<Decimal>,
    pub message: String,
}

/// Whether the plan's concurrency carries the peak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConcurrencyVerdict {
    /// Tasks in flight at peak: jobs per hour × minutes per job ÷ 60 (2 decimal places).
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
pub struct PoolPlan {
    pub pool: Pool,
    pub pool_name: &'static str,
    pub outcome: PoolOutcome,
    /// One sentence for people.
    pub message: String,
    /// The pool's list price per unit.
    pub list_price: Decimal,
    /// Demand is rounded up to multiples of this.
    pub unit_step: Decimal,
    pub demand: Vec<Decimal>,
    pub purchases: Vec<Purchase>,
    pub total_cost: Decimal,
    pub units_bought: Decimal,
    /// Units drawn over the horizon (all the demand when planned).
    pub units_used: Decimal,
    /// Of those, units drawn from packages bought (the rest came from the balance).
    pub units_used_from_purchases: Decimal,
    /// Units not used within the horizon, including `left_at_end`.
    pub forfeited_units: Decimal,
    /// `forfeited_units` at the list price.
    pub forfeited_value: Decimal,
    /// Units left at the end of the horizon that are still valid after it.
    pub left_at_end: Decimal,
    /// Dollars per unit drawn from purchases (6 decimal places), next to `list_price`.
    pub effective_unit_price: Option<Decimal>,
    pub periods: Vec<PeriodRow>,
    pub alternatives: Vec<Alternative>,
    pub custom: Option<CustomAdvice>,
    pub concurrency: Option<ConcurrencyVerdict>,
    /// The plan is proven cheapest. When `false`, `cost_gap` bounds how far it may be from it.
    pub optimal: bool,
    /// Most dollars the plan may cost above the cheapest (only when not proven optimal).
    pub cost_gap: Option<Decimal>,
    /// The month no plan can serve (1-based), when infeasible.
    pub unserved_month: Option<u32>,
}

/// The plan for every pool with demand or a balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanResult {
    pub edition: &'static str,
    pub horizon_months: u32,
    pub growth_percent: Decimal,
    pub trials_used: bool,
    pub pools: Vec<PoolPlan>,
    /// Dollars of all pools' plans.
    pub total_cost: Decimal,
    /// Every pool's plan is proven cheapest.
    pub optimal: bool,
    pub assumptions: &'static [&'static str],
}

impl PlanResult {
    /// The plan of one pool, if it is in the result.
    pub fn pool(&self, pool: Pool) -> Option<&PoolPlan> {
        self.pools.iter().find(|p| p.pool == pool)
    }
}

/// The input a planning error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PlanField {
    HorizonMonths,
    GrowthPercent,
    MonthlyUnits,
    Balances,
    BalanceUnits,
    BalanceDaysLeft,
    BalanceConcurrency,
    Packs,
    Quotes,
    PackPrice,
    PackUnits,
    PackValidityDays,
    PackConcurrency,
    PeakJobsPerHour,
    PeakMinutesPerJob,
}

impl PlanField {
    /// The field's name as written in the JS API.
    pub fn name(self) -> &'static str {
        match self {
            PlanField::HorizonMonths => "horizonMonths",
            PlanField::GrowthPercent => "growthPercent",
            PlanField::MonthlyUnits => "monthlyUnits",
            PlanField::Balances => "balances",
            PlanField::BalanceUnits => "units",
            PlanField::BalanceDaysLeft => "daysLeft",
            PlanField::BalanceConcurrency => "concurrency",
            PlanField::Packs => "packs",
            PlanField::Quotes => "quotes",
            PlanField::PackPrice => "price",
            PlanField::PackUnits => "units",
            PlanField::PackValidityDays => "validityDays",
            PlanField::PackConcurrency => "concurrency",
            PlanField::PeakJobsPerHour => "jobsPerHour",
            PlanField::PeakMinutesPerJob => "minutesPerJob",
        }
    }
}

/// The list of [`PlanOptions`] a value with an error is in: `balances`, `packs`, `quotes` or `peak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OptionList {
    Balance,
    Pack,
    Quote,
    Peak,
}

/// A planning input that is out of bounds: the field, the value and the rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanError {
    pub field: PlanField,
    /// The list the value is in (with `index`), for a balance, pack, quote or the peak.
    pub entry: Option<OptionList>,
    /// 0-based index in that list.
    pub index: Option<usize>,
    pub pool: Option<Pool>,
    /// For demand: the 1-based month whose demand is out of range.
    pub month: Option<u32>,
    pub value: String,
    pub problem: Problem,
    /// The whole message, for people.
    pub message: String,
}

impl PlanError {
    fn new(field: PlanField, value: impl ToString, problem: Problem) -> PlanError {
        let mut e = PlanError {
            field,
            entry: None,
            index: None,
            pool: None,
            month: None,
            value: value.to_string(),
            problem,
            message: String::new(),
        };
        e.message = e.to_string();
        e
    }

    fn at(mut self, list: OptionList, index: usize) -> PlanError {
        self.entry = Some(list);
        self.index = Some(index);
        self.message = self.to_string();
        self
    }

    fn in_pool(mut self, pool: Pool, month: Option<u32>) -> PlanError {
        self.pool = Some(pool);
        self.month = month;
        self.message = self.to_string();
        self
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.entry, self.index) {
            (Some(OptionList::Balance), Some(i)) => write!(f, "balance {}: ", i + 1)?,
            (Some(OptionList::Pack), Some(i)) => write!(f, "pack {}: ", i + 1)?,
            (Some(OptionList::Quote), Some(i)) => write!(f, "quote {}: ", i + 1)?,
            (Some(OptionList::Peak), _) => write!(f, "peak: ")?,
            _ => {}
        }
        if let Some(p) = self.pool {
            match self.month {
                Some(m) => write!(f, "{} demand in month {m}: ", p.id())?,
                None if self.entry.is_none() => write!(f, "{}: ", p.id())?,
                None => {}
            }
        }
        self.problem.write(f, self.field.name(), &self.value, group)
    }
}

impl std::error::Error for PlanError {}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

fn places(d: Decimal) -> u32 {
    d.normalize().scale()
}

/// Checks a decimal is from `min` to `max` with at most `dp` places.
fn check_decimal(field: PlanField, d: Decimal, min: Decimal, max: Decimal, dp: u32) -> Result<(), PlanError> {
    if d.is_sign_negative() && !d.is_zero() && min >= Decimal::ZERO {
        return Err(PlanError::new(field, d.normalize(), Problem::Negative));
    }
    if d < min || d > max {
        return Err(PlanError::new(field, d.normalize(), Problem::OutOfRange { min, max }));
    }
    if places(d) > dp {
        return Err(PlanError::new(field, d.normalize(), Problem::TooPrecise { places: dp }));
    }
    Ok(())
}

fn check_whole(field: PlanField, n: u32, min: u32, max: u32) -> Result<(), PlanError> {
    if n < min || n > max {
        return Err(PlanError::new(
            field,
            n,
            Problem::OutOfRange {
                min: Decimal::from(min),
                max: Decimal::from(max),
            },
        ));
    }
    Ok(())
}

fn validate(opts: &PlanOptions) -> Result<(), PlanError> {
    check_whole(PlanField::HorizonMonths, opts.horizon_months, 1, MAX_HORIZON_MONTHS)?;
    check_decimal(
        PlanField::GrowthPercent,
        opts.growth_percent,
        Decimal::from(-100),
        Decimal::from(1000),
        4,
    )?;
    let max_units = Decimal::from(MAX_PACK_UNITS);
    for pool in Pool::ALL {
        for (field, list) in [
            (
                PlanField::Balances,
                opts.balances.iter().filter(|b| b.pool == pool).count(),
            ),
            (PlanField::Packs, opts.packs.iter().filter(|b| b.pool == pool).count()),
            (PlanField::Quotes, opts.quotes.iter().filter(|b| b.pool == pool).count()),
        ] {
            if list > MAX_ENTRIES_PER_POOL {
                return Err(PlanError::new(
                    field,
                    list,
                    Problem::TooMany {
                        max: MAX_ENTRIES_PER_POOL as u64,
                    },
                )
                .in_pool(pool, None));
            }
        }
    }
    for (i, b) in opts.balances.iter().enumerate() {
        check_balance(b, max_units).map_err(|e| e.at(OptionList::Balance, i))?;
    }
    for (entry, list) in [(OptionList::Pack, &opts.packs), (OptionList::Quote, &opts.quotes)] {
        for (i, p) in list.iter().enumerate() {
            check_pack(p, max_units).map_err(|e| e.at(entry, i))?;
        }
    }
    if let Some(peak) = &opts.peak {
        check_peak(peak).map_err(|e| e.at(OptionList::Peak, 0))?;
    }
    Ok(())
}

fn check_balance(b: &Balance, max_units: Decimal) -> Result<(), PlanError> {
    check_decimal(PlanField::BalanceUnits, b.units, Decimal::ZERO, max_units, 4)?;
    check_whole(PlanField::BalanceDaysLeft, b.days_left, 0, MAX_VALIDITY_DAYS)?;
    if let Some(c) = b.concurrency {
        check_whole(PlanField::BalanceConcurrency, c, 0, 10_000)?;
    }
    Ok(())
}

fn check_pack(p: &UserPack, max_units: Decimal) -> Result<(), PlanError> {
    check_decimal(
        PlanField::PackPrice,
        p.price,
        Decimal::ZERO,
        Decimal::from(MAX_PRICE),
        6,
    )?;
    check_decimal(PlanField::PackUnits, p.units, Decimal::ZERO, max_units, 4)?;
    if p.units.is_zero() {
        return Err(PlanError::new(
            PlanField::PackUnits,
            p.units.normalize(),
            Problem::OutOfRange {
                min: Decimal::new(1, 4),
                max: max_units,
            },
        ));
    }
    check_whole(PlanField::PackValidityDays, p.validity_days, 1, MAX_VALIDITY_DAYS)?;
    if let Some(c) = p.concurrency {
        check_whole(PlanField::PackConcurrency, c, 0, 10_000)?;
    }
    Ok(())
}

fn check_peak(peak: &Peak) -> Result<(), PlanError> {
    check_decimal(
        PlanField::PeakJobsPerHour,
        peak.jobs_per_hour,
        Decimal::ZERO,
        Decimal::from(1_000_000),
        4,
    )?;
    check_decimal(
        PlanField::PeakMinutesPerJob,
        peak.minutes_per_job,
        Decimal::ZERO,
        Decimal::from(1440),
        4,
    )
}

// ---------------------------------------------------------------------------------------------
// Exact integer views of decimals
// ---------------------------------------------------------------------------------------------

/// `d × 10^scale` as an integer, when `d ≥ 0` has at most `scale` places and it fits.
fn scaled(d: Decimal, scale: u32) -> Option<u128> {
    if d.is_sign_negative() && !d.is_zero() {
        return None;
    }
    let d = d.normalize();
    let s = d.scale();
    if s > scale {
        return None;
    }
    let m = u128::try_from(d.mantissa()).ok()?;
    m.checked_mul(10u128.checked_pow(scale - s)?)
}

fn gcd128(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

/// Integer `n / 10^scale` as a decimal (`scale` ≤ 28 and `n` below 2^96 here).
fn unscaled(n: u128, scale: u32) -> Decimal {
    match i128::try_from(n) {
        Ok(v) => Decimal::try_from_i128_with_scale(v, scale).unwrap_or(Decimal::MAX),
        Err(_) => Decimal::MAX,
    }
}

/// The step of a pool's units: the gcd of its services' row units (1 when it has none).
pub fn unit_step(catalog: &Catalog, pool: Pool) -> Decimal {
    let units: Vec<Decimal> = catalog
        .services
        .iter()
        .filter(|s| s.pool == pool)
        .flat_map(|s| s.rows.iter().map(|r| r.units))
        .filter(|u| *u > Decimal::ZERO)
        .collect();
    let scale = units.iter().map(|u| u.normalize().scale()).max().unwrap_or(0).min(12);
    let g = units.iter().filter_map(|u| scaled(*u, scale)).fold(0u128, gcd128);
    if g == 0 {
        Decimal::ONE
    } else {
        unscaled(g, scale).normalize()
    }
}

/// `d` rounded up to a multiple of `step` (both positive), exactly.
fn round_up(d: Decimal, step: Decimal) -> Option<Decimal> {
    if d <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    let scale = d.normalize().scale().max(step.normalize().scale());
    let (a, b) = (scaled(d, scale)?, scaled(step, scale)?);
    if b == 0 {
        return None;
    }
    let n = a.div_ceil(b);
    Some((Decimal::from_i128_with_scale(i128::try_from(n).ok()?, 0) * step).normalize())
}

/// Dollars as millionths.
fn micros(d: Decimal) -> Option<u128> {
    scaled(d, 6)
}

// ---------------------------------------------------------------------------------------------
// Per-pool problem
// ---------------------------------------------------------------------------------------------

/// A package the planner may buy, as shown.
#[derive(Clone, Debug)]
struct KindInfo {
    id: String,
    name: String,
    source: PackSource,
    trial: bool,
    price: Decimal,
    units: Decimal,
    validity_days: u32,
    conc: Option<u32>,
    /// The options list and index it was entered at (packs and quotes).
    entered: Option<(OptionList, usize)>,
}

/// Everything about one pool's plan before solving.
struct Setup {
    pool: Pool,
    pool_name: &'static str,
    list_price: Decimal,
    step: Decimal,
    demand: Vec<Decimal>,
    infos: Vec<KindInfo>,
    /// Balances as (last period index, units, concurrency), not capped by the horizon.
    balances: Vec<(usize, Decimal, Option<u32>)>,
    inst: Instance,
    peak: Option<(Decimal, u32)>,
    best_available: Option<u32>,
}

fn periods_of(days: u32) -> usize {
    days.div_ceil(PERIOD_DAYS) as usize
}

/// The error for a month's demand (`month` is 0-based) above [`MAX_MONTHLY_UNITS`].
#[inline(never)]
fn too_big(pool: Pool, v: Decimal, month: usize) -> PlanError {
    PlanError::new(
        PlanField::MonthlyUnits,
        v.normalize(),
        Problem::OutOfRange {
            min: Decimal::ZERO,
            max: Decimal::from(MAX_MONTHLY_UNITS),
        },
    )
    .in_pool(pool, Some(month as u32 + 1))
}

fn setup_pool(catalog: &Catalog, pool: Pool, base: Decimal, opts: &PlanOptions) -> Result<Setup, PlanError> {
    let info = catalog.pool(pool);
    let h = opts.horizon_months as usize;
    let step = unit_step(catalog, pool);
    let max_month = Decimal::from(MAX_MONTHLY_UNITS);
    let too_big = |v: Decimal, month: usize| too_big(pool, v, month);
    if base.is_sign_negative() && !base.is_zero() {
        return Err(PlanError::new(PlanField::MonthlyUnits, base.normalize(), Problem::Negative).in_pool(pool, None));
    }
    let factor = (Decimal::ONE_HUNDRED + opts.growth_percent) / Decimal::ONE_HUNDRED;
    let mut demand: Vec<Decimal> = Vec::with_capacity(h);
    let mut d = base;
    for m in 0..h {
        // Month m's demand before rounding: the base, then the month before grown.
        let raw = if m == 0 {
            base
        } else {
            d.checked_mul(factor).ok_or_else(|| too_big(d, m))?
        };
        if raw > max_month {
            return Err(too_big(raw, m));
        }
        d = round_up(raw, step).ok_or_else(|| too_big(raw, m))?;
        if d > max_month {
            return Err(too_big(d, m));
        }
        demand.push(d);
    }

    let mut infos: Vec<KindInfo> = Vec::new();
    for p in catalog.packages.iter().filter(|p| p.pool == pool && !p.custom) {
        let (Some(price), Some(units), Some(days)) = (p.price, p.units, p.validity_days) else {
            continue;
        };
        if units == 0 || days == 0 || (p.trial && opts.trials_used) {
            continue;
        }
        infos.push(KindInfo {
            id: p.id.to_string(),
            name: p.name.to_string(),
            source: PackSource::Catalog,
            trial: p.trial,
            price,
            units: Decimal::from(units),
            validity_days: days,
            conc: p.concurrency,
            entered: None,
        });
    }
    for (source, entry, list, prefix, default_name) in [
        (PackSource::Pack, OptionList::Pack, &opts.packs, "pack", "Your pack"),
        (
            PackSource::Quote,
            OptionList::Quote,
            &opts.quotes,
            "quote",
            "Custom quote",
        ),
    ] {
        for (i, p) in list.iter().enumerate().filter(|(_, p)| p.pool == pool) {
            let name = p.name.trim();
            infos.push(KindInfo {
                id: format!("{prefix}-{}", i + 1),
                name: if name.is_empty() {
                    format!("{default_name} {}", i + 1)
                } else {
                    name.chars().take(80).collect()
                },
                source,
                trial: false,
                price: p.price,
                units: p.units,
                validity_days: p.validity_days,
                conc: p.concurrency,
                entered: Some((entry, i)),
            });
        }
    }
    let balances: Vec<(usize, Decimal, Option<u32>)> = opts
        .balances
        .iter()
        .filter(|b| b.pool == pool && b.days_left > 0 && b.units > Decimal::ZERO)
        .map(|b| (periods_of(b.days_left) - 1, b.units, b.concurrency))
        .collect();

    // The quantum: the gcd of the unit step and every package and balance size.
    let all: Vec<Decimal> = std::iter::once(step)
        .chain(infos.iter().map(|k| k.units))
        .chain(balances.iter().map(|b| b.1))
        .collect();
    let scale = all.iter().map(|u| u.normalize().scale()).max().unwrap_or(0);
    let ints: Vec<u128> = all.iter().map(|u| scaled(*u, scale).unwrap_or(1)).collect();
    let q = ints.iter().copied().fold(0u128, gcd128).max(1);
    let quantum = unscaled(q, scale).normalize();
    let to_raw = |d: Decimal| -> Option<u64> { u64::try_from(scaled(d, scale)? / q).ok() };

    let demand_raw: Vec<u64> = demand
        .iter()
        .enumerate()
        .map(|(m, d)| to_raw(*d).ok_or_else(|| too_big(*d, m)))
        .collect::<Result<_, _>>()?;
    let total_raw: u128 = demand_raw.iter().map(|&d| u128::from(d)).sum();
    let mut kinds = Vec::with_capacity(infos.len());
    for k in &infos {
        let units = to_raw(k.units).unwrap_or(u64::MAX).max(1);
        if let Some((entry, i)) = k.entered {
            if total_raw / u128::from(units) > u128::from(MAX_PURCHASES) {
                return Err(PlanError::new(
                    PlanField::PackUnits,
                    k.units.normalize(),
                    Problem::OutOfRange {
                        min: (Decimal::from(total_raw) * quantum / Decimal::from(MAX_PURCHASES)).ceil(),
                        max: Decimal::from(MAX_PACK_UNITS),
                    },
                )
                .at(entry, i));
            }
        }
        kinds.push(Kind {
            price: micros(k.price).unwrap_or(u128::MAX / 4),
            units,
            periods: periods_of(k.validity_days).clamp(1, h),
            conc: k.conc.unwrap_or(0),
            trial: k.trial,
        });
    }

    let mut peak = None;
    let best_available = infos
        .iter()
        .filter_map(|k| k.conc)
        .chain(balances.iter().filter_map(|b| b.2))
        .max();
    let mut need_conc = 0;
    if let Some(p) = opts.peak.as_ref().filter(|p| p.pool == pool) {
        let load = p.jobs_per_hour * p.minutes_per_job;
        let exact = load / Decimal::from(60);
        // The least n with 60·n ≥ load, exactly: both factors have at most 4 places (validated).
        let load_e8 = scaled(p.jobs_per_hour, 4)
            .unwrap_or(0)
            .saturating_mul(scaled(p.minutes_per_job, 4).unwrap_or(0));
        let needed = u32::try_from(load_e8.div_ceil(60 * 100_000_000)).unwrap_or(u32::MAX);
        if needed > 0 && best_available.is_some_and(|b| b >= needed) {
            need_conc = needed;
        }
        peak = Some((
            exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
            needed,
        ));
    }
    let inst = Instance {
        demand: demand_raw,
        kinds,
        balances: balances
            .iter()
            .map(|(last, u, c)| {
                (
                    (*last).min(h.saturating_sub(1)),
                    to_raw(*u).unwrap_or(0),
                    c.unwrap_or(0),
                )
            })
            .collect(),
        need_conc,
    };
    Ok(Setup {
        pool,
        pool_name: info.name,
        list_price: info.unit_price,
        step,
        demand,
        infos,
        balances,
        inst,
        peak,
        best_available,
    })
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

/// A plan replayed month by month.
struct Replay {
    purchases: Vec<Purchase>,
    rows: Vec<PeriodRow>,
    cost: Decimal,
    bought: Decimal,
    used: Decimal,
    used_from_purchases: Decimal,
    forfeited: Decimal,
    left_at_end: Decimal,
    count: u64,
    /// Every month's demand was drawn (the search guarantees it; checked here again).
    served: bool,
}

fn purchases_of(setup: &Setup, sol: &Solution) -> Vec<Purchase> {
    sol.buys
        .iter()
        .map(|&(t, k, n)| {
            let info = &setup.infos[k];
            Purchase {
                month: t as u32 + 1,
                package_id: info.id.clone(),
                name: info.name.clone(),
                source: info.source,
                trial: info.trial,
                count: n,
                price: info.price,
                units: info.units,
                validity_days: info.validity_days,
                cost: (info.price * Decimal::from(n)).normalize(),
            }
        })
        .collect()
}

/// Replays purchases with earliest-expiring-first drawing, in decimals.
fn replay(setup: &Setup, purchases: Vec<Purchase>) -> Replay {
    #[derive(Clone, Copy)]
    struct Lot {
        from: usize,
        last: usize,
        units: Decimal,
        conc: Option<u32>,
        balance: bool,
    }
    let h = setup.demand.len();
    let mut lots: Vec<Lot> = setup
        .balances
        .iter()
        .map(|&(last, units, conc)| Lot {
            from: 0,
            last,
            units,
            conc,
            balance: true,
        })
        .collect();
    for p in &purchases {
        let from = p.month as usize - 1;
        let conc = setup.infos.iter().find(|k| k.id == p.package_id).and_then(|k| k.conc);
        lots.push(Lot {
            from,
            last: from + periods_of(p.validity_days).max(1) - 1,
            units: p.units * Decimal::from(p.count),
            conc,
            balance: false,
        });
    }
    // Earliest expiry first; the balance before purchases expiring the same month.
    let key = |l: &Lot| (l.last, !l.balance, l.from);
    let order = sort::order(lots.len(), &|a, b| key(&lots[a]).cmp(&key(&lots[b])));
    let mut lots: Vec<Lot> = order.iter().map(|&i| lots[i]).collect();
    let needed = setup.peak.map(|p| p.1).filter(|&n| n > 0);
    let mut rows = Vec::with_capacity(h);
    let mut served = true;
    let mut used_from_purchases = Decimal::ZERO;
    // Over the horizon: bought, used and forfeited.
    let (mut bought_all, mut used_all, mut forfeited_all) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (t, &demand) in setup.demand.iter().enumerate() {
        // The lots held this month: those from before it (and the balance) make the start, those
        // bought in it what is bought.
        let (mut start, mut bought, mut concurrency) = (Decimal::ZERO, Decimal::ZERO, None);
        let mut need = demand;
        let mut forfeited = Decimal::ZERO;
        for l in lots.iter_mut().filter(|l| l.from <= t && l.last >= t) {
            if l.from < t || l.balance {
                start += l.units;
            } else {
                bought += l.units;
            }
            concurrency = concurrency.max(l.conc);
            // Drawn earliest-expiring first; what expires now is forfeited.
            let take = l.units.min(need);
            l.units -= take;
            need -= take;
            if !l.balance {
                used_from_purchases += take;
            }
            if l.last == t {
                forfeited += l.units;
            }
        }
        if need > Decimal::ZERO {
            served = false;
        }
        let used = demand - need;
        bought_all += bought;
        used_all += used;
        forfeited_all += forfeited;
        let end = start + bought - used - forfeited;
        rows.push(PeriodRow {
            month: t as u32 + 1,
            demand: demand.normalize(),
            start_balance: start.normalize(),
            bought: bought.normalize(),
            used: used.normalize(),
            forfeited: forfeited.normalize(),
            end_balance: end.normalize(),
            concurrency,
            carries_peak: match needed {
                Some(n) if demand > Decimal::ZERO => Some(concurrency.is_some_and(|c| c >= n)),
                _ => None,
            },
        });
    }
    let left_at_end: Decimal = lots.iter().filter(|l| l.last >= h).map(|l| l.units).sum();
    Replay {
        cost: purchases.iter().map(|p| p.cost).sum::<Decimal>().normalize(),
        bought: bought_all.normalize(),
        used: used_all.normalize(),
        used_from_purchases: used_from_purchases.normalize(),
        forfeited: (forfeited_all + left_at_end).normalize(),
        left_at_end: left_at_end.normalize(),
        count: purchases.iter().map(|p| p.count).sum(),
        rows,
        purchases,
        served,
    }
}

fn money(micros: u128) -> Decimal {
    unscaled(micros, 6).normalize()
}

fn units_text(d: Decimal) -> String {
    group(d)
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", group(Decimal::from(n)))
    }
}

fn schedule_text(purchases: &[Purchase]) -> String {
    let parts: Vec<String> = purchases
        .iter()
        .map(|p| {
            if p.count == 1 {
                format!("{} in month {}", p.name, p.month)
            } else {
                format!("{} ×{} in month {}", p.name, group(Decimal::from(p.count)), p.month)
            }
        })
        .collect();
    match parts.len() {
        0 => "nothing".to_string(),
        1..=6 => parts.join(", "),
        n => format!("{}, and {} more purchases", parts[..5].join(", "), n - 5),
    }
}

fn forfeit_text(r: &Replay) -> String {
    if r.forfeited.is_zero() {
        "nothing forfeited".to_string()
    } else {
        format!("forfeits {} units", units_text(r.forfeited))
    }
}

fn verdict(setup: &Setup, rows: &[PeriodRow]) -> Option<ConcurrencyVerdict> {
    let (in_flight, needed) = setup.peak?;
    let enforced = setup.inst.need_conc > 0;
    let carried = rows.iter().all(|r| r.carries_peak != Some(false));
    let best = setup.best_available;
    let message = if needed == 0 {
        "No tasks in flight at the peak: concurrency is not a constraint.".to_string()
    } else if best.is_none_or(|b| b < needed) {
        let most = best.map_or("no package says how many".to_string(), |b| {
            format!("the most any offers is {b}")
        });
        format!(
            "The peak needs {needed} concurrent tasks ({in_flight} in flight); no package carries that \
             ({most}), so expect tasks to queue at peak."
        )
    } else if carried {
        format!(
            "The peak needs {needed} concurrent tasks ({in_flight} in flight); the plan holds a package \
             allowing at least {needed} in every month with demand."
        )
    } else {
        format!("The peak needs {needed} concurrent tasks ({in_flight} in flight); some months do not carry it.")
    };
    Some(ConcurrencyVerdict {
        in_flight,
        needed,
        best_available: best,
        enforced,
        carried,
        message,
    })
}

fn custom_advice(setup: &Setup, plan_price: Option<Decimal>) -> Option<CustomAdvice> {
    let largest = setup
        .infos
        .iter()
        .filter(|k| k.source != PackSource::Quote)
        .map(|k| k.units)
        .max()?;
    let h = setup.demand.len();
    let w = h.min(3);
    let mut best: Option<(usize, Decimal)> = None;
    for start in 0..=(h - w) {
        let sum: Decimal = setup.demand[start..start + w].iter().sum();
        if best.is_none_or(|(_, s)| sum > s) {
            best = Some((start, sum));
        }
    }
    let (start, sum) = best?;
    if sum <= largest {
        return None;
    }
    let (first, last) = (start as u32 + 1, (start + w) as u32);
    let months = if first == last {
        format!("Month {first}")
    } else {
        format!("Months {first}–{last}")
    };
    let beat = plan_price.map(|p| p.round_dp_with_strategy(6, RoundingStrategy::ToZero).normalize());
    let tail = match beat {
        Some(b) => format!(
            " A quote must cost less than {} per unit to beat this plan.",
            usd_unit(b)
        ),
        None => String::new(),
    };
    Some(CustomAdvice {
        first_month: first,
        last_month: last,
        window_units: sum.normalize(),
        largest_package_units: largest.normalize(),
        quote_must_beat: beat,
        message: format!(
            "{months} need {} units, more than the largest package ({} units): ask Kling's sales team for a \
             custom package and enter the quote.{tail}",
            units_text(sum),
            units_text(largest)
        ),
    })
}

/// A price per unit, with as many places as it has (up to 6).
fn usd_unit(d: Decimal) -> String {
    let d = d.normalize();
    if d.scale() <= 2 {
        usd(d)
    } else {
        format!("${}", group(d))
    }
}

fn effective(r: &Replay) -> Option<Decimal> {
    if r.used_from_purchases.is_zero() {
        return None;
    }
    Some(
        (r.cost / r.used_from_purchases)
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

/// One alternative plan's search: its label, and its outcome; for an infeasible one, whether it
/// fails only because of the peak.
struct AltRun {
    label: String,
    outcome: Outcome,
    peak_only: bool,
}

/// Plans the alternatives to `best`: each package kind alone, trials only, without trials,
/// without the quotes. They share one work budget.
fn alternative_runs(setup: &Setup, best: &Solution) -> Vec<AltRun> {
    let n = setup.infos.len();
    let mut cands: Vec<(String, Vec<bool>)> = Vec::new();
    for (k, info) in setup.infos.iter().enumerate() {
        if !info.trial {
            let mut allowed = vec![false; n];
            allowed[k] = true;
            cands.push((format!("{} alone", info.name), allowed));
        }
    }
    let trials: Vec<bool> = setup.infos.iter().map(|k| k.trial).collect();
    if trials.iter().any(|&t| t) {
        cands.push(("Trials only".to_string(), trials.clone()));
        let uses_trials = best.buys.iter().any(|&(_, k, _)| setup.infos[k].trial);
        let others: Vec<bool> = trials.iter().map(|t| !t).collect();
        if uses_trials && others.iter().any(|&o| o) {
            cands.push(("Without trials".to_string(), others));
        }
    }
    let quotes: Vec<bool> = setup.infos.iter().map(|k| k.source == PackSource::Quote).collect();
    if best.buys.iter().any(|&(_, k, _)| quotes[k]) && quotes.iter().any(|q| !q) {
        let label = if quotes.iter().filter(|&&q| q).count() > 1 {
            "Without quotes"
        } else {
            "Without the quote"
        };
        cands.push((label.to_string(), quotes.iter().map(|q| !q).collect()));
    }
    let mut budget = solve::EXACT_BUDGET / 2;
    let mut run = |inst: &Instance, allowed: &[bool]| {
        let (outcome, spent) = solve::solve(inst, allowed, budget);
        budget = budget.saturating_sub(spent);
        outcome
    };
    cands
        .into_iter()
        .map(|(label, allowed)| {
            let outcome = run(&setup.inst, &allowed);
            let peak_only = matches!(outcome, Outcome::Infeasible { .. }) && setup.inst.need_conc > 0 && {
                let mut relaxed = setup.inst.clone();
                relaxed.need_conc = 0;
                matches!(run(&relaxed, &allowed), Outcome::Optimal(_) | Outcome::Bounded { .. })
            };
            AltRun {
                label,
                outcome,
                peak_only,
            }
        })
        .collect()
}

/// The alternatives to a pool's best plan, each with why it loses, next best first.
fn alternatives(setup: &Setup, runs: Vec<AltRun>, best: &Solution, best_replay: &Replay) -> Vec<Alternative> {
    let mut seen: Vec<Vec<(usize, usize, u64)>> = vec![best.buys.clone()];
    let mut out: Vec<(Option<Cost>, Alternative)> = Vec::new();
    for AltRun {
        label,
        outcome,
        peak_only,
    } in runs
    {
        match outcome {
            Outcome::Unsolved => {}
            Outcome::Optimal(sol) | Outcome::Bounded { sol, .. } => {
                if seen.contains(&sol.buys) {
                    continue;
                }
                seen.push(sol.buys.clone());
                let r = replay(setup, purchases_of(setup, &sol));
                let extra = r.cost - best_replay.cost;
                let why = if extra > Decimal::ZERO {
                    format!("{} more than the best plan", usd(extra))
                } else if r.forfeited > best_replay.forfeited {
                    format!(
                        "same cost as the best plan, but forfeits {} more units",
                        units_text(r.forfeited - best_replay.forfeited)
                    )
                } else if r.count > best_replay.count {
                    format!(
                        "same cost and forfeits as the best plan, but {}",
                        plural(r.count - best_replay.count, "more purchase", "more purchases")
                    )
                } else {
                    "as good as the best plan".to_string()
                };
                let reason = format!("{label}: {}, {}; {why}.", usd(r.cost), forfeit_text(&r));
                insert_by_cost(
                    &mut out,
                    Some(sol.cost),
                    Alternative {
                        label,
                        feasible: true,
                        total_cost: Some(r.cost),
                        forfeited_units: Some(r.forfeited),
                        purchase_count: Some(r.count),
                        extra_cost: Some(extra.normalize()),
                        purchases: r.purchases,
                        reason,
                    },
                );
            }
            Outcome::Infeasible { period } => {
                let why = if peak_only {
                    format!(
                        "cannot hold {} concurrent tasks in every month with demand",
                        setup.inst.need_conc
                    )
                } else {
                    format!(
                        "cannot cover month {} ({} units)",
                        period + 1,
                        units_text(setup.demand.get(period).copied().unwrap_or_default())
                    )
                };
                insert_by_cost(
                    &mut out,
                    None,
                    Alternative {
                        reason: format!("{label}: {why}."),
                        label,
                        feasible: false,
                        total_cost: None,
                        forfeited_units: None,
                        purchase_count: None,
                        extra_cost: None,
                        purchases: Vec::new(),
                    },
                );
            }
        }
    }
    out.into_iter().map(|(_, a)| a).collect()
}

/// Adds an alternative after those that cost no more (the infeasible ones, `None`, last).
fn insert_by_cost(out: &mut Vec<(Option<Cost>, Alternative)>, cost: Option<Cost>, alt: Alternative) {
    let key = |c: Option<Cost>| (c.is_none(), c);
    let at = out.partition_point(|e| key(e.0) <= key(cost));
    out.insert(at, (cost, alt));
}

fn empty_plan(setup: &Setup, outcome: PoolOutcome, message: String) -> PoolPlan {
    pool_plan(setup, outcome, message, replay(setup, Vec::new()), Vec::new(), None)
}

/// A pool's plan from its replay (`gap` when not proven optimal).
fn pool_plan(
    setup: &Setup,
    outcome: PoolOutcome,
    message: String,
    r: Replay,
    alternatives: Vec<Alternative>,
    gap: Option<Decimal>,
) -> PoolPlan {
    let eff = effective(&r);
    PoolPlan {
        pool: setup.pool,
        pool_name: setup.pool_name,
        outcome,
        message,
        list_price: setup.list_price,
        unit_step: setup.step,
        demand: setup.demand.iter().map(|d| d.normalize()).collect(),
        total_cost: r.cost,
        units_bought: r.bought,
        units_used: r.used,
        units_used_from_purchases: r.used_from_purchases,
        forfeited_units: r.forfeited,
        forfeited_value: (r.forfeited * setup.list_price).normalize(),
        left_at_end: r.left_at_end,
        effective_unit_price: eff,
        custom: custom_advice(setup, eff),
        concurrency: verdict(setup, &r.rows),
        periods: r.rows,
        purchases: r.purchases,
        alternatives,
        optimal: gap.is_none(),
        cost_gap: gap,
        unserved_month: None,
    }
}

fn plan_pool(setup: &Setup) -> PoolPlan {
    let total_demand: Decimal = setup.demand.iter().sum();
    if total_demand.is_zero() {
        let msg = format!("No {} demand: nothing to buy.", setup.pool_name.to_ascii_lowercase());
        return empty_plan(setup, PoolOutcome::NoDemand, msg);
    }
    let all = vec![true; setup.infos.len()];
    let (sol, optimal, lower) = match solve::solve(&setup.inst, &all, solve::EXACT_BUDGET).0 {
        Outcome::Unsolved => {
            let message = "The search ran out of time before finding a plan: simplify the packs and quotes \
                           (fewer different validities) and try again."
                .to_string();
            return empty_plan(setup, PoolOutcome::Unsolved, message);
        }
        Outcome::Optimal(sol) => (sol, true, 0),
        Outcome::Bounded { sol, lower } => (sol, false, lower),
        Outcome::Infeasible { period } => {
            let month = period as u32 + 1;
            let (outcome, message) = if setup.infos.is_empty() {
                (
                    PoolOutcome::NoPackage,
                    format!(
                        "No {} package to plan with: enter one (price, units, validity days).",
                        setup.pool_name.to_ascii_lowercase()
                    ),
                )
            } else if setup.inst.need_conc > 0 {
                (
                    PoolOutcome::Infeasible,
                    format!(
                        "No plan with these packages serves month {month} while holding {} concurrent tasks.",
                        setup.inst.need_conc
                    ),
                )
            } else {
                (
                    PoolOutcome::Infeasible,
                    format!(
                        "These packages cannot serve month {month} ({} units): trials can be bought once each. \
                         Enter a package or quote to plan with.",
                        units_text(setup.demand.get(period).copied().unwrap_or_default())
                    ),
                )
            };
            let mut p = empty_plan(setup, outcome, message);
            p.unserved_month = Some(month);
            return p;
        }
    };
    let runs = alternative_runs(setup, &sol);
    // A plan not proven cheapest yields to any alternative that beats it (each is a plan too).
    let mut sol = sol;
    if !optimal {
        for run in &runs {
            if let Outcome::Optimal(alt) | Outcome::Bounded { sol: alt, .. } = &run.outcome {
                if alt.cost < sol.cost {
                    sol = alt.clone();
                }
            }
        }
    }
    let gap = (!optimal).then(|| money(sol.cost.money.saturating_sub(lower)));
    let r = replay(setup, purchases_of(setup, &sol));
    let message = if r.purchases.is_empty() {
        format!("Your balance covers every month: nothing to buy; {}.", forfeit_text(&r))
    } else {
        let value = if r.forfeited.is_zero() {
            String::new()
        } else {
            format!(" ({} at list price)", usd(r.forfeited * setup.list_price))
        };
        format!(
            "Buy {}: {} in all; {}{value}.",
            schedule_text(&r.purchases),
            usd(r.cost),
            forfeit_text(&r)
        )
    };
    let alternatives = alternatives(setup, runs, &sol, &r);
    let outcome = if r.served {
        PoolOutcome::Planned
    } else {
        PoolOutcome::Infeasible
    };
    pool_plan(setup, outcome, message, r, alternatives, gap)
}

/// Plans every pool that has demand or a balance.
///
/// `monthly_units` are the units each pool needs in a month (attempts per kept output included),
/// as [`crate::Estimate`] gives them; a pool may appear more than once (its units add up).
pub fn plan(catalog: &Catalog, monthly_units: &[(Pool, Decimal)], opts: &PlanOptions) -> Result<PlanResult, PlanError> {
    validate(opts)?;
    let mut pools = Vec::new();
    for pool in Pool::ALL {
        let mut base = Decimal::ZERO;
        for (p, u) in monthly_units.iter().filter(|(p, _)| *p == pool) {
            if u.is_sign_negative() && !u.is_zero() {
                return Err(
                    PlanError::new(PlanField::MonthlyUnits, u.normalize(), Problem::Negative).in_pool(*p, None),
                );
            }
            base = base.checked_add(*u).unwrap_or(Decimal::MAX);
        }
        let has_balance = opts
            .balances
            .iter()
            .any(|b| b.pool == pool && b.days_left > 0 && b.units > Decimal::ZERO);
        if base.is_zero() && !has_balance {
            continue;
        }
        let setup = setup_pool(catalog, pool, base, opts)?;
        pools.push(plan_pool(&setup));
    }
    let total_cost = pools.iter().map(|p| p.total_cost).sum::<Decimal>().normalize();
    Ok(PlanResult {
        edition: catalog.edition,
        horizon_months: opts.horizon_months,
        growth_percent: opts.growth_percent.normalize(),
        trials_used: opts.trials_used,
        optimal: pools.iter().all(|p| p.optimal),
        pools,
        total_cost,
        assumptions: ASSUMPTIONS,
    })
}
