//! The transitions of the normal form: every purchase a month may make out of a state
//! ([`Solver::expand`]), chosen class by class ([`Solver::rec`]): a subset of the trials left,
//! then for each validity class a level bought as its cheapest composition and, with a peak
//! enforced, a designated package that carries it; then the month's draw ([`Solver::finish`]).
//! The validity classes themselves ([`classes_of`]) are set up here too.

use super::bounds::window;
use super::levels::{Class, Cover};
use super::{Cost, Instance, Kind, Solver};
use crate::plan::config::SearchConfig;

/// One class's choice in a transition.
#[derive(Clone, Copy, Default)]
pub(super) struct Pick {
    /// Kind index + 1 of the package designated to carry the peak (bought outside the cheapest
    /// cover, which might swap it for packages that do not carry it), 0 for none.
    pub(super) exempt: u64,
    /// Units bought through the cheapest cover.
    pub(super) level: u64,
    pub(super) cover: Option<Cover>,
}

/// Where the choice of one class stands in a transition.
pub(super) struct ClassStep {
    /// The class.
    pub(super) ci: usize,
    /// Its expiry bucket.
    pub(super) slot: usize,
    /// Demand still to draw once the buckets before its own are drawn.
    pub(super) r: u64,
    /// Stock held, before buying, in the buckets after its own.
    pub(super) later_old: u64,
    /// An earlier class shares its bucket (same validity), and has drawn the bucket's stock.
    pub(super) shared: bool,
    /// A later-expiring class comes after it.
    pub(super) has_later: bool,
    /// An earlier class has designated a package to carry the peak.
    pub(super) exempt_used: bool,
}

/// One class's designated package (kind index + 1, 0 for none), the units it may leave unused
/// (`u64::MAX` when unlimited), and the class's bucket with it.
#[derive(Clone, Copy)]
pub(super) struct Choice {
    pub(super) ex: u64,
    pub(super) ex_limit: u64,
    pub(super) base: u64,
}

/// Scratch space of one expansion.
pub(super) struct Ctx {
    pub(super) t: usize,
    pub(super) demand: u64,
    pub(super) mask: u64,
    pub(super) sub: u64,
    pub(super) cover_t: usize,
    /// The period has demand, the peak is enforced and nothing held carries it: the package
    /// bought to carry it may go unused this period.
    pub(super) needed_now: bool,
    pub(super) trial_cost: Cost,
    pub(super) work: Vec<u64>,
    pub(super) suffix: Vec<u64>,
    pub(super) picks: Vec<Pick>,
    pub(super) beam: bool,
    /// The plan to beat (exact search only) and the cost of the state expanded: a transition
    /// whose first picks already make every plan through it dearer is cut short.
    pub(super) ub: Option<Cost>,
    pub(super) base: Cost,
    /// Transitions found: keys (stride), added cost, decisions (stride).
    pub(super) out_keys: Vec<u64>,
    pub(super) out_cost: Vec<Cost>,
    pub(super) out_decs: Vec<u64>,
}

impl Ctx {
    /// The scratch space of a pass's expansions, for `slots` expiry buckets and `classes`
    /// validity classes; `beam`: only the beam's few levels; `ub`: the plan to beat.
    pub(super) fn new(slots: usize, classes: usize, beam: bool, ub: Option<Cost>) -> Ctx {
        Ctx {
            t: 0,
            demand: 0,
            mask: 0,
            sub: 0,
            cover_t: 0,
            needed_now: false,
            trial_cost: Cost::default(),
            work: vec![0; slots],
            suffix: vec![0; slots + 1],
            picks: vec![Pick::default(); classes],
            beam,
            ub,
            base: Cost::default(),
            out_keys: Vec::new(),
            out_cost: Vec::new(),
            out_decs: Vec::new(),
        }
    }
}

/// The kinds `on`, as the trial bits (at most 16 trials, by kind index) and the validity
/// classes of the others, in order of periods.
pub(super) fn classes_of(inst: &Instance, on: &[bool], cfg: &SearchConfig) -> (Vec<usize>, Vec<Class>) {
    let mut trials = Vec::new();
    let mut by_periods: Vec<(usize, Vec<usize>)> = Vec::new();
    for (k, kind) in inst.kinds.iter().enumerate() {
        if !on[k] {
            continue;
        }
        if kind.trial {
            if trials.len() < 16 {
                trials.push(k);
            }
            continue;
        }
        // Kept in order of periods.
        let at = by_periods.partition_point(|(p, _)| *p < kind.periods);
        match by_periods.get_mut(at) {
            Some((p, v)) if *p == kind.periods => v.push(k),
            _ => by_periods.insert(at, (kind.periods, vec![k])),
        }
    }
    let mut classes = Vec::new();
    for (p, members) in by_periods {
        classes.extend(split_class(&inst.kinds, p, members, cfg));
    }
    (trials, classes)
}

/// The classes of the packages `members`, all lasting `periods`: one class, unless its
/// composition table would be cut short (a quote whose units share only a small divisor with
/// the packages', say 9,876 units next to 30,000). Then the members are split greedily, each
/// joining the first class it leaves whole, so every table is exact and each class keeps a
/// coarse unit step: its levels stay few. Classes of the same validity share one expiry bucket
/// (see [`Solver::rec`]), which keeps the search exact: the packages of a bucket are still
/// bought just in time, and each class's part as its own cheapest composition.
fn split_class(kinds: &[Kind], periods: usize, members: Vec<usize>, cfg: &SearchConfig) -> Vec<Class> {
    let cap = cfg.table_cap;
    let whole = Class::new(kinds, periods, members.clone(), cap);
    if !whole.truncated || !cfg.rules.split_classes() {
        return vec![whole];
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for k in members {
        let fits = groups.iter().position(|g| {
            let mut with = g.clone();
            with.push(k);
            !Class::new(kinds, periods, with, cap).truncated
        });
        match fits {
            Some(i) => groups[i].push(k),
            None => groups.push(vec![k]),
        }
    }
    groups.into_iter().map(|g| Class::new(kinds, periods, g, cap)).collect()
}

impl Solver<'_> {
    /// Every normal-form transition out of a state at the start of period `t`.
    pub(super) fn expand(&mut self, t: usize, key: &[u64], ctx: &mut Ctx) {
        let w = self.slots - 1;
        let meta = key[w];
        ctx.t = t;
        ctx.demand = self.inst.demand[t];
        ctx.mask = meta & 0xffff_ffff;
        let cover = (meta >> 32) as usize;
        let mask = ctx.mask;
        let mut sub = mask;
        loop {
            // Subsets of the trials still available, all of them down to the empty one.
            let this = sub;
            if ctx.demand > 0 || this == 0 {
                ctx.sub = this;
                ctx.work[..w].copy_from_slice(&key[..w]);
                ctx.work[w] = 0;
                let mut tc = Cost::default();
                let mut cover_t = cover;
                for (bit, &k) in self.trials.iter().enumerate() {
                    if this & (1 << bit) == 0 {
                        continue;
                    }
                    let kind = &self.inst.kinds[k];
                    let slot = kind.periods.min(self.slots) - 1;
                    ctx.work[slot] = ctx.work[slot].saturating_add(kind.units);
                    tc = tc.add(Cost {
                        money: kind.price,
                        units: kind.units,
                        count: 1,
                    });
                    if self.enforce && kind.conc >= self.inst.need_conc {
                        cover_t = cover_t.max(kind.periods);
                    }
                }
                ctx.trial_cost = tc;
                ctx.cover_t = cover_t;
                ctx.needed_now = self.enforce && ctx.demand > 0 && cover_t == 0;
                for s in (0..self.slots).rev() {
                    ctx.suffix[s] = ctx.suffix[s + 1].saturating_add(ctx.work[s]);
                }
                self.rec(ctx, 0, 0, ctx.demand, false);
                if self.aborted {
                    return;
                }
            }
            if sub == 0 {
                break;
            }
            sub = (sub - 1) & mask;
        }
    }

    /// Chooses class `ci`'s purchase, given that slots before `pos` are drawn and `need` units
    /// of the period's demand are still to draw.
    fn rec(&mut self, ctx: &mut Ctx, ci: usize, pos: usize, need: u64, exempt_used: bool) {
        let nc = self.classes.len();
        if ci > 0 && self.beaten_so_far(ctx, ci, need, pos) {
            return;
        }
        if ci == nc {
            let rest = ctx.suffix[pos.min(self.slots)];
            if rest >= need || self.inst.per_use.is_some() {
                self.finish(ctx);
            }
            return;
        }
        let slot = self.classes[ci].periods.min(self.slots) - 1;
        let mut r = need;
        for j in pos..slot {
            r -= r.min(ctx.work[j]);
        }
        let step = ClassStep {
            ci,
            slot,
            r,
            later_old: ctx.suffix[slot + 1],
            shared: pos > slot,
            has_later: ci + 1 < nc,
            exempt_used,
        };
        // Option 0: no designated package; option j: the class's j-th kind, bought outside the
        // cheapest cover because it carries the peak (see `Ctx::needed_now`).
        let options = if self.enforce && !exempt_used {
            self.classes[ci].kinds.len()
        } else {
            0
        };
        for option in 0..=options {
            let Some(choice) = self.designated(ctx, &step, option) else {
                continue;
            };
            self.choose_levels(ctx, &step, choice);
            if self.aborted {
                return;
            }
        }
    }

    /// The class's `option`: no designated package (0), or its kind `option − 1` when that carries
    /// the peak (else `None`).
    fn designated(&self, ctx: &Ctx, step: &ClassStep, option: usize) -> Option<Choice> {
        let kinds = &self.inst.kinds;
        let ex = if option == 0 {
            0
        } else {
            let k = self.classes[step.ci].kinds[option - 1];
            if kinds[k].conc < self.inst.need_conc {
                return None;
            }
            k as u64 + 1
        };
        let ex_units = if ex > 0 { kinds[(ex - 1) as usize].units } else { 0 };
        // Unless it is the only package carrying the peak this period, the designated package
        // obeys the normal form like any other: less than its units may be left unused.
        let ex_limit = if ex > 0 && !ctx.needed_now { ex_units } else { u64::MAX };
        // The bucket's stock counts once: for the first class of its validity.
        let held = if step.shared { 0 } else { ctx.work[step.slot] };
        Some(Choice {
            ex,
            ex_limit,
            base: held.saturating_add(ex_units),
        })
    }

    /// With `choice` made for the class, tries buying nothing more from it, then every level of
    /// the normal form, each followed by the next class's choices.
    fn choose_levels(&mut self, ctx: &mut Ctx, step: &ClassStep, choice: Choice) {
        let (r, base) = (step.r, choice.base);
        // Nothing more from this class (with per use, whatever is left is bought per use).
        let per_use = self.inst.per_use.is_some();
        let rem = r - r.min(base);
        let left = base - base.min(r);
        if (step.has_later || rem <= step.later_old || per_use) && left < choice.ex_limit {
            self.pick(ctx, step, choice, 0, None, rem);
            if self.aborted {
                return;
            }
        }
        if r <= base {
            return;
        }
        let Some((m_lo, m_hi)) = self.level_range(ctx, step, choice) else {
            return;
        };
        self.try_levels(ctx, step, choice, m_lo, m_hi);
    }

    /// The levels of the class, in multiples of its gcd, that the normal form and the bounds
    /// within the transition leave (`None` when none): drawn this period, leaving less than any
    /// package unused, within the drawn limit, and not cut by [`Solver::level_limit`].
    fn level_range(&mut self, ctx: &Ctx, step: &ClassStep, choice: Choice) -> Option<(u64, u64)> {
        let (r, base) = (step.r, choice.base);
        // Levels whose units are drawn this period, leaving less than any package unused.
        let class = &self.classes[step.ci];
        let g = class.g;
        let mut hi = (r - base).saturating_add(class.umax - 1);
        // At most `drawn − 1` units of the purchase drawn now.
        let drawn = self.drawn[step.ci];
        if r - base >= drawn {
            hi = hi.min(drawn - 1);
        }
        // The last class covers the need, but for a per-use shortfall of at most `cap`.
        // What this class leaves undrawn, the later stock must draw, with the later classes and
        // per use (the last class: per use's shortfall alone).
        let others = if step.has_later { self.after[step.ci] } else { self.cap };
        let lo = (r - base).saturating_sub(step.later_old).saturating_sub(others).max(1);
        let (m_lo, m_hi) = (lo.div_ceil(g), hi / g);
        if m_lo > m_hi {
            return None;
        }
        let m_hi = self.level_limit(ctx, step, choice, m_lo, m_hi);
        if m_lo > m_hi {
            return None;
        }
        (m_lo <= m_hi).then_some((m_lo, m_hi))
    }

    /// Tries the class's levels `m_lo..=m_hi` (the beam: only its few of them), each bought
    /// as its cheapest cover unless a swap beats it or it leaves more than the normal form
    /// allows, each followed by the next class's choices.
    fn try_levels(&mut self, ctx: &mut Ctx, step: &ClassStep, choice: Choice, m_lo: u64, m_hi: u64) {
        let (r, base) = (step.r, choice.base);
        let g = self.classes[step.ci].g;
        let levels = if ctx.beam {
            self.beam_levels(step, base, m_lo, m_hi)
        } else {
            Vec::new()
        };
        let count = if ctx.beam { levels.len() as u64 } else { m_hi - m_lo + 1 };
        for n in 0..count {
            let m = if ctx.beam { levels[n as usize] } else { m_lo + n };
            self.steps += 1;
            if self.steps > self.budget {
                self.aborted = true;
                return;
            }
            let c = m * g;
            let Some(cov) = self.classes[step.ci].cover(&self.inst.kinds, c) else {
                continue;
            };
            let total = base.saturating_add(c);
            let rem = r - r.min(total);
            if (!step.has_later && rem > step.later_old.saturating_add(self.cap))
                || total - total.min(r) >= choice.ex_limit
            {
                continue;
            }
            self.pick(ctx, step, choice, c, Some(cov), rem);
            if self.aborted {
                return;
            }
        }
    }

    /// The few levels (multiples of the class's gcd, from `m_lo` to `m_hi`) the beam search
    /// tries: a few from the bottom, the first multiple of the largest package, and the levels
    /// around drawing exactly what is needed.
    fn beam_levels(&self, step: &ClassStep, base: u64, m_lo: u64, m_hi: u64) -> Vec<u64> {
        let class = &self.classes[step.ci];
        let (g, need) = (class.g, step.r - base);
        let star_units = class.kinds.iter().map(|&k| self.inst.kinds[k].units).max().unwrap_or(g);
        // With more than two classes, an earlier-expiring class only fills the need (its
        // levels multiply with every later class's).
        let few = step.has_later && self.beam_few;
        let mut levels: Vec<u64> = Vec::new();
        let mut m = m_lo;
        while m <= m_hi && (m - m_lo) < self.cfg.beam_levels && !few {
            levels.push(m);
            m += 1;
        }
        let fill = need.div_ceil(g);
        for m in [fill, fill + 1, need.div_ceil(star_units) * (star_units / g)] {
            if (m_lo..=m_hi).contains(&m) && !levels.contains(&m) && !(few && m != fill) {
                levels.push(m);
            }
        }
        levels
    }

    /// Records the class's pick (`level` units through `cover`, besides `choice`'s designated
    /// package) and goes on to the next class with `rem` units still to draw.
    fn pick(&mut self, ctx: &mut Ctx, step: &ClassStep, choice: Choice, level: u64, cover: Option<Cover>, rem: u64) {
        ctx.picks[step.ci] = Pick {
            exempt: choice.ex,
            level,
            cover,
        };
        self.rec(ctx, step.ci + 1, step.slot + 1, rem, step.exempt_used || choice.ex > 0);
    }

    /// Caps each bucket of `stock`, held at the start of period `t`, at the whole demand of
    /// the months it can serve (bucket `j`: `t..=t + j`, within the horizon). Units beyond it
    /// are never drawn, whatever the plan buys: a bucket gives at most that demand, and while
    /// it has more left than it will give, holding less changes no draw. So the cap changes no
    /// cost, and states that differ only in units bound to expire unused become one, or
    /// comparable.
    fn cap_to_demand(&self, t: usize, stock: &mut [u64]) {
        if !self.cfg.rules.bucket_cap() {
            return;
        }
        for (j, units) in stock.iter_mut().enumerate() {
            *units = (*units).min(window::demand_between(&self.demand_after, t, t + j + 1));
        }
    }

    /// Records the transition chosen in `ctx`: draws the period's demand earliest-expiring first
    /// and forfeits what expires at its end.
    fn finish(&mut self, ctx: &mut Ctx) {
        self.steps += 1;
        let slots = self.slots;
        let start = ctx.out_keys.len();
        ctx.out_keys.extend_from_slice(&ctx.work);
        let (cost, cover_new) = self.add_picks(ctx, start);
        if self.enforce && ctx.demand > 0 && cover_new == 0 {
            ctx.out_keys.truncate(start);
            return;
        }
        // Draw, then shift: slot 0 expires now, the rest move one period closer.
        let Some(cost) = self.draw(ctx, start, cost) else {
            ctx.out_keys.truncate(start);
            return;
        };
        ctx.out_keys.copy_within(start + 1..start + slots, start);
        self.cap_to_demand(ctx.t + 1, &mut ctx.out_keys[start..start + slots - 1]);
        let cover_meta = if self.enforce {
            cover_new.saturating_sub(1) as u64
        } else {
            0
        };
        ctx.out_keys[start + slots - 1] = (ctx.mask & !ctx.sub) | (cover_meta << 32);
        ctx.out_cost.push(cost);
        ctx.out_decs.push(ctx.sub);
        for p in &ctx.picks {
            ctx.out_decs.push(p.exempt);
            ctx.out_decs.push(if p.cover.is_some() { p.level } else { 0 });
        }
    }

    /// Adds the classes' picks in `ctx` to the new state's buckets (`ctx.out_keys` from
    /// `start`): the transition's cost, the trials' included, and how long the peak is
    /// carried from this period on.
    fn add_picks(&self, ctx: &mut Ctx, start: usize) -> (Cost, usize) {
        let slots = self.slots;
        let kinds = &self.inst.kinds;
        let mut cost = ctx.trial_cost;
        let mut cover_new = ctx.cover_t;
        for (ci, p) in ctx.picks.iter().enumerate() {
            let class = &self.classes[ci];
            let slot = class.periods.min(slots) - 1;
            if p.exempt > 0 {
                let k = &kinds[(p.exempt - 1) as usize];
                ctx.out_keys[start + slot] = ctx.out_keys[start + slot].saturating_add(k.units);
                cost = cost.add(Cost {
                    money: k.price,
                    units: k.units,
                    count: 1,
                });
                cover_new = cover_new.max(class.periods);
            }
            if let (Some(c), true) = (p.cover, p.level > 0) {
                ctx.out_keys[start + slot] = ctx.out_keys[start + slot].saturating_add(p.level);
                cost = cost.add(Cost {
                    money: c.money,
                    units: p.level,
                    count: c.count,
                });
                if self.enforce && c.conc >= self.inst.need_conc {
                    cover_new = cover_new.max(class.periods);
                }
            }
        }
        (cost, cover_new)
    }

    /// Draws the period's demand from the new state's buckets (`ctx.out_keys` from `start`),
    /// earliest-expiring first, and buys what they leave per use: `cost` with it, or `None`
    /// when there is no per use to buy it (no plan).
    fn draw(&self, ctx: &mut Ctx, start: usize, cost: Cost) -> Option<Cost> {
        let mut need = ctx.demand;
        for s in 0..self.slots {
            let v = &mut ctx.out_keys[start + s];
            let take = (*v).min(need);
            *v -= take;
            need -= take;
        }
        if need == 0 {
            return Some(cost);
        }
        // Bought per use (drawn in full: per-use units never expire unused), or no plan.
        let price = self.inst.per_use?;
        Some(cost.add(Cost {
            money: price.saturating_mul(u128::from(need)),
            units: need,
            count: 1,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::search::tests::kind;

    /// Months of 10, 20, 30 and 40 units: from month 1, a bucket serving month 1 only gives
    /// at most 20, one serving months 1 and 2 at most 50, and so on; past the horizon, nothing
    /// more. Fewer units than that stay as they are.
    #[test]
    fn units_a_bucket_can_never_give_are_dropped() {
        let inst = Instance {
            demand: vec![10, 20, 30, 40],
            kinds: vec![kind(100, 100, 3, false)],
            balances: Vec::new(),
            need_conc: 0,
            per_use: None,
        };
        let solver = Solver::new(&inst, &[true], &SearchConfig::default());
        let mut stock = [100, 100, 100];
        solver.cap_to_demand(1, &mut stock);
        assert_eq!(stock, [20, 50, 90]);
        let mut stock = [100, 100, 5];
        solver.cap_to_demand(3, &mut stock);
        assert_eq!(stock, [40, 40, 5]);
        solver.cap_to_demand(4, &mut stock);
        assert_eq!(stock, [0, 0, 0]);
    }
}
