//! One sort for the whole crate.
//!
//! Every `sort_by` on a new element type or closure instantiates its own copy of std's sort,
//! 2–6 KB of wasm each. Sorting goes through [`sort_by`] instead: it orders indices with the
//! comparison behind a `dyn`, so the wasm carries one sort however many things are sorted.
//! It is stable (ties keep their order), and O(n log n) like std's.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` stably by the key `f` gives.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, f: impl Fn(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` into ascending order (stably, which for `Ord` values is no different).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` sorts them, ties by index.
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut w = vec![5u32, 3, 9, 1, 3];
        sort(&mut w);
        assert_eq!(w, [1, 3, 3, 5, 9]);
    }

    #[test]
    fn agrees_with_std_on_many_inputs() {
        let mut seed = 7u64;
        for n in 0..200 {
            let mut v: Vec<u64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (seed >> 33) % 17
                })
                .collect();
            let mut expect = v.clone();
            expect.sort();
            sort(&mut v);
            assert_eq!(v, expect);
        }
    }
}
