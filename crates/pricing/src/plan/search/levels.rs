//! The cheapest way to buy an exact number of units from the packages of one validity class.
//!
//! Packages with the same validity bought in the same period expire together, so for the planner
//! they are interchangeable capacity: what matters is the total bought (a *level*) and the
//! cheapest multiset that reaches exactly that total. This module answers
//! `cover(C)` = the lexicographically cheapest multiset (money, then number of packages, then the
//! highest concurrency) whose units add up to exactly `C`.
//!
//! Method: let `*` be the package with the best price per unit (ties: more units, then higher
//! concurrency). In a cheapest multiset, any other package `i` appears fewer than
//! `q_i = u* / gcd(u_i, u*)` times, since `q_i` copies add up to a multiple of `u*` and can be
//! swapped for copies of `*` at no greater cost and no more packages. So the non-`*` part adds up
//! to at most `X0 = Σ (q_i − 1)·u_i`; an unbounded-knapsack table over `0..=X0` (in steps of the
//! gcd `g` of the class's units) gives its cheapest exact compositions, and
//! `cover(C) = min over x ≡ C (mod u*), x ≤ min(C, X0)` of `table[x] + (C − x)/u* copies of *`.
//! The table is capped at a number of entries (`SearchConfig::table_cap`); a class whose bound is larger is marked
//! `truncated` (its covers are then upper bounds, and the planner says the plan is not proven).

use super::state::Index;
use super::Kind;
use std::cmp::Ordering::{Equal, Less};

/// The cheapest exact composition of one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cover {
    pub money: u128,
    pub count: u64,
    /// Highest concurrency among the packages (0 when none is known).
    pub conc: u32,
    /// Units (in steps of the class gcd) made of non-`*` packages: an index into the table.
    others: u64,
    /// Copies of the `*` package.
    stars: u64,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    money: u128,
    count: u64,
    conc: u32,
    /// Index into `others` of the last package added, for reconstruction.
    last: u16,
}

/// `a` is better than `b`: less money, then fewer packages, then higher concurrency.
fn better(a: (u128, u64, u32), b: (u128, u64, u32)) -> bool {
    (a.0, a.1, std::cmp::Reverse(a.2)) < (b.0, b.1, std::cmp::Reverse(b.2))
}

/// Adds `n` packages of kind `k` to `counts`, which is kept by kind index.
pub(super) fn add_count(counts: &mut Vec<(usize, u64)>, k: usize, n: u64) {
    let at = counts.partition_point(|e| e.0 < k);
    match counts.get_mut(at) {
        Some(e) if e.0 == k => e.1 += n,
        _ => counts.insert(at, (k, n)),
    }
}

/// How `price_a / units_a` compares with `price_b / units_b`, by cross products (exact).
pub(super) fn per_unit(price_a: u128, units_a: u64, price_b: u128, units_b: u64) -> std::cmp::Ordering {
    let lhs = price_a.saturating_mul(u128::from(units_b));
    lhs.cmp(&price_b.saturating_mul(u128::from(units_a)))
}

pub(super) fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

/// The packages of one validity (in periods), outside trials.
#[derive(Debug)]
pub(super) struct Class {
    /// Periods a package of this class serves, counting the one it is bought in.
    pub periods: usize,
    /// Kind indices of the class's packages.
    pub kinds: Vec<usize>,
    /// Gcd of the class's package units: every level is a multiple of it.
    pub g: u64,
    /// Most units of any package in the class.
    pub umax: u64,
    /// The best-value package.
    star: usize,
    /// The other packages.
    others: Vec<usize>,
    table: Vec<Option<Entry>>,
    /// The table was cut at its cap: covers may not be the cheapest.
    pub truncated: bool,
    /// Covers computed so far: levels, their covers, and an index from a level to its entry.
    cache_keys: Vec<u64>,
    cache_vals: Vec<Option<Cover>>,
    cache_index: Index,
}

impl Class {
    /// Builds the class of `members` (non-empty, all with `periods` validity and positive units).
    /// The table holds at most `cap` entries.
    pub fn new(kinds: &[Kind], periods: usize, members: Vec<usize>, cap: u64) -> Class {
        let g = members.iter().fold(0, |acc, &k| gcd(acc, kinds[k].units)).max(1);
        let umax = members.iter().map(|&k| kinds[k].units).max().unwrap_or(1);
        // Best price per unit; ties: more units, then higher concurrency.
        let mut star = members[0];
        for &k in &members[1..] {
            let (a, b) = (&kinds[k], &kinds[star]);
            let order = per_unit(a.price, a.units, b.price, b.units);
            if order == Less || (order == Equal && (a.units, a.conc) > (b.units, b.conc)) {
                star = k;
            }
        }
        let others: Vec<usize> = members.iter().copied().filter(|&k| k != star).collect();
        let us = kinds[star].units;
        let mut bound: u64 = 0;
        for &k in &others {
            let u = kinds[k].units;
            let q = us / gcd(u, us);
            bound = bound.saturating_add((q - 1).saturating_mul(u / g));
        }
        let truncated = bound > cap;
        let n = bound.min(cap) as usize + 1;
        let mut table: Vec<Option<Entry>> = vec![None; n];
        table[0] = Some(Entry {
            money: 0,
            count: 0,
            conc: 0,
            last: u16::MAX,
        });
        for x in 1..n {
            let mut best: Option<Entry> = None;
            for (j, &k) in others.iter().enumerate() {
                let step = (kinds[k].units / g) as usize;
                if step > x {
                    continue;
                }
                if let Some(prev) = table[x - step] {
                    let cand = Entry {
                        money: prev.money.saturating_add(kinds[k].price),
                        count: prev.count + 1,
                        conc: prev.conc.max(kinds[k].conc),
                        last: j as u16,
                    };
                    let better_than_best = match best {
                        None => true,
                        Some(b) => better((cand.money, cand.count, cand.conc), (b.money, b.count, b.conc)),
                    };
                    if better_than_best {
                        best = Some(cand);
                    }
                }
            }
            table[x] = best;
        }
        Class {
            periods,
            kinds: members,
            g,
            umax,
            star,
            others,
            table,
            truncated,
            cache_keys: Vec::new(),
            cache_vals: Vec::new(),
            cache_index: Index::new(),
        }
    }

    /// The best-value package: a cover holds copies of it and at most [`Class::spare`] units of
    /// the others.
    pub fn star(&self) -> usize {
        self.star
    }

    /// The most units of packages other than [`Class::star`] in any cover.
    pub fn spare(&self) -> u64 {
        (self.table.len() as u64 - 1).saturating_mul(self.g)
    }

    /// The cheapest multiset of exactly `units` (0 → the empty multiset), if one exists.
    pub fn cover(&mut self, kinds: &[Kind], units: u64) -> Option<Cover> {
        if units == 0 {
            return Some(Cover {
                money: 0,
                count: 0,
                conc: 0,
                others: 0,
                stars: 0,
            });
        }
        if units % self.g != 0 {
            return None;
        }
        let key = [units];
        let slot = match self.cache_index.find(&self.cache_keys, 1, &key) {
            Ok(i) => return self.cache_vals[i],
            Err(slot) => slot,
        };
        let c = self.compute(kinds, units / self.g);
        if self.cache_vals.len() > 1 << 16 {
            self.cache_keys.clear();
            self.cache_vals.clear();
            self.cache_index = Index::new();
            return c;
        }
        self.cache_keys.push(units);
        self.cache_vals.push(c);
        self.cache_index
            .insert(slot, self.cache_vals.len() - 1, &self.cache_keys, 1);
        c
    }

    fn compute(&self, kinds: &[Kind], c: u64) -> Option<Cover> {
        let star = &kinds[self.star];
        let us = star.units / self.g;
        let top = c.min(self.table.len() as u64 - 1);
        let mut best: Option<Cover> = None;
        let mut x = c % us;
        while x <= top {
            if let Some(e) = self.table[x as usize] {
                let stars = (c - x) / us;
                let cand = Cover {
                    money: e.money.saturating_add(star.price.saturating_mul(u128::from(stars))),
                    count: e.count.saturating_add(stars),
                    conc: if stars > 0 { e.conc.max(star.conc) } else { e.conc },
                    others: x,
                    stars,
                };
                let take = match best {
                    None => true,
                    Some(b) => better((cand.money, cand.count, cand.conc), (b.money, b.count, b.conc)),
                };
                if take {
                    best = Some(cand);
                }
            }
            x += us;
        }
        best
    }

    /// Adds the packages of a cover to `counts`, (kind index, count) by kind index.
    pub fn composition(&self, kinds: &[Kind], cover: &Cover, counts: &mut Vec<(usize, u64)>) {
        if cover.stars > 0 {
            add_count(counts, self.star, cover.stars);
        }
        let mut x = cover.others as usize;
        while x > 0 {
            let Some(e) = self.table.get(x).copied().flatten() else {
                break;
            };
            let Some(&k) = self.others.get(usize::from(e.last)) else {
                break;
            };
            add_count(counts, k, 1);
            x -= (kinds[k].units / self.g) as usize;
        }
    }
}
