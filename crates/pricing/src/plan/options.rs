//! What the planner is asked: [`PlanOptions`] with its balances, packs, quotes and peak, their
//! serde shapes (the JS API and the share link read them), and the limits every option is held to.
//!
//! Separate from the planner's working so that the app, the draft form and the JS API can see the
//! inputs and their bounds without the search, and so the serde rules sit in one place.

use crate::catalog::Pool;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
/// Highest per-use price, in dollars per unit.
pub const MAX_PER_USE_PRICE: u64 = 1_000;
/// Most decimal places of a per-use price per unit (a seller's effective price for a mix is
/// rounded to this many; see [`crate::per_use`]).
pub const PER_USE_PLACES: u32 = 10;
/// The `perUseSource` that means the user's own rate (`perUseRate`) rather than a seller's.
pub const OWN_RATE: &str = "rate";
/// The `perUseSource` that means, in each pool, the seller that sells all of the mix's lines
/// there for the least (video per use at one seller, images at another).
pub const CHEAPEST: &str = "cheapest";

/// What to plan with, besides the job mix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PlanOptionsInput"))]
pub struct PlanOptions {
    /// Months to plan for, 1 to 36 (default 3).
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub horizon_months: u32,
    /// Monthly growth of demand in percent, from -100 to 1000 (up to 4 decimal places; default 0).
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::RawNumber>", optional))]
    pub growth_percent: Decimal,
    /// Each month's multiplier of the mix, month 1 first (`[1, 1, 3]`: month 3 needs three
    /// times the mix, a launch), from 0 to 100 with up to 4 decimal places; a month past the
    /// list is ×1. It multiplies the month's demand after growth, and does not compound: month
    /// 4 grows from month 3's demand without its multiplier.
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<crate::RawNumber>>", optional))]
    pub demand_by_month: Vec<Decimal>,
    /// The package menu to buy from: the id of one of the edition's menus (`catalog().menus`,
    /// e.g. `guide-2026`). Left out, the edition's first menu.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub menu: Option<String>,
    /// The trial packages were already bought on this account (default false).
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub trials_used: bool,
    /// Units already held.
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub balances: Vec<Balance>,
    /// Packages the user can buy that the catalog does not list (image and try-on packs).
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub packs: Vec<UserPack>,
    /// Custom-package quotes from Kling's sales team.
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub quotes: Vec<UserPack>,
    /// The busiest hour, for the concurrency check.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub peak: Option<Peak>,
    /// Buy per use what the packs leave uncovered: a per-use seller's id in the catalog
    /// edition (`fal`, `runware`, …), `"cheapest"` for the cheapest seller of each pool, or
    /// `"rate"` for `perUseRate`. Left out: packs only.
    /// Resolved into [`PlanOptions::per_use`] by [`crate::per_use::apply`].
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub per_use_source: Option<String>,
    /// The user's own per-use price (a negotiated rate), dollars per unit per pool; used when
    /// `perUseSource` is `"rate"`.
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub per_use_rate: Vec<PoolRate>,
    /// The per-use price the planner buys at, per pool (`None`: packs only). Set by
    /// [`crate::per_use::apply`] from the two fields above and the mix, or directly.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub per_use: Option<PerUseRate>,
    /// Every seller's per-use price for the mix, for the comparison in the result. Set by
    /// [`crate::per_use::apply`], or directly.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub compare: Vec<PerUseRate>,
}

/// A per-use price in one pool, in dollars per unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PoolRateInput"))]
pub struct PoolRate {
    #[serde(deserialize_with = "pool_from_id")]
    pub pool: Pool,
    /// Dollars per unit, more than 0, up to 10 decimal places.
    #[cfg_attr(feature = "ts", ts(as = "crate::RawNumber"))]
    pub price: Decimal,
}

/// A way to buy per use: a seller's price for the mix, or the user's rate, per pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PerUseRate {
    /// The seller's id, or `"rate"` for the user's own rate.
    pub id: String,
    /// Shown in the plan: "fal.ai", "your rate".
    pub name: String,
    /// Dollars per unit in each pool it sells; a pool left out is not bought per use.
    pub prices: Vec<PoolRate>,
    /// Why the seller cannot serve the whole mix (the lines it does not offer); such a seller
    /// is left out of the comparison, and its pools with such lines are not bought per use.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub left_out: Option<String>,
    /// Who sells in each pool, where that is not `name` (the cheapest seller of each pool).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub sellers: Vec<(Pool, String)>,
}

impl PerUseRate {
    /// The price per unit in `pool`, if this way sells there.
    pub fn price(&self, pool: Pool) -> Option<Decimal> {
        self.prices.iter().find(|r| r.pool == pool).map(|r| r.price)
    }

    /// Who sells in `pool`, as a plan names it ("fal.ai").
    pub fn seller(&self, pool: Pool) -> &str {
        self.sellers
            .iter()
            .find(|(p, _)| *p == pool)
            .map_or(&self.name, |(_, n)| n)
    }
}

impl Default for PlanOptions {
    fn default() -> PlanOptions {
        PlanOptions {
            horizon_months: 3,
            growth_percent: Decimal::ZERO,
            demand_by_month: Vec::new(),
            menu: None,
            trials_used: false,
            balances: Vec::new(),
            packs: Vec::new(),
            quotes: Vec::new(),
            peak: None,
            per_use_source: None,
            per_use_rate: Vec::new(),
            per_use: None,
            compare: Vec::new(),
        }
    }
}

/// Units already held in a pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BalanceInput"))]
pub struct Balance {
    #[serde(deserialize_with = "pool_from_id")]
    pub pool: Pool,
    #[cfg_attr(feature = "ts", ts(as = "crate::RawNumber"))]
    pub units: Decimal,
    /// Days until they expire; 0 means they are gone.
    pub days_left: u32,
    /// Concurrency of the package they came from (5 for Packages 1–3, 3 for a trial), if known.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub concurrency: Option<u32>,
}

/// A package the user enters: an image or try-on pack, or a custom quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "UserPackInput"))]
pub struct UserPack {
    #[serde(deserialize_with = "pool_from_id")]
    pub pool: Pool,
    /// Shown in the plan; a default name is used when empty.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Dollars, up to 6 decimal places.
    #[cfg_attr(feature = "ts", ts(as = "crate::RawNumber"))]
    pub price: Decimal,
    #[cfg_attr(feature = "ts", ts(as = "crate::RawNumber"))]
    pub units: Decimal,
    pub validity_days: u32,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub concurrency: Option<u32>,
}

/// The busiest hour of the workload in one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PeakInput"))]
pub struct Peak {
    /// The pool whose concurrency limit applies (the video pool when left out).
    #[serde(default = "video_pool", deserialize_with = "pool_from_id")]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub pool: Pool,
    #[cfg_attr(feature = "ts", ts(as = "crate::RawNumber"))]
    pub jobs_per_hour: Decimal,
    #[cfg_attr(feature = "ts", ts(as = "crate::RawNumber"))]
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
