//! The exact purchase search, on integers: a dynamic program over periods whose state is the
//! stock left in each expiry bucket, the trials still available and how long a package that
//! carries the peak is still held.
//!
//! See the module documentation of [`super`] and `ARCHITECTURE.md` for why the transitions
//! enumerated here contain an optimal plan (the *normal form*) and why the search is bounded.

mod bounds;
mod dominance;
mod levels;
mod normal_form;
mod state;
mod transitions;

use super::config::SearchConfig;
use crate::sort;
use bounds::cover::CoverBound;
use bounds::peak::PeakBound;
use bounds::transition::Later;
use bounds::window;
use bounds::Relax;
use levels::{add_count, gcd, Class};
use normal_form::{drawn_limits, level_cap, shortfall_cap};
use state::{Index, Layer};
use transitions::{classes_of, Ctx, Pick};

/// A package the planner may buy, in integer units.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Kind {
    /// Millionths of a dollar.
    pub price: u128,
    /// Units in steps of the pool's quantum (at least 1).
    pub units: u64,
    /// Periods served, counting the one it is bought in (1 ≤ periods ≤ horizon).
    pub periods: usize,
    /// Concurrent tasks it allows while held (0 when not known).
    pub conc: u32,
    /// Can be bought once over the whole horizon.
    pub trial: bool,
}

impl Kind {
    /// One unit bought per use at `price`, seen as a package lasting `periods` (per use never
    /// expires) that carries no peak.
    fn per_use(price: u128, periods: usize) -> Kind {
        Kind {
            price,
            units: 1,
            periods,
            conc: 0,
            trial: false,
        }
    }
}

/// One pool's planning problem, in integer units.
#[derive(Clone, Debug, Hash)]
pub(super) struct Instance {
    /// Units needed in each period.
    pub demand: Vec<u64>,
    pub kinds: Vec<Kind>,
    /// Units already held: (index of the last period served, units, concurrency).
    pub balances: Vec<(usize, u64, u32)>,
    /// Concurrency every period with demand must hold; 0 for none.
    pub need_conc: u32,
    /// The price of one unit (quantum) bought per use, when demand the stock does not cover
    /// may be bought per use (no expiry, no minimum); `None`: packages only.
    pub per_use: Option<u128>,
}

/// What a plan costs, compared lexicographically: dollars, then units bought (the same order as
/// units forfeited, since every period's demand is drawn), then number of packages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Cost {
    pub money: u128,
    pub units: u64,
    pub count: u64,
}

impl Cost {
    fn add(self, o: Cost) -> Cost {
        Cost {
            money: self.money.saturating_add(o.money),
            units: self.units.saturating_add(o.units),
            count: self.count.saturating_add(o.count),
        }
    }
}

/// A purchase schedule: (period index, kind index, count), by period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Solution {
    pub cost: Cost,
    pub buys: Vec<(usize, usize, u64)>,
}

/// How a search ended.
#[derive(Clone, Debug)]
pub(super) enum Outcome {
    /// The cheapest plan (ties: fewer units bought, then fewer packages).
    Optimal(Solution),
    /// The exact search hit its work limit: the best plan found before it and a lower bound on
    /// the dollars (in millionths) of any plan; `better`, a cheaper plan from the states the
    /// exact search reached, finished eight states a period. (The alternatives the planner
    /// weighs are chosen from `sol`, as they were before there was `better`: a plan of the one
    /// may let an alternative find the optimum that the other would not have looked for.)
    Bounded {
        sol: Solution,
        lower: u128,
        better: Option<Solution>,
    },
    /// No plan serves every period; `period` is the first one no plan can serve.
    Infeasible { period: usize },
    /// No plan was found, yet none was shown not to exist: the last resort of
    /// [`Solver::solve`] (one state a period, without a budget) reached a state with no way on,
    /// and the exact search ran out of work. Only possible when a state can be stuck: with per
    /// use off and trials the only packages that serve some period, say.
    Unsolved,
}

impl Outcome {
    /// The cheapest plan found, if any.
    pub(super) fn best(&self) -> Option<&Solution> {
        match self {
            Outcome::Optimal(sol) | Outcome::Bounded { better: None, sol, .. } => Some(sol),
            Outcome::Bounded { better: Some(b), .. } => Some(b),
            Outcome::Infeasible { .. } | Outcome::Unsolved => None,
        }
    }

    /// This outcome, not proven, with what a search of the same problem with more work
    /// (`again`) adds: its proof, or its plans and its lower bound (each bound holds for every
    /// plan, so the higher one does). The plan the alternatives are chosen from is `again`'s.
    pub(super) fn with(self, again: Outcome) -> Outcome {
        match (self, again) {
            (_, proven @ Outcome::Optimal(_)) => proven,
            (
                Outcome::Bounded {
                    sol: s1,
                    lower: l1,
                    better: b1,
                },
                Outcome::Bounded { sol, lower: l2, better },
            ) => {
                // `again`'s better plan if any (cheaper than its `sol`), or this one's best.
                let mine = b1.unwrap_or(s1);
                let better = match better {
                    Some(b) if b.cost <= mine.cost => Some(b),
                    _ if mine.cost < sol.cost => Some(mine),
                    b => b,
                };
                Outcome::Bounded {
                    sol,
                    lower: l1.max(l2),
                    better,
                }
            }
            (first, _) => first,
        }
    }
}

struct Solver<'a> {
    inst: &'a Instance,
    cfg: SearchConfig,
    classes: Vec<Class>,
    /// Kind index of each trial bit.
    trials: Vec<usize>,
    /// Expiry buckets looked at in a period (stock carried in: `slots - 1`).
    slots: usize,
    enforce: bool,
    relax: Option<Relax>,
    /// The least the units a state must still buy can cost ([`Solver::cover_bound`]).
    cover: Option<CoverBound>,
    /// The steps in which units bought can be counted: the relaxation's blocks, and the
    /// trials' sizes (a trial may hold fewer units than a block).
    unit_block: u64,
    /// With a peak enforced, the bound of [`Solver::peak_bound`], when a package (not a trial)
    /// carries it.
    peak: Option<PeakBound>,
    demand_after: Vec<u64>,
    /// Work spent.
    pub steps: u64,
    budget: u64,
    aborted: bool,
    /// The beam search tries only "fill the need" for classes that expire before the last.
    beam_few: bool,
    /// The last-resort pass ([`Solver::solve`]): states are ranked by the block relaxation
    /// alone.
    plain: bool,
    lb_buf: Vec<u64>,
    /// Most units a month may buy per use in the normal form, when some package is cheaper per
    /// unit than per use ([`shortfall_cap`]); 0 otherwise, and without per use.
    cap: u64,
    /// Per class, the most units of one purchase of it drawn in the period it is bought, plus
    /// one ([`drawn_limits`]); `u64::MAX` when not bounded.
    drawn: Vec<u64>,
    /// Per class, the most units the classes after it can draw in a period, with per use's
    /// shortfall (`u64::MAX` when not bounded).
    after: Vec<u64>,
    /// Per class, the packages a level of it could be swapped for ([`Solver::swappable`]):
    /// units, price and concurrency of every package (not a trial) lasting at least as long,
    /// and of one unit per use.
    swaps: Vec<Vec<Kind>>,
    /// Per class, a level above which every level is swappable: not tried at all.
    level_caps: Vec<u64>,
    /// The packages (not trials) that may be bought, for [`Restock`].
    packages: Vec<Kind>,
    /// Work the last exact search may spend, once it runs out, finishing the states it reached,
    /// eight a period ([`Solver::run`], which sets it to 0 when it does); 0 when it may not.
    rescue: u64,
    /// Per class, what the need it and the classes after it leave costs at least a unit.
    later: Vec<Later>,
    /// The cover bound with each package's units capped at the most it can serve
    /// ([`window::served_at_most`]), when that caps any.
    served: Option<CoverBound>,
}

impl<'a> Solver<'a> {
    /// A solver for `inst` using only the kinds with `allowed[k]`.
    pub fn new(inst: &'a Instance, allowed: &[bool], cfg: &SearchConfig) -> Solver<'a> {
        let rules = &cfg.rules;
        let on: Vec<bool> = (0..inst.kinds.len())
            .map(|k| allowed.get(k).copied().unwrap_or(false) && inst.kinds[k].units > 0)
            .collect();
        let (trials, classes) = classes_of(inst, &on, cfg);
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
        let relax = Relax::of(inst, &on, &trials, max_l.max(slots - 1).clamp(1, h.max(1)));
        let non_trials: Vec<usize> = (0..inst.kinds.len())
            .filter(|&k| on[k] && !inst.kinds[k].trial)
            .collect();
        let packages = non_trials.iter().map(|&k| inst.kinds[k].clone()).collect();
        let cover = CoverBound::within(&inst.kinds, &non_trials, inst.per_use, cfg.cover_residues);
        let demand_after = window::demand_after(&inst.demand);
        let capped = window::served_at_most(inst, &demand_after);
        let served = if rules.served_bound() && non_trials.iter().any(|&k| capped[k].units < inst.kinds[k].units) {
            CoverBound::within(&capped, &non_trials, inst.per_use, cfg.served_residues)
        } else {
            None
        };
        let unit_block = trials.iter().fold(relax.as_ref().map_or(1, |r| r.block), |a, &k| {
            gcd(a, inst.kinds[k].units)
        });
        let peak = PeakBound::of(inst, &on, &trials, relax.as_ref(), &demand_after, cfg.link_groups)
            .filter(|_| rules.peak_bound());
        let cap = match inst.per_use {
            Some(p) if rules.shortfall_cap() => shortfall_cap(inst, &on, p).unwrap_or(0),
            // Any shortfall: every level of the last class from one up.
            Some(_) => u64::MAX,
            None => 0,
        };
        // Per use never expires: as if bought now and held (which costs the same as buying it
        // when drawn).
        let per_use = inst.per_use.map(|price| Kind::per_use(price, h.max(1)));
        let swaps: Vec<Vec<Kind>> = classes
            .iter()
            .map(|c| {
                let lasting = inst
                    .kinds
                    .iter()
                    .enumerate()
                    .filter(|(k, kind)| on[*k] && !kind.trial && kind.periods >= c.periods);
                lasting.map(|(_, kind)| kind.clone()).chain(per_use.clone()).collect()
            })
            .collect();
        let level_caps: Vec<u64> = classes
            .iter()
            .zip(&swaps)
            .map(|(c, alts)| {
                if rules.level_cap() {
                    level_cap(inst, c, alts, cfg.swap_copies)
                } else {
                    u64::MAX
                }
            })
            .collect();
        let drawn = if rules.drawn_limit() {
            drawn_limits(inst, &classes, slots, cfg.swap_copies)
        } else {
            vec![u64::MAX; classes.len()]
        };
        let shortfall = match inst.per_use {
            None => 0,
            Some(_) if cap > 0 => cap,
            Some(_) => u64::MAX,
        };
        let mut after = vec![shortfall; classes.len()];
        for ci in (0..classes.len().saturating_sub(1)).rev() {
            after[ci] = after[ci + 1].saturating_add(drawn[ci + 1].saturating_sub(1));
        }
        let later = Later::of(inst, &classes);
        Solver {
            inst,
            cfg: *cfg,
            classes,
            trials,
            slots,
            enforce: inst.need_conc > 0,
            relax,
            cover,
            unit_block,
            peak,
            demand_after,
            steps: 0,
            budget: u64::MAX,
            aborted: false,
            beam_few: false,
            plain: false,
            lb_buf: Vec::new(),
            cap,
            drawn,
            after,
            swaps,
            level_caps,
            packages,
            rescue: 0,
            later,
            served,
        }
    }

    /// Whether a class's composition table was cut short (its covers may not be the cheapest).
    pub fn truncated(&self) -> bool {
        self.classes.iter().any(|c| c.truncated)
    }

    /// The whole search: a beam search for a first plan, then the exact search bounded by it.
    pub fn solve(&mut self, budget: u64) -> Outcome {
        // The beam search has its own allowance of the budget (with more than three validity
        // classes, earlier-expiring classes only fill the need); if it runs out, a greedy pass
        // (one state a period, filling the need) finds the first plan.
        self.budget = self.steps.saturating_add(budget / self.cfg.beam_share);
        self.beam_few = self.classes.len() > 3 && self.cfg.rules.beam_few();
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
        self.budget = self.steps.saturating_add(budget);
        self.aborted = false;
        let mut lower = self.root_lower();
        if let Some(sol) = self.probe(&mut first, &mut lower, budget) {
            return Outcome::Optimal(sol);
        }
        let (exact, rescued) = self.run_or_finish(first.as_ref().map(|s| s.cost), budget / self.cfg.rescue_share);
        if self.aborted || rescued {
            // Out of work: an `exact` plan is the rescue's (the rescue ran out too: none).
            return match (first, exact.ok()) {
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
            };
        }
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
    /// budget are [`SearchConfig`]'s.
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
        let mut first = Layer::new();
        first.keys.extend_from_slice(&self.initial_key());
        first.cost.push(Cost::default());
        first.prev.push(0);
        first.dec.push(0);
        // A decision for the root too, so that a search out of work in its first period can
        // narrow its one layer for the beam like any other.
        first.decs.resize(self.dec_stride(), 0);
        layers.push(first);
        let mut ctx = Ctx {
            t: 0,
            demand: 0,
            mask: 0,
            sub: 0,
            cover_t: 0,
            needed_now: false,
            trial_cost: Cost::default(),
            work: vec![0; self.slots],
            suffix: vec![0; self.slots + 1],
            picks: vec![Pick::default(); self.classes.len()],
            beam: beam.is_some(),
            ub,
            base: Cost::default(),
            out_keys: Vec::new(),
            out_cost: Vec::new(),
            out_decs: Vec::new(),
        };
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
                    self.aborted = false;
                    self.budget = self.steps.saturating_add(self.rescue);
                    self.rescue = 0;
                    beam = Some(self.cfg.beam_width);
                    let reached = std::mem::replace(&mut layers[t], Layer::new());
                    layers[t] = self.narrow(t, reached, self.cfg.beam_width);
                    continue;
                }
                next => next?,
            };
            let mut next = self.undominated(next, beam.is_none());
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

/// The first `n` of `v` in ascending order.
fn sorted(v: &[(u128, Cost, usize)], n: usize) -> Vec<(u128, Cost, usize)> {
    let order = sort::order(v.len(), &|a, b| v[a].cmp(&v[b]));
    order.iter().take(n).map(|&i| v[i]).collect()
}

/// Plans `inst` with the kinds in `allowed`, spending at most about `budget` work units on the
/// exact search. Returns the outcome and the work spent.
pub(super) fn solve(inst: &Instance, allowed: &[bool], budget: u64, cfg: &SearchConfig) -> (Outcome, u64) {
    if inst.demand.is_empty() {
        let empty = Solution {
            cost: Cost::default(),
            buys: Vec::new(),
        };
        return (Outcome::Optimal(empty), 0);
    }
    let mut solver = Solver::new(inst, allowed, cfg);
    let outcome = solver.solve(budget);
    (outcome, solver.steps)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A kind for hand-worked cases (concurrency 5).
    pub(in crate::plan) fn kind(price: u128, units: u64, periods: usize, trial: bool) -> Kind {
        Kind {
            price,
            units,
            periods,
            conc: 5,
            trial,
        }
    }

    fn plan_of(money: u128) -> Solution {
        Solution {
            cost: Cost {
                money,
                units: 1,
                count: 1,
            },
            buys: vec![(0, 0, 1)],
        }
    }

    #[test]
    fn a_retried_search_keeps_the_cheapest_plan_and_the_highest_bound() {
        let first = Outcome::Bounded {
            sol: plan_of(120),
            lower: 90,
            better: Some(plan_of(105)),
        };
        let again = Outcome::Bounded {
            sol: plan_of(110),
            lower: 100,
            better: None,
        };
        let Outcome::Bounded { sol, lower, better } = first.clone().with(again) else {
            panic!("not bounded");
        };
        assert_eq!((sol.cost.money, lower), (110, 100));
        assert_eq!(better.map(|b| b.cost.money), Some(105));
        // A proof with more work is the answer; an outcome without a plan adds nothing.
        assert!(
            matches!(first.clone().with(Outcome::Optimal(plan_of(101))), Outcome::Optimal(s) if s.cost.money == 101)
        );
        assert!(matches!(
            first.with(Outcome::Unsolved),
            Outcome::Bounded { lower: 90, .. }
        ));
    }

    /// The dollars of `sol` replayed on `inst` (draws earliest-expiring first, per use buying
    /// what is left), or `None` when a month is not served.
    fn replayed(inst: &Instance, sol: &Solution) -> Option<u128> {
        let h = inst.demand.len();
        // Units expiring at the end of each month (the last slot: after the horizon).
        let mut lots = vec![0u64; h + 1];
        for &(last, units, _) in &inst.balances {
            lots[last.min(h)] += units;
        }
        let mut money = 0u128;
        for (t, &demand) in inst.demand.iter().enumerate() {
            for &(_, k, n) in sol.buys.iter().filter(|b| b.0 == t) {
                let kind = &inst.kinds[k];
                lots[(t + kind.periods - 1).min(h)] += kind.units * n;
                money += kind.price * u128::from(n);
            }
            let mut need = demand;
            for lot in lots.iter_mut().skip(t) {
                let take = need.min(*lot);
                *lot -= take;
                need -= take;
            }
            if need > 0 {
                money += inst.per_use? * u128::from(need);
            }
        }
        Some(money)
    }

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

    /// `solver` proves a plan of `money` the cheapest, and the plan replays at that.
    pub(super) fn assert_proven_at(solver: &mut Solver, inst: &Instance, money: u128) {
        let Outcome::Optimal(sol) = solver.solve(1_000_000) else {
            panic!("not proven");
        };
        assert_eq!(sol.cost.money, money);
        assert_eq!(replayed(inst, &sol), Some(money));
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
