//! The exact purchase search, on integers: a dynamic program over periods whose state is the
//! stock left in each expiry bucket, the trials still available and how long a package that
//! carries the peak is still held.
//!
//! See the module documentation of [`super`] and `ARCHITECTURE.md` for why the transitions
//! enumerated here contain an optimal plan (the *normal form*) and why the search is bounded.
//!
//! One idea a file: [`state`] (a month's states), [`transitions`] (the normal-form transitions
//! out of a state) and [`normal_form`] (the exchange rules that limit them), [`levels`] (a
//! class's cheapest compositions), [`bounds`] (what a state must still spend, which prunes
//! it), [`dominance`] (the states another makes useless) and [`strategy`] (first plans,
//! probes, the exact pass, and what happens when work runs out). Here: the problem's types,
//! the solver and its setup ([`Solver::new`]).

mod bounds;
mod dominance;
mod levels;
mod normal_form;
mod state;
mod strategy;
mod transitions;

use super::config::SearchConfig;
use bounds::cover::CoverBound;
use bounds::peak::PeakBound;
use bounds::transition::Later;
use bounds::window;
use bounds::Relax;
use levels::{gcd, Class};
use normal_form::{drawn_after, drawn_limits, shortfall_cap};
use state::buckets;
use transitions::classes_of;

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
    /// The greedy pass tries only "fill the need" for classes that expire before the last.
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
    /// The packages (not trials) that may be bought, for [`dominance`]'s `Restock`.
    packages: Vec<Kind>,
    /// Work the last exact search may spend, once it runs out, finishing the states it reached,
    /// eight a period ([`Solver::run`], which sets it to 0 when it does); 0 when it may not.
    rescue: u64,
    /// Per class, what the need it and the classes after it leave costs at least a unit.
    later: Vec<Later>,
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
        let (max_l, slots) = buckets(inst, &on);
        let relax = Relax::of(inst, &on, &trials, max_l.max(slots - 1).clamp(1, h.max(1)));
        let non_trials: Vec<usize> = (0..inst.kinds.len())
            .filter(|&k| on[k] && !inst.kinds[k].trial)
            .collect();
        let packages = non_trials.iter().map(|&k| inst.kinds[k].clone()).collect();
        let cover = CoverBound::within(&inst.kinds, &non_trials, inst.per_use, cfg.cover_residues);
        let demand_after = window::demand_after(&inst.demand);
        let unit_block = trials.iter().fold(relax.as_ref().map_or(1, |r| r.block), |a, &k| {
            gcd(a, inst.kinds[k].units)
        });
        let peak = if rules.peak_bound() {
            PeakBound::of(inst, &on, &trials, relax.as_ref(), &demand_after, cfg.link_groups)
        } else {
            None
        };
        let cap = match inst.per_use {
            Some(p) if rules.shortfall_cap() => shortfall_cap(inst, &on, p).unwrap_or(0),
            // Any shortfall: every level of the last class from one up.
            Some(_) => u64::MAX,
            None => 0,
        };
        let drawn = if rules.drawn_limit() {
            drawn_limits(inst, &classes, slots, cfg.swap_copies)
        } else {
            vec![u64::MAX; classes.len()]
        };
        let after = drawn_after(inst, cap, &drawn);
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
            packages,
            rescue: 0,
            later,
        }
    }

    /// Whether a class's composition table was cut short (its covers may not be the cheapest).
    pub fn truncated(&self) -> bool {
        self.classes.iter().any(|c| c.truncated)
    }
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

    /// The dollars of `sol` replayed on `inst` (draws earliest-expiring first, per use buying
    /// what is left), or `None` when a month is not served.
    pub(super) fn replayed(inst: &Instance, sol: &Solution) -> Option<u128> {
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

    /// `solver` proves a plan of `money` the cheapest, and the plan replays at that.
    pub(super) fn assert_proven_at(solver: &mut Solver, inst: &Instance, money: u128) {
        let Outcome::Optimal(sol) = solver.solve(1_000_000) else {
            panic!("not proven");
        };
        assert_eq!(sol.cost.money, money);
        assert_eq!(replayed(inst, &sol), Some(money));
    }
}
