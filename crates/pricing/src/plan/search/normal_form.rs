//! The exchange rules of the normal form (`docs/planner.md`, normal forms 5 and 6): a purchase
//! that copies of a package lasting at least as long, or per use, replace for less is in no
//! optimal plan. From them, the limits the transitions keep to: a month's per-use shortfall
//! ([`shortfall_cap`]) and the units a class's purchase draws in its month ([`drawn_limits`]).

use super::levels::Class;
use super::{Instance, Kind};

/// The largest per-use shortfall a month of some optimal plan has, given per use at `price` a
/// unit: below the units of every package (not a trial) that is cheaper per unit than per use,
/// since buying one more of it in that month would cost less and be drawn in full. `None` when
/// no package is cheaper: then a month with a shortfall buys nothing but trials and the peak's
/// package (see `docs/planner.md`).
pub(super) fn shortfall_cap(inst: &Instance, on: &[bool], price: u128) -> Option<u64> {
    inst.kinds
        .iter()
        .enumerate()
        .filter(|(k, kind)| on[*k] && !kind.trial && kind.price < price.saturating_mul(u128::from(kind.units)))
        .map(|(_, kind)| kind.units - 1)
        .min()
}

/// Per class, one more than the most units of its purchase an optimal plan draws in the month
/// it is bought (`u64::MAX` when not bounded). Say class `j` expires before class `k`, and `a`
/// copies of `j`'s package `i` cost less than `b` copies of `k`'s best-value package `*`,
/// holding at least as many units. If `k`'s purchase draws at least `a·uᵢ` units and holds
/// at least `b` copies of `*` (sure when it has `spare + b·u*` units or more), swapping those
/// copies for the `a` of `i` leaves every bucket from `j`'s on at least as full after the
/// draw (the added units are drawn instead) and costs less. With a peak enforced that `*`
/// carries, the purchase must hold one copy more, which stays and carries it.
pub(super) fn drawn_limits(inst: &Instance, classes: &[Class], slots: usize, copies: u128) -> Vec<u64> {
    let mut limits = Vec::with_capacity(classes.len());
    for k in classes {
        let star = &inst.kinds[k.star()];
        let mut limit = u64::MAX;
        // One copy more of `*` when it carries the peak: one stays to carry it.
        let carries = inst.need_conc > 0 && star.conc >= inst.need_conc;
        let spare = k.spare().saturating_add(if carries { star.units } else { 0 });
        if !k.truncated {
            for j in classes.iter().filter(|j| j.periods.min(slots) < k.periods.min(slots)) {
                for &i in &j.kinds {
                    limit = limit.min(swap_limit(&inst.kinds[i], star, spare, copies));
                }
            }
        }
        limits.push(limit);
    }
    limits
}

/// The least `max(spare + b·u*, a·uᵢ)` over `b ≤ 64` such that `a = ceil(b·u*/uᵢ)` copies of
/// `i` cost less than `b` of `star` (`u64::MAX` when there is none).
fn swap_limit(i: &Kind, star: &Kind, spare: u64, copies: u128) -> u64 {
    match swap_copies(i, star, copies) {
        Some((a, b)) => {
            let held = u128::from(spare) + b * u128::from(star.units);
            u64::try_from(held.max(a * u128::from(i.units))).unwrap_or(u64::MAX)
        }
        None => u64::MAX,
    }
}

/// The least `b ≤ 64`, with `a = ceil(b·u*/uᵢ)`, such that `a` copies of `i` cost less than `b`
/// copies of `star`.
fn swap_copies(i: &Kind, star: &Kind, copies: u128) -> Option<(u128, u128)> {
    let (ui, us) = (u128::from(i.units), u128::from(star.units));
    (1..=copies).find_map(|b| {
        let a = (b * us).div_ceil(ui);
        (a.saturating_mul(i.price) < b.saturating_mul(star.price)).then_some((a, b))
    })
}

/// Per class, the most units the classes after it can draw in a period, with per use's
/// shortfall (`u64::MAX` when not bounded): the purchases after it draw less than their
/// `drawn` limits ([`drawn_limits`]), and per use at most `cap` ([`shortfall_cap`]; any
/// shortfall when 0 with per use).
pub(super) fn drawn_after(inst: &Instance, cap: u64, drawn: &[u64]) -> Vec<u64> {
    let shortfall = match inst.per_use {
        None => 0,
        Some(_) if cap > 0 => cap,
        Some(_) => u64::MAX,
    };
    let mut after = vec![shortfall; drawn.len()];
    for ci in (0..drawn.len().saturating_sub(1)).rev() {
        after[ci] = after[ci + 1].saturating_add(drawn[ci + 1].saturating_sub(1));
    }
    after
}
