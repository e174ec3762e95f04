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

mod kind;
mod sample;
mod words;

use crate::catalog::{Catalog, Pool};
use crate::dec::mul;
use crate::plan::{plan, PerUseRate, PlanError, PlanOptions, PlanResult};
use kind::locate_changes;
use rust_decimal::Decimal;
use sample::{grid, merged, pool_served, round_end, Ctx, Sample};
use serde::Serialize;
use words::{curves, describe, pools_words, stretches};

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
    let (shape, left_out) = served_shape(monthly_units, &yours);
    let (pool, volume) = reference(catalog, &shape);
    // A seller left out of the comparison only for lines of a pool left out here sells every
    // pool pictured: it has a price for each.
    let opts = &PlanOptions {
        compare: opts.compare.iter().map(|r| sells_all(r, &shape)).collect(),
        per_use: opts.per_use.as_ref().map(|r| sells_all(r, &shape)),
        ..opts.clone()
    };
    let mut calls = 1;
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
    let mut be = BreakEven::empty(catalog, opts, (pool, volume), shape, left_out, calls);
    if volume > Decimal::ZERO {
        let end = round_end(mul(volume, Decimal::from(RANGE_FACTOR)).unwrap_or(Decimal::MAX));
        let samples = sample_range(&mut ctx, &yours, end);
        be.end = Decimal::from(end);
        be.draw(&mut ctx, samples);
    }
    be.plan_calls = ctx.calls;
    be.optimal = ctx.optimal;
    Ok(be)
}

/// The mix's pools that the plan `yours` serves, with their units, and those it cannot.
fn served_shape(monthly_units: &[(Pool, Decimal)], yours: &PlanResult) -> (Vec<(Pool, Decimal)>, Vec<Pool>) {
    let (mut shape, mut left_out) = (Vec::new(), Vec::new());
    for (p, u) in merged(monthly_units) {
        if yours.pool(p).is_none_or(pool_served) {
            shape.push((p, u));
        } else {
            left_out.push(p);
        }
    }
    (shape, left_out)
}

/// The pool whose units are the volume (the largest list value; the first on a tie) and its
/// units; the video pool at zero for a mix without units.
fn reference(catalog: &Catalog, shape: &[(Pool, Decimal)]) -> (Pool, Decimal) {
    let mut best: Option<(Pool, Decimal, Decimal)> = None;
    for (p, u) in shape {
        let value = mul(*u, catalog.pool(*p).unit_price).unwrap_or(Decimal::MAX);
        if best.is_none_or(|b| value > b.2) {
            best = Some((*p, *u, value));
        }
    }
    best.map_or((Pool::Video, Decimal::ZERO), |(p, u, _)| (p, u))
}

/// The samples over `[0, end]`, the mix's own volume among them (planned as `yours`).
fn sample_range(ctx: &mut Ctx, yours: &PlanResult, end: u64) -> Vec<Sample> {
    let volume = ctx.volume;
    let mut samples: Vec<Sample> = Vec::new();
    for v in grid(end, ctx.limits.samples) {
        let s = if Decimal::from(v) == volume {
            ctx.sample_with(volume, Some(yours), true)
        } else {
            ctx.sample(Decimal::from(v))
        };
        samples.push(s);
    }
    if !samples.iter().any(|s| s.yours) {
        let at = samples.partition_point(|s| s.volume < volume);
        samples.insert(at, ctx.sample_with(volume, Some(yours), true));
    }
    samples
}

impl BreakEven {
    /// The picture before any volume is sampled: its words say why there is nothing to draw.
    fn empty(
        catalog: &Catalog,
        opts: &PlanOptions,
        (pool, volume): (Pool, Decimal),
        shape: Vec<(Pool, Decimal)>,
        left_out: Vec<Pool>,
        plan_calls: u32,
    ) -> BreakEven {
        let description = if left_out.is_empty() {
            "No units to plan: the break-even picture needs a mix with units.".to_string()
        } else {
            format!(
                "Nothing on sale serves {}: no break-even picture.",
                pools_words(catalog, &left_out)
            )
        };
        BreakEven {
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
            description,
            left_out,
            plan_calls,
            complete: true,
            optimal: true,
        }
    }

    /// Fills the picture from its samples: the changes located between them, the curves, the
    /// stretches and the words.
    fn draw(&mut self, ctx: &mut Ctx, samples: Vec<Sample>) {
        let (changes, complete) = locate_changes(ctx, &samples);
        self.curves = curves(ctx.catalog, &samples);
        self.stretches = stretches(&samples, &changes, ctx);
        self.complete = complete;
        self.description = describe(self, ctx, &samples, &changes);
        self.points = samples
            .into_iter()
            .map(|s| Point {
                volume: s.volume.normalize(),
                yours: s.yours,
                kind: s.kind,
            })
            .collect();
        self.changes = changes;
    }
}

/// `rate`, not left out when it has a price for every pool of `shape`.
fn sells_all(rate: &PerUseRate, shape: &[(Pool, Decimal)]) -> PerUseRate {
    let mut rate = rate.clone();
    if shape.iter().all(|(p, _)| rate.price(*p).is_some()) {
        rate.left_out = None;
    }
    rate
}
