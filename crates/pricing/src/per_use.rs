//! Buying per use: what a seller of Kling's models per use (fal.ai, Runware, Replicate, …)
//! charges for a job mix, and the price per unit the planner buys at.
//!
//! The rule: a seller's price for a line is its listed price for the line's catalog row, times
//! what the row bills per job (the requested seconds of a per-second row, the segments of a
//! lip-sync, one job otherwise), times the quantity and the attempts per kept output. Per pool,
//! the seller's **effective price per unit** is its dollars for the mix's lines in that pool
//! divided by their units (rounded to [`PER_USE_PLACES`] places). The planner takes units per
//! pool, so this keeps the mix's shape: a month with 10 % more units costs 10 % more per use.
//!
//! A seller with no price for some line's row does not sell that model, as far as its price
//! list shows: it is left out of the comparison, saying which lines, and its pools with such
//! lines are not bought per use. A rate the user enters (a negotiated price, dollars per unit per
//! pool) is used as given.

use crate::catalog::{Billing, Catalog, Confidence, PerUseSource, Pool};
use crate::estimate::price_line;
use crate::mix::JobLine;
use crate::plan::{
    menu_verdict, plan_with, PerUseRate, PlanError, PlanOptions, PlanResult, Searches, CHEAPEST, OWN_RATE,
    PER_USE_PLACES,
};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// A seller's price for a mix in one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PoolQuote {
    pub pool: Pool,
    /// Dollars a month for the pool's lines the seller sells.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub dollars: Decimal,
    /// Their units a month.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
    pub units: Decimal,
    /// `dollars ÷ units`, rounded to 10 places (`None` without units).
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub unit_price: Option<Decimal>,
    /// The seller sells every line of the mix in this pool.
    pub complete: bool,
}

/// A line of the mix the seller does not sell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MissingLine {
    /// Index of the line in the mix (from 0).
    pub index: usize,
    pub label: String,
}

/// A seller's price for a job mix, per pool, and the lines it does not sell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PerUseQuote {
    pub source: &'static str,
    pub name: &'static str,
    /// The pools with units, in [`Pool::ALL`] order.
    pub pools: Vec<PoolQuote>,
    pub missing: Vec<MissingLine>,
}

impl PerUseQuote {
    /// The quote as the planner's per-use price: the pools the seller sells whole.
    pub fn rate(&self) -> PerUseRate {
        let prices = self
            .pools
            .iter()
            .filter(|p| p.complete)
            .filter_map(|p| {
                Some(crate::plan::PoolRate {
                    pool: p.pool,
                    price: p.unit_price?,
                })
            })
            .collect();
        let left_out = (!self.missing.is_empty()).then(|| {
            let labels: Vec<&str> = self.missing.iter().map(|m| m.label.as_str()).collect();
            format!("{} does not sell {}", self.name, labels.join("; "))
        });
        PerUseRate {
            id: self.source.to_string(),
            name: self.name.to_string(),
            prices,
            left_out,
            sellers: Vec::new(),
        }
    }
}

/// The cheapest per-use offer for one line: who, and its dollars a job and a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineOffer {
    pub seller: &'static str,
    pub per_job: Decimal,
    /// Per job × quantity × attempts per kept output.
    pub per_month: Decimal,
}

/// The seller that sells `line` for the least (the first listed on a tie), if any lists its
/// row: where a line's units are a guess, this is the figure that is known.
pub fn cheapest_offer(catalog: &Catalog, line: &JobLine) -> Option<LineOffer> {
    let offers = catalog
        .per_use
        .iter()
        .filter_map(|s| Some((s, per_job(catalog, s, line)?)));
    let (seller, per_job) = offers.reduce(|a, b| if b.1 < a.1 { b } else { a })?;
    Some(LineOffer {
        seller: seller.name,
        per_job: per_job.normalize(),
        per_month: (per_job * Decimal::from(line.quantity) * line.attempts_per_kept).normalize(),
    })
}

/// Dollars per job of `line` at `source`'s price, when it lists one for the line's row.
fn per_job(catalog: &Catalog, source: &PerUseSource, line: &JobLine) -> Option<Decimal> {
    let service = catalog.service(&line.service)?;
    let row = service.find(&line.choice())?;
    let price = source.price(service, row)?.price;
    let billed = match service.billing {
        Billing::PerJob => Decimal::ONE,
        Billing::PerSegment { seconds } => {
            Decimal::from(crate::estimate::segments(line.video_seconds.unwrap_or(0), seconds))
        }
        Billing::PerSecond => Decimal::from(crate::estimate::billed(row, line)),
    };
    Some(price * billed)
}

/// `source`'s price for the checked `lines` of a month (see the module docs for the rule).
/// A line that does not price in `catalog` is skipped (checked lines always price).
pub fn quote(catalog: &Catalog, source: &'static PerUseSource, lines: &[JobLine]) -> PerUseQuote {
    let mut pools: Vec<PoolQuote> = Vec::new();
    let mut missing = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Ok(est) = price_line(catalog, index, line) else {
            continue;
        };
        let at = match pools.iter().position(|p| p.pool == est.pool) {
            Some(at) => at,
            None => {
                pools.push(PoolQuote {
                    pool: est.pool,
                    dollars: Decimal::ZERO,
                    units: Decimal::ZERO,
                    unit_price: None,
                    complete: true,
                });
                pools.len() - 1
            }
        };
        match per_job(catalog, source, line) {
            Some(d) => {
                pools[at].dollars += d * Decimal::from(line.quantity) * line.attempts_per_kept;
                pools[at].units += est.units;
            }
            None => {
                pools[at].complete = false;
                missing.push(MissingLine {
                    index,
                    label: est.label,
                });
            }
        }
    }
    for p in &mut pools {
        p.dollars = p.dollars.normalize();
        p.units = p.units.normalize();
        p.unit_price = (!p.units.is_zero()).then(|| {
            (p.dollars / p.units)
                .round_dp_with_strategy(PER_USE_PLACES, RoundingStrategy::MidpointAwayFromZero)
                .normalize()
        });
    }
    pools.retain(|p| !p.units.is_zero() || !p.complete);
    crate::sort::sort_by_key(&mut pools, |p| Pool::ALL.iter().position(|q| *q == p.pool));
    PerUseQuote {
        source: source.id,
        name: source.name,
        pools,
        missing,
    }
}

/// The user's own rate (`opts.per_use_rate`) as a way to buy per use.
pub fn own_rate(opts: &PlanOptions) -> PerUseRate {
    PerUseRate {
        id: OWN_RATE.to_string(),
        name: "your rate".to_string(),
        prices: opts.per_use_rate.clone(),
        left_out: None,
        sellers: Vec::new(),
    }
}

/// In each pool, the seller that sells every line of the mix there for the least (the first
/// listed on a tie): video per use at one seller and images at another, as a buyer would.
/// Each seller's price in a pool is its effective price for those lines ([`quote`]).
pub fn cheapest(sellers: &[PerUseRate]) -> PerUseRate {
    let mut way = PerUseRate {
        id: CHEAPEST.to_string(),
        name: "the cheapest seller of each pool".to_string(),
        prices: Vec::new(),
        left_out: None,
        sellers: Vec::new(),
    };
    for pool in Pool::ALL {
        let offers = sellers.iter().filter_map(|s| Some((s, s.price(pool)?)));
        let Some((seller, price)) = offers.reduce(|a, b| if b.1 < a.1 { b } else { a }) else {
            continue;
        };
        way.prices.push(crate::plan::PoolRate { pool, price });
        way.sellers.push((pool, seller.name.clone()));
    }
    way
}

/// Resolves `opts.per_use_source` for the mix `lines`: the chosen seller's price (or the user's
/// rate) into `opts.per_use`, and every seller of the edition (and the user's rate, when one
/// is entered) into `opts.compare`. An unknown source is an error naming it and the choices.
pub fn apply(catalog: &Catalog, lines: &[JobLine], opts: &mut PlanOptions) -> Result<(), PlanError> {
    let sellers: Vec<PerUseRate> = catalog
        .per_use
        .iter()
        .map(|s| quote(catalog, s, lines).rate())
        .collect();
    let own = own_rate(opts);
    opts.per_use = match opts.per_use_source.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(OWN_RATE) => Some(own.clone()),
        Some(CHEAPEST) => Some(cheapest(&sellers)),
        Some(id) => match sellers.iter().find(|s| s.id == id) {
            Some(s) => Some(s.clone()),
            None => {
                let mut choices: Vec<String> = catalog.per_use.iter().map(|s| s.id.to_string()).collect();
                choices.extend([CHEAPEST, OWN_RATE].map(String::from));
                return Err(PlanError::unknown_source(id, choices));
            }
        },
    };
    // The user's rate is compared when one is entered.
    let entered = !own.prices.is_empty();
    opts.compare = sellers.into_iter().chain(entered.then_some(own)).collect();
    Ok(())
}

/// The best plan for a mix: its `units` per pool, per use resolved ([`apply`]) for its valid
/// `lines` from `options`. The one way the page, its prerendered copy and the JS API plan a mix,
/// so that they cannot disagree.
pub fn plan_mix(
    catalog: &Catalog,
    units: &[(Pool, Decimal)],
    lines: &[JobLine],
    options: &PlanOptions,
) -> Result<PlanResult, PlanError> {
    plan_mix_with(catalog, units, lines, options, &mut Searches::run())
}

/// [`plan_mix`] with its searches run as `searches` says
/// ([`crate::plan::plan_with`]). The mix is planned on the menu `options` names, then on each
/// other menu of the edition, for [`PlanResult::other_menus`].
pub fn plan_mix_with(
    catalog: &Catalog,
    units: &[(Pool, Decimal)],
    lines: &[JobLine],
    options: &PlanOptions,
    searches: &mut Searches,
) -> Result<PlanResult, PlanError> {
    let opts = resolved(catalog, lines, options)?;
    let mut result = plan_with(catalog, units, &opts, searches)?;
    for menu in catalog.menus.iter().filter(|m| m.id != result.menu.id) {
        let on_menu = PlanOptions {
            menu: Some(menu.id.to_string()),
            ..opts.clone()
        };
        if let Ok(other) = plan_with(catalog, units, &on_menu, searches) {
            result.other_menus.push(menu_verdict(&other, &result));
        }
    }
    result.guesses = guesses(catalog, lines, &result);
    Ok(result)
}

/// The lines of `lines` whose units are a guess, in the pools where `plan` buys packages (see
/// [`PlanResult::guesses`]).
fn guesses(catalog: &Catalog, lines: &[JobLine], plan: &PlanResult) -> Vec<String> {
    let buys_packs = |pool| plan.pool(pool).is_some_and(|p| !p.purchases.is_empty());
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| price_line(catalog, i, line).ok())
        .filter(|e| e.provenance.confidence == Some(Confidence::Assumed) && e.line.own_units.is_none())
        .filter(|e| buys_packs(e.pool))
        .map(|e| match e.units_per_second {
            Some(u) => format!("{} ({} units a second, assumed)", e.label, u),
            None => format!("{} ({} units a job, assumed)", e.label, e.units_per_job),
        })
        .collect()
}

/// `options` with per use resolved for the mix `lines` ([`apply`]), as `plan()` and
/// `break_even()` read them.
pub fn resolved(catalog: &Catalog, lines: &[JobLine], options: &PlanOptions) -> Result<PlanOptions, PlanError> {
    let mut o = options.clone();
    apply(catalog, lines, &mut o)?;
    Ok(o)
}
