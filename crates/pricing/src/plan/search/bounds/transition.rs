//! The bounds within a transition: while a month's purchase is chosen class by class, a
//! transition whose first picks already make every plan through it dearer than the plan to
//! beat is cut short ([`Solver::beaten_so_far`]), and the levels of a class that would be are
//! not tried ([`Solver::level_limit`]). Checked before the later
//! classes' levels, which would multiply the transitions the next month's bound drops anyway.

use crate::plan::search::levels::{per_unit, Class};
use crate::plan::search::transitions::{Choice, ClassStep, Ctx};
use crate::plan::search::{Instance, Solver};

/// A transition so far and a class's best price per unit ([`Solver::level_estimate`]).
struct LevelEstimate {
    t: usize,
    /// The trials left for later months.
    left: u64,
    money: u128,
    units: u64,
    cover: usize,
    price: u128,
    units_per: u64,
    g: u64,
}

/// What a month's need left by the classes before a class costs at least a unit: the least
/// price per unit among the packages of that class and the classes after it, and per use
/// ([`Solver::month_extra`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Later {
    /// That price per unit, as a price and its units; `u128::MAX` when nothing is left to buy.
    price: u128,
    units: u64,
    /// With a peak enforced, the most units of one of those packages that carries it (such a
    /// package may be a link of the peak's chain, charged in full there).
    link: u64,
}

impl Later {
    /// Per class index (and one past the last: per use alone), from the last class back.
    pub(crate) fn of(inst: &Instance, classes: &[Class]) -> Vec<Later> {
        let none = Later {
            price: u128::MAX,
            units: 1,
            link: 0,
        };
        let mut later = vec![none; classes.len() + 1];
        if let Some(price) = inst.per_use {
            later[classes.len()] = Later { price, ..none };
        }
        for (ci, class) in classes.iter().enumerate().rev() {
            let mut best = later[ci + 1];
            let star = &inst.kinds[class.star()];
            if per_unit(star.price, star.units, best.price, best.units).is_lt() {
                (best.price, best.units) = (star.price, star.units);
            }
            let kinds = class.kinds.iter().map(|&k| &inst.kinds[k]);
            let carriers = kinds.filter(|k| inst.need_conc > 0 && k.conc >= inst.need_conc);
            best.link = carriers.fold(best.link, |a, k| a.max(k.units));
            later[ci] = best;
        }
        later
    }
}

impl Solver<'_> {
    /// Whether every transition that starts with the trials and the picks of the classes before
    /// `ci` leads to a plan dearer than the one to beat. The demand from this period on, less
    /// the stock held, the trials bought and the units picked, must still be bought at no less
    /// than the best price per unit (less what the trials left can save), or, with a peak
    /// enforced, at [`Solver::peak_need`]. Checking before the later classes' levels saves
    /// enumerating their product for a transition the next period's bound would drop anyway.
    /// What this month still needs
    /// (`need` from the bucket `pos` on) and the stock left cannot draw must be bought now,
    /// by the classes from `ci` on or per use, at no less than their price per unit
    /// ([`Solver::month_extra`]).
    pub(crate) fn beaten_so_far(&self, ctx: &Ctx, ci: usize, need: u64, pos: usize) -> bool {
        let Some(ub) = ctx.ub.filter(|_| self.cfg.rules.transition_bound()) else {
            return false;
        };
        let (money, units, cover) = self.picked(ctx, ci);
        let so_far = money.saturating_add(self.rest_bound(ctx.t, units, ctx.mask & !ctx.sub, cover));
        if so_far > ub.money {
            return true;
        }
        let short = need.saturating_sub(ctx.suffix[pos.min(self.slots)]);
        so_far.saturating_add(self.month_extra(ci, short)) > ub.money
    }

    /// What buying `short` units this month from the classes from `ci` on (or per use) costs
    /// at least beyond the best price per unit that [`Solver::rest_bound`] charges them: their
    /// least price per unit ([`Later`]) is dearer when the earlier classes hold the best
    /// value. A package carrying the peak among them may be a link of the peak's chain, whose
    /// price the rest bound counts in full, and a month buys at most one link (links are the
    /// longest-lasting carriers held in the months they start, so two bought in one month
    /// would have the longer one start both), so its units are let off. The month's
    /// purchases hold no trial (those are chosen first), so the trials' savings stay apart.
    fn month_extra(&self, ci: usize, short: u64) -> u128 {
        let (Some(r), Some(later), true) = (&self.relax, self.later.get(ci), self.cfg.rules.month_extra()) else {
            return 0;
        };
        let x = short.saturating_sub(later.link);
        if x == 0 || later.price == u128::MAX {
            return 0;
        }
        let den = u128::from(r.units.max(1));
        let over = later
            .price
            .checked_mul(den)
            .and_then(|p| p.checked_sub(r.price.checked_mul(u128::from(later.units))?));
        // Overflow (far beyond any input validated) only gives up the extra.
        over.and_then(|o| o.checked_mul(u128::from(x)))
            .map_or(0, |v| v / (u128::from(later.units) * den))
    }

    /// The money, the units (held, from the trials bought and picked) and the peak's cover of
    /// a transition so far: the state's cost, the trials and the picks of the classes before
    /// `ci`.
    fn picked(&self, ctx: &Ctx, ci: usize) -> (u128, u64, usize) {
        let kinds = &self.inst.kinds;
        let mut money = ctx.base.money.saturating_add(ctx.trial_cost.money);
        let mut units = ctx.suffix[0];
        let mut cover = ctx.cover_t;
        for (class, p) in self.classes.iter().zip(&ctx.picks[..ci]) {
            if p.exempt > 0 {
                let k = &kinds[(p.exempt - 1) as usize];
                money = money.saturating_add(k.price);
                units = units.saturating_add(k.units);
                cover = cover.max(class.periods);
            }
            if let (Some(c), true) = (p.cover, p.level > 0) {
                money = money.saturating_add(c.money);
                units = units.saturating_add(p.level);
                if self.enforce && c.conc >= self.inst.need_conc {
                    cover = cover.max(class.periods);
                }
            }
        }
        (money, units, cover)
    }

    /// A lower bound on the dollars still to spend from period `t` on, with `units` held or
    /// bought, the trials `left` and the peak carried through `cover` periods from `t`.
    fn rest_bound(&self, t: usize, units: u64, left: u64, cover: usize) -> u128 {
        match (&self.peak, &self.relax) {
            (Some(_), _) => self.peak_need(t, units, left, cover),
            (None, Some(r)) => {
                let need = u128::from(self.demand_after[t].saturating_sub(units));
                need.saturating_mul(r.price).saturating_sub(r.saved(left)) / u128::from(r.units.max(1))
            }
            (None, None) => 0,
        }
    }

    /// The highest of the class's levels `m_lo..=m_hi` (in steps of its gcd) that
    /// [`Solver::beaten_so_far`] may keep, `m_lo − 1` for none. A level of `c` units costs at
    /// least `c` at the class's best price per unit, and no price per unit is below the best
    /// one the bound charges for the rest, so that estimate grows with the level: past the
    /// first level where it exceeds the plan to beat (by more than its 2 of rounding), every
    /// level is cut, and need not be tried. With a peak, the estimate lets the level carry it.
    pub(crate) fn level_limit(&mut self, ctx: &Ctx, step: &ClassStep, choice: Choice, m_lo: u64, m_hi: u64) -> u64 {
        let Some(ub) = ctx.ub.filter(|_| self.cfg.rules.level_limit()) else {
            return m_hi;
        };
        let est = self.level_estimate(ctx, step, choice);
        let limit = ub.money.saturating_add(2);
        // The last level not over, between `a` and `b`: levels from `b + 1` on are over. The
        // top first: most often no level is.
        let (mut a, mut b, mut mid, mut tried) = (m_lo - 1, m_hi, m_hi, 0u64);
        while a < b {
            tried += 1;
            if self.estimate(&est, mid) > limit {
                b = mid - 1;
            } else {
                a = mid;
            }
            mid = a + (b - a).div_ceil(2);
        }
        self.charge_estimates(tried);
        a
    }

    /// What the estimates of one class's levels share: the transition's money, units and peak
    /// cover with the designated package, and the class's best price per unit.
    fn level_estimate(&self, ctx: &Ctx, step: &ClassStep, choice: Choice) -> LevelEstimate {
        let class = &self.classes[step.ci];
        let kinds = &self.inst.kinds;
        let (mut money, mut units, mut cover) = self.picked(ctx, step.ci);
        if choice.ex > 0 {
            let k = &kinds[(choice.ex - 1) as usize];
            money = money.saturating_add(k.price);
            units = units.saturating_add(k.units);
        }
        if self.enforce && class.kinds.iter().any(|&k| kinds[k].conc >= self.inst.need_conc) {
            cover = cover.max(class.periods);
        }
        let star = &kinds[class.star()];
        LevelEstimate {
            t: ctx.t,
            left: ctx.mask & !ctx.sub,
            money,
            units,
            cover,
            price: star.price,
            units_per: star.units.max(1),
            g: class.g,
        }
    }

    /// A lower bound on every plan through level `m` of a class: the transition so far, the
    /// level at the class's best price per unit, and [`Solver::rest_bound`] for the rest.
    fn estimate(&self, e: &LevelEstimate, m: u64) -> u128 {
        let c = m.saturating_mul(e.g);
        let at_best = u128::from(c).saturating_mul(e.price) / u128::from(e.units_per);
        let rest = self.rest_bound(e.t, e.units.saturating_add(c), e.left, e.cover);
        e.money.saturating_add(at_best).saturating_add(rest)
    }

    /// Charges a call that made `n` estimates of a level or a bound a quarter of a unit of
    /// work each, rounded up: one takes about a sixth of the time a unit stands for, and the
    /// rounding pays for the call's own work.
    pub(super) fn charge_estimates(&mut self, n: u64) {
        self.steps = self.steps.saturating_add(n.div_ceil(4));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::config::SearchConfig;
    use crate::plan::search::tests::{assert_proven_at, kind};

    /// A month of 10 units; 5 for $50 lasting a month, or 5 for $100 lasting two. What the
    /// first class leaves of the month must come from the second at $20 a unit, $10 more than
    /// the best price per unit the rest bound charges; per use at $30 a unit is dearer still.
    /// With a peak the second carries, its 5 units may be a link of the chain and are let off.
    #[test]
    fn a_month_short_after_a_class_pays_the_later_price() {
        let mut cheap = kind(50, 5, 1, false);
        cheap.conc = 0;
        let mut inst = Instance {
            demand: vec![10],
            kinds: vec![cheap, kind(100, 5, 2, false)],
            balances: Vec::new(),
            need_conc: 0,
            per_use: Some(30),
        };
        let solver = Solver::new(&inst, &[true, true], &SearchConfig::default());
        assert_eq!(solver.month_extra(0, 5), 0);
        assert_eq!(solver.month_extra(1, 5), 5 * 10);
        assert_eq!(solver.month_extra(2, 5), 5 * 20);
        inst.need_conc = 5;
        let solver = Solver::new(&inst, &[true, true], &SearchConfig::default());
        assert_eq!(solver.month_extra(1, 5), 0);
        assert_eq!(solver.month_extra(1, 7), 2 * 10);
        // The carrier and one cheap package.
        assert_proven_at(
            &mut Solver::new(&inst, &[true, true], &SearchConfig::default()),
            &inst,
            150,
        );
    }
}
