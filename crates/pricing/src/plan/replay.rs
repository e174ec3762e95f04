//! A purchase schedule replayed month by month in decimals: what is held, bought, drawn
//! (earliest-expiring first) and forfeited each month, and the totals over the horizon.
//!
//! Separate from the search, which works on integer buckets: the replay is an independent
//! reading of the same rules on the numbers shown, so a plan is checked again as it is reported.

use super::result::{PeriodRow, Purchase};
use super::search::Solution;
use super::setup::{periods_of, Setup};
use crate::sort;
use rust_decimal::{Decimal, RoundingStrategy};

/// A plan replayed month by month.
pub(super) struct Replay {
    pub(super) purchases: Vec<Purchase>,
    pub(super) rows: Vec<PeriodRow>,
    pub(super) cost: Decimal,
    pub(super) bought: Decimal,
    pub(super) used: Decimal,
    pub(super) used_from_purchases: Decimal,
    pub(super) forfeited: Decimal,
    pub(super) left_at_end: Decimal,
    /// Units bought per use each month (empty without per use) and their dollars (in `cost`).
    pub(super) per_use_units: Vec<Decimal>,
    pub(super) per_use_cost: Decimal,
    /// Purchases, counting each month that buys per use as one.
    pub(super) count: u64,
    /// Every month's demand was drawn (the search guarantees it; checked here again).
    pub(super) served: bool,
}

/// The schedule `sol` as the purchases shown, in its order (by month).
pub(super) fn purchases_of(setup: &Setup, sol: &Solution) -> Vec<Purchase> {
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

/// Units held from one source: a balance, or the packages of one purchase.
#[derive(Clone, Copy)]
struct Lot {
    /// The month it is first held in (0-based).
    from: usize,
    /// The last month it is held in (0-based).
    last: usize,
    units: Decimal,
    conc: Option<u32>,
    balance: bool,
}

/// Units over the horizon, summed month by month.
#[derive(Default)]
struct Totals {
    bought: Decimal,
    used: Decimal,
    used_from_purchases: Decimal,
    forfeited: Decimal,
}

/// Replays purchases with earliest-expiring-first drawing, in decimals; with per use, what the
/// stock leaves undrawn in a month is bought per use at the setup's price.
pub(super) fn replay(setup: &Setup, purchases: Vec<Purchase>) -> Replay {
    replay_at(setup, purchases, setup.per_use.as_ref().map(|p| p.1))
}

/// [`replay`] with per use at `per_use` dollars a unit (`None`: packages only).
pub(super) fn replay_at(setup: &Setup, purchases: Vec<Purchase>, per_use: Option<Decimal>) -> Replay {
    let h = setup.demand.len();
    let mut lots = lots_of(setup, &purchases);
    let needed = setup.peak.map(|p| p.1).filter(|&n| n > 0);
    let mut rows = Vec::with_capacity(h);
    let mut served = true;
    let mut totals = Totals::default();
    let mut per_use_units = Vec::new();
    let mut per_use_cost = Decimal::ZERO;
    for (t, &demand) in setup.demand.iter().enumerate() {
        let (mut row, unserved) = replay_month(&mut lots, t, demand, needed, &mut totals);
        match per_use {
            Some(price) => {
                let cost = unserved * price;
                row.per_use_units = Some(unserved.normalize());
                row.per_use_cost = Some(cost.normalize());
                per_use_units.push(unserved.normalize());
                per_use_cost += cost;
            }
            None if unserved > Decimal::ZERO => served = false,
            None => {}
        }
        rows.push(row);
    }
    let per_use_months = per_use_units.iter().filter(|u| !u.is_zero()).count() as u64;
    let left_at_end: Decimal = lots.iter().filter(|l| l.last >= h).map(|l| l.units).sum();
    Replay {
        cost: (purchases.iter().map(|p| p.cost).sum::<Decimal>() + per_use_cost).normalize(),
        bought: totals.bought.normalize(),
        used: totals.used.normalize(),
        used_from_purchases: totals.used_from_purchases.normalize(),
        forfeited: (totals.forfeited + left_at_end).normalize(),
        left_at_end: left_at_end.normalize(),
        count: purchases.iter().map(|p| p.count).sum::<u64>() + per_use_months,
        per_use_units,
        per_use_cost: per_use_cost.normalize(),
        rows,
        purchases,
        served,
    }
}

/// The balances and purchases as lots, earliest expiry first; the balance before purchases
/// expiring the same month.
fn lots_of(setup: &Setup, purchases: &[Purchase]) -> Vec<Lot> {
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
    for p in purchases {
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
    let key = |l: &Lot| (l.last, !l.balance, l.from);
    let order = sort::order(lots.len(), &|a, b| key(&lots[a]).cmp(&key(&lots[b])));
    order.iter().map(|&i| lots[i]).collect()
}

/// Month `t` (0-based): draws its demand from the lots held, forfeits what expires at its end,
/// adds to `totals`, and returns its row and the demand left undrawn (0 when served). `needed`
/// is the concurrency the peak calls for.
fn replay_month(
    lots: &mut [Lot],
    t: usize,
    demand: Decimal,
    needed: Option<u32>,
    totals: &mut Totals,
) -> (PeriodRow, Decimal) {
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
            totals.used_from_purchases += take;
        }
        if l.last == t {
            forfeited += l.units;
        }
    }
    let used = demand - need;
    totals.bought += bought;
    totals.used += used;
    totals.forfeited += forfeited;
    let end = start + bought - used - forfeited;
    let row = PeriodRow {
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
        per_use_units: None,
        per_use_cost: None,
    };
    (row, need)
}

/// Dollars per unit drawn from purchases or bought per use (6 places), when any were.
pub(super) fn effective(r: &Replay) -> Option<Decimal> {
    let used = r.used_from_purchases + r.per_use_units.iter().sum::<Decimal>();
    if used.is_zero() {
        return None;
    }
    Some(
        (r.cost / used)
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}
