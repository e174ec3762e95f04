//! The planner's prose: the assumptions, each pool's message (the plan in one sentence, or why
//! there is none), the schedule and forfeit sentences, why an alternative loses, the concurrency
//! verdict and the custom-package advice.
//!
//! Separate so that the wording, which changes for people, is apart from the numbers, which
//! change only with the rules.

use super::replay::Replay;
use super::result::{
    ConcurrencyVerdict, CustomAdvice, MenuVerdict, PackSource, PeriodRow, PlanResult, PoolOutcome, Purchase,
};
use super::setup::Setup;
use crate::format::{group, usd};
use rust_decimal::{Decimal, RoundingStrategy};

const PERIODS: &str = "Months are 30-day periods. A package of D days serves ceil(D/30) months from the month it is bought in; a balance with N days left serves ceil(N/30) months from month 1.";
const DRAWING: &str = "Units are drawn from the earliest-expiring package first (Kling does not document the order; this one forfeits the least).";
const AT_END: &str = "Units not used within the horizon are counted as forfeited, even those still valid after it.";
const GROWTH: &str =
    "Month m's demand is month m-1's grown by the growth percentage, rounded up to the pool's unit step, then times month m's multiplier of the mix when one is given (rounded up again); the growth goes on from the demand before the multiplier.";
const HELD: &str = "For concurrency, a package counts as held until it expires, even once its units are used up.";

pub(super) const ASSUMPTIONS: &[&str] = &[PERIODS, DRAWING, AT_END, GROWTH, HELD];

/// [`ASSUMPTIONS`], and what per use adds (only when per use is on, so a plan without it reads
/// as before).
pub(super) const ASSUMPTIONS_PER_USE: &[&str] = &[
    PERIODS,
    DRAWING,
    AT_END,
    GROWTH,
    HELD,
    "What the packages leave uncovered in a month is bought per use that month at the per-use price per unit (no expiry, no minimum); a month that buys per use counts as one purchase.",
    "A seller's per-use price per unit is its price for the mix's jobs divided by their units, so growth keeps the mix's shape.",
    "The peak rule is Kling's and still applies with per use on; a seller's own limits are not modelled.",
];

pub(super) fn units_text(d: Decimal) -> String {
    group(d)
}

pub(super) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", group(Decimal::from(n)))
    }
}

pub(super) fn schedule_text(purchases: &[Purchase]) -> String {
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

pub(super) fn forfeit_text(r: &Replay) -> String {
    if r.forfeited.is_zero() {
        "nothing forfeited".to_string()
    } else {
        format!("forfeits {} units", units_text(r.forfeited))
    }
}

pub(super) fn verdict(setup: &Setup, rows: &[PeriodRow]) -> Option<ConcurrencyVerdict> {
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

pub(super) fn custom_advice(setup: &Setup, plan_price: Option<Decimal>) -> Option<CustomAdvice> {
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

/// Why the plan `r` loses to the `best`: dearer, else more forfeited, else more purchases.
pub(super) fn loses_to(r: &Replay, best: &Replay) -> String {
    let extra = r.cost - best.cost;
    if extra > Decimal::ZERO {
        format!("{} more than the best plan", usd(extra))
    } else if r.forfeited > best.forfeited {
        format!(
            "same cost as the best plan, but forfeits {} more units",
            units_text(r.forfeited - best.forfeited)
        )
    } else if r.count > best.count {
        format!(
            "same cost and forfeits as the best plan, but {}",
            plural(r.count - best.count, "more purchase", "more purchases")
        )
    } else {
        "as good as the best plan".to_string()
    }
}

/// Why an alternative has no plan: the peak it cannot carry, or the month (0-based `period`)
/// it cannot cover.
pub(super) fn cannot_serve(setup: &Setup, period: usize, peak_only: bool) -> String {
    if peak_only {
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
    }
}

/// What the plan `r` buys per use, as a clause ("900 units per use from fal.ai ($126.00)");
/// `None` when it buys nothing per use.
fn per_use_text(setup: &Setup, r: &Replay) -> Option<String> {
    let (name, _) = setup.per_use.as_ref()?;
    let units: Decimal = r.per_use_units.iter().sum();
    if units.is_zero() {
        return None;
    }
    Some(format!(
        "{} units per use from {name} ({})",
        units_text(units),
        usd(r.per_use_cost)
    ))
}

/// The best plan in one sentence: what to buy when, what it costs and what it forfeits.
pub(super) fn plan_message(setup: &Setup, r: &Replay) -> String {
    let per_use = per_use_text(setup, r);
    if r.purchases.is_empty() && per_use.is_none() {
        return format!("Your balance covers every month: nothing to buy; {}.", forfeit_text(r));
    }
    let value = if r.forfeited.is_zero() {
        String::new()
    } else {
        format!(" ({} at list price)", usd(r.forfeited * setup.list_price))
    };
    let what = match (r.purchases.is_empty(), per_use) {
        (_, None) => schedule_text(&r.purchases),
        (true, Some(p)) => p,
        (false, Some(p)) => format!("{} and {p}", schedule_text(&r.purchases)),
    };
    format!("Buy {what}: {} in all; {}{value}.", usd(r.cost), forfeit_text(r))
}

pub(super) fn no_demand_message(setup: &Setup) -> String {
    format!("No {} demand: nothing to buy.", setup.pool_name.to_ascii_lowercase())
}

pub(super) fn unsolved_message() -> String {
    "The search ran out of time before finding a plan: simplify the packs and quotes \
     (fewer different validities) and try again."
        .to_string()
}

/// Why no plan serves month `period` (0-based): no package at all, the peak, or packages
/// (trials, say) that cannot cover it.
pub(super) fn unserved_message(setup: &Setup, period: usize) -> String {
    let month = period as u32 + 1;
    if setup.infos.is_empty() {
        format!(
            "No {} package to plan with: enter one (price, units, validity days).",
            setup.pool_name.to_ascii_lowercase()
        )
    } else if setup.inst.need_conc > 0 {
        format!(
            "No plan with these packages serves month {month} while holding {} concurrent tasks.",
            setup.inst.need_conc
        )
    } else {
        format!(
            "These packages cannot serve month {month} ({} units): trials can be bought once each. \
             Enter a package or quote to plan with.",
            units_text(setup.demand.get(period).copied().unwrap_or_default())
        )
    }
}

/// `other`, the mix planned on another menu, as [`MenuVerdict`] against `shown`, the plan the
/// page shows.
pub fn menu_verdict(other: &PlanResult, shown: &PlanResult) -> MenuVerdict {
    MenuVerdict {
        menu: other.menu,
        total_cost: other.total_cost,
        optimal: other.optimal,
        buys: buys(other),
        differs: other.total_cost != shown.total_cost || bought(other) != bought(shown),
    }
}

/// What a plan buys, pool by pool, in a few words: each package with how many copies in all,
/// and per use; a pool is named when the plan has more than one.
fn buys(plan: &PlanResult) -> String {
    let planned: Vec<_> = plan
        .pools
        .iter()
        .filter(|p| p.outcome == PoolOutcome::Planned)
        .collect();
    let parts: Vec<String> = planned
        .iter()
        .map(|p| {
            let mut what: Vec<String> = Vec::new();
            for (name, count) in totals(&p.purchases) {
                what.push(match count {
                    1 => name.to_string(),
                    n => format!("{name} ×{}", group(Decimal::from(n))),
                });
            }
            what.extend(p.per_use.as_ref().map(|u| format!("per use at {}", u.name)));
            let what = if what.is_empty() {
                "nothing".to_string()
            } else {
                what.join(" and ")
            };
            match planned.len() {
                1 => what,
                _ => format!("{}: {what}", p.pool_name),
            }
        })
        .collect();
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join("; ")
    }
}

/// Each package of `purchases` with its copies in all, in order of first purchase.
fn totals(purchases: &[Purchase]) -> Vec<(&str, u64)> {
    let mut out: Vec<(&str, u64)> = Vec::new();
    for p in purchases {
        match out.iter_mut().find(|(n, _)| *n == p.name) {
            Some((_, c)) => *c += p.count,
            None => out.push((&p.name, p.count)),
        }
    }
    out
}

/// A pool's purchases in all: its id, each package with its copies, and whether it buys per use.
type Bought<'a> = (&'a str, Vec<(&'a str, u64)>, bool);

/// What a plan buys, to tell two plans apart: [`Bought`] per pool.
fn bought(plan: &PlanResult) -> Vec<Bought<'_>> {
    plan.pools
        .iter()
        .map(|p| (p.pool.id(), totals(&p.purchases), p.per_use.is_some()))
        .collect()
}
