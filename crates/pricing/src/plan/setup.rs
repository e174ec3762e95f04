//! One pool's planning problem, turned from decimals into exact integers: demand per month
//! (grown and rounded up to the unit step), the packages it may buy, its balances and the peak,
//! all in steps of the pool's quantum, dollars in millionths ([`Instance`]), next to what is
//! shown for them ([`KindInfo`]).
//!
//! Separate from the search so that the search sees only integers, and from the report so that
//! every conversion between decimals and integers is in one file.

use super::options::{Peak, PlanOptions, MAX_MONTHLY_UNITS, MAX_PACK_UNITS, MAX_PURCHASES, PERIOD_DAYS};
use super::result::PackSource;
use super::search::{Instance, Kind};
use super::validate::{OptionList, PlanError, PlanField};
use crate::catalog::{Catalog, Menu, Pool};
use crate::error::Problem;
use rust_decimal::{Decimal, RoundingStrategy};

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

/// Decimal places of the search's money without per use: dollars in millionths (every price
/// has at most 6 places).
const MONEY_PLACES: u32 = 6;

impl Setup {
    /// The search's integer money (dollars × 10^`money_places`) as dollars.
    pub(super) fn money(&self, raw: u128) -> Decimal {
        unscaled(raw, self.money_places).normalize()
    }
}

/// A package the planner may buy, as shown.
#[derive(Clone, Debug)]
pub(super) struct KindInfo {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) source: PackSource,
    pub(super) trial: bool,
    pub(super) price: Decimal,
    pub(super) units: Decimal,
    pub(super) validity_days: u32,
    pub(super) conc: Option<u32>,
    /// The options list and index it was entered at (packs and quotes).
    pub(super) entered: Option<(OptionList, usize)>,
}

/// Everything about one pool's plan before solving.
pub(super) struct Setup {
    pub(super) pool: Pool,
    pub(super) pool_name: &'static str,
    pub(super) list_price: Decimal,
    pub(super) step: Decimal,
    pub(super) demand: Vec<Decimal>,
    pub(super) infos: Vec<KindInfo>,
    /// Balances as (last period index, units, concurrency), not capped by the horizon.
    pub(super) balances: Vec<(usize, Decimal, Option<u32>)>,
    pub(super) inst: Instance,
    pub(super) peak: Option<(Decimal, u32)>,
    pub(super) best_available: Option<u32>,
    /// Decimal places of the search's integer money: 6 (millionths), or more when a per-use
    /// price per quantum needs them, so that every price is a whole number.
    pub(super) money_places: u32,
    /// The per-use way to buy in this pool: its name and price per unit (`None`: packs only).
    pub(super) per_use: Option<(String, Decimal)>,
}

pub(super) fn periods_of(days: u32) -> usize {
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

/// One pool's problem: its demand, the packages it may buy and its balances, shown and in
/// integers, and the peak it must carry.
pub(super) fn setup_pool(
    catalog: &Catalog,
    menu: &Menu,
    pool: Pool,
    base: Decimal,
    opts: &PlanOptions,
) -> Result<Setup, PlanError> {
    let info = catalog.pool(pool);
    let h = opts.horizon_months as usize;
    let step = unit_step(catalog, pool);
    let demand = monthly_demand(pool, base, opts, step)?;
    let mut infos = catalog_kinds(catalog, menu, pool, opts.trials_used);
    infos.extend(entered_kinds(pool, opts));
    let balances = held_balances(pool, opts);
    let quantum = Quantum::of(step, &infos, &balances);
    let per_use = opts
        .per_use
        .as_ref()
        .and_then(|r| Some((r.seller(pool).to_string(), r.price(pool)?)));
    let money_places = per_use.as_ref().map_or(MONEY_PLACES, |(_, rate)| {
        (*rate * quantum.quantum).normalize().scale().max(MONEY_PLACES)
    });
    let demand_raw: Vec<u64> = demand
        .iter()
        .enumerate()
        .map(|(m, d)| quantum.raw(*d).ok_or_else(|| too_big(pool, *d, m)))
        .collect::<Result<_, _>>()?;
    let total_raw: u128 = demand_raw.iter().map(|&d| u128::from(d)).sum();
    let kinds = integer_kinds(&infos, &quantum, total_raw, h, money_places)?;
    let best_available = infos
        .iter()
        .filter_map(|k| k.conc)
        .chain(balances.iter().filter_map(|b| b.2))
        .max();
    let (peak, need_conc) = match opts.peak.as_ref().filter(|p| p.pool == pool) {
        Some(p) => {
            let (shown, need_conc) = peak_need(p, best_available);
            (Some(shown), need_conc)
        }
        None => (None, 0),
    };
    let inst = Instance {
        demand: demand_raw,
        kinds,
        balances: balances
            .iter()
            .map(|(last, u, c)| {
                (
                    (*last).min(h.saturating_sub(1)),
                    quantum.raw(*u).unwrap_or(0),
                    c.unwrap_or(0),
                )
            })
            .collect(),
        need_conc,
        per_use: per_use
            .as_ref()
            .and_then(|(_, rate)| scaled(*rate * quantum.quantum, money_places)),
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
        money_places,
        per_use,
    })
}

/// Each month's demand: `base`, then the month before grown by the growth percentage, each
/// rounded up to `step`, then times the month's multiplier (`demand_by_month`) and rounded up
/// again; an error names the first month above [`MAX_MONTHLY_UNITS`]. The growth goes on from
/// the grown demand, not the multiplied one: a launch month does not raise every month after.
fn monthly_demand(pool: Pool, base: Decimal, opts: &PlanOptions, step: Decimal) -> Result<Vec<Decimal>, PlanError> {
    let h = opts.horizon_months as usize;
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
            crate::dec::mul(d, factor).ok_or_else(|| too_big(d, m))?
        };
        if raw > max_month {
            return Err(too_big(raw, m));
        }
        d = round_up(raw, step).ok_or_else(|| too_big(raw, m))?;
        if d > max_month {
            return Err(too_big(d, m));
        }
        let month = match opts.demand_by_month.get(m) {
            Some(&k) if k != Decimal::ONE => {
                let raw = crate::dec::mul(d, k).ok_or_else(|| too_big(d, m))?;
                round_up(raw, step)
                    .filter(|v| *v <= max_month)
                    .ok_or_else(|| too_big(raw, m))?
            }
            _ => d,
        };
        demand.push(month);
    }
    Ok(demand)
}

/// The priced packages of the pool on `menu` (custom ones aside; trials only while unused).
fn catalog_kinds(catalog: &Catalog, menu: &Menu, pool: Pool, trials_used: bool) -> Vec<KindInfo> {
    let mut infos = Vec::new();
    for p in catalog.packages_on(menu).filter(|p| p.pool == pool && !p.custom) {
        let (Some(price), Some(units), Some(days)) = (p.price, p.units, p.validity_days) else {
            continue;
        };
        if units == 0 || days == 0 || (p.trial && trials_used) {
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
    infos
}

/// The pool's packs, then its quotes, as entered (a default name when left empty, at most 80
/// characters otherwise).
fn entered_kinds(pool: Pool, opts: &PlanOptions) -> Vec<KindInfo> {
    let mut infos = Vec::new();
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
    infos
}

/// The pool's balances still held, as (last period index, units, concurrency).
fn held_balances(pool: Pool, opts: &PlanOptions) -> Vec<(usize, Decimal, Option<u32>)> {
    opts.balances
        .iter()
        .filter(|b| b.pool == pool && b.days_left > 0 && b.units > Decimal::ZERO)
        .map(|b| (periods_of(b.days_left) - 1, b.units, b.concurrency))
        .collect()
}

/// The pool's quantum: the gcd of the unit step and every package and balance size, so that
/// every quantity of the problem is a whole number of quanta.
struct Quantum {
    /// Decimal places every size is scaled by.
    scale: u32,
    /// The quantum, scaled.
    q: u128,
    quantum: Decimal,
}

impl Quantum {
    fn of(step: Decimal, infos: &[KindInfo], balances: &[(usize, Decimal, Option<u32>)]) -> Quantum {
        let all: Vec<Decimal> = std::iter::once(step)
            .chain(infos.iter().map(|k| k.units))
            .chain(balances.iter().map(|b| b.1))
            .collect();
        let scale = all.iter().map(|u| u.normalize().scale()).max().unwrap_or(0);
        let ints: Vec<u128> = all.iter().map(|u| scaled(*u, scale).unwrap_or(1)).collect();
        let q = ints.iter().copied().fold(0u128, gcd128).max(1);
        Quantum {
            scale,
            q,
            quantum: unscaled(q, scale).normalize(),
        }
    }

    /// `d` in quanta, when it fits.
    fn raw(&self, d: Decimal) -> Option<u64> {
        u64::try_from(scaled(d, self.scale)? / self.q).ok()
    }
}

/// The packages in integers. A pack or quote so small that the horizon's demand would take more
/// than [`MAX_PURCHASES`] of it is an error at its place in the options.
fn integer_kinds(
    infos: &[KindInfo],
    quantum: &Quantum,
    total_raw: u128,
    h: usize,
    money_places: u32,
) -> Result<Vec<Kind>, PlanError> {
    let mut kinds = Vec::with_capacity(infos.len());
    for k in infos {
        let units = quantum.raw(k.units).unwrap_or(u64::MAX).max(1);
        if let Some((entry, i)) = k.entered {
            if total_raw / u128::from(units) > u128::from(MAX_PURCHASES) {
                return Err(PlanError::new(
                    PlanField::PackUnits,
                    k.units.normalize(),
                    Problem::OutOfRange {
                        min: (Decimal::from(total_raw) * quantum.quantum / Decimal::from(MAX_PURCHASES)).ceil(),
                        max: Decimal::from(MAX_PACK_UNITS),
                    },
                )
                .at(entry, i));
            }
        }
        kinds.push(Kind {
            price: scaled(k.price, money_places).unwrap_or(u128::MAX / 4),
            units,
            periods: periods_of(k.validity_days).clamp(1, h),
            conc: k.conc.unwrap_or(0),
            trial: k.trial,
        });
    }
    Ok(kinds)
}

/// The peak as shown (tasks in flight, 2 places; concurrent tasks needed) and the concurrency
/// the plan must hold: the tasks needed when some package or balance offers that many, else 0.
fn peak_need(p: &Peak, best_available: Option<u32>) -> ((Decimal, u32), u32) {
    let load = p.jobs_per_hour * p.minutes_per_job;
    let exact = load / Decimal::from(60);
    // The least n with 60·n ≥ load, exactly: both factors have at most 4 places (validated).
    let load_e8 = scaled(p.jobs_per_hour, 4)
        .unwrap_or(0)
        .saturating_mul(scaled(p.minutes_per_job, 4).unwrap_or(0));
    let needed = u32::try_from(load_e8.div_ceil(60 * 100_000_000)).unwrap_or(u32::MAX);
    let need_conc = if needed > 0 && best_available.is_some_and(|b| b >= needed) {
        needed
    } else {
        0
    };
    let shown = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    ((shown, needed), need_conc)
}
