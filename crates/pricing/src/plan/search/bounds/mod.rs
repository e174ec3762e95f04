//! The bounds the search prunes with: a lower bound on the dollars a state must still spend,
//! which drops the state when, added to its cost, it passes the plan to beat
//! ([`Solver::prune`]).
//!
//! Here, the block relaxation ([`Relax`]: unlimited blocks at the best price per unit, lasting
//! as long as any package) and the bound a state is pruned with, the highest of those that
//! apply. In their own files: [`cover`] (the least the units still to buy can cost),
//! [`window`] (the most a package can serve), [`peak`] (the chain of packages that carries
//! the peak) and [`transition`] (the same bounds within a transition, which cut it short).

pub(super) mod cover;
pub(super) mod peak;
pub(super) mod transition;
pub(super) mod window;

use super::levels::{gcd, per_unit};
use super::{Cost, Instance, Kind, Solver};

/// The relaxation used for lower bounds: unlimited blocks of `block` units at the best price per
/// unit, valid for `periods` periods (at least as long as any package and any stock held).
pub(super) struct Relax {
    /// Best price and units (price per unit = price / units).
    pub(super) price: u128,
    pub(super) units: u64,
    pub(super) block: u64,
    pub(super) periods: usize,
    /// Per trial bit: the most a trial can save against the relaxation, times `units`.
    pub(super) savings: Vec<u128>,
}

impl Relax {
    /// The relaxation of the kinds `on`: blocks of the gcd of the non-trial sizes at the best
    /// price per unit, lasting `periods`; `None` when only trials can be bought.
    pub(super) fn of(inst: &Instance, on: &[bool], trials: &[usize], periods: usize) -> Option<Relax> {
        let mut best: Option<usize> = None;
        // Per use buys any number of units: blocks of one.
        let mut block = u64::from(inst.per_use.is_some());
        for (k, kind) in inst.kinds.iter().enumerate() {
            if !on[k] || kind.trial {
                continue;
            }
            block = gcd(block, kind.units);
            best = match best {
                None => Some(k),
                Some(b) => {
                    let kb = &inst.kinds[b];
                    Some(if per_unit(kind.price, kind.units, kb.price, kb.units).is_lt() {
                        k
                    } else {
                        b
                    })
                }
            };
        }
        let per_use = inst.per_use.map(|price| Kind::per_use(price, periods));
        let kb = match (best, per_use) {
            (Some(b), Some(pu)) => {
                let kb = &inst.kinds[b];
                if pu.price.saturating_mul(u128::from(kb.units)) < kb.price {
                    pu
                } else {
                    kb.clone()
                }
            }
            (Some(b), None) => inst.kinds[b].clone(),
            (None, pu) => pu?,
        };
        let savings = trials
            .iter()
            .map(|&tk| {
                let tr = &inst.kinds[tk];
                let blocks = tr.units.div_ceil(block);
                let as_blocks = u128::from(blocks)
                    .saturating_mul(u128::from(block))
                    .saturating_mul(kb.price);
                as_blocks.saturating_sub(tr.price.saturating_mul(u128::from(kb.units)))
            })
            .collect();
        Some(Relax {
            price: kb.price,
            units: kb.units,
            block,
            periods,
            savings,
        })
    }

    /// The most the trials in `mask` can save against the relaxation, times `units`.
    pub(super) fn saved(&self, mask: u64) -> u128 {
        self.savings
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .fold(0u128, |a, (_, s)| a.saturating_add(*s))
    }
}

impl Solver<'_> {
    /// A lower bound on the dollars (times the relaxation's units) still to spend from a state at
    /// the start of period `t`, with the units the relaxation buys; `None` when there is no
    /// relaxation to bound with.
    pub(super) fn lower_bound(&mut self, t: usize, key: &[u64]) -> Option<(u128, u64)> {
        let relax = self.relax.as_ref()?;
        let (price, block) = (relax.price, relax.block);
        let saved = relax.saved(key[self.slots - 1] & 0xffff_ffff);
        let units = self.units_to_buy(t, key, block)?;
        let value = u128::from(units).checked_mul(price)?;
        Some((value.saturating_sub(saved), units))
    }

    /// The units a state at the start of period `t` must still buy, in steps of `block`, were
    /// every purchase to last as long as the longest package: each period's need that the stock
    /// leaves is bought then, the rest of its last step carried (by normal form 2 that buys the
    /// fewest). `None` when there is no relaxation.
    fn units_to_buy(&mut self, t: usize, key: &[u64], block: u64) -> Option<u64> {
        let l = self.relax.as_ref()?.periods;
        let h = self.inst.demand.len();
        let w = self.slots - 1;
        let span = (h - t) + l + w + 1;
        // Charged to the budget like a transition per 16 bucket visits.
        self.steps = self.steps.saturating_add(((h - t) * (l + w) / 16) as u64 + 1);
        self.lb_buf.clear();
        self.lb_buf.resize(span, 0);
        let stock = &mut self.lb_buf;
        stock[..w].copy_from_slice(&key[..w]);
        let mut units: u64 = 0;
        for s in 0..(h - t) {
            let mut need = self.inst.demand[t + s];
            let mut i = s;
            let end = (s + l + w).min(span);
            while need > 0 && i < end {
                let take = stock[i].min(need);
                stock[i] -= take;
                need -= take;
                i += 1;
            }
            if need > 0 {
                let bought = need.div_ceil(block).saturating_mul(block);
                units = units.saturating_add(bought);
                stock[s + l - 1] = stock[s + l - 1].saturating_add(bought - need);
            }
        }
        Some(units)
    }

    /// Whether a state of cost `cost` can be dropped against a plan costing `ub`: when even the
    /// lower bounds make it dearer.
    pub(super) fn prune(&mut self, t: usize, key: &[u64], cost: Cost, ub: Cost) -> bool {
        if cost.money.saturating_add(self.peak_bound(t, key)) > ub.money {
            return true;
        }
        match self.lower_bound(t, key) {
            Some((_, units)) => cost.money.saturating_add(self.carried_bound(t, key, units)) > ub.money,
            None => false,
        }
    }

    /// [`Solver::cover_bound`] of the fewest units a state must still buy, trials included
    /// ([`Solver::bought_units`]).
    pub(super) fn bought_bound(&mut self, t: usize, key: &[u64], units: u64) -> u128 {
        let need = self.bought_units(t, key, units);
        self.cover_bound(need, key[self.slots - 1] & 0xffff_ffff)
    }

    /// [`Solver::bought_bound`], or with a peak enforced [`Solver::chain_cover`] when higher:
    /// the bound the exact search prunes with. The beam ranks its few
    /// by the cover alone, which is cheaper and found first plans as good.
    fn carried_bound(&mut self, t: usize, key: &[u64], units: u64) -> u128 {
        let need = self.bought_units(t, key, units);
        let mask = key[self.slots - 1] & 0xffff_ffff;
        let cover = if self.cfg.rules.cover_bound() {
            self.cover_bound(need, mask)
        } else {
            0
        };
        cover.max(self.chain_cover(t, key, need))
    }

    /// The fewest units a state must still buy, trials included: the relaxation's count
    /// `units` in its blocks, recounted in steps a trial fills when one is smaller.
    fn bought_units(&mut self, t: usize, key: &[u64], units: u64) -> u64 {
        match self.relax.as_ref() {
            Some(r) if r.block != self.unit_block => self.units_to_buy(t, key, self.unit_block).unwrap_or(0),
            _ => units,
        }
    }

    /// A lower bound on the dollars (millionths) of any plan.
    pub(super) fn root_lower(&mut self) -> u128 {
        let key = self.initial_key();
        let per = u128::from(self.relax.as_ref().map_or(1, |r| r.units));
        let Some((lb, units)) = self.lower_bound(0, &key) else {
            return self.peak_bound(0, &key);
        };
        (lb / per.max(1))
            .max(self.carried_bound(0, &key, units))
            .max(self.peak_bound(0, &key))
    }
}
