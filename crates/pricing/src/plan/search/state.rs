//! The states of the search: a month's states ([`Layer`]), each a key of `stride` words, the
//! stock left in each expiry bucket and then one word for the trials still available (low 32
//! bits) and how long a package that carries the peak is still held (high 32 bits); and the
//! index that finds a key among them ([`Index`]).

use super::{Cost, Instance, Solver};

/// The longest validity of the kinds `on` (1 when none), and the expiry buckets a month looks
/// at, the stock carried in `slots − 1` of them: enough for the longest package and the
/// latest balance, and no more than the horizon and one.
pub(super) fn buckets(inst: &Instance, on: &[bool]) -> (usize, usize) {
    let h = inst.demand.len();
    let max_l = inst
        .kinds
        .iter()
        .enumerate()
        .filter(|(k, _)| on[*k])
        .map(|(_, k)| k.periods)
        .max()
        .unwrap_or(1);
    let max_b = inst.balances.iter().map(|b| b.0 + 2).max().unwrap_or(0);
    let slots = max_l.max(max_b).clamp(1, h + 1);
    (max_l, slots)
}

/// An open-addressing index from keys (a layer's states, a class's levels) to their numbers in
/// a flat list of keys: no allocation per key.
#[derive(Debug)]
pub(super) struct Index {
    /// State number, or `u32::MAX` for an empty slot.
    slots: Vec<u32>,
    len: usize,
}

impl Index {
    pub(super) fn new() -> Index {
        Index {
            slots: vec![u32::MAX; 64],
            len: 0,
        }
    }

    fn hash(key: &[u64]) -> usize {
        // A multiplicative hash (the default hasher is much slower).
        let v = key
            .iter()
            .fold(0u64, |h, &w| (h.rotate_left(5) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        (v ^ (v >> 29)) as usize
    }

    /// The state with `key`, or the slot where it goes.
    pub(super) fn find(&self, keys: &[u64], stride: usize, key: &[u64]) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = Index::hash(key) & mask;
        loop {
            let s = self.slots[i];
            if s == u32::MAX {
                return Err(i);
            }
            let k = s as usize;
            if &keys[k * stride..(k + 1) * stride] == key {
                return Ok(k);
            }
            i = (i + 1) & mask;
        }
    }

    /// Records state `idx` (whose key is already in `keys`) at `slot`.
    pub(super) fn insert(&mut self, slot: usize, idx: usize, keys: &[u64], stride: usize) {
        self.slots[slot] = idx as u32;
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            let size = self.slots.len() * 2;
            self.slots = vec![u32::MAX; size];
            for k in 0..self.len {
                if let Err(slot) = self.find(keys, stride, &keys[k * stride..(k + 1) * stride]) {
                    self.slots[slot] = k as u32;
                }
            }
        }
    }
}

/// The states of one period.
pub(super) struct Layer {
    /// Keys, `stride` words each: stock per expiry bucket, then trial mask | cover << 32.
    pub(super) keys: Vec<u64>,
    pub(super) cost: Vec<Cost>,
    /// Index of the state in the previous layer.
    pub(super) prev: Vec<u32>,
    /// Offset of the decision in `decs`.
    pub(super) dec: Vec<u32>,
    pub(super) decs: Vec<u64>,
    pub(super) index: Index,
}

impl Layer {
    pub(super) fn new() -> Layer {
        Layer {
            keys: Vec::new(),
            cost: Vec::new(),
            prev: Vec::new(),
            dec: Vec::new(),
            decs: Vec::new(),
            index: Index::new(),
        }
    }
    pub(super) fn len(&self) -> usize {
        self.cost.len()
    }

    /// Records an arrival at the state `key` from state `prev` by decision `dec`, at `cost`:
    /// a new state, or a cheaper way into one already there.
    pub(super) fn arrive(&mut self, key: &[u64], cost: Cost, prev: u32, dec: &[u64]) {
        let stride = key.len();
        match self.index.find(&self.keys, stride, key) {
            Ok(idx) => {
                if cost < self.cost[idx] {
                    self.cost[idx] = cost;
                    self.prev[idx] = prev;
                    self.dec[idx] = self.decs.len() as u32;
                    self.decs.extend_from_slice(dec);
                }
            }
            Err(slot) => {
                let idx = self.cost.len();
                self.keys.extend_from_slice(key);
                self.cost.push(cost);
                self.prev.push(prev);
                self.dec.push(self.decs.len() as u32);
                self.decs.extend_from_slice(dec);
                self.index.insert(slot, idx, &self.keys, stride);
            }
        }
    }

    /// A layer of the states `which`, in that order (keys `stride` words, decisions `dstride`).
    pub(super) fn select(&self, which: impl Iterator<Item = usize>, stride: usize, dstride: usize) -> Layer {
        let mut out = Layer::new();
        for i in which {
            out.keys.extend_from_slice(&self.keys[i * stride..(i + 1) * stride]);
            out.cost.push(self.cost[i]);
            out.prev.push(self.prev[i]);
            out.dec.push(out.decs.len() as u32);
            let d = self.dec[i] as usize;
            out.decs.extend_from_slice(&self.decs[d..d + dstride]);
        }
        out
    }
}

impl Solver<'_> {
    /// The layer of the first period: the state the balances leave ([`Solver::initial_key`]),
    /// at no cost.
    pub(super) fn root_layer(&self) -> Layer {
        let mut first = Layer::new();
        first.keys.extend_from_slice(&self.initial_key());
        first.cost.push(Cost::default());
        first.prev.push(0);
        first.dec.push(0);
        // A decision for the root too, so that a search out of work in its first period can
        // narrow its one layer for the beam like any other.
        first.decs.resize(self.dec_stride(), 0);
        first
    }

    pub(super) fn stride(&self) -> usize {
        self.slots
    }

    pub(super) fn dec_stride(&self) -> usize {
        1 + 2 * self.classes.len()
    }

    pub(super) fn initial_key(&self) -> Vec<u64> {
        let w = self.slots - 1;
        let mut key = vec![0u64; self.stride()];
        let mut cover = 0usize;
        for &(last, units, conc) in &self.inst.balances {
            if last < w {
                key[last] = key[last].saturating_add(units);
            }
            if self.enforce && conc >= self.inst.need_conc {
                cover = cover.max(last + 1);
            }
        }
        let mask = if self.trials.is_empty() {
            0
        } else {
            (1u64 << self.trials.len()) - 1
        };
        key[w] = mask | ((cover as u64) << 32);
        key
    }

    /// The units a state's key holds, all expiry buckets together.
    pub(super) fn held(&self, key: &[u64]) -> u64 {
        key[..self.slots - 1].iter().fold(0u64, |a, &b| a.saturating_add(b))
    }
}
