//! The peak's bound: with a peak enforced, every month with demand holds a package that
//! carries it, so from the end of the cover held on, a plan buys a chain of such packages
//! ([`PeakBound::new`]). What that chain costs beyond the units it can serve adds to the
//! units' worth at the best price per unit ([`Solver::peak_bound`]), or, counted with the
//! units its links hold, to the cover bound of the rest ([`Solver::chain_cover`]).

use super::window;
use super::Relax;
use crate::plan::search::{Instance, Kind, Solver};
use crate::sort;

/// What [`Solver::peak_bound`] needs: the best price per unit `num/den` (the block
/// relaxation's: per use or a package, not a trial) and the chain table.
pub(crate) struct PeakBound {
    num: u128,
    den: u128,
    /// `chain[m · masks + mask]`: the least (times `den`) that carrying the peak through every
    /// month with demand from `m` on costs beyond the units it serves at `num / den`, with the
    /// trials `mask` left: the least over `links` of the trials in `mask`.
    chain: Vec<u128>,
    masks: usize,
    /// `links[m · masks + used]`: the chains from `m` on whose trials are exactly `used`
    /// ([`PeakBound::new`]).
    links: Vec<Links>,
}

/// Chains carrying the peak from a month on with the same trials, grouped by the units their
/// links hold: the combined bound ([`Solver::chain_cover`]) needs the units, the linear one
/// only the cost.
#[derive(Clone, Debug)]
struct Links {
    /// The groups, least `beyond` first.
    groups: Vec<LinkGroup>,
    /// The least `beyond` of the chains left out of `groups`; `u128::MAX` for none.
    floor: u128,
}

/// The chains of one [`Links`] whose links hold the same units.
#[derive(Clone, Copy, Debug)]
struct LinkGroup {
    units: u64,
    /// The most units such a chain's links can serve (each at most the demand of the months
    /// it is held).
    served: u64,
    /// The least price of such a chain.
    price: u128,
    /// The least (times `den`) such a chain costs beyond the units it serves at `num / den`.
    beyond: u128,
}

impl Default for Links {
    fn default() -> Links {
        Links {
            groups: Vec::new(),
            floor: u128::MAX,
        }
    }
}

impl Links {
    /// The least `beyond` of any chain.
    fn least(&self) -> u128 {
        self.groups.first().map_or(self.floor, |g| g.beyond.min(self.floor))
    }

    /// The chains of the same units held and served merged into one group (the least price and
    /// the least `beyond` of each: each bounds the group's chains), then the `groups`
    /// groups least by `beyond` kept, in that order; the rest in `floor`. Sorted rather than
    /// searched: a month's chains are up to carriers × periods × `groups`.
    fn keep_least(&mut self, groups: usize) {
        sort::sort_by_key(&mut self.groups, |g| (g.units, g.served));
        self.groups.dedup_by(|g, kept| {
            let same = (g.units, g.served) == (kept.units, kept.served);
            if same {
                kept.price = kept.price.min(g.price);
                kept.beyond = kept.beyond.min(g.beyond);
            }
            same
        });
        sort::sort_by_key(&mut self.groups, |g| g.beyond);
        if let Some(g) = self.groups.get(groups) {
            self.floor = self.floor.min(g.beyond);
            self.groups.truncate(groups);
        }
    }
}

impl PeakBound {
    /// `None` without a peak, or when no package (not a trial) carries it.
    /// `after`: the demand from each month on ([`window::demand_after`]).
    pub(crate) fn of(
        inst: &Instance,
        on: &[bool],
        trials: &[usize],
        relax: Option<&Relax>,
        after: &[u64],
        groups: usize,
    ) -> Option<PeakBound> {
        let carriers: Vec<&Kind> = (0..inst.kinds.len())
            .filter(|&k| on[k] && !inst.kinds[k].trial && inst.kinds[k].conc >= inst.need_conc)
            .map(|k| &inst.kinds[k])
            .collect();
        if inst.need_conc == 0 || carriers.is_empty() {
            return None;
        }
        let (num, den) = relax.map(|r| (r.price, u128::from(r.units)))?;
        Some(PeakBound::new(inst, &carriers, trials, (num, den), after, groups))
    }

    /// The chains of packages that carry the peak from each month on, each link first needed
    /// when the last one's cover ends, grouped by the trials they use, the units they hold and
    /// the most they can serve. A link first needed in month `m` was bought then or up to
    /// `periods − 1` months before: it serves at most its units and the demand of the
    /// `periods` months from then, at most the most of those windows. The next link is taken
    /// from `m + periods`, the latest it can be needed: bought earlier, the chain leaves out
    /// the links carrying the months between, which lowers its price by theirs and leaves
    /// their units to the cover bound, which can buy them back at that price. A link costs its
    /// price, or beyond its units' worth its price less `num / den` for each unit it can serve.
    /// A trial left may be a link, at its price (its units are counted free already). Any
    /// plan's carriers hold such a chain (from each month not yet carried, the one carrying it
    /// that lasts longest: distinct purchases), and what else it buys costs at least
    /// `num / den` a unit (trials aside), so a chain's cost beyond adds to the units' worth.
    /// Month by month, per trial set: O(months · packages · 2^trials · link groups), once.
    /// (Counted from the month a link is first needed, a link could seem to serve the demand
    /// of `2 · periods − 1` months, which would let it off units it cannot serve.)
    fn new(
        inst: &Instance,
        carriers: &[&Kind],
        trials: &[usize],
        (num, den): (u128, u128),
        after: &[u64],
        groups: usize,
    ) -> PeakBound {
        let need = inst.need_conc;
        // More than 6 trials: none is a link (the bound only gets lower).
        let bits = if trials.len() <= 6 { trials.len() } else { 0 };
        let masks = 1usize << bits;
        // Each possible link: a carrier, or a trial left (the bit it takes).
        let trial_links = trials
            .iter()
            .enumerate()
            .take(bits)
            .filter(|(_, &k)| inst.kinds[k].conc >= need);
        let options: Vec<(&Kind, usize)> = carriers
            .iter()
            .map(|&k| (k, 0))
            .chain(trial_links.map(|(bit, &k)| (&inst.kinds[k], 1 << bit)))
            .collect();
        let links = PeakBound::chains(inst, &options, (num, den), after, masks, groups);
        let chain = PeakBound::least_chains(&links, inst.demand.len(), masks);
        PeakBound {
            num,
            den,
            chain,
            masks,
            links,
        }
    }

    /// The table `links` of [`PeakBound`] ([`PeakBound::new`]), from the last month back: the
    /// chains from month `m` on with the trials `used`, each a link among `options` (a carrier,
    /// or a trial left and the bit it takes) followed by the chains from where its cover ends.
    fn chains(
        inst: &Instance,
        options: &[(&Kind, usize)],
        (num, den): (u128, u128),
        after: &[u64],
        masks: usize,
        groups: usize,
    ) -> Vec<Links> {
        let h = inst.demand.len();
        // The most a link first needed in month `m` can serve: the demand of the months it is
        // held, bought in `m` or up to `periods − 1` months before.
        let held_demand = |m: usize, l: usize| window::busiest(after, m.saturating_sub(l - 1)..=m, l);
        let mut links: Vec<Links> = (0..(h + 1) * masks).map(|_| Links::default()).collect();
        links[h * masks].groups.push(LinkGroup {
            units: 0,
            served: 0,
            price: 0,
            beyond: 0,
        });
        for m in (0..h).rev() {
            for used in 0..masks {
                if inst.demand[m] == 0 {
                    links[m * masks + used] = links[(m + 1) * masks + used].clone();
                    continue;
                }
                let mut here = Links::default();
                for &(k, bit) in options.iter().filter(|o| (used & o.1) == o.1) {
                    let served = k.units.min(held_demand(m, k.periods));
                    // A trial's units are counted free already: it costs its price.
                    let worth = if bit == 0 { served } else { 0 };
                    let beyond = k
                        .price
                        .saturating_mul(den)
                        .saturating_sub(u128::from(worth).saturating_mul(num));
                    let rest = &links[(m + k.periods).min(h) * masks + (used & !bit)];
                    here.floor = here.floor.min(rest.floor.saturating_add(beyond));
                    for g in &rest.groups {
                        here.groups.push(LinkGroup {
                            units: g.units.saturating_add(k.units),
                            served: g.served.saturating_add(served),
                            price: g.price.saturating_add(k.price),
                            beyond: g.beyond.saturating_add(beyond),
                        });
                    }
                }
                here.keep_least(groups);
                links[m * masks + used] = here;
            }
        }
        links
    }

    /// The linear bound's table (`chain` of [`PeakBound`]) from the chains `links` of the
    /// months up to `h`: the least over the trials a chain may use.
    fn least_chains(links: &[Links], h: usize, masks: usize) -> Vec<u128> {
        let mut chain = vec![u128::MAX; (h + 1) * masks];
        for m in 0..=h {
            for mask in 0..masks {
                for used in (0..masks).filter(|&u| u & !mask == 0) {
                    let at = &mut chain[m * masks + mask];
                    *at = (*at).min(links[m * masks + used].least());
                }
            }
        }
        chain
    }
}

impl Solver<'_> {
    /// With a peak enforced, a lower bound on the dollars still to spend from a state at the
    /// start of period `t` that must still buy `need` units: any plan buys, besides the links
    /// of a chain carrying the peak from the end of the cover held on ([`PeakBound::new`]),
    /// at least `need` less the links' units, which cost at least the cover bound with the
    /// trials the chain left. For each group of chains (the same trials and units), the
    /// least price plus that cover bound, or the linear bound of [`Solver::peak_need`] if
    /// higher, bounds every chain of the group; the least over the groups bounds every plan.
    /// It sees what neither bound sees alone: that the packages carrying the peak are bought
    /// whole besides whole packages for the rest. Likewise the units
    /// still to serve (all held counted as usable) less what the chain's links can serve must
    /// be served by other purchases: at least their cover bound.
    pub(super) fn chain_cover(&mut self, t: usize, key: &[u64], need: u64) -> u128 {
        let Some(pb) = self.peak.as_ref().filter(|_| self.cfg.rules.chain_cover()) else {
            return 0;
        };
        let w = self.slots - 1;
        let (mask, cover) = (key[w] & 0xffff_ffff, (key[w] >> 32) as usize);
        let held = self.held(key);
        let (worth, from) = self.peak_worth(pb, t, held, mask, cover);
        let linear = |beyond: u128| worth.saturating_add(beyond) / pb.den;
        let serve = self.demand_after[t].saturating_sub(held);
        // What the links cannot serve is served by other packages.
        let drawn_by = self.cover.as_ref();
        let mut best = u128::MAX;
        let mut looked = 0u64;
        for used in (0..pb.masks as u64).filter(|&u| u & !mask == 0) {
            let links = &pb.links[from * pb.masks + used as usize];
            if links.floor < u128::MAX {
                best = best.min(linear(links.floor));
            }
            for g in &links.groups {
                let low = linear(g.beyond);
                if low >= best {
                    // The groups come least `beyond` first: none after can be lower.
                    break;
                }
                looked += 1;
                let rest = mask & !used;
                let bought = g
                    .price
                    .saturating_add(self.cover_bound(need.saturating_sub(g.units), rest));
                if bought >= best {
                    continue;
                }
                let drawn = drawn_by.map_or(0, |s| self.cover_by(s, serve.saturating_sub(g.served), rest));
                best = best.min(bought.max(g.price.saturating_add(drawn)).max(low));
            }
        }
        // Charged like an estimate of `Solver::level_limit`.
        self.charge_estimates(looked);
        if best == u128::MAX {
            0
        } else {
            best
        }
    }

    /// A lower bound on the dollars still to spend from a state at the start of period `t`
    /// with a peak enforced: every unit still needed (but what the trials left hold) costs at
    /// least the best price per unit `r` of per use and the packages, and the months with
    /// demand from the end of the cover held on need a chain of packages carrying the peak,
    /// each costing its price less its units that can be drawn, at `r`
    /// ([`PeakBound::new`]).
    pub(super) fn peak_bound(&self, t: usize, key: &[u64]) -> u128 {
        let w = self.slots - 1;
        self.peak_need(t, self.held(key), key[w] & 0xffff_ffff, (key[w] >> 32) as usize)
    }

    /// The units the trials `mask` hold together.
    fn trial_units(&self, mask: u64) -> u64 {
        self.trials
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .fold(0u64, |a, (_, &k)| a.saturating_add(self.inst.kinds[k].units))
    }

    /// [`Solver::peak_bound`] from period `t` on, with `stock` units held, the trials `mask`
    /// still available and the peak carried through `cover` periods from `t`.
    pub(super) fn peak_need(&self, t: usize, stock: u64, mask: u64, cover: usize) -> u128 {
        let Some(pb) = &self.peak else {
            return 0;
        };
        let (worth, from) = self.peak_worth(pb, t, stock, mask, cover);
        let carry = pb.chain[from * pb.masks + (mask as usize & (pb.masks - 1))];
        worth.saturating_add(carry) / pb.den
    }

    /// What both peak bounds share from period `t` on, with `stock` held, the trials `mask`
    /// left and the peak carried through `cover` periods: the units still needed but what
    /// the trials left hold (cheaper per unit, their units are not counted) at `num` (times
    /// `den`), and the month the peak's chain starts.
    fn peak_worth(&self, pb: &PeakBound, t: usize, stock: u64, mask: u64, cover: usize) -> (u128, usize) {
        let need = self.demand_after[t]
            .saturating_sub(stock)
            .saturating_sub(self.trial_units(mask));
        let from = (t + cover).min(self.inst.demand.len());
        (u128::from(need).saturating_mul(pb.num), from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::config::SearchConfig;
    use crate::plan::search::tests::{assert_proven_at, kind};

    /// A carrier held while demand is small is charged for the units it cannot serve: one
    /// 300-unit package at 4,200 carries the peak for three months of 10 units each, at 14 a
    /// unit (per use, the best price per unit) it serves at most 30 of them.
    #[test]
    fn the_peak_chain_charges_a_carrier_for_what_it_cannot_serve() {
        let inst = Instance {
            demand: vec![10, 10, 10],
            kinds: vec![kind(4_200, 300, 3, false)],
            balances: Vec::new(),
            need_conc: 5,
            per_use: Some(14),
        };
        let after = window::demand_after(&inst.demand);
        let PeakBound { chain, masks, .. } = PeakBound::new(&inst, &[&inst.kinds[0]], &[], (14, 1), &after, 16);
        assert_eq!(masks, 1);
        assert_eq!(chain[0], 4_200 - 30 * 14);
        // From the last month on: bought up to two months earlier, it could serve all 30.
        assert_eq!(chain[2], 4_200 - 30 * 14);
        assert_eq!(chain[3], 0);
    }

    /// A month of 10 units; 4 units for $40 (the best price per unit, no concurrency) or 3
    /// for $60, which carries the peak. The cover bound alone is 3 × $40 = $120 (12 units),
    /// the linear peak bound 10 units at $10 plus the carrier's $30 beyond its units' worth:
    /// $130. A plan buys the carrier whole and the other 7 units besides: $60 + 2 × $40 =
    /// $140, the optimum, which the bound at the start now is.
    #[test]
    fn the_chain_and_the_cover_bound_the_start_together() {
        let mut cheap = kind(40, 4, 1, false);
        cheap.conc = 0;
        let inst = Instance {
            demand: vec![10],
            kinds: vec![cheap, kind(60, 3, 1, false)],
            balances: Vec::new(),
            need_conc: 5,
            per_use: None,
        };
        let mut solver = Solver::new(&inst, &[true, true], &SearchConfig::default());
        let key = solver.initial_key();
        assert_eq!(solver.cover_bound(10, 0), 120);
        assert_eq!(solver.peak_bound(0, &key), 130);
        assert_eq!(solver.chain_cover(0, &key, 10), 140);
        assert_eq!(solver.root_lower(), 140);
        assert_proven_at(&mut solver, &inst, 140);
    }

    /// Six months of 10 units and a peak; two packages of three months carry it, A (40 units,
    /// $300) and B (20 units, $210), and a quote that does not (100 units for six months at
    /// $500, the best price per unit) or per use at $10 a unit. A chain of A and B holds the
    /// 60 units still to come for $510, but A serves at most the 30 of its three months
    /// (bought when it is first needed, or earlier and then expiring sooner), B 20: 10 more
    /// units must come from elsewhere, at least $100 (the quote serves at most 60 of its 100).
    /// Two B serve 40 and leave 20 ($620); two A serve all for $600, the optimum, which the
    /// bound at the start is (counting the units a chain holds, it was $510).
    #[test]
    fn a_chain_serves_only_the_demand_of_its_links_months() {
        let mut quote = kind(500, 100, 6, false);
        quote.conc = 0;
        let inst = Instance {
            demand: vec![10; 6],
            kinds: vec![kind(300, 40, 3, false), kind(210, 20, 3, false), quote],
            balances: Vec::new(),
            need_conc: 5,
            per_use: Some(10),
        };
        let mut solver = Solver::new(&inst, &[true; 3], &SearchConfig::default());
        let key = solver.initial_key();
        assert_eq!(solver.chain_cover(0, &key, 60), 600);
        assert_eq!(solver.root_lower(), 600);
        assert_proven_at(&mut solver, &inst, 600);
    }
}
