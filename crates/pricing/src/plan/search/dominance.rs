//! Dominance: a month's states that another state makes useless are dropped
//! ([`Solver::undominated`]). A state with the same trials and cover, no more cost and at least
//! as many units expiring at or after every bucket can follow whatever the other does, at no
//! greater cost. With stock in one or two buckets the check is exact, against a staircase
//! ([`keep_staircase`]); with more, pairwise against the cheapest states kept
//! ([`keep_pairwise`]), where a state that holds less but is cheaper by copies of a package that
//! make it up beats too ([`Restock`]).

use super::state::Layer;
use super::{Cost, Kind, Solver};
use crate::sort;

impl Solver<'_> {
    /// Drops the states another state dominates: the same trials and cover, no more cost, and at
    /// least as many units expiring at or after every bucket. (Whatever the dominated state can
    /// still do, the other can do at no more cost, so an optimal plan survives.)
    pub(super) fn undominated(&mut self, layer: Layer) -> Layer {
        let stride = self.stride();
        let w = stride - 1;
        let n = layer.len();
        if n < 2 || !self.cfg.rules.dominance() {
            return layer;
        }
        // The trials left and the peak's cover: states are compared within a group of both.
        let meta = |i: usize| layer.keys[i * stride + w];
        let order = checking_order(&layer, stride, &meta);
        let restock = self.restock();
        let mut keep = vec![false; n];
        let mut compared: u64 = 0;
        let mut start = 0;
        while start < n {
            let m = meta(order[start]);
            let mut end = start;
            while end < n && meta(order[end]) == m {
                end += 1;
            }
            let group = &order[start..end];
            match w {
                0 => keep[group[0]] = true,
                1 | 2 => keep_staircase(&layer, stride, group, &mut keep),
                _ => compared += keep_pairwise(&layer, stride, group, &mut keep, &restock),
            }
            start = end;
        }
        self.steps = self.steps.saturating_add(compared / 16);
        if keep.iter().all(|&k| k) {
            return layer;
        }
        layer.select((0..n).filter(|&i| keep[i]), stride, self.dec_stride())
    }

    /// What a state may buy at once to beat one that holds more ([`Restock`]): the packages,
    /// when the rule `restock_copies` allows.
    fn restock(&self) -> Restock<'_> {
        let rules = &self.cfg.rules;
        Restock {
            kinds: if rules.restock_copies() { &self.packages } else { &[] },
            peers: self.cfg.dominance_peers,
            cheapest: self
                .relax
                .as_ref()
                .map_or((u128::MAX, 1), |r| (r.price, u128::from(r.units))),
        }
    }
}

/// The states of `layer` in the order dominance checks them: grouped by `meta` (the states a
/// state is compared with share it), and within a group the cheapest first, then the one
/// holding most units, so that a state is checked against the states kept before it, those
/// that may beat it.
fn checking_order(layer: &Layer, stride: usize, meta: &impl Fn(usize) -> u64) -> Vec<usize> {
    let w = stride - 1;
    let total = |i: usize| {
        layer.keys[i * stride..i * stride + w]
            .iter()
            .fold(0u64, |a, &b| a.saturating_add(b))
    };
    sort::order(layer.len(), &|a, b| {
        (meta(a), layer.cost[a], std::cmp::Reverse(total(a))).cmp(&(
            meta(b),
            layer.cost[b],
            std::cmp::Reverse(total(b)),
        ))
    })
}

/// Units expiring at or after each bucket of state `i` (latest first): its suffix sums.
fn suffix_sums(layer: &Layer, stride: usize, i: usize) -> Vec<u64> {
    let w = stride - 1;
    let key = &layer.keys[i * stride..(i + 1) * stride];
    let mut acc = 0u64;
    let mut out = vec![0u64; w];
    for j in (0..w).rev() {
        acc = acc.saturating_add(key[j]);
        out[w - 1 - j] = acc;
    }
    out
}

/// Dominance within a `group` (same trials and cover, cheapest first) when stock spans one or
/// two buckets: exact, against a staircase of the states kept.
fn keep_staircase(layer: &Layer, stride: usize, group: &[usize], keep: &mut [bool]) {
    let w = stride - 1;
    // A staircase of (latest, all) suffix sums: ascending in the first, descending in the second.
    // Kept sorted by the first; a plain Vec (binary search, splice) rather than a
    // BTreeMap, whose code is 5 KB of wasm.
    let mut stairs: Vec<(u64, u64)> = Vec::new();
    for &i in group {
        let sx = suffix_sums(layer, stride, i);
        let (x, y) = (sx[0], sx[w - 1]);
        let at = stairs.partition_point(|&(k, _)| k < x);
        if stairs.get(at).is_some_and(|&(_, yy)| yy >= y) {
            continue;
        }
        keep[i] = true;
        // Steps at or left of x with no more in the second are covered; being a
        // staircase, they are the run just before the first step right of x.
        let end = at + usize::from(stairs.get(at).is_some_and(|&(k, _)| k == x));
        let start = stairs[..end].partition_point(|&(_, yy)| yy > y);
        // (x, y) replaces stairs[start..end] (a memmove, not a generic splice).
        if start == end {
            stairs.insert(start, (x, y));
        } else {
            stairs[start] = (x, y);
            let len = stairs.len();
            stairs.copy_within(end..len, start + 1);
            stairs.truncate(len - (end - start - 1));
        }
    }
}

/// What a state may buy at once to hold at least what another holds: copies of one package
/// (not a trial) that lasts long enough. A state that holds less but is cheaper by at least
/// such a purchase leads to every plan the other does, at no greater cost.
struct Restock<'a> {
    /// Units, price and periods of the packages (not trials) that may be bought; none when
    /// the rule `restock_copies` is off.
    kinds: &'a [Kind],
    /// Kept states a state is compared with (`SearchConfig::dominance_peers`).
    peers: usize,
    /// The least price per unit among them and per use (`price / units`, the block
    /// relaxation's): a purchase of `n` units costs at least `n` times it, which rules most
    /// pairs out at once.
    cheapest: (u128, u128),
}

impl Restock<'_> {
    /// Whether a state of cost `kept` beats one of cost `other` that holds up to `short` more
    /// units at or after some bucket, the last such bucket `last` periods from now: buying
    /// now what makes up the difference, the first can follow whatever the second does.
    ///
    /// Packages bought now are counted in full (dollars, units and packages): with them the
    /// first's cost is at most the second's, compared as the plans are.
    fn beats(&self, kept: Cost, other: Cost, short: u64, last: usize) -> bool {
        if short == 0 {
            return true;
        }
        let (price, units) = self.cheapest;
        let spare = other.money.saturating_sub(kept.money);
        if spare.saturating_mul(units) < u128::from(short).saturating_mul(price) {
            return false;
        }
        self.kinds.iter().filter(|k| k.periods > last).any(|k| {
            let copies = short.div_ceil(k.units);
            let bought = Cost {
                money: k.price.saturating_mul(u128::from(copies)),
                units: copies.saturating_mul(k.units),
                count: copies,
            };
            kept.add(bought) <= other
        })
    }
}

/// Dominance within a `group` when stock spans three buckets or more: pairwise against the
/// cheapest states kept (at most `peers` of them, so the check stays linear; a state
/// it misses is merely kept). A kept state beats one holding no more units at or after any
/// bucket, and one holding more when it is cheaper by at least what makes up the difference
/// ([`Restock::beats`]). Returns the comparisons made.
fn keep_pairwise(layer: &Layer, stride: usize, group: &[usize], keep: &mut [bool], restock: &Restock) -> u64 {
    let w = stride - 1;
    let mut compared = 0;
    // Their suffix sums, `w` words each (the latest bucket first), and their costs.
    let mut kept: Vec<u64> = Vec::new();
    let mut costs: Vec<Cost> = Vec::new();
    for &i in group {
        let sx = suffix_sums(layer, stride, i);
        compared += (kept.len() / w) as u64;
        let cost = layer.cost[i];
        let beaten = kept.chunks_exact(w).zip(&costs).any(|(k, &m)| {
            let short = k.iter().zip(&sx).map(|(a, b)| b.saturating_sub(*a)).max().unwrap_or(0);
            // The latest bucket where it holds less, in periods from now.
            let last = k.iter().zip(&sx).position(|(a, b)| b > a).map_or(0, |j| w - 1 - j);
            restock.beats(m, cost, short, last)
        });
        if beaten {
            continue;
        }
        keep[i] = true;
        if kept.len() < restock.peers * w {
            kept.extend_from_slice(&sx);
            costs.push(cost);
        }
    }
    compared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::search::tests::kind;

    /// Holding less is made up by a purchase at once: one copy of a package that lasts through
    /// the bucket short, at no more than the difference in cost (dollars, units, packages).
    #[test]
    fn a_state_beats_one_that_holds_more_when_cheaper_by_a_purchase_that_makes_it_up() {
        let packages = [kind(4_200, 300, 3, false)];
        let cost = |money: u128, units: u64, count: u64| Cost { money, units, count };
        let restock = Restock {
            kinds: &packages,
            peers: 4096,
            cheapest: (4_200, 300),
        };
        let kept = cost(10_000, 1_000, 2);
        // The other bought one more package, 300 units still held two months from now.
        assert!(restock.beats(kept, cost(14_200, 1_300, 3), 300, 2));
        assert!(restock.beats(kept, cost(14_200, 1_300, 3), 200, 2));
        // A package lasting three months cannot make up units held three months from now.
        assert!(!restock.beats(kept, cost(14_200, 1_300, 3), 300, 3));
        // Cheaper by less than a package.
        assert!(!restock.beats(kept, cost(14_199, 1_300, 3), 300, 2));
        // Nothing short: no more cost is enough.
        assert!(restock.beats(kept, kept, 0, 0));
    }
}
