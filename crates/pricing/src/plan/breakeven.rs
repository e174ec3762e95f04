//! The break-even picture: what a mix costs over the horizon as its monthly volume changes, one
//! curve per way of buying it, and the volumes where the cheapest way changes, found exactly.
//!
//! Why: the plan answers for the volume typed, but the question behind it is "how far can my
//! volume move before the answer changes?" Per use wins at low volumes, packs at high ones, a
//! pack with per-use top-ups in between; this says where each begins, to the unit.
//!
//! **The mix's shape.** Every pool of the mix is scaled together: at volume `v`, each pool needs
//! its own monthly units × `v` ÷ the mix's volume, rounded up to the pool's unit step (as the
//! planner rounds demand), so the mix keeps its proportions. The volume is counted in the units
//! of one pool, the one with the largest list value in the mix (units × the pool's list price;
//! the first in [`Pool::ALL`] order on a tie), and every cost is the total over all pools.
//! A pool that nothing serves at the mix's own volume (no package and no per-use price: images
//! in kling-2026 without a rate of your own) is left out, and the words say so. With growth,
//! the volume is month 1's; the later months grow from it as in the plan.
//!
//! **The curves**, each the dollars over the horizon at every sampled volume (`None` where that
//! way cannot serve the mix):
//! - *per use only* at each seller compared ([`PlanOptions::compare`] and the chosen
//!   [`PlanOptions::per_use`]), as the plan's comparison prices it: everything the balances leave,
//!   in every pool, at that seller's price; a straight line in the volume (without balances).
//!   Sellers that cost the same at every volume share one curve ("Per use only (fal.ai,
//!   Runware)").
//! - *each package alone*: every package the planner may buy that is not a trial (the catalog's,
//!   and the packs and quotes entered), bought alone with per use off, exactly as the planner's
//!   "X alone" alternative prices it; the mix's other pools as the best plan buys them.
//! - *the best plan*: [`plan`] at that volume, with the options as given. It buys per use from
//!   the chosen source only, so another seller's per-use line may run below it; the words then
//!   name that seller.
//!
//! **The kind of purchase** ([`BuyKind`], [`Way`]) of a plan is, for each pool with demand:
//! the packages it buys other than trials (by id, whatever their count and month) and whether
//! it tops them up (buys per use or a trial besides); with no such package, whether it buys
//! per use only, the trials then per use, or nothing; or that it cannot serve every month.
//! Trials count as a kind of their own only where nothing else is bought: next to a package they
//! are a top-up, so a trial that happens to cover the last few units exactly does not make a
//! change. The **changes** are the whole volumes `c` where the best plan's kind at `c` differs
//! from its kind at `c − 1`. They are found by sampling the range, then bisecting between
//! neighbouring samples of different kinds, one [`plan`] call a probe, until the two volumes are
//! one unit apart; after a change, the rest of that interval is searched again, so an interval
//! holding several changes yields them all. A kind that appears and disappears again wholly
//! between two samples would be missed: the samples are 1 and about 32 evenly spaced volumes
//! from 0 to the end of the range.
//!
//! **Cost.** Each sample is two [`plan`] calls (the best plan, and per use off for the package
//! curves; one when per use is off); each probe one. A change between samples `s` apart takes
//! about log₂ `s` probes. The whole is bounded by [`MAX_PLAN_CALLS`] calls and [`MAX_CHANGES`]
//! changes (or the [`Limits`] given to [`break_even_with`]); what is left unlocated when either
//! runs out is reported as a change between two known volumes ([`Change::located`] false) and
//! [`BreakEven::complete`] is false. Measured natively in a release build on a loaded 2-core
//! machine (`cargo run --release -p kling-pricing --example break_even`): the opening mix
//! (kling-2026, per use from fal.ai) takes 94 calls and 15–27 ms over 3 months, 102 calls and
//! about 150 ms over 12, about 0.9 s over 36; 60,000 video units in one month, 13 changes, 235
//! calls and 20–33 ms. In the page's wasm expect a few times that: run it off the typing path.
//! On six ranges planned at every whole volume (the ignored test in `tests/plan_break_even.rs`)
//! the changes found are exactly those of the scan.
//!
//! Money and units are `Decimal` throughout; nothing here panics.

use super::options::{PerUseRate, PlanOptions};
use super::result::{ComparisonKind, PlanResult, PoolOutcome};
use super::validate::PlanError;
use super::{plan, unit_step};
use crate::catalog::{Catalog, Pool};
use crate::dec::{add, div, mul};
use crate::format::{units, usd};
use rust_decimal::Decimal;
use serde::Serialize;

/// The range sampled ends at about this many times the mix's volume (a round figure above).
pub const RANGE_FACTOR: u32 = 3;
/// Evenly spaced samples over the range (besides volumes 0 and 1, and the mix's own volume).
pub const SAMPLES: u64 = 32;
/// Most [`plan`] calls one break-even picture makes.
pub const MAX_PLAN_CALLS: u32 = 480;
/// Most changes located exactly; any further are reported between two samples.
pub const MAX_CHANGES: usize = 24;

/// How much work one picture may do ([`break_even_with`]); the default is [`SAMPLES`],
/// [`MAX_PLAN_CALLS`] and [`MAX_CHANGES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Evenly spaced samples over the range, about (2 to 200): two [`plan`] calls each.
    pub samples: u64,
    /// Most [`plan`] calls for locating the changes (the samples' are made whatever it says).
    pub max_calls: u32,
    /// Most changes located exactly.
    pub max_changes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            samples: SAMPLES,
            max_calls: MAX_PLAN_CALLS,
            max_changes: MAX_CHANGES,
        }
    }
}

/// The break-even picture of a mix: its cost against monthly volume, one curve per way of buying,
/// and where the cheapest way changes. See the module docs for the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakEven {
    pub edition: &'static str,
    pub horizon_months: u32,
    pub growth_percent: Decimal,
    /// The pool whose units a month are the volume: the mix's largest list value.
    pub pool: Pool,
    pub pool_name: &'static str,
    /// The mix's units a month, per pool (its shape, scaled together).
    pub shape: Vec<(Pool, Decimal)>,
    /// The mix's pools that nothing serves at its own volume (no package, no per-use price):
    /// left out of the picture, and named in its words.
    pub left_out: Vec<Pool>,
    /// The mix's own volume: its units of [`BreakEven::pool`] a month.
    pub volume: Decimal,
    /// The highest volume sampled: a round figure, about [`RANGE_FACTOR`] × the volume.
    pub end: Decimal,
    /// The volumes sampled, lowest first; each curve has one cost per point.
    pub points: Vec<Point>,
    /// The best plan first, then per use at each seller, then each package alone.
    pub curves: Vec<Curve>,
    /// Where the best plan's kind of purchase changes, lowest first.
    pub changes: Vec<Change>,
    /// The stretches of volume between the changes, each with its kind and words.
    pub stretches: Vec<Stretch>,
    /// Everything above in words: where each way is cheapest, and the mix's own volume.
    pub description: String,
    /// [`plan`] calls made.
    pub plan_calls: u32,
    /// Every change between the samples was located to the unit.
    pub complete: bool,
    /// Every best plan sampled or probed was proven optimal.
    pub optimal: bool,
}

/// A volume sampled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    /// Units of [`BreakEven::pool`] a month.
    pub volume: Decimal,
    /// The mix's own volume.
    pub yours: bool,
    /// The best plan's kind of purchase (`None` when the planner could not plan this volume).
    pub kind: Option<BuyKind>,
}

/// A way of buying, costed at every point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Curve {
    /// "Best plan", "Per use only (fal.ai)", "Package 1 alone".
    pub label: String,
    pub kind: CurveKind,
    /// Dollars over the horizon at each of [`BreakEven::points`] (`None`: cannot serve the mix).
    pub costs: Vec<Option<Decimal>>,
}

/// Which way of buying a [`Curve`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CurveKind {
    Best,
    PerUse,
    Package,
}

/// A volume where the best plan's kind of purchase changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The lowest whole volume known to have the new kind.
    pub volume: Decimal,
    /// The highest whole volume known to have the old kind: `volume − 1` when located.
    pub last_before: Decimal,
    /// The best plan's dollars at `volume`.
    pub cost: Option<Decimal>,
    pub from: Option<BuyKind>,
    pub to: Option<BuyKind>,
}

impl Change {
    /// Located to the unit: the kind differs between `volume − 1` and `volume`.
    pub fn located(&self) -> bool {
        self.last_before + Decimal::ONE == self.volume
    }
}

/// A stretch of volumes with one kind of best plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stretch {
    /// Its lowest whole volume (the change into it; 1 for the first).
    pub from: Decimal,
    /// Its highest whole volume known (`None`: to the end of the range).
    pub to: Option<Decimal>,
    pub kind: Option<BuyKind>,
    /// The kind in words ("Package 1 plus top-ups (the trials or per use from fal.ai)").
    pub words: String,
}

/// What a plan buys, pool by pool: its kind of purchase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyKind {
    /// One entry per pool with demand, in [`Pool::ALL`] order.
    pub pools: Vec<PoolBuy>,
}

/// What a plan buys in one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolBuy {
    pub pool: Pool,
    pub way: Way,
}

/// A pool's kind of purchase. Trials count as packages only where nothing else is bought: next
/// to a package they are a top-up like per use, so a trial that exactly covers the rest of the
/// demand does not make a kind of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Way {
    /// Nothing to buy: the balance covers the demand.
    Nothing,
    /// Every unit per use, no package.
    PerUse,
    /// The trials (one or both), and per use for the rest, if any.
    Trials,
    /// These packages (trials aside, each once whatever the count and month, catalog order then
    /// packs and quotes), topped up or not: per use or a trial besides.
    #[serde(rename_all = "camelCase")]
    Packages {
        packages: Vec<BoughtPackage>,
        topped_up: bool,
    },
    /// No plan serves every month.
    Unserved,
}

/// A package a plan buys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BoughtPackage {
    pub id: String,
    pub name: String,
}

/// The break-even picture of the mix with `monthly_units` (as [`plan`] takes them) under `opts`
/// (per use already resolved by [`crate::per_use::apply`], so that `opts.per_use` and
/// `opts.compare` hold the sellers' prices for this mix).
///
/// An error is the planner's on the mix as given (the same as [`plan`]'s). A mix without units
/// gives a picture with no points, saying so. Costs up to [`MAX_PLAN_CALLS`] calls of [`plan`]
/// (see the module docs); [`break_even_with`] sets other limits.
pub fn break_even(
    catalog: &Catalog,
    monthly_units: &[(Pool, Decimal)],
    opts: &PlanOptions,
) -> Result<BreakEven, PlanError> {
    break_even_with(catalog, monthly_units, opts, Limits::default())
}

/// [`break_even`] within `limits`: fewer samples for a long horizon, where each [`plan`] call
/// costs more (the opening mix over 36 months takes about 9 ms a call natively).
pub fn break_even_with(
    catalog: &Catalog,
    monthly_units: &[(Pool, Decimal)],
    opts: &PlanOptions,
    limits: Limits,
) -> Result<BreakEven, PlanError> {
    let yours = plan(catalog, monthly_units, opts)?;
    let mut calls = 1;
    // The pools nothing serves at the mix's own volume are left out of the picture.
    let (mut shape, mut left_out) = (Vec::new(), Vec::new());
    for (p, u) in merged(monthly_units) {
        if yours.pool(p).is_none_or(pool_served) {
            shape.push((p, u));
        } else {
            left_out.push(p);
        }
    }
    let reference = shape
        .iter()
        .map(|(p, u)| {
            let value = mul(*u, catalog.pool(*p).unit_price).unwrap_or(Decimal::MAX);
            (*p, *u, value)
        })
        .fold(None, |best: Option<(Pool, Decimal, Decimal)>, x| match best {
            Some(b) if b.2 >= x.2 => Some(b),
            _ => Some(x),
        });
    let (pool, volume) = match reference {
        Some((p, u, _)) => (p, u),
        None => (Pool::Video, Decimal::ZERO),
    };
    // A seller left out of the comparison only for lines of a pool left out here sells every
    // pool pictured: it has a price for each.
    let opts = &PlanOptions {
        compare: opts.compare.iter().map(|r| sells_all(r, &shape)).collect(),
        per_use: opts.per_use.as_ref().map(|r| sells_all(r, &shape)),
        ..opts.clone()
    };
    let yours = if left_out.is_empty() || shape.is_empty() {
        yours
    } else {
        calls += 1;
        plan(catalog, &shape, opts)?
    };
    let mut ctx = Ctx {
        catalog,
        shape: shape.clone(),
        pool,
        volume,
        opts,
        off: PlanOptions {
            per_use: None,
            compare: Vec::new(),
            ..opts.clone()
        },
        calls,
        optimal: yours.optimal,
        limits,
    };
    let mut be = BreakEven {
        edition: catalog.edition,
        horizon_months: opts.horizon_months,
        growth_percent: opts.growth_percent.normalize(),
        pool,
        pool_name: catalog.pool(pool).name,
        shape,
        volume: volume.normalize(),
        end: Decimal::ZERO,
        points: Vec::new(),
        curves: Vec::new(),
        changes: Vec::new(),
        stretches: Vec::new(),
        description: if left_out.is_empty() {
            "No units to plan: the break-even picture needs a mix with units.".to_string()
        } else {
            format!(
                "Nothing on sale serves {}: no break-even picture.",
                pools_words(catalog, &left_out)
            )
        },
        left_out,
        plan_calls: calls,
        complete: true,
        optimal: true,
    };
    if volume <= Decimal::ZERO {
        be.optimal = ctx.optimal;
        return Ok(be);
    }
    let end = round_end(mul(volume, Decimal::from(RANGE_FACTOR)).unwrap_or(Decimal::MAX));
    let mut samples: Vec<Sample> = Vec::new();
    for v in grid(end, limits.samples) {
        let s = if Decimal::from(v) == volume {
            ctx.sample_with(volume, Some(&yours), true)
        } else {
            ctx.sample(Decimal::from(v))
        };
        samples.push(s);
    }
    if !samples.iter().any(|s| s.yours) {
        let at = samples.partition_point(|s| s.volume < volume);
        samples.insert(at, ctx.sample_with(volume, Some(&yours), true));
    }
    let (changes, complete) = locate_changes(&mut ctx, &samples);
    be.end = Decimal::from(end);
    be.curves = curves(catalog, &samples);
    be.stretches = stretches(&samples, &changes, &ctx);
    be.complete = complete;
    be.description = describe(&be, &ctx, &samples, &changes);
    be.points = samples
        .into_iter()
        .map(|s| Point {
            volume: s.volume.normalize(),
            yours: s.yours,
            kind: s.kind,
        })
        .collect();
    be.changes = changes;
    be.plan_calls = ctx.calls;
    be.optimal = ctx.optimal;
    Ok(be)
}

/// `rate`, not left out when it has a price for every pool of `shape`.
fn sells_all(rate: &PerUseRate, shape: &[(Pool, Decimal)]) -> PerUseRate {
    let mut rate = rate.clone();
    if shape.iter().all(|(p, _)| rate.price(*p).is_some()) {
        rate.left_out = None;
    }
    rate
}

/// The units per pool, each pool once (in [`Pool::ALL`] order), zero and negative ones left out
/// (the planner reports a negative one before this is used).
fn merged(monthly_units: &[(Pool, Decimal)]) -> Vec<(Pool, Decimal)> {
    let mut out = Vec::new();
    for pool in Pool::ALL {
        let total = monthly_units
            .iter()
            .filter(|(p, _)| *p == pool)
            .fold(Decimal::ZERO, |a, (_, u)| add(a, *u).unwrap_or(Decimal::MAX));
        if total > Decimal::ZERO {
            out.push((pool, total.normalize()));
        }
    }
    out
}

/// The whole number at or above `v` (> 0) that a chart's axis ends on: of the steps 1, 2, 2.5
/// and 5 × 10ⁿ (whole ones) that reach it in at most four steps, the one ending closest above
/// it (the rule of the render crate's `chart::axis`, so the chart's axis ends where the range
/// does).
fn round_end(v: Decimal) -> u64 {
    let top = v.ceil().max(Decimal::ONE);
    let top = u64::try_from(top).unwrap_or(u64::MAX / 100);
    let mut best = (u64::MAX, 0);
    let mut power: u64 = 1;
    while power <= top.saturating_mul(10) && power < u64::MAX / 10 {
        for (times, over) in [(1, 1), (2, 1), (5, 2), (5, 1)] {
            if power * times % over != 0 {
                continue;
            }
            let step = power * times / over;
            let n = top.div_ceil(step);
            let e = n.saturating_mul(step);
            if n <= 4 && (e, step) < best {
                best = (e, step);
            }
        }
        power *= 10;
    }
    best.0.max(1)
}

/// The whole volumes sampled: 0, 1, then about `samples` evenly spaced to `end`, which is one of
/// them (a spacing that divides `end` when one is near).
fn grid(end: u64, samples: u64) -> Vec<u64> {
    let samples = samples.clamp(2, 200);
    let near = (0..=samples / 4)
        .flat_map(|delta| [samples - delta, samples + delta])
        .find(|n| *n > 0 && end % n == 0);
    let spacing = near.map_or(end.div_ceil(samples), |n| end / n).max(1);
    let mut out = vec![0, 1];
    let mut v = spacing;
    while v < end {
        if v > 1 {
            out.push(v);
        }
        v += spacing;
    }
    if end > 1 {
        out.push(end);
    }
    out
}

/// What one volume gives: the best plan's kind and dollars, every seller's per-use dollars,
/// and each package alone.
struct Sample {
    volume: Decimal,
    yours: bool,
    kind: Option<BuyKind>,
    best: Option<Decimal>,
    /// The best plan's dollars per pool (`None` for a pool it does not serve).
    pool_best: Vec<(Pool, Option<Decimal>)>,
    /// Per use only at each seller: (label, dollars), in the comparison's order.
    per_use: Vec<(String, Option<Decimal>)>,
    /// Per use off: each pool's packs-only plan.
    off: Vec<OffPool>,
}

/// A pool's plan with per use off: its dollars and the packages it buys, and each package alone.
struct OffPool {
    pool: Pool,
    served: bool,
    total: Decimal,
    /// Names of the packages it buys (trials included), with whether each is a trial.
    bought: Vec<(String, bool)>,
    /// "X alone": (X, dollars when it serves).
    alone: Vec<(String, Option<Decimal>)>,
}

/// The fixed inputs, and what has been spent.
struct Ctx<'a> {
    catalog: &'a Catalog,
    shape: Vec<(Pool, Decimal)>,
    pool: Pool,
    volume: Decimal,
    opts: &'a PlanOptions,
    /// `opts` with per use off (for each package alone).
    off: PlanOptions,
    calls: u32,
    optimal: bool,
    limits: Limits,
}

impl Ctx<'_> {
    /// The mix's units a month at volume `v`: each pool scaled by `v ÷ volume`, rounded up to
    /// its unit step; the volume's own pool is `v` exactly.
    fn units_at(&self, v: Decimal) -> Option<Vec<(Pool, Decimal)>> {
        let mut out = Vec::with_capacity(self.shape.len());
        for (p, u) in &self.shape {
            let x = if *p == self.pool {
                v
            } else {
                let scaled = div(mul(*u, v)?, self.volume)?;
                let step = unit_step(self.catalog, *p);
                mul(div(scaled, step)?.ceil(), step)?
            };
            out.push((*p, x.normalize()));
        }
        Some(out)
    }

    /// The best plan at volume `v`: one [`plan`] call (`None` when it fails there).
    fn best_at(&mut self, v: Decimal) -> Option<PlanResult> {
        let units = self.units_at(v)?;
        self.calls += 1;
        let r = plan(self.catalog, &units, self.opts).ok()?;
        self.optimal &= r.optimal;
        Some(r)
    }

    /// A sample at volume `v`: two [`plan`] calls.
    fn sample(&mut self, v: Decimal) -> Sample {
        let best = self.best_at(v);
        self.sample_with(v, best.as_ref(), false)
    }

    /// A sample at volume `v` whose best plan is `best`: one [`plan`] call, per use off (none
    /// when per use was off already).
    fn sample_with(&mut self, v: Decimal, best: Option<&PlanResult>, yours: bool) -> Sample {
        let units = if yours {
            Some(self.shape.clone())
        } else {
            self.units_at(v)
        };
        // With per use off already, the best plan is the packs-only one (the comparison aside).
        let planned_off;
        let off = if self.opts.per_use.is_none() {
            best
        } else {
            planned_off = units.and_then(|u| {
                self.calls += 1;
                plan(self.catalog, &u, &self.off).ok()
            });
            planned_off.as_ref()
        };
        Sample {
            volume: v,
            yours,
            kind: best.map(|r| kind_of(self.catalog, r)),
            best: best.and_then(served_cost),
            pool_best: best.map_or_else(Vec::new, |r| {
                r.pools
                    .iter()
                    .map(|p| (p.pool, pool_served(p).then_some(p.total_cost)))
                    .collect()
            }),
            per_use: best.map_or_else(Vec::new, |r| {
                r.comparison
                    .iter()
                    .filter(|c| c.kind == ComparisonKind::PerUse)
                    .map(|c| (c.label.clone(), c.total_cost))
                    .collect()
            }),
            off: off.map_or_else(Vec::new, |r| r.pools.iter().map(off_pool).collect()),
        }
    }

    /// The best plan's kind and dollars at whole volume `v`: one [`plan`] call.
    fn probe(&mut self, v: u64) -> (Option<BuyKind>, Option<Decimal>) {
        let r = self.best_at(Decimal::from(v));
        (
            r.as_ref().map(|r| kind_of(self.catalog, r)),
            r.as_ref().and_then(served_cost),
        )
    }

    fn pool_word(&self) -> String {
        format!(
            "{} units a month",
            self.catalog.pool(self.pool).name.to_ascii_lowercase()
        )
    }
}

fn pool_served(p: &super::PoolPlan) -> bool {
    matches!(p.outcome, PoolOutcome::Planned | PoolOutcome::NoDemand)
}

/// The plan's dollars when it serves every pool.
fn served_cost(r: &PlanResult) -> Option<Decimal> {
    r.pools.iter().all(pool_served).then_some(r.total_cost)
}

fn off_pool(p: &super::PoolPlan) -> OffPool {
    let mut bought: Vec<(String, bool)> = Vec::new();
    for b in &p.purchases {
        if !bought.iter().any(|(n, _)| *n == b.name) {
            bought.push((b.name.clone(), b.trial));
        }
    }
    OffPool {
        pool: p.pool,
        served: pool_served(p),
        total: p.total_cost,
        bought,
        alone: p
            .alternatives
            .iter()
            .filter_map(|a| {
                let name = a.label.strip_suffix(" alone")?;
                Some((name.to_string(), a.total_cost.filter(|_| a.feasible)))
            })
            .collect(),
    }
}

impl BuyKind {
    /// What plan `r` buys, pool by pool (pools without demand left out); `catalog` orders the
    /// packages.
    pub fn of(catalog: &Catalog, r: &PlanResult) -> BuyKind {
        kind_of(catalog, r)
    }
}

fn kind_of(catalog: &Catalog, r: &PlanResult) -> BuyKind {
    let order = |id: &str| {
        catalog
            .packages
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(catalog.packages.len())
    };
    let pools = r
        .pools
        .iter()
        .filter(|p| p.outcome != PoolOutcome::NoDemand)
        .map(|p| {
            let mut packages: Vec<BoughtPackage> = Vec::new();
            for b in p.purchases.iter().filter(|b| !b.trial) {
                if !packages.iter().any(|k| k.id == b.package_id) {
                    packages.push(BoughtPackage {
                        id: b.package_id.clone(),
                        name: b.name.clone(),
                    });
                }
            }
            crate::sort::sort_by(&mut packages, |a, b| (order(&a.id), &a.id).cmp(&(order(&b.id), &b.id)));
            let per_use = p.per_use.as_ref().is_some_and(|u| u.units > Decimal::ZERO);
            let trials = p.purchases.iter().any(|b| b.trial);
            let way = if p.outcome != PoolOutcome::Planned {
                Way::Unserved
            } else if !packages.is_empty() {
                Way::Packages {
                    packages,
                    topped_up: per_use || trials,
                }
            } else if trials {
                Way::Trials
            } else if per_use {
                Way::PerUse
            } else {
                Way::Nothing
            };
            PoolBuy { pool: p.pool, way }
        })
        .collect();
    BuyKind { pools }
}

/// A whole volume with the best plan's kind and dollars there.
type Known = (u64, Option<BuyKind>, Option<Decimal>);

/// The changes between the samples: between each two neighbouring whole samples of different
/// kinds, bisected to the unit, again and again until the interval's far end is reached.
/// Whether every change was located.
fn locate_changes(ctx: &mut Ctx, samples: &[Sample]) -> (Vec<Change>, bool) {
    let known: Vec<Known> = samples
        .iter()
        .filter(|s| s.volume >= Decimal::ONE && s.volume.fract().is_zero())
        .filter_map(|s| Some((u64::try_from(s.volume).ok()?, s.kind.clone(), s.best)))
        .collect();
    let mut changes = Vec::new();
    let mut complete = true;
    for pair in known.windows(2) {
        let (mut lo, hi) = (pair[0].clone(), pair[1].clone());
        while lo.1 != hi.1 {
            if changes.len() >= ctx.limits.max_changes || ctx.calls >= ctx.limits.max_calls {
                complete = false;
                changes.push(change(&lo, &hi));
                break;
            }
            let (a, b) = bisect(ctx, lo.clone(), hi.clone());
            changes.push(change(&a, &b));
            if a.0 + 1 < b.0 {
                complete = false;
                break;
            }
            lo = b;
        }
    }
    (changes, complete)
}

/// Bisects between `lo` and `hi` (kinds differ) until they are one unit apart or the calls run
/// out: the last volume of `lo`'s kind found, and the first after it of another.
fn bisect(ctx: &mut Ctx, mut lo: Known, mut hi: Known) -> (Known, Known) {
    while hi.0 - lo.0 > 1 && ctx.calls < ctx.limits.max_calls {
        let mid = lo.0 + (hi.0 - lo.0) / 2;
        let (kind, cost) = ctx.probe(mid);
        if kind == lo.1 {
            lo = (mid, kind, cost);
        } else {
            hi = (mid, kind, cost);
        }
    }
    (lo, hi)
}

fn change(lo: &Known, hi: &Known) -> Change {
    Change {
        volume: Decimal::from(hi.0),
        last_before: Decimal::from(lo.0),
        cost: hi.2,
        from: lo.1.clone(),
        to: hi.1.clone(),
    }
}

/// The curves: the best plan, per use at each seller (sellers with the same dollars everywhere
/// together), each package alone.
fn curves(catalog: &Catalog, samples: &[Sample]) -> Vec<Curve> {
    let mut out = vec![Curve {
        label: "Best plan".to_string(),
        kind: CurveKind::Best,
        costs: samples.iter().map(|s| s.best).collect(),
    }];
    // Per use: labels in the comparison's order, first seen first.
    let mut labels: Vec<String> = Vec::new();
    for s in samples {
        for (l, _) in &s.per_use {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    }
    let mut per_use: Vec<(Vec<String>, Vec<Option<Decimal>>)> = Vec::new();
    for l in labels {
        let costs: Vec<Option<Decimal>> = samples
            .iter()
            .map(|s| s.per_use.iter().find(|(x, _)| *x == l).and_then(|(_, c)| *c))
            .collect();
        if costs.iter().all(Option::is_none) {
            continue;
        }
        match per_use.iter_mut().find(|(_, c)| *c == costs) {
            Some((names, _)) => names.push(l),
            None => per_use.push((vec![l], costs)),
        }
    }
    for (names, costs) in per_use {
        out.push(Curve {
            label: joined_sellers(&names),
            kind: CurveKind::PerUse,
            costs,
        });
    }
    // Packages: every non-trial package seen alone or bought, catalog order first.
    let mut packages: Vec<(Pool, String)> = Vec::new();
    for s in samples {
        for o in &s.off {
            let names = o
                .alone
                .iter()
                .map(|(n, _)| n)
                .chain(o.bought.iter().filter(|(_, trial)| !trial).map(|(n, _)| n));
            for n in names {
                if !packages.iter().any(|(p, m)| *p == o.pool && m == n) {
                    packages.push((o.pool, n.clone()));
                }
            }
        }
    }
    let order = |n: &str| {
        catalog
            .packages
            .iter()
            .position(|p| p.name == n)
            .unwrap_or(catalog.packages.len())
    };
    // Stable: packages the catalog does not list keep the order they were seen in.
    crate::sort::sort_by_key(&mut packages, |(_, n)| order(n));
    for (pool, name) in &packages {
        out.push(Curve {
            label: format!("{name} alone"),
            kind: CurveKind::Package,
            costs: samples.iter().map(|s| package_cost(s, *pool, name)).collect(),
        });
    }
    out
}

/// "Per use only (fal.ai, Runware)" from the labels "Per use only (fal.ai)" and "… (Runware)".
fn joined_sellers(labels: &[String]) -> String {
    if labels.len() == 1 {
        return labels[0].clone();
    }
    let names: Vec<&str> = labels
        .iter()
        .map(|l| {
            l.strip_prefix("Per use only (")
                .and_then(|r| r.strip_suffix(')'))
                .unwrap_or(l)
        })
        .collect();
    format!("Per use only ({})", names.join(", "))
}

/// Package `name` alone in `pool`, the mix's other pools as the best plan buys them.
fn package_cost(s: &Sample, pool: Pool, name: &str) -> Option<Decimal> {
    if s.volume.is_zero() {
        return Some(Decimal::ZERO);
    }
    let o = s.off.iter().find(|o| o.pool == pool)?;
    let own = match o.alone.iter().find(|(n, _)| n == name) {
        Some((_, c)) => (*c)?,
        // Not listed: the alternative was the packs-only plan itself.
        None if o.served && o.bought.iter().all(|(n, _)| n == name) => o.total,
        None => return None,
    };
    let mut total = own;
    for (p, c) in &s.pool_best {
        if *p != pool {
            total = add(total, (*c)?)?;
        }
    }
    Some(total.normalize())
}

/// The stretches between the changes, with their kinds in words.
fn stretches(samples: &[Sample], changes: &[Change], ctx: &Ctx) -> Vec<Stretch> {
    let first = samples
        .iter()
        .find(|s| s.volume >= Decimal::ONE && s.volume.fract().is_zero());
    let Some(first) = first else {
        return Vec::new();
    };
    let mut out = vec![Stretch {
        from: first.volume,
        to: None,
        kind: first.kind.clone(),
        words: kind_words(ctx, first.kind.as_ref()),
    }];
    for c in changes {
        if let Some(last) = out.last_mut() {
            last.to = Some(c.last_before);
        }
        out.push(Stretch {
            from: c.volume,
            to: None,
            kind: c.to.clone(),
            words: kind_words(ctx, c.to.as_ref()),
        });
    }
    out
}

/// A kind of purchase in words: "per use from fal.ai", "the trials, then per use from fal.ai",
/// "Package 1 plus top-ups (the trials or per use from fal.ai)", "Package 3 only"; each pool
/// named ("… for video") when the mix has more than one.
fn kind_words(ctx: &Ctx, kind: Option<&BuyKind>) -> String {
    let Some(kind) = kind else {
        return "none (the planner cannot plan this volume)".to_string();
    };
    let seller = ctx.opts.per_use.as_ref().map_or("", |r| r.name.as_str());
    let n = kind.pools.len();
    if n == 0 {
        return "to buy nothing".to_string();
    }
    let mut out = String::new();
    for (i, p) in kind.pools.iter().enumerate() {
        let per_use_on = ctx.opts.per_use.as_ref().and_then(|r| r.price(p.pool)).is_some();
        let what = match &p.way {
            Way::Unserved => "none (no plan serves every month)".to_string(),
            Way::Nothing => "to buy nothing (the balance covers it)".to_string(),
            Way::PerUse => format!("per use from {seller}"),
            Way::Trials if per_use_on => format!("the trials, then per use from {seller}"),
            Way::Trials => "the trials".to_string(),
            Way::Packages { packages, topped_up } => {
                let names: Vec<&str> = packages.iter().map(|k| k.name.as_str()).collect();
                match (topped_up, per_use_on) {
                    (true, true) => format!(
                        "{} plus top-ups (the trials or per use from {seller})",
                        and_list(&names)
                    ),
                    (true, false) => format!("{} plus the trials", and_list(&names)),
                    (false, true) => format!("{} only", and_list(&names)),
                    (false, false) => and_list(&names),
                }
            }
        };
        out.push_str(separator(i, n));
        out.push_str(&what);
        if n > 1 {
            out.push_str(" for ");
            out.push_str(&ctx.catalog.pool(p.pool).name.to_ascii_lowercase());
        }
    }
    out
}

/// "the image pool", "the image and virtual try-on pools".
fn pools_words(catalog: &Catalog, pools: &[Pool]) -> String {
    let mut out = String::from("the ");
    for (i, p) in pools.iter().enumerate() {
        out.push_str(separator(i, pools.len()));
        out.push_str(&catalog.pool(*p).name.to_ascii_lowercase());
    }
    out.push_str(if pools.len() == 1 { " pool" } else { " pools" });
    out
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        out.push_str(separator(i, items.len()));
        out.push_str(s);
    }
    out
}

/// What goes before the `i`-th of `n` items in "A, B and C".
fn separator(i: usize, n: usize) -> &'static str {
    if i == 0 {
        ""
    } else if i + 1 == n {
        " and "
    } else {
        ", "
    }
}

/// The picture in words: the cheapest way in each stretch, then the mix's own volume.
fn describe(be: &BreakEven, ctx: &Ctx, samples: &[Sample], changes: &[Change]) -> String {
    let unit = ctx.pool_word();
    let months = if be.horizon_months == 1 {
        "1 month".to_string()
    } else {
        format!("{} months", be.horizon_months)
    };
    let mut text = String::new();
    let stretches = &be.stretches;
    if stretches.len() == 1 {
        text.push_str(&format!(
            "Up to {} {unit}, the cheapest way to buy over {months} is {}.",
            units(be.end),
            stretches[0].words
        ));
    } else if let Some(first) = stretches.first() {
        let bound = match changes.first() {
            Some(c) if !c.located() => format!("Up to {}", units(c.last_before)),
            _ => format!("Below {}", units(stretches[1].from)),
        };
        text.push_str(&format!(
            "{bound} {unit}, the cheapest way to buy over {months} is {}",
            first.words,
        ));
        for (s, c) in stretches[1..].iter().zip(changes) {
            if c.located() {
                text.push_str(&format!("; from {}, {}", units(c.volume), s.words));
            } else {
                text.push_str(&format!(
                    "; from between {} and {}, {}",
                    units(c.last_before + Decimal::ONE),
                    units(c.volume),
                    s.words
                ));
            }
        }
        text.push('.');
    }
    if let Some(s) = samples.iter().find(|s| s.yours) {
        let cost = s.best.map_or_else(|| "no plan".to_string(), usd);
        text.push_str(&format!(
            " At your {} {unit}: {}, {cost}.",
            units(s.volume),
            kind_words(ctx, s.kind.as_ref())
        ));
    }
    // The best plan buys per use from the chosen source; another may cost less.
    if let Some(s) = samples.iter().find(|s| s.yours) {
        let cheaper: Vec<&str> = s
            .per_use
            .iter()
            .filter(|(_, c)| matches!((c, s.best), (Some(c), Some(b)) if *c < b))
            .map(|(label, _)| label.as_str())
            .collect();
        if !cheaper.is_empty() {
            text.push_str(&format!(
                " {} costs less than the best plan at your volume: choose it as the per-use source to plan with it.",
                and_list(&cheaper)
            ));
        }
    }
    if be.shape.len() > 1 {
        text.push_str(&format!(" Every pool scales with the {unit} (at your volume, "));
        let n = be.shape.len() - 1;
        for (i, (p, u)) in be.shape.iter().filter(|(p, _)| *p != be.pool).enumerate() {
            text.push_str(separator(i, n));
            text.push_str(&units(*u));
            text.push(' ');
            text.push_str(&ctx.catalog.pool(*p).name.to_ascii_lowercase());
            text.push_str(" units");
        }
        text.push_str(").");
    }
    if !be.left_out.is_empty() {
        text.push_str(&format!(
            " Left out: {}, which nothing on sale serves (no package, no per-use price).",
            pools_words(ctx.catalog, &be.left_out)
        ));
    }
    if !be.complete {
        text.push_str(" Some changes were located only between two volumes: the work limit was reached.");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_ends_on_a_round_figure() {
        let d = |n: i64| Decimal::from(n);
        assert_eq!(round_end(d(1500)), 1500);
        assert_eq!(round_end(d(14940)), 15000);
        assert_eq!(round_end(d(180_000)), 200_000);
        assert_eq!(round_end(d(7)), 8);
        assert_eq!(round_end(Decimal::new(3, 1)), 1);
        assert_eq!(round_end(d(3)), 3);
        assert!(round_end(Decimal::MAX) > 0);
    }

    #[test]
    fn the_grid_is_even_and_ends_at_the_end() {
        assert_eq!(grid(1, SAMPLES), [0, 1]);
        assert_eq!(grid(3, SAMPLES), [0, 1, 2, 3]);
        let g = grid(15000, SAMPLES);
        assert_eq!((g[2], g[g.len() - 1], g.len()), (500, 15000, 32));
        assert_eq!(grid(8000, SAMPLES)[2], 250);
        assert_eq!(
            grid(200_000, 8),
            [0, 1, 25_000, 50_000, 75_000, 100_000, 125_000, 150_000, 175_000, 200_000]
        );
        assert_eq!(grid(7, 0), [0, 1, 4, 7], "at least 2 samples");
    }
}
