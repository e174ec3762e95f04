//! The strategy: how the search spends its work ([`Solver::solve`]). A beam search finds a
//! first plan (when it runs out, a greedy pass, then a last resort without a budget); probes
//! search against targets between the lower bound and that plan ([`Solver::probe`]); then the
//! exact search runs against the best plan found. Each is a forward pass over the months
//! ([`Solver::run`]). A search out of work has the states it reached finished a few a month
//! ([`Solver::run_or_finish`]).

use super::levels::add_count;
use super::state::{Index, Layer};
use super::transitions::Ctx;
use super::{Cost, Outcome, Solution, Solver};
use crate::sort;

impl Solver<'_> {
    /// The whole search: a beam search for a first plan, then the exact search bounded by it.
    pub fn solve(&mut self, budget: u64) -> Outcome {
        let mut first = self.first_plan(budget);
        self.budget = self.steps.saturating_add(budget);
        self.aborted = false;
        let mut lower = self.root_lower();
        if let Some(sol) = self.probe(&mut first, &mut lower, budget) {
            return Outcome::Optimal(sol);
        }
        let (exact, rescued) = self.run_or_finish(first.as_ref().map(|s| s.cost), budget / self.cfg.rescue_share);
        if self.aborted || rescued {
            // Out of work: an `exact` plan is the rescue's (the rescue ran out too: none).
            return out_of_work(first, exact.ok(), lower);
        }
        self.exact_outcome(first, exact, lower)
    }

    /// A first plan, for the probes and the exact search to beat: the beam search, or when it
    /// runs out of its share of `budget` the greedy pass, or when that does the last resort.
    fn first_plan(&mut self, budget: u64) -> Option<Solution> {
        // The beam search has its own allowance of the budget; if it runs out, a greedy pass
        // (one state a period, earlier-expiring classes only filling the need) finds the first
        // plan.
        self.budget = self.steps.saturating_add(budget / self.cfg.beam_share);
        self.beam_few = false;
        let mut first = self.run(Some(self.cfg.beam_width), None).ok();
        if first.is_none() && self.aborted {
            self.aborted = false;
            self.beam_few = true;
            self.budget = self.steps.saturating_add(budget / self.cfg.greedy_share);
            first = self.run(Some(1), None).ok();
        }
        if first.is_none() && self.aborted {
            // The last resort, so that a plan is found whenever one state a period reaches the
            // end: the greedy pass again, its states ranked by their cost and the block
            // relaxation only, without a budget. Its work is bounded without one: one state a
            // period, and from it only the few levels of the beam (earlier classes filling the
            // need), so at most 36 times the transitions out of one state.
            self.aborted = false;
            self.plain = true;
            self.budget = u64::MAX;
            first = self.run(Some(1), None).ok();
            self.plain = false;
        }
        first
    }

    /// The outcome of an exact search against the first plan `first` that ended within its
    /// work: its plan (`exact`), proven the cheapest unless a class's composition table was
    /// cut short, or the first period no plan serves; `lower` bounds any plan.
    fn exact_outcome(&self, first: Option<Solution>, exact: Result<Solution, usize>, lower: u128) -> Outcome {
        match exact {
            Ok(sol) => {
                let sol = match first {
                    Some(f) if f.cost < sol.cost => f,
                    _ => sol,
                };
                if self.truncated() {
                    Outcome::Bounded {
                        lower: lower.min(sol.cost.money),
                        sol,
                        better: None,
                    }
                } else {
                    Outcome::Optimal(sol)
                }
            }
            Err(period) => match first {
                // Cannot happen (the beam's plan is feasible); keep it rather than claim infeasibility.
                Some(sol) => Outcome::Optimal(sol),
                None => Outcome::Infeasible { period },
            },
        }
    }

    /// Exact searches against targets between the lower bound and the first plan, before the
    /// exact search against the plan itself. A search against a target keeps every plan of at
    /// most that many dollars, so if it returns one of them, that plan is the cheapest; if it
    /// returns none, every plan costs more than the target, which becomes the lower bound.
    ///
    /// The first target is the lower bound itself (rule `bound_probe`): the cover bound is
    /// often the optimum, and a search at the bound keeps the fewest states of any that can
    /// find it. The others each aim a fixed step (a share of the first gap) above the bound the
    /// last one raised, climbing from below towards the optimum: each probe under it rules a
    /// band out cheaply, and the first at or above it keeps only the states within a step of
    /// the bound. They also find cheaper plans than the beam's (a search that ends above its
    /// target still returns a plan), and the cheaper the plan the exact search must beat, the
    /// fewer states it keeps. When a probe runs out, the states it reached are finished a few
    /// a period (rule `rescue`): not a proof in itself, but those states are all under its
    /// target, so the plan they lead to is often far cheaper than the first; at the lower
    /// bound, a plan they reach costs the bound and is proven cheapest. The shares of the
    /// budget are [`SearchConfig`](crate::plan::SearchConfig)'s.
    fn probe(&mut self, first: &mut Option<Solution>, lower: &mut u128, budget: u64) -> Option<Solution> {
        let gap = first.as_ref()?.cost.money.saturating_sub(*lower);
        if self.truncated() || !self.cfg.rules.probes() {
            return None;
        }
        let full = self.budget;
        self.budget = self.steps.saturating_add(budget / self.cfg.bound_probe_share).min(full);
        let step = (gap / self.cfg.probe_steps).max(1);
        let mut found = None;
        let mut at_bound = self.cfg.rules.bound_probe();
        if !at_bound {
            self.budget = self.steps.saturating_add(budget / self.cfg.probe_share).min(full);
        }
        while let Some(best) = first.as_ref().map(|s| s.cost.money) {
            let target = if at_bound { *lower } else { lower.saturating_add(step) };
            if target >= best {
                break;
            }
            // A probe that runs out has its states finished, for a plan to beat.
            let at = Cost {
                money: target,
                units: u64::MAX,
                count: u64::MAX,
            };
            let (run, rescued) = self.run_or_finish(Some(at), budget / self.cfg.probe_rescue_share);
            let aborted = std::mem::take(&mut self.aborted) || rescued;
            if rescued {
                // Not a proof: only a cheaper plan for the searches after it.
                if let Ok(sol) = run {
                    if first.as_ref().is_none_or(|f| sol.cost < f.cost) {
                        *first = Some(sol);
                    }
                }
            } else if !aborted {
                match run {
                    Ok(sol) if sol.cost.money <= target => {
                        found = Some(sol);
                        break;
                    }
                    Ok(sol) if first.as_ref().is_none_or(|f| sol.cost < f.cost) => *first = Some(sol),
                    _ => {}
                }
                *lower = target + 1;
            }
            if std::mem::take(&mut at_bound) {
                self.budget = self.steps.saturating_add(budget / self.cfg.probe_share).min(full);
            } else if aborted {
                break;
            }
        }
        self.budget = full;
        found
    }

    /// An exact search against `ub` that, if it runs out of work, finishes the best states it
    /// reached, eight a period, within `allowance` more ([`Solver::run`]); with whether it did,
    /// when its plan is not proven.
    fn run_or_finish(&mut self, ub: Option<Cost>, allowance: u64) -> (Result<Solution, usize>, bool) {
        let allowance = if self.cfg.rules.rescue() { allowance } else { 0 };
        self.rescue = allowance;
        let run = self.run(None, ub);
        let finished = allowance > 0 && self.rescue == 0;
        self.rescue = 0;
        (run, finished)
    }

    /// One forward pass. With `beam`, keeps that many states per period and tries few levels;
    /// otherwise enumerates every normal-form transition, dropping states whose lower bound
    /// exceeds `ub`. Returns the first period no state reaches when there is no plan.
    fn run(&mut self, beam: Option<usize>, ub: Option<Cost>) -> Result<Solution, usize> {
        let h = self.inst.demand.len();
        let mut layers: Vec<Layer> = Vec::with_capacity(h + 1);
        layers.push(self.root_layer());
        let mut ctx = Ctx::new(self.slots, self.classes.len(), beam.is_some(), ub);
        let mut beam = beam;
        let mut t = 0;
        while t < h {
            let next = match self.next_layer(t, &layers[t], ub, &mut ctx) {
                Err(_) if self.aborted && beam.is_none() && self.rescue > 0 => {
                    // The exact search ran out of work: the states it reached, the best few by
                    // cost and bound, finished by every transition but only the best few states
                    // a period, may still beat the first plan. (Not the beam's few levels: a
                    // probe at the lower bound keeps only states that may reach it, and its
                    // plan, if the rescue finds one, is then proven cheapest.)
                    beam = Some(self.cfg.beam_width);
                    let reached = std::mem::replace(&mut layers[t], Layer::new());
                    layers[t] = self.start_rescue(t, reached);
                    continue;
                }
                next => next?,
            };
            let mut next = self.undominated(next);
            if let Some(width) = beam {
                if next.len() > width {
                    next = self.narrow(t + 1, next, width);
                }
            }
            // Earlier layers keep only what the trace back needs.
            if let Some(done) = layers.last_mut() {
                if t > 0 {
                    done.keys = Vec::new();
                }
            }
            layers.push(next);
            t += 1;
        }
        let last = &layers[h];
        let best = (0..last.len()).min_by_key(|&i| last.cost[i]).ok_or(h)?;
        Ok(self.trace(&layers, best))
    }

    /// Turns a pass out of work in period `t` into the rescue ([`Solver::run`]): the rescue's
    /// allowance becomes the budget, spent once, and the states the pass `reached` are narrowed
    /// to the beam's width. (The budget is set first: narrowing charges its bounds' work.)
    fn start_rescue(&mut self, t: usize, reached: Layer) -> Layer {
        self.aborted = false;
        self.budget = self.steps.saturating_add(self.rescue);
        self.rescue = 0;
        self.narrow(t, reached, self.cfg.beam_width)
    }

    /// The states of period `t + 1`: every transition out of each state of `cur` (period `t`)
    /// that the bound against `ub` keeps, the cheapest arrival at each. `Err(t)` when the work
    /// budget runs out or no state is reached.
    fn next_layer(&mut self, t: usize, cur: &Layer, ub: Option<Cost>, ctx: &mut Ctx) -> Result<Layer, usize> {
        let stride = self.stride();
        let dstride = self.dec_stride();
        let mut key = vec![0u64; stride];
        let mut next = Layer::new();
        for i in 0..cur.len() {
            key.copy_from_slice(&cur.keys[i * stride..(i + 1) * stride]);
            let base = cur.cost[i];
            if let Some(ub) = ub {
                if self.prune(t, &key, base, ub) {
                    continue;
                }
            }
            ctx.out_keys.clear();
            ctx.out_cost.clear();
            ctx.out_decs.clear();
            ctx.base = base;
            self.expand(t, &key, ctx);
            if self.steps > self.budget {
                self.aborted = true;
            }
            if self.aborted {
                return Err(t);
            }
            for j in 0..ctx.out_cost.len() {
                let nk = &ctx.out_keys[j * stride..(j + 1) * stride];
                let d = &ctx.out_decs[j * dstride..(j + 1) * dstride];
                next.arrive(nk, base.add(ctx.out_cost[j]), i as u32, d);
            }
        }
        next.index = Index::new();
        if next.len() == 0 {
            return Err(t);
        }
        Ok(next)
    }

    /// Keeps the `width` states with the least cost plus lower bound.
    fn narrow(&mut self, t: usize, layer: Layer, width: usize) -> Layer {
        let stride = self.stride();
        let units = u128::from(self.relax.as_ref().map_or(1, |r| r.units));
        let open = t < self.inst.demand.len();
        // First by the cheap bound (the cover of the demand to come less the stock held); the
        // dearer ones only for the best few (in the last resort, by the block relaxation alone,
        // for every state).
        let plain = self.plain;
        let score: Vec<(u128, Cost, usize)> = (0..layer.len())
            .map(|i| {
                let key = &layer.keys[i * stride..(i + 1) * stride];
                let need = self.demand_after[t].saturating_sub(self.held(key));
                let cb = if open && !plain {
                    self.cover_bound(need, key[stride - 1] & 0xffff_ffff)
                } else {
                    0
                };
                (
                    layer.cost[i].money.saturating_add(cb).saturating_mul(units),
                    layer.cost[i],
                    i,
                )
            })
            .collect();
        let mut score = sorted(
            &score,
            if plain {
                score.len()
            } else {
                width * self.cfg.narrow_prefilter
            },
        );
        for entry in score.iter_mut() {
            let key = &layer.keys[entry.2 * stride..(entry.2 + 1) * stride];
            if !open {
                continue;
            }
            let Some((lb, bought)) = self.lower_bound(t, key) else {
                continue;
            };
            let money = entry.1.money;
            entry.0 = entry.0.max(money.saturating_mul(units).saturating_add(lb));
            if !plain {
                // The cover of what the relaxation buys, which expiry makes more.
                let cb = self.bought_bound(t, key, bought);
                entry.0 = entry.0.max(money.saturating_add(cb).saturating_mul(units));
            }
        }
        layer.select(sorted(&score, width).iter().map(|e| e.2), stride, self.dec_stride())
    }

    fn trace(&mut self, layers: &[Layer], best: usize) -> Solution {
        let h = self.inst.demand.len();
        let cost = layers[h].cost[best];
        let mut buys: Vec<(usize, usize, u64)> = Vec::new();
        let mut idx = best;
        for t in (0..h).rev() {
            let layer = &layers[t + 1];
            let d = layer.dec[idx] as usize;
            let dec: Vec<u64> = layer.decs[d..d + self.dec_stride()].to_vec();
            // By kind index.
            let mut here: Vec<(usize, u64)> = Vec::new();
            for (bit, &k) in self.trials.iter().enumerate() {
                if dec[0] & (1 << bit) != 0 {
                    add_count(&mut here, k, 1);
                }
            }
            for ci in 0..self.classes.len() {
                let exempt = dec[1 + 2 * ci];
                let level = dec[2 + 2 * ci];
                if exempt > 0 {
                    add_count(&mut here, (exempt - 1) as usize, 1);
                }
                if level > 0 {
                    if let Some(c) = self.classes[ci].cover(&self.inst.kinds, level) {
                        self.classes[ci].composition(&self.inst.kinds, &c, &mut here);
                    }
                }
            }
            for (k, n) in here.into_iter().rev() {
                buys.push((t, k, n));
            }
            idx = layer.prev[idx] as usize;
        }
        buys.reverse();
        Solution { cost, buys }
    }
}

/// The outcome of a search whose exact pass ran out of work: the first plan, with the plan the
/// rescue `found` when that is cheaper (or that plan alone), not proven, and the lower bound
/// `lower`.
fn out_of_work(first: Option<Solution>, found: Option<Solution>, lower: u128) -> Outcome {
    match (first, found) {
        (Some(sol), found) => Outcome::Bounded {
            lower: lower.min(sol.cost.money),
            better: found.filter(|r| r.cost < sol.cost),
            sol,
        },
        (None, Some(sol)) => Outcome::Bounded {
            lower: lower.min(sol.cost.money),
            sol,
            better: None,
        },
        (None, None) => Outcome::Unsolved,
    }
}

/// The first `n` of `v` in ascending order.
fn sorted(v: &[(u128, Cost, usize)], n: usize) -> Vec<(u128, Cost, usize)> {
    let order = sort::order(v.len(), &|a, b| v[a].cmp(&v[b]));
    order.iter().take(n).map(|&i| v[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::config::SearchConfig;
    use crate::plan::search::tests::{kind, replayed};
    use crate::plan::search::{solve, Instance};

    /// Without any work budget, the beam and greedy passes give up at once: the last resort
    /// still finds a plan, which serves every month and is told as not proven, with a lower
    /// bound no higher than the optimum.
    #[test]
    fn a_plan_is_found_without_any_budget() {
        let kinds = vec![
            kind(9_790_000, 100, 1, true),
            kind(97_990_000, 1_000, 1, true),
            kind(4_200_000_000, 30_000, 3, false),
            kind(5_670_000_000, 45_000, 3, false),
            kind(6_720_000_000, 60_000, 3, false),
            kind(2_747_390_000, 19_963, 1, false),
            kind(8_672_850_000, 75_695, 9, false),
        ];
        for per_use in [None, Some(140_000u128)] {
            for months in [1usize, 5, 36] {
                let demand: Vec<u64> = (0..months).map(|m| 2_000 + 9_000 * m as u64 * m as u64).collect();
                let inst = Instance {
                    demand,
                    kinds: kinds.clone(),
                    balances: vec![(0, 2_199, 0)],
                    need_conc: 0,
                    per_use,
                };
                let all = vec![true; inst.kinds.len()];
                // The optimum, when the full search proves it (the lower bound when not).
                let best = match solve(&inst, &all, SearchConfig::default().budget, &SearchConfig::default()).0 {
                    Outcome::Optimal(sol) => sol.cost.money,
                    Outcome::Bounded { lower, .. } => lower,
                    other => panic!("{months} months, per use {per_use:?}: {other:?}"),
                };
                let (sol, lower) = match solve(&inst, &all, 0, &SearchConfig::default()).0 {
                    Outcome::Bounded { sol, lower, .. } => (sol, lower),
                    other => panic!("{months} months, per use {per_use:?}: {other:?}"),
                };
                assert_eq!(
                    replayed(&inst, &sol),
                    Some(sol.cost.money),
                    "{months} months, per use {per_use:?}"
                );
                assert!(sol.cost.money >= best, "{months} months, per use {per_use:?}");
                assert!(lower <= sol.cost.money, "{months} months, per use {per_use:?}");
            }
        }
    }

    /// An exact search that runs out of work in its first period (a probe left with none)
    /// has only the root to finish, and finishes it.
    #[test]
    fn a_search_out_of_work_at_once_is_finished_from_the_root() {
        let inst = Instance {
            demand: vec![10, 20, 30],
            kinds: vec![kind(40, 4, 1, false), kind(60, 10, 2, false)],
            balances: Vec::new(),
            need_conc: 0,
            per_use: Some(12),
        };
        let mut solver = Solver::new(&inst, &[true, true], &SearchConfig::default());
        solver.budget = 0;
        let ub = Cost {
            money: 1_000,
            units: u64::MAX,
            count: u64::MAX,
        };
        let (run, finished) = solver.run_or_finish(Some(ub), 1_000);
        assert!(finished);
        let sol = run.expect("the rescue finishes the root");
        assert_eq!(replayed(&inst, &sol), Some(sol.cost.money));
    }
}
