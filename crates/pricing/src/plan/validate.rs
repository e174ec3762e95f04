//! The checks on [`PlanOptions`] before anything is planned, and [`PlanError`]: which field, in
//! which list entry, pool or month, had which value, and what rule it broke.
//!
//! Separate so that every bound is checked in one place before the integer set-up, which relies
//! on them to rule out overflow (see [`super::setup`]).

use super::options::{
    Balance, Peak, PlanOptions, PoolRate, UserPack, MAX_ENTRIES_PER_POOL, MAX_HORIZON_MONTHS, MAX_PACK_UNITS,
    MAX_PER_USE_PRICE, MAX_PRICE, MAX_VALIDITY_DAYS, PER_USE_PLACES,
};
use crate::catalog::{Catalog, Menu, Pool};
use crate::error::Problem;
use crate::format::group;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// The input a planning error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// A per-use price per unit (`perUseRate`, or a seller's price for the mix).
    PerUsePrice,
    /// The per-use seller chosen.
    PerUseSource,
    /// The package menu chosen.
    Menu,
    /// A month's multiplier of the mix (`month` says which).
    DemandByMonth,
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
            PlanField::PerUsePrice => "price",
            PlanField::PerUseSource => "perUseSource",
            PlanField::Menu => "menu",
            PlanField::DemandByMonth => "demandByMonth",
        }
    }
}

/// The list of [`PlanOptions`] a value with an error is in: `balances`, `packs`, `quotes` or `peak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum OptionList {
    Balance,
    Pack,
    Quote,
    Peak,
    /// `perUseRate`.
    PerUseRate,
}

/// A planning input that is out of bounds: the field, the value and the rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PlanProblem"))]
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
    pub(super) fn new(field: PlanField, value: impl ToString, problem: Problem) -> PlanError {
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

    /// A per-use source that is neither a seller of the edition nor the user's rate.
    pub(crate) fn unknown_source(id: &str, choices: Vec<String>) -> PlanError {
        PlanError::new(PlanField::PerUseSource, id, Problem::Unknown { choices })
    }

    /// The menu `opts` names in `catalog` (its first when none is named), or an error naming
    /// the menus it has.
    pub(super) fn menu_of(catalog: &Catalog, opts: &PlanOptions) -> Result<&'static Menu, PlanError> {
        match opts.menu.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => Ok(catalog.default_menu()),
            Some(id) => catalog.menu(id).ok_or_else(|| {
                let choices = catalog.menus.iter().map(|m| m.id.to_string()).collect();
                PlanError::new(PlanField::Menu, id, Problem::Unknown { choices })
            }),
        }
    }

    pub(super) fn at(mut self, list: OptionList, index: usize) -> PlanError {
        self.entry = Some(list);
        self.index = Some(index);
        self.message = self.to_string();
        self
    }

    pub(super) fn in_pool(mut self, pool: Pool, month: Option<u32>) -> PlanError {
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
            (Some(OptionList::PerUseRate), Some(i)) => write!(f, "per-use rate {}: ", i + 1)?,
            _ => {}
        }
        if let (PlanField::DemandByMonth, Some(m)) = (self.field, self.month) {
            write!(f, "month {m}: ")?;
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

/// Most multipliers in `demand_by_month`: one per month of the longest horizon.
const MAX_FORECAST_MONTHS: usize = MAX_HORIZON_MONTHS as usize;

/// Each month's multiplier is from 0 to 100 with up to 4 places, and there is at most one per
/// month of the longest horizon.
fn check_forecast(multipliers: &[Decimal]) -> Result<(), PlanError> {
    if multipliers.len() > MAX_FORECAST_MONTHS {
        return Err(PlanError::new(
            PlanField::DemandByMonth,
            multipliers.len(),
            Problem::TooMany {
                max: MAX_FORECAST_MONTHS as u64,
            },
        ));
    }
    for (i, &k) in multipliers.iter().enumerate() {
        check_decimal(PlanField::DemandByMonth, k, Decimal::ZERO, Decimal::ONE_HUNDRED, 4).map_err(|mut e| {
            e.month = Some(i as u32 + 1);
            e.message = e.to_string();
            e
        })?;
    }
    Ok(())
}

pub(super) fn validate(opts: &PlanOptions) -> Result<(), PlanError> {
    check_whole(PlanField::HorizonMonths, opts.horizon_months, 1, MAX_HORIZON_MONTHS)?;
    check_decimal(
        PlanField::GrowthPercent,
        opts.growth_percent,
        Decimal::from(-100),
        Decimal::from(1000),
        4,
    )?;
    check_forecast(&opts.demand_by_month)?;
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
    check_rates(&opts.per_use_rate, Some(OptionList::PerUseRate))?;
    for way in opts.per_use.iter().chain(&opts.compare) {
        check_rates(&way.prices, None)?;
    }
    Ok(())
}

/// Per-use prices: more than 0, at most [`MAX_PER_USE_PRICE`] a unit with at most
/// [`PER_USE_PLACES`] places, one per pool. An error names the entry in `list` when the prices
/// are the user's own (`perUseRate`).
fn check_rates(rates: &[PoolRate], list: Option<OptionList>) -> Result<(), PlanError> {
    let located = |e: PlanError, i: usize| match list {
        Some(l) => e.at(l, i),
        None => e,
    };
    for (i, r) in rates.iter().enumerate() {
        let max = Decimal::from(MAX_PER_USE_PRICE);
        let min = Decimal::new(1, PER_USE_PLACES);
        check_decimal(PlanField::PerUsePrice, r.price, min, max, PER_USE_PLACES)
            .map_err(|e| located(e.in_pool(r.pool, None), i))?;
        if rates[..i].iter().any(|o| o.pool == r.pool) {
            let e = PlanError::new(PlanField::PerUsePrice, r.price.normalize(), Problem::TooMany { max: 1 });
            return Err(located(e.in_pool(r.pool, None), i));
        }
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
