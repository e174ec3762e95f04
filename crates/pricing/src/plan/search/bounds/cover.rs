//! The least a number of units can cost, bought all at once from the packages (not trials) and
//! per use, whatever their sizes: a lower bound the search charges for the units a state must
//! still buy.
//!
//! Let `*` be the package with the best price per unit (`P*` for `u*` units). Any purchase of
//! `n` units costs `n·P*/u*` plus its *excess*: `price·u* − P*·units` (over `u*`) for each
//! package, `p·u* − P*` a unit per use. Copies of `*` have none, so what a purchase's excess
//! can be depends only on its other packages, through the residue of their units modulo `u*`:
//! `e[ρ]`, the least excess of a multiset of the other packages whose units are `ρ` modulo
//! `u*` (in steps of `g`, the gcd of all package sizes), is a shortest path over the residues,
//! each package a step of its units at its excess (round-robin over each package's cycles:
//! O(packages · u*/g)). Buying at least `n` units, the packages hold `y ≥ n` (the rest of
//! `y − n` at `P*/u*` a unit is the extra), or with per use `y ≤ n` (per use buys `n − y` at
//! its excess a unit): the least of each over the residues is one sweep around the circle.
//! So the bound is one look-up, exact once `n` is large (the relaxation is only that `*` may be
//! bought a negative number of times, which can only lower it). When `u*/g` is over
//! `SearchConfig::cover_residues` (a quote of odd size: 464,679 units in quarters next to Kling's packs has
//! 154,893), the steps are coarser: each package is counted as holding its units rounded up to
//! them, which can only lower the bound too, by at most a step's worth at the best price per
//! unit for each package bought.
//!
//! This sees what a price per unit misses: that a 19,462-unit quote is bought whole, so the
//! units a long horizon needs are bought a whole number of times, with the rest per use or in
//! dearer packages. On hard inputs its bound at the start is often the optimum itself.

use crate::plan::search::levels::{gcd, per_unit};
use crate::plan::search::{Kind, Solver};

/// Most residues of the tests' bounds, as `SearchConfig::cover_residues`.
#[cfg(test)]
const RESIDUES: u64 = 1 << 17;

#[derive(Debug)]
pub(crate) enum CoverBound {
    /// Per use is no dearer per unit than any package: every unit costs its price.
    PerUnit(u128),
    Residues(Residues),
}

/// The tables of the module's documentation.
#[derive(Debug)]
pub(crate) struct Residues {
    /// The step units are counted in: the gcd of the packages' units, or coarser (see the
    /// module's documentation).
    g: u64,
    /// `*`'s units in steps of `g`.
    residues: u64,
    /// `*`'s units rounded up to a step.
    star_units: u64,
    star_price: u128,
    /// Per residue `j` (in steps of `g`), the least extra over `n·P*` (times `u*`) of packages
    /// holding at least `n` units, for `n` rounded up to a multiple of `g` that is `j` mod `u*/g`.
    up: Vec<u128>,
    /// With per use: its excess a unit (times `u*`), and per residue the least extra of
    /// packages holding at most `n` units (`n` rounded down), per use buying the rest.
    down: Option<(u128, Vec<u128>)>,
}

impl CoverBound {
    /// The bound for the packages `members` (non-trial, positive units) and per use at
    /// `per_use` a unit; `None` when there is nothing to buy or too many residues (then no bound
    /// is used).
    #[cfg(test)]
    pub fn new(kinds: &[Kind], members: &[usize], per_use: Option<u128>) -> Option<CoverBound> {
        CoverBound::within(kinds, members, per_use, RESIDUES)
    }

    /// [`CoverBound::new`] with at most `limit` residues (coarser steps when the best package
    /// has more): a smaller table, built faster, for a bound that needs less precision.
    pub fn within(kinds: &[Kind], members: &[usize], per_use: Option<u128>, limit: u64) -> Option<CoverBound> {
        // The best price per unit, units counted by `per` (ties: more units).
        let best = |per: &dyn Fn(u64) -> u64| {
            members.iter().copied().reduce(|b, k| {
                let (ub, uk) = (per(kinds[b].units), per(kinds[k].units));
                let order = per_unit(kinds[k].price, uk, kinds[b].price, ub).then(ub.cmp(&uk));
                if order.is_lt() {
                    k
                } else {
                    b
                }
            })
        };
        let Some(star) = best(&|u| u) else {
            return per_use.map(CoverBound::PerUnit);
        };
        let (units, price) = (kinds[star].units, kinds[star].price);
        if let Some(p) = per_use.filter(|p| p.saturating_mul(u128::from(units)) <= price) {
            return Some(CoverBound::PerUnit(p));
        }
        // The step: the gcd, or coarser until the best package (by its rounded units) has few
        // enough residues.
        let mut g = members.iter().fold(0, |a, &k| gcd(a, kinds[k].units)).max(1);
        let mut star = star;
        for _ in 0..=members.len() {
            if kinds[star].units.div_ceil(g) <= limit {
                break;
            }
            g = kinds[star].units.div_ceil(limit);
            star = best(&|u| u.div_ceil(g))?;
        }
        let residues = kinds[star].units.div_ceil(g);
        if residues > limit {
            return None;
        }
        let (su, sp) = (residues * g, kinds[star].price);
        let e = least_excess(kinds, members, star, g, residues as usize);
        let up = sweep(e.clone(), sp.saturating_mul(u128::from(g)), false);
        let down = per_use.map(|p| {
            let excess = p.saturating_mul(u128::from(su)).saturating_sub(sp);
            (excess, sweep(e, excess.saturating_mul(u128::from(g)), true))
        });
        Some(CoverBound::Residues(Residues {
            g,
            residues,
            star_units: su,
            star_price: sp,
            up,
            down,
        }))
    }

    /// A lower bound on the dollars (millionths) of buying at least `units` units.
    pub fn at_least(&self, units: u64) -> u128 {
        match self {
            CoverBound::PerUnit(p) => p.saturating_mul(u128::from(units)),
            CoverBound::Residues(r) => r.at_least(units),
        }
    }
}

impl Residues {
    fn at_least(&self, units: u64) -> u128 {
        if units == 0 {
            return 0;
        }
        let (n, g) = (u128::from(units), u128::from(self.g));
        let slot = |j: u64| (j % self.residues) as usize;
        // Packages hold at least `units`: up to the next multiple of g at P*/u*, then `up`.
        let above = units.div_ceil(self.g);
        let mut extra = self
            .star_price
            .saturating_mul(u128::from(above) * g - n)
            .saturating_add(self.up[slot(above)]);
        // Or at most `units`, per use buying the rest.
        if let Some((excess, down)) = &self.down {
            let below = units / self.g;
            let rest = n - u128::from(below) * g;
            extra = extra.min(excess.saturating_mul(rest).saturating_add(down[slot(below)]));
        }
        self.star_price
            .saturating_mul(n)
            .saturating_add(extra)
            .div_ceil(u128::from(self.star_units))
    }
}

/// `e[ρ]`: the least excess (times `u*`) of a multiset of the packages other than `star`
/// whose units are `ρ·g` modulo `u*` (`n` steps of g); `u128::MAX` for none. Each package
/// steps the residues by its units, so on each cycle of its steps one walk from the cycle's
/// least entry settles it (the round-robin algorithm for residue-class shortest paths).
fn least_excess(kinds: &[Kind], members: &[usize], star: usize, g: u64, n: usize) -> Vec<u128> {
    // `*`'s units and every package's, rounded up to steps of g.
    let (su, sp) = (n as u64 * g, kinds[star].price);
    let mut e = vec![u128::MAX; n];
    e[0] = 0;
    for k in members.iter().filter(|&&k| k != star).map(|&k| &kinds[k]) {
        let steps = k.units.div_ceil(g);
        let step = (steps % n as u64) as usize;
        if step == 0 {
            continue;
        }
        let excess = k
            .price
            .saturating_mul(u128::from(su))
            .saturating_sub(sp.saturating_mul(u128::from(steps * g)));
        let cycles = gcd(step as u64, n as u64) as usize;
        for start in 0..cycles {
            // The cycle's least entry (the walk from it relaxes every other first).
            let (mut at, mut least) = (start, start);
            loop {
                at = (at + step) % n;
                if at == start {
                    break;
                }
                if e[at] < e[least] {
                    least = at;
                }
            }
            at = least;
            loop {
                let to = (at + step) % n;
                e[to] = e[to].min(e[at].saturating_add(excess));
                at = to;
                if at == least {
                    break;
                }
            }
        }
    }
    e
}

/// `e` with each entry lowered to the least of `e[j + d] + d·step` over `d ≥ 0` (upward), or
/// of `e[j − d] + d·step` (downward), around the circle: two passes settle it.
fn sweep(mut e: Vec<u128>, step: u128, downward: bool) -> Vec<u128> {
    let n = e.len();
    for _ in 0..2 {
        for i in 0..n {
            let (j, from) = if downward {
                (i, (i + n - 1) % n)
            } else {
                (n - 1 - i, (n - i) % n)
            };
            e[j] = e[j].min(e[from].saturating_add(step));
        }
    }
    e
}

impl Solver<'_> {
    /// A lower bound on the dollars of buying at least `need` units, trials in `mask` included:
    /// the least over the subsets of those trials of their prices and the rest at
    /// [`CoverBound::at_least`].
    pub(crate) fn cover_bound(&self, need: u64, mask: u64) -> u128 {
        self.cover.as_ref().map_or(0, |cover| self.cover_by(cover, need, mask))
    }

    /// [`Solver::cover_bound`] with the table `cover`.
    pub(super) fn cover_by(&self, cover: &CoverBound, need: u64, mask: u64) -> u128 {
        if need == 0 {
            return 0;
        }
        let kinds = &self.inst.kinds;
        let left: Vec<&Kind> = (0..self.trials.len())
            .filter(|&b| mask & (1 << b) != 0)
            .map(|b| &kinds[self.trials[b]])
            .collect();
        if left.len() > self.cfg.trial_subsets {
            let all = left.iter().fold(0u64, |a, k| a.saturating_add(k.units));
            return cover.at_least(need.saturating_sub(all));
        }
        let mut best = u128::MAX;
        for sub in 0u32..(1 << left.len()) {
            let (mut price, mut units) = (0u128, 0u64);
            for (i, k) in left.iter().enumerate() {
                if sub & (1 << i) != 0 {
                    price = price.saturating_add(k.price);
                    units = units.saturating_add(k.units);
                }
            }
            best = best.min(price.saturating_add(cover.at_least(need.saturating_sub(units))));
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(price: u128, units: u64) -> Kind {
        Kind {
            price,
            units,
            periods: 1,
            conc: 0,
            trial: false,
        }
    }

    /// The least cost of at least `n` units by enumeration (copies up to a safe bound).
    fn brute(kinds: &[Kind], per_use: Option<u128>, n: u64) -> u128 {
        let mut best = u128::MAX;
        let mut counts = vec![0u64; kinds.len()];
        loop {
            let units: u64 = kinds.iter().zip(&counts).map(|(k, &c)| k.units * c).sum();
            let price: u128 = kinds.iter().zip(&counts).map(|(k, &c)| k.price * u128::from(c)).sum();
            let rest = n.saturating_sub(units);
            match per_use {
                Some(p) => best = best.min(price + p * u128::from(rest)),
                None if rest == 0 => best = best.min(price),
                None => {}
            }
            // Next vector of counts, each up to what covers n on its own.
            let mut i = 0;
            loop {
                if i == kinds.len() {
                    return best;
                }
                counts[i] += 1;
                if counts[i] <= n / kinds[i].units + 1 {
                    break;
                }
                counts[i] = 0;
                i += 1;
            }
        }
    }

    /// Never above the least cost, and equal to it once the units are many (odd sizes next to
    /// Kling's packs, with and without per use).
    #[test]
    fn bounds_the_least_cost_and_meets_it_for_large_needs() {
        let kinds = vec![kind(4_200, 600), kind(6_720, 1_200), kind(1_191, 213), kind(2_128, 389)];
        let members = [0, 1, 2, 3];
        for per_use in [None, Some(7), Some(5)] {
            let bound = CoverBound::new(&kinds, &members, per_use).unwrap();
            for n in (0..4_000).step_by(37) {
                let (b, least) = (bound.at_least(n), brute(&kinds, per_use, n));
                assert!(b <= least, "n {n}, per use {per_use:?}: {b} > {least}");
                if n >= 2_000 {
                    assert_eq!(b, least, "n {n}, per use {per_use:?}");
                }
            }
        }
    }

    /// A quote whose units have too many residues is counted in coarser steps: still never
    /// above the least cost, and within a thousandth of it.
    #[test]
    fn odd_quotes_are_bounded_in_coarser_steps() {
        // Kling's packs in quarter units next to a 464,679-unit quote (154,893 residues).
        let kinds = vec![kind(4_200, 120_000), kind(6_720, 240_000), kind(25_000, 1_858_716)];
        for per_use in [None, Some(1)] {
            let bound = CoverBound::new(&kinds, &[0, 1, 2], per_use).unwrap();
            let CoverBound::Residues(r) = &bound else {
                panic!("a package is cheaper per unit than per use");
            };
            assert!(r.residues <= RESIDUES && r.g > 1);
            for n in (0..6_000_000).step_by(99_991) {
                let (b, least) = (bound.at_least(n), brute(&kinds, per_use, n));
                assert!(b <= least, "n {n}, per use {per_use:?}: {b} > {least}");
                assert!(least - b <= least / 1_000, "n {n}: {b} against {least}");
            }
        }
    }

    /// Per use no dearer than the best package: every unit at its price.
    #[test]
    fn cheap_per_use_prices_every_unit() {
        let kinds = vec![kind(4_200, 600)];
        let bound = CoverBound::new(&kinds, &[0], Some(6)).unwrap();
        assert_eq!(bound.at_least(1_000), 6_000);
        assert!(CoverBound::new(&kinds, &[], None).is_none());
    }
}
