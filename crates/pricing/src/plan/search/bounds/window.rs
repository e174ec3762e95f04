//! What a package can serve: only the demand of the months it lasts. A package bigger than
//! that is partly forfeited whenever it is bought, which a price per unit misses.
//!
//! With each package's units capped at the most it can ever serve ([`served_at_most`]), the
//! cover bound ([`super::cover`]) of the units a state must still serve bounds what it spends:
//! whatever its packages hold, they serve at most their capped units, and per use and the
//! trials serve the rest. The search charges the higher of this and the cover bound of whole
//! packages as they are ([`super`]'s `carried_bound`).
//!
//! Say demand is flat at 226,166 units a month, and a package holds 1,200,000 units for 90
//! days, cheaper per unit than the rest: over its three months it serves at most 678,498, so a
//! price per unit overstates what it is worth by far. With demand growing fast, windows hold
//! more than any package and nothing is capped: no table is built. Its steps are coarse
//! (`SearchConfig::served_residues`), which only lowers the bound.
//!
//! The demand of a run of months, which the peak's bound and the cap on what a state holds
//! (`bounds/peak.rs`, `transitions.rs`) need too, is read here from the demand from each month
//! on ([`demand_after`], [`demand_between`]).

use super::cover::CoverBound;
use crate::plan::config::SearchConfig;
use crate::plan::search::{Instance, Kind};

/// The demand from each month on, one entry per month and a last 0: the demand of any run of
/// months is a difference of two ([`demand_between`]).
pub(crate) fn demand_after(demand: &[u64]) -> Vec<u64> {
    let mut after = vec![0u64; demand.len() + 1];
    for t in (0..demand.len()).rev() {
        after[t] = after[t + 1].saturating_add(demand[t]);
    }
    after
}

/// The demand of months `from..to` (cut at the horizon), from [`demand_after`]'s `after`.
pub(crate) fn demand_between(after: &[u64], from: usize, to: usize) -> u64 {
    let h = after.len() - 1;
    after[from.min(h)] - after[to.min(h)]
}

/// The most demand `months` months in a row hold, starting in any month of `starts`: the most a
/// package lasting that long, bought in one of them, can serve.
pub(super) fn busiest(after: &[u64], starts: impl Iterator<Item = usize>, months: usize) -> u64 {
    starts.map(|b| demand_between(after, b, b + months)).max().unwrap_or(0)
}

/// The kinds with each one's units capped at the most it can serve: the demand of the months
/// it lasts (within the horizon), at its most over the horizon (`after`: [`demand_after`]).
pub(crate) fn served_at_most(inst: &Instance, after: &[u64]) -> Vec<Kind> {
    inst.kinds
        .iter()
        .map(|k| {
            let most = busiest(after, 0..inst.demand.len(), k.periods);
            Kind {
                units: k.units.min(most.max(1)),
                ..k.clone()
            }
        })
        .collect()
}

/// The cover bound over the packages `non_trials` with their units capped at the most they
/// can serve ([`served_at_most`]; `after`: [`demand_after`]), when that caps any and the rule
/// `served_bound` is on.
pub(crate) fn served_cover(
    inst: &Instance,
    non_trials: &[usize],
    after: &[u64],
    cfg: &SearchConfig,
) -> Option<CoverBound> {
    let capped = served_at_most(inst, after);
    if cfg.rules.served_bound() && non_trials.iter().any(|&k| capped[k].units < inst.kinds[k].units) {
        CoverBound::within(&capped, non_trials, inst.per_use, cfg.served_residues)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::config::SearchConfig;
    use crate::plan::search::tests::{assert_proven_at, kind};
    use crate::plan::search::Solver;

    /// Months of 5 and 20 units. A one-month package serves at most the busier month's 20,
    /// so one of 10 keeps its 10; a two-month one at most 25; a trial the same as a package.
    #[test]
    fn a_package_serves_at_most_its_months_busiest_demand() {
        let inst = Instance {
            demand: vec![5, 20],
            kinds: vec![
                kind(10, 10, 1, false),
                kind(10, 30, 1, false),
                kind(30, 100, 2, false),
                kind(1, 40, 1, true),
            ],
            balances: Vec::new(),
            need_conc: 0,
            per_use: None,
        };
        let after = demand_after(&inst.demand);
        assert_eq!(after, vec![25, 20, 0]);
        let capped: Vec<u64> = served_at_most(&inst, &after).iter().map(|k| k.units).collect();
        assert_eq!(capped, vec![10, 20, 25, 20]);
    }

    /// Ten units a month for four months; a package of 100 units for 100 lasting two months
    /// (cheapest per unit, but its months need 20) and one of 20 for 60. The optimum buys the
    /// second twice, 120. Whole packages of their full units bound it at one of the first,
    /// 100; whole packages with the first's units capped at the 20 it can serve, 120.
    #[test]
    fn a_package_too_big_for_its_months_costs_what_it_serves() {
        let inst = Instance {
            demand: vec![10; 4],
            kinds: vec![kind(100, 100, 2, false), kind(60, 20, 2, false)],
            balances: Vec::new(),
            need_conc: 0,
            per_use: None,
        };
        let mut solver = Solver::new(&inst, &[true, true], &SearchConfig::default());
        assert_eq!(solver.cover_bound(40, 0), 100);
        let served = solver.served.as_ref().expect("the first package is capped");
        assert_eq!(solver.cover_by(served, 40, 0), 120);
        assert_eq!(solver.root_lower(), 120);
        assert_proven_at(&mut solver, &inst, 120);
    }
}
