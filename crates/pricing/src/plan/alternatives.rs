//! The plans that lose to the best one: each package alone, trials only, without trials, without
//! the quotes; each searched under one shared work budget and told with why it loses.
//!
//! Separate from the orchestration in [`super`]: choosing the candidates, running them and
//! ordering them is a concern of its own, and the best plan depends on it only when it is not
//! proven cheapest.

use super::explain::{cannot_serve, forfeit_text, loses_to};
use super::replay::{purchases_of, replay, Replay};
use super::result::{Alternative, PackSource};
use super::search::{Cost, Instance, Outcome, Solution};
use super::searches::Searches;
use super::setup::Setup;
use crate::format::usd;

/// Which way of buying an alternative is, where per use is on: the two plain ways are
/// compared by name in the result.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum AltKind {
    Other,
    /// Everything the balance leaves, bought per use.
    PerUseOnly,
    /// Packages only, per use off.
    PacksOnly,
}

/// One alternative plan's search: its label, and its outcome; for an infeasible one, whether it
/// fails only because of the peak.
pub(super) struct AltRun {
    pub(super) label: String,
    pub(super) kind: AltKind,
    pub(super) outcome: Outcome,
    pub(super) peak_only: bool,
}

/// Plans the alternatives to `best`: each package kind alone, trials only, without trials,
/// without the quotes, and with per use on, per use only and packs only. They share one work
/// budget.
pub(super) fn alternative_runs(setup: &Setup, best: &Solution, searches: &mut Searches) -> Vec<AltRun> {
    let mut budget = searches.config().budget / 2;
    let mut run = |inst: &Instance, allowed: &[bool]| {
        let (outcome, spent) = searches.solve(inst, allowed, budget);
        budget = budget.saturating_sub(spent);
        outcome
    };
    let packs_only = Instance {
        per_use: None,
        ..setup.inst.clone()
    };
    // The two plain ways first: an alternative with the same purchases is shown once, under
    // the first label.
    let mut cands = per_use_candidates(setup);
    cands.extend(candidates(setup, best));
    cands
        .into_iter()
        .map(|(label, kind, allowed)| {
            let inst = if kind == AltKind::PacksOnly {
                &packs_only
            } else {
                &setup.inst
            };
            let outcome = run(inst, &allowed);
            let peak_only = matches!(outcome, Outcome::Infeasible { .. }) && inst.need_conc > 0 && {
                let mut relaxed = inst.clone();
                relaxed.need_conc = 0;
                matches!(run(&relaxed, &allowed), Outcome::Optimal(_) | Outcome::Bounded { .. })
            };
            AltRun {
                label,
                kind,
                outcome,
                peak_only,
            }
        })
        .collect()
}

/// With per use on: per use only (no package) and packs only (per use off), as (label, kind,
/// kinds allowed).
fn per_use_candidates(setup: &Setup) -> Vec<(String, AltKind, Vec<bool>)> {
    let Some((name, _)) = &setup.per_use else {
        return Vec::new();
    };
    let n = setup.infos.len();
    let mut out = vec![(format!("Per use only ({name})"), AltKind::PerUseOnly, vec![false; n])];
    if n > 0 {
        out.push(("Packs only".to_string(), AltKind::PacksOnly, vec![true; n]));
    }
    out
}

/// The alternatives worth planning, as (label, kind, kinds allowed): each non-trial kind alone;
/// trials only; without trials, when the best plan uses them; without the quotes, when it uses
/// one. With per use on, each of them buys per use what it leaves uncovered, and says so.
fn candidates(setup: &Setup, best: &Solution) -> Vec<(String, AltKind, Vec<bool>)> {
    let n = setup.infos.len();
    let with = if setup.per_use.is_some() { " and per use" } else { "" };
    let mut cands: Vec<(String, AltKind, Vec<bool>)> = Vec::new();
    let other = AltKind::Other;
    for (k, info) in setup.infos.iter().enumerate() {
        if !info.trial {
            let mut allowed = vec![false; n];
            allowed[k] = true;
            let label = if with.is_empty() {
                format!("{} alone", info.name)
            } else {
                format!("{}{with}", info.name)
            };
            cands.push((label, other, allowed));
        }
    }
    let trials: Vec<bool> = setup.infos.iter().map(|k| k.trial).collect();
    if trials.iter().any(|&t| t) {
        let label = if with.is_empty() {
            "Trials only".to_string()
        } else {
            format!("Trials{with}")
        };
        cands.push((label, other, trials.clone()));
        let uses_trials = best.buys.iter().any(|&(_, k, _)| setup.infos[k].trial);
        let others: Vec<bool> = trials.iter().map(|t| !t).collect();
        if uses_trials && others.iter().any(|&o| o) {
            cands.push(("Without trials".to_string(), other, others));
        }
    }
    let quotes: Vec<bool> = setup.infos.iter().map(|k| k.source == PackSource::Quote).collect();
    if best.buys.iter().any(|&(_, k, _)| quotes[k]) && quotes.iter().any(|q| !q) {
        let label = if quotes.iter().filter(|&&q| q).count() > 1 {
            "Without quotes"
        } else {
            "Without the quote"
        };
        cands.push((label.to_string(), other, quotes.iter().map(|q| !q).collect()));
    }
    cands
}

/// The alternatives to a pool's best plan, each with why it loses, next best first.
pub(super) fn alternatives(
    setup: &Setup,
    runs: Vec<AltRun>,
    best: &Solution,
    best_replay: &Replay,
) -> Vec<Alternative> {
    let mut seen: Vec<Vec<(usize, usize, u64)>> = vec![best.buys.clone()];
    let mut out: Vec<(Option<Cost>, Alternative)> = Vec::new();
    for AltRun {
        label,
        outcome,
        peak_only,
        ..
    } in runs
    {
        if let Some(sol) = outcome.best() {
            if !seen.contains(&sol.buys) {
                seen.push(sol.buys.clone());
                let alt = feasible(setup, label, sol, best_replay);
                insert_by_cost(&mut out, Some(sol.cost), alt);
            }
        } else if let Outcome::Infeasible { period } = outcome {
            let reason = format!("{label}: {}.", cannot_serve(setup, period, peak_only));
            insert_by_cost(
                &mut out,
                None,
                Alternative {
                    reason,
                    label,
                    feasible: false,
                    total_cost: None,
                    forfeited_units: None,
                    purchase_count: None,
                    extra_cost: None,
                    purchases: Vec::new(),
                },
            );
        }
    }
    out.into_iter().map(|(_, a)| a).collect()
}

/// A plan that serves every month, replayed, with what it costs above the best one and why.
fn feasible(setup: &Setup, label: String, sol: &Solution, best: &Replay) -> Alternative {
    let r = replay(setup, purchases_of(setup, sol));
    let extra = r.cost - best.cost;
    let reason = format!(
        "{label}: {}, {}; {}.",
        usd(r.cost),
        forfeit_text(&r),
        loses_to(&r, best)
    );
    Alternative {
        label,
        feasible: true,
        total_cost: Some(r.cost),
        forfeited_units: Some(r.forfeited),
        purchase_count: Some(r.count),
        extra_cost: Some(extra.normalize()),
        purchases: r.purchases,
        reason,
    }
}

/// Adds an alternative after those that cost no more (the infeasible ones, `None`, last).
fn insert_by_cost(out: &mut Vec<(Option<Cost>, Alternative)>, cost: Option<Cost>, alt: Alternative) {
    let key = |c: Option<Cost>| (c.is_none(), c);
    let at = out.partition_point(|e| key(e.0) <= key(cost));
    out.insert(at, (cost, alt));
}

/// `sol`, or the cheapest alternative that costs less: a plan not proven cheapest yields to any
/// alternative that beats it (each is a plan too).
pub(super) fn cheapest(mut sol: Solution, runs: &[AltRun]) -> Solution {
    for run in runs {
        if let Some(alt) = run.outcome.best() {
            if alt.cost < sol.cost {
                sol = alt.clone();
            }
        }
    }
    sol
}
