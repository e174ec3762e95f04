//! A pool's purchase problem as a mixed-integer program, built from the catalog and the options
//! through the crate's public API only, and solved by HiGHS.
//!
//! The problem is read from the planner's stated rules, not from its code:
//!
//! - demand: month 1 is the pool's monthly units, month m is month m−1 grown by the growth
//!   percentage; each is rounded up to the pool's unit step (`unit_step`), then times month m's
//!   multiplier (`demand_by_month`, 1 past its end) and rounded up again, the growth going on
//!   from the demand before the multiplier;
//! - packages: the catalog's priced packages of the pool on the options' menu (the edition's
//!   first menu when none is named), trials only while unused, then the pool's packs and quotes.
//!   A package of D days serves `ceil(D/30)` months from the month it is bought in; a trial can
//!   be bought once;
//! - balances: units held with N days left serve months `1..=ceil(N/30)`;
//! - per use: the options' per-use price in the pool, when there is one, buys any units in any
//!   month;
//! - the peak: `ceil(jobs per hour × minutes per job / 60)` concurrent tasks; when some package
//!   or balance of the pool allows that many, every month with demand must hold one (bought and
//!   not yet expired, or a balance not yet expired).
//!
//! The program, per pool (`D(a..=b)` is the demand of months `a` to `b`):
//!
//! - `x[k][t]` integer: copies of package `k` bought at the start of month `t`, at most
//!   `ceil(W / u_k)` where `W` is the demand of the months they serve (with more copies one can
//!   be dropped and the rest still hold `W`, and still carry the peak, since a copy is left), at
//!   most 1 for a trial, and `Σ_t x[k][t] ≤ 1` for a trial;
//! - `f[k][t][j] ≥ 0`: units the copies of `k` bought in `t` give month `j`, for each month they
//!   serve: `Σ_j f[k][t][j] ≤ u_k x[k][t]`, and `f[k][t][j] ≤ d_j x[k][t]` where `d_j < u_k`
//!   (no month is given more than its demand; this keeps the relaxation tight where a package
//!   holds more than a month needs);
//! - a balance is a lot of fixed units with flows to the months it serves;
//! - `p[j] ≥ 0`: units bought per use in month `j`, when per use is on;
//! - each month `j`: `Σ f[·][·][j] + Σ balance flows into j + p[j] ≥ d_j`;
//! - the peak, when enforced: each month with demand that no balance carrying it serves has
//!   `Σ x[k][t] ≥ 1` over the packages carrying it and the months `t` whose purchase still
//!   serves `j`;
//! - objective: `Σ price_k x[k][t] + per-use price × Σ p[j]`, in dollars.
//!
//! Two families of rows over each run of months `a..=b` add nothing the rows above do not
//! imply for whole numbers of copies, but state it over the purchases themselves, where the
//! solver's cuts and bounds can use it. Let `R` be `D(a..=b)` less what the balances can give
//! the run (each at most its units and the demand of the run's months it serves); a copy of
//! `k` bought in `t` can give the run at most `min(u_k, D` of the run's months it serves`)`:
//!
//! - cover: `Σ min(u_k, D(…)) x[k][t] + Σ_{j=a..=b} p[j] ≥ R`;
//! - cost: the purchases that can give the run something, and per use in its months, together
//!   cover `R` units, so they cost at least the cheapest way to cover `R` units with whole
//!   copies (each trial once, a copy counting at most `R`) and per use, whenever bought:
//!   `Σ price_k x[k][t] + per-use price × Σ_{j=a..=b} p[j] ≥ C(R)`, `C` found by a small exact
//!   search ([`PoolModel::least_cover`]). Without these, the solver's bound stays cents below
//!   the optimum on inputs whose sizes leave remainders (a few units per use or forfeited), and
//!   it cannot close the gap by branching on the months copies are bought in.
//!
//! Units are given to the solver divided by the largest package's, so that its coefficients
//! are near 1. HiGHS is asked for no relative gap and an absolute one of a tenth of a cent: a
//! plan it reports optimal is within that of the optimum.
//!
//! Flows stand in for the planner's drawing rule (earliest-expiring first): for purchases that
//! admit some flow, drawing earliest-expiring first serves at least as much every month (the
//! classic exchange argument), and per use has one price, so the optimum's dollars are the
//! same. The solver's schedule is then re-costed exactly, in decimals, by drawing it month by
//! month that way ([`PoolModel::recost`]), so the dollars compared are exact, not the solver's
//! floats. `ORACLE_LOG=1` prints the solver's log.

use highs::{Col, HighsModelStatus, HighsSolutionStatus, RowProblem, Sense, SolvedModel};
use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::plan::{unit_step, PlanOptions, PERIOD_DAYS};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::time::Duration;

/// A package the model buys.
#[derive(Clone, Debug)]
struct Kind {
    price: Decimal,
    units: Decimal,
    /// Months it serves from the month bought (not capped by the horizon).
    life: usize,
    conc: u32,
    trial: bool,
}

/// Units held at the start.
#[derive(Clone, Debug)]
struct Held {
    units: Decimal,
    /// The last month (0-based) they serve, capped at the horizon's last.
    last: usize,
    /// They carry the peak.
    carries: bool,
}

/// One pool's purchase problem.
#[derive(Clone, Debug)]
pub struct PoolModel {
    pub pool: Pool,
    /// Each month's demand, in units.
    pub demand: Vec<Decimal>,
    kinds: Vec<Kind>,
    balances: Vec<Held>,
    /// Concurrency to hold in every month with demand (0: none).
    need: u32,
    per_use: Option<Decimal>,
}

/// What the solver found for one pool.
#[derive(Clone, Debug)]
pub enum Solved {
    /// No plan serves every month.
    Infeasible,
    /// The schedule's exact dollars; whether the solver proved it cheapest; the solver's lower
    /// bound on the optimum (dollars, as the solver has it).
    Plan { dollars: Decimal, proven: bool, bound: f64 },
    /// The solver's time ran out before it had a plan: nothing to compare.
    TimedOut,
    /// The solver failed (a numerical error, or a schedule that does not hold).
    Unknown(String),
}

impl Solved {
    /// The plan's dollars, when there is one.
    pub fn dollars(&self) -> Option<Decimal> {
        match self {
            Solved::Plan { dollars, .. } => Some(*dollars),
            _ => None,
        }
    }

    /// Proven: a plan the solver proved cheapest, or no plan at all.
    pub fn proven(&self) -> bool {
        matches!(self, Solved::Plan { proven: true, .. } | Solved::Infeasible)
    }
}

fn months_of(days: u32) -> usize {
    days.div_ceil(PERIOD_DAYS) as usize
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().expect("a decimal in f64 range")
}

/// `d` rounded up to a multiple of `step`.
fn round_up(d: Decimal, step: Decimal) -> Decimal {
    if d <= Decimal::ZERO {
        Decimal::ZERO
    } else {
        ((d / step).ceil() * step).normalize()
    }
}

/// The columns of a model: purchases and per use.
struct Columns {
    /// `x[k][t]`; `None` where the purchase could serve no demand.
    x: Vec<Vec<Option<Col>>>,
    /// `p[j]`, when per use is on.
    per_use: Vec<Option<Col>>,
}

impl PoolModel {
    /// The problem of `pool` with `base` units a month, under `opts` (whose per-use price, when
    /// a seller is chosen, is set by `per_use::apply` first).
    pub fn new(catalog: &Catalog, pool: Pool, base: Decimal, opts: &PlanOptions) -> PoolModel {
        let step = unit_step(catalog, pool);
        let factor = (Decimal::ONE_HUNDRED + opts.growth_percent) / Decimal::ONE_HUNDRED;
        let mut demand = Vec::new();
        let mut d = base;
        for m in 0..opts.horizon_months {
            let raw = if m == 0 { base } else { d * factor };
            d = round_up(raw, step);
            // A month's multiplier scales that month only; growth goes on from `d`.
            let k = opts.demand_by_month.get(m as usize).copied().unwrap_or(Decimal::ONE);
            demand.push(round_up(d * k, step));
        }
        let menu = match &opts.menu {
            Some(id) => catalog.menu(id).expect("the options' menu is in the catalog"),
            None => catalog.default_menu(),
        };
        let mut kinds: Vec<Kind> = catalog
            .packages_on(menu)
            .filter(|p| p.pool == pool && !p.custom && !(p.trial && opts.trials_used))
            .filter_map(|p| {
                let (price, units, days) = (p.price?, p.units?, p.validity_days?);
                (units > 0 && days > 0).then(|| Kind {
                    price,
                    units: Decimal::from(units),
                    life: months_of(days),
                    conc: p.concurrency.unwrap_or(0),
                    trial: p.trial,
                })
            })
            .collect();
        kinds.extend(
            opts.packs
                .iter()
                .chain(&opts.quotes)
                .filter(|p| p.pool == pool)
                .map(|p| Kind {
                    price: p.price,
                    units: p.units,
                    life: months_of(p.validity_days),
                    conc: p.concurrency.unwrap_or(0),
                    trial: false,
                }),
        );
        let held: Vec<_> = opts
            .balances
            .iter()
            .filter(|b| b.pool == pool && b.days_left > 0 && b.units > Decimal::ZERO)
            .collect();
        let best = kinds
            .iter()
            .map(|k| k.conc)
            .chain(held.iter().filter_map(|b| b.concurrency))
            .max()
            .unwrap_or(0);
        let needed = opts.peak.as_ref().filter(|p| p.pool == pool).map_or(0, |p| {
            let n = (p.jobs_per_hour * p.minutes_per_job / Decimal::from(60)).ceil();
            n.to_u32().expect("a peak that fits")
        });
        let need = if needed > 0 && needed <= best { needed } else { 0 };
        let h = demand.len();
        let balances = held
            .iter()
            .map(|b| Held {
                units: b.units,
                last: (months_of(b.days_left) - 1).min(h - 1),
                carries: need > 0 && b.concurrency.unwrap_or(0) >= need,
            })
            .collect();
        PoolModel {
            pool,
            demand,
            kinds,
            balances,
            need,
            per_use: opts.per_use.as_ref().and_then(|r| r.price(pool)),
        }
    }

    /// No demand in any month: nothing to buy.
    pub fn no_demand(&self) -> bool {
        self.demand.iter().all(|d| d.is_zero())
    }

    /// `D(a..=b)`, from `prefix` (`prefix[j]`: the demand of months before `j`); 0 when `a > b`.
    fn demand_of(prefix: &[Decimal], a: usize, b: usize) -> Decimal {
        if a > b {
            Decimal::ZERO
        } else {
            prefix[b + 1] - prefix[a]
        }
    }

    /// The cheapest plan, as far as the solver gets within `limit`.
    pub fn solve(&self, limit: Duration) -> Solved {
        if self.no_demand() {
            return Solved::Plan {
                dollars: Decimal::ZERO,
                proven: true,
                bound: 0.0,
            };
        }
        if self.kinds.is_empty() && self.balances.is_empty() && self.per_use.is_none() {
            return Solved::Infeasible;
        }
        let h = self.demand.len();
        let largest = self.kinds.iter().map(|k| k.units).max().unwrap_or(Decimal::ONE);
        let scale = 1.0 / to_f64(largest);
        let units = |v: Decimal| to_f64(v) * scale;
        let d: Vec<f64> = self.demand.iter().map(|&v| units(v)).collect();
        let prefix: Vec<Decimal> = std::iter::once(Decimal::ZERO)
            .chain(self.demand.iter().scan(Decimal::ZERO, |s, &v| {
                *s += v;
                Some(*s)
            }))
            .collect();
        let mut p = RowProblem::default();
        // into[j]: the flows into month j. Rows are added once every column is.
        let mut into: Vec<Vec<(Col, f64)>> = vec![Vec::new(); h];
        let mut at_most_zero: Vec<Vec<(Col, f64)>> = Vec::new();
        let mut x: Vec<Vec<Option<Col>>> = Vec::with_capacity(self.kinds.len());
        for k in &self.kinds {
            let mut row = Vec::with_capacity(h);
            for t in 0..h {
                let end = (t + k.life).min(h);
                let window = Self::demand_of(&prefix, t, end - 1);
                if window.is_zero() {
                    row.push(None);
                    continue;
                }
                let top = if k.trial {
                    Decimal::ONE
                } else {
                    (window / k.units).ceil()
                };
                let xt = p.add_integer_column(to_f64(k.price), 0.0..=to_f64(top));
                row.push(Some(xt));
                let mut flows = Vec::with_capacity(end - t + 1);
                for j in t..end {
                    let f = p.add_column(0.0, 0.0..=d[j]);
                    into[j].push((f, 1.0));
                    flows.push((f, 1.0));
                    if self.demand[j] < k.units {
                        at_most_zero.push(vec![(f, 1.0), (xt, -d[j])]);
                    }
                }
                flows.push((xt, -units(k.units)));
                at_most_zero.push(flows);
            }
            x.push(row);
        }
        for b in &self.balances {
            let flows: Vec<(Col, f64)> = (0..=b.last)
                .map(|j| {
                    let f = p.add_column(0.0, 0.0..=d[j]);
                    into[j].push((f, 1.0));
                    (f, 1.0)
                })
                .collect();
            p.add_row(..=units(b.units), flows);
        }
        for row in at_most_zero {
            p.add_row(..=0.0, row);
        }
        let per_use: Vec<Option<Col>> = (0..h)
            .map(|j| {
                let v = p.add_column(to_f64(self.per_use?) / scale, 0.0..=d[j]);
                into[j].push((v, 1.0));
                Some(v)
            })
            .collect();
        for (j, flows) in into.into_iter().enumerate() {
            if d[j] > 0.0 {
                p.add_row(d[j].., flows);
            }
        }
        for (k, row) in self.kinds.iter().zip(&x) {
            if k.trial {
                p.add_row(..=1.0, row.iter().flatten().map(|&v| (v, 1.0)));
            }
        }
        let cols = Columns { x, per_use };
        if !self.peak_rows(&mut p, &cols) {
            return Solved::Infeasible;
        }
        self.run_rows(&mut p, &cols, &prefix, scale);
        let mut model = p.optimise(Sense::Minimise);
        model.make_quiet();
        if std::env::var_os("ORACLE_LOG").is_some() {
            model.set_option("output_flag", true);
            model.set_option("log_to_console", true);
        }
        model.set_option("threads", 1);
        model.set_option("time_limit", limit.as_secs_f64());
        model.set_option("mip_rel_gap", 0.0);
        model.set_option("mip_abs_gap", 1e-3);
        let solved = match model.try_solve() {
            Ok(s) => s,
            Err(e) => return Solved::Unknown(format!("{e:?}")),
        };
        let status = solved.status();
        match status {
            HighsModelStatus::Infeasible => return Solved::Infeasible,
            HighsModelStatus::Optimal => {}
            HighsModelStatus::ReachedTimeLimit if has_plan(&solved) => {}
            HighsModelStatus::ReachedTimeLimit => return Solved::TimedOut,
            other => return Solved::Unknown(format!("{other:?}")),
        }
        let values = solved.get_solution();
        let values = values.columns();
        let counts: Vec<Vec<u64>> = cols
            .x
            .iter()
            .map(|row| {
                row.iter()
                    .map(|v| v.map_or(0, |v| values[v.index()].round().max(0.0) as u64))
                    .collect()
            })
            .collect();
        let bound = solved.double_info_value(c"mip_dual_bound").unwrap_or(f64::NEG_INFINITY);
        match self.recost(&counts) {
            Ok(dollars) => Solved::Plan {
                dollars,
                proven: status == HighsModelStatus::Optimal,
                bound,
            },
            Err(e) => Solved::Unknown(format!("the solver's schedule does not hold: {e}")),
        }
    }

    /// The peak's rows, when it is enforced; `false` when some month with demand has nothing
    /// that could carry it.
    fn peak_rows(&self, p: &mut RowProblem, cols: &Columns) -> bool {
        if self.need == 0 {
            return true;
        }
        for (j, demand) in self.demand.iter().enumerate() {
            let by_balance = self.balances.iter().any(|b| b.carries && b.last >= j);
            if demand.is_zero() || by_balance {
                continue;
            }
            let carriers: Vec<(Col, f64)> = self
                .kinds
                .iter()
                .zip(&cols.x)
                .filter(|(k, _)| k.conc >= self.need)
                .flat_map(|(k, row)| (j.saturating_sub(k.life - 1)..=j).filter_map(move |t| row[t]))
                .map(|v| (v, 1.0))
                .collect();
            if carriers.is_empty() {
                return false;
            }
            p.add_row(1.0.., carriers);
        }
        true
    }

    /// The cover and cost rows of every run of months `a..=b` that the balances do not serve
    /// in full (see the module's comment).
    fn run_rows(&self, p: &mut RowProblem, cols: &Columns, prefix: &[Decimal], scale: f64) {
        let h = self.demand.len();
        for a in 0..h {
            for b in a..h {
                let held: Decimal = self
                    .balances
                    .iter()
                    .map(|bal| bal.units.min(Self::demand_of(prefix, a, bal.last.min(b))))
                    .sum();
                let need = Self::demand_of(prefix, a, b) - held;
                if need <= Decimal::ZERO {
                    continue;
                }
                let mut cover: Vec<(Col, f64)> = Vec::new();
                let mut cost: Vec<(Col, f64)> = Vec::new();
                for (k, xs) in self.kinds.iter().zip(&cols.x) {
                    for (t, v) in xs.iter().enumerate().take(b + 1) {
                        let Some(v) = *v else { continue };
                        let last = t + k.life - 1;
                        let gives = k.units.min(Self::demand_of(prefix, a.max(t), b.min(last)));
                        if !gives.is_zero() {
                            cover.push((v, to_f64(gives) * scale));
                            cost.push((v, to_f64(k.price)));
                        }
                    }
                }
                for &v in cols.per_use[a..=b].iter().flatten() {
                    cover.push((v, 1.0));
                    cost.push((v, to_f64(self.per_use.unwrap_or_default()) / scale));
                }
                p.add_row(to_f64(need) * scale.., cover);
                let least = self.least_cover(need);
                if least > 0.0 {
                    p.add_row(least.., cost);
                }
            }
        }
    }

    /// A lower bound on the cheapest way to cover `r` units with whole copies of the pool's
    /// packages (each trial once) and per use, whenever bought: a depth-first search over the
    /// copies of each package, cheapest per unit first, cut by the bound that counts copies in
    /// fractions (and that bound, still a lower one, should the search run long). A copy counts
    /// at most `r`. In floating point, less a billionth for rounding.
    fn least_cover(&self, r: Decimal) -> f64 {
        // Units as whole numbers of the smallest decimal place among them, so that "covered" is
        // exact.
        let sizes: Vec<Decimal> = self.kinds.iter().map(|k| k.units.min(r)).collect();
        let places = sizes
            .iter()
            .chain([&r])
            .map(|d| d.normalize().scale())
            .max()
            .unwrap_or(0);
        let ten = Decimal::from(10u64.pow(places));
        let whole = |d: Decimal| (d * ten).to_u128().expect("units that fit");
        let need = whole(r);
        let mut items: Vec<(f64, u128, u128)> = self
            .kinds
            .iter()
            .zip(&sizes)
            .map(|(k, &size)| {
                let units = whole(size);
                let most = if k.trial { 1 } else { need.div_ceil(units) };
                (to_f64(k.price), units, most)
            })
            .collect();
        items.sort_by(|a, b| (a.0 / a.1 as f64).total_cmp(&(b.0 / b.1 as f64)));
        let mut search = Cover {
            items: &items,
            per_unit: self.per_use.map(|p| to_f64(p / ten)),
            best: f64::INFINITY,
            nodes: 0,
        };
        let root = search.bound(0, need);
        search.dfs(0, need, 0.0);
        let least = if search.nodes > Cover::MAX_NODES {
            root
        } else {
            search.best
        };
        if least.is_finite() {
            (least - 1e-9 * (1.0 + least)).max(0.0)
        } else {
            0.0
        }
    }

    /// The exact dollars of buying `counts[k][t]` copies, drawn month by month earliest-expiring
    /// first, the shortfall bought per use; an error when a month is not served, the peak not
    /// held or a trial bought twice.
    fn recost(&self, counts: &[Vec<u64>]) -> Result<Decimal, String> {
        let h = self.demand.len();
        // lots[e]: units expiring at the end of month e (capped at the horizon's last month).
        let mut lots = vec![Decimal::ZERO; h];
        for b in &self.balances {
            lots[b.last] += b.units;
        }
        let mut dollars = Decimal::ZERO;
        let mut carried_until: Option<usize> = self.balances.iter().filter(|b| b.carries).map(|b| b.last).max();
        for t in 0..h {
            for (k, row) in self.kinds.iter().zip(counts) {
                let n = row[t];
                if n == 0 {
                    continue;
                }
                let last = t + k.life - 1;
                lots[last.min(h - 1)] += Decimal::from(n) * k.units;
                dollars += k.price * Decimal::from(n);
                if self.need > 0 && k.conc >= self.need {
                    carried_until = carried_until.max(Some(last));
                }
            }
            if self.need > 0 && !self.demand[t].is_zero() && carried_until.is_none_or(|u| u < t) {
                return Err(format!("month {} does not hold the peak", t + 1));
            }
            let mut need = self.demand[t];
            for lot in lots.iter_mut().skip(t) {
                let take = (*lot).min(need);
                *lot -= take;
                need -= take;
            }
            if need > Decimal::ZERO {
                let price = self
                    .per_use
                    .ok_or_else(|| format!("month {} is short {need} units", t + 1))?;
                dollars += price * need;
            }
            lots[t] = Decimal::ZERO;
        }
        let trials_twice = self
            .kinds
            .iter()
            .zip(counts)
            .any(|(k, row)| k.trial && row.iter().sum::<u64>() > 1);
        if trials_twice {
            return Err("a trial is bought twice".into());
        }
        Ok(dollars.normalize())
    }
}

/// The solver has a feasible plan (after a time limit, it may not).
fn has_plan(solved: &SolvedModel) -> bool {
    solved.primal_solution_status() == HighsSolutionStatus::Feasible
}

/// The search of [`PoolModel::least_cover`], in whole numbers of its units.
struct Cover<'a> {
    /// (price, units, most copies), cheapest per unit first.
    items: &'a [(f64, u128, u128)],
    /// Per use, dollars a unit.
    per_unit: Option<f64>,
    best: f64,
    nodes: u64,
}

impl Cover<'_> {
    /// Nodes searched before [`PoolModel::least_cover`] settles for the fractional bound.
    const MAX_NODES: u64 = 1_000_000;

    /// The least `need` units can cost from items `i..` and per use, copies counted in fractions.
    fn bound(&self, i: usize, mut need: u128) -> f64 {
        let mut cost = 0.0;
        for &(price, units, most) in &self.items[i..] {
            if self.per_unit.is_some_and(|p| p <= price / units as f64) {
                break;
            }
            if need <= most * units {
                return cost + need as f64 / units as f64 * price;
            }
            cost += most as f64 * price;
            need -= most * units;
        }
        self.per_unit.map_or(f64::INFINITY, |p| cost + need as f64 * p)
    }

    /// Every number of copies of item `i`, then of the items after it, with `need` units still
    /// to cover at `cost` so far.
    fn dfs(&mut self, i: usize, need: u128, cost: f64) {
        self.nodes += 1;
        if self.nodes > Self::MAX_NODES || cost + self.bound(i, need) >= self.best {
            return;
        }
        let Some(&(price, units, most)) = self.items.get(i) else {
            if let Some(p) = self.per_unit {
                self.best = self.best.min(cost + need as f64 * p);
            }
            return;
        };
        let top = most.min(need.div_ceil(units));
        for n in (0..=top).rev() {
            let cost = cost + n as f64 * price;
            if n * units >= need {
                self.best = self.best.min(cost);
            } else {
                self.dfs(i + 1, need - n * units, cost);
            }
        }
    }
}
