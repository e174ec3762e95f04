//! The planner against an independent brute force on small random instances.
//!
//! The brute force knows only the stated semantics: it buys packages one at a time in every
//! possible way (any number of each package per month, each trial at most once), draws each
//! month's demand earliest-expiring first, buys per use (when on) what the stock leaves undrawn,
//! and keeps the cheapest plan (ties: fewer units bought, which is fewer forfeited, then fewer
//! purchases, a month that buys per use counting as one). 1,000 instances a run, half with per
//! use, and 1,000 more all with per use. It shares no code with the planner: its own
//! demand rounding, its own drawing, its own concurrency rule, on integer quarter-units and cents.

#[path = "common/catalog.rs"]
mod test_catalog;

use kling_pricing::catalog::{Catalog, Pool};
use kling_pricing::plan::{plan, Balance, Peak, PerUseRate, PlanOptions, PoolOutcome, PoolRate, UserPack};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A package in quarter-units and cents.
#[derive(Clone, Debug)]
struct BKind {
    cents: u64,
    quarters: u64,
    periods: usize,
    conc: u32,
    trial: bool,
}

/// (cents, quarters bought, packages), compared in that order.
type BCost = (u64, u64, u64);

struct Brute {
    demand: Vec<u64>,
    kinds: Vec<BKind>,
    need: u32,
    /// Cents per quarter-unit bought per use, when per use is on.
    per_use: Option<u64>,
    memo: HashMap<(usize, Vec<u64>, u32, i64), Option<BCost>>,
}

impl Brute {
    /// The cheapest plan from the start of month `t`, holding `lots[e]` units that expire at the
    /// end of month `e`, with the trials in `mask` still available and a package carrying the
    /// peak held until the end of month `qual`.
    fn best(&mut self, t: usize, lots: Vec<u64>, mask: u32, qual: i64) -> Option<BCost> {
        if t == self.demand.len() {
            return Some((0, 0, 0));
        }
        let key = (t, lots.clone(), mask, qual);
        if let Some(v) = self.memo.get(&key) {
            return *v;
        }
        let mut best: Option<BCost> = None;
        let mut counts = vec![0u64; self.kinds.len()];
        self.month(t, &lots, mask, qual, 0, &mut counts, &mut best);
        self.memo.insert(key, best);
        best
    }

    /// Every way to buy this month: each trial still available at most once, any number of each
    /// other package up to a bound no cheapest plan exceeds (see `cap`).
    #[allow(clippy::too_many_arguments)] // the recursion's whole state, spelled out on purpose
    fn month(
        &mut self,
        t: usize,
        lots: &[u64],
        mask: u32,
        qual: i64,
        k: usize,
        counts: &mut Vec<u64>,
        best: &mut Option<BCost>,
    ) {
        if k == self.kinds.len() {
            if let Some(c) = self.buy_and_draw(t, lots, mask, qual, counts) {
                if best.is_none_or(|b| c < b) {
                    *best = Some(c);
                }
            }
            return;
        }
        let kind = self.kinds[k].clone();
        let top = if kind.trial {
            u64::from(mask & (1 << k) != 0)
        } else {
            self.cap(t, k, counts)
        };
        for n in 0..=top {
            counts[k] = n;
            self.month(t, lots, mask, qual, k + 1, counts, best);
        }
        counts[k] = 0;
    }

    /// The most of kind `k` worth buying in month `t`, given the counts of kinds before it.
    ///
    /// Units bought now with one expiry can only be drawn for the demand of the months they
    /// last (`window`), so they leave at least (their units − window) unused. If that is at
    /// least two of the largest such package, one of them can be dropped (a second copy, or a
    /// second package with the same expiry, still holds the concurrency) and the plan gets
    /// cheaper or forfeits less. Likewise one kind's copies may not exceed the window by a copy.
    fn cap(&self, t: usize, k: usize, counts: &[u64]) -> u64 {
        let kind = &self.kinds[k];
        let end = (t + kind.periods).min(self.demand.len());
        let window: u64 = self.demand[t..end].iter().sum();
        let per_kind = window.div_ceil(kind.quarters);
        let same: Vec<usize> = (0..self.kinds.len())
            .filter(|&i| !self.kinds[i].trial && self.kinds[i].periods == kind.periods)
            .collect();
        let biggest = same.iter().map(|&i| self.kinds[i].quarters).max().unwrap_or(0);
        let before: u64 = same
            .iter()
            .filter(|&&i| i < k)
            .map(|&i| counts[i] * self.kinds[i].quarters)
            .sum();
        // Units with this expiry stay strictly below window + 2·biggest.
        let room = (window + 2 * biggest).saturating_sub(before);
        let per_bucket = room.saturating_sub(1) / kind.quarters;
        per_kind.min(per_bucket)
    }

    fn buy_and_draw(&mut self, t: usize, lots: &[u64], mask: u32, qual: i64, counts: &[u64]) -> Option<BCost> {
        let mut lots = lots.to_vec();
        let mut mask = mask;
        let mut qual = qual;
        let mut cost = (0, 0, 0);
        for (k, &n) in counts.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let kind = &self.kinds[k];
            let last = t + kind.periods - 1;
            lots[last] += n * kind.quarters;
            if kind.trial {
                mask &= !(1 << k);
            }
            if self.need > 0 && kind.conc >= self.need {
                qual = qual.max(last as i64);
            }
            cost = (cost.0 + n * kind.cents, cost.1 + n * kind.quarters, cost.2 + n);
        }
        let d = self.demand[t];
        if self.need > 0 && d > 0 && qual < t as i64 {
            return None;
        }
        let mut need = d;
        for lot in lots.iter_mut().skip(t) {
            let take = (*lot).min(need);
            *lot -= take;
            need -= take;
        }
        if need > 0 {
            let price = self.per_use?;
            cost = (cost.0 + need * price, cost.1 + need, cost.2 + 1);
        }
        lots[t] = 0;
        // Stock beyond what the months it lasts can draw never matters, and stock lasting past
        // the horizon is all alike: keep the memo's states canonical.
        let h = self.demand.len();
        let mut reach = 0;
        for (e, lot) in lots.iter_mut().enumerate().skip(t + 1) {
            if e < h {
                reach += self.demand[e];
            }
            *lot = (*lot).min(reach);
        }
        let tail: u64 = lots[h.min(lots.len())..].iter().sum();
        for lot in lots.iter_mut().skip(h) {
            *lot = 0;
        }
        if h > 0 && t + 1 < h {
            lots[h - 1] = (lots[h - 1] + tail).min(reach);
        }
        let rest = self.best(t + 1, lots, mask, qual)?;
        Some((cost.0 + rest.0, cost.1 + rest.1, cost.2 + rest.2))
    }
}

/// A random small instance.
#[derive(Clone, Debug)]
struct Case {
    months: u32,
    /// Monthly units in tenths.
    base_tenths: u64,
    growth: i64,
    /// (cents, units, validity days, concurrency, trial)
    packages: Vec<(u64, u64, u32, Option<u32>, bool)>,
    trials_used: bool,
    /// (cents, quarter-units, validity days, concurrency)
    quote: Option<(u64, u64, u32, Option<u32>)>,
    /// (quarter-units, days left, concurrency)
    balance: Option<(u64, u32, Option<u32>)>,
    /// Concurrent tasks at peak.
    peak: Option<u32>,
    /// Cents per quarter-unit bought per use, when per use is on.
    per_use: Option<u64>,
}

fn arb_case() -> impl Strategy<Value = Case> {
    let package = (
        0u64..=2000,
        2u64..=12,
        prop::sample::select(vec![30u32, 60, 90]),
        prop::sample::select(vec![None, Some(3u32), Some(5)]),
        prop::bool::weighted(0.3),
    );
    (
        1u32..=4,
        0u64..=80,
        prop::sample::select(vec![0i64, 0, 10, 25, -50, -100]),
        prop::collection::vec(package, 1..=3),
        any::<bool>(),
        prop::option::weighted(
            0.4,
            (
                0u64..=3000,
                2u64..=48,
                prop::sample::select(vec![30u32, 45, 90, 120]),
                prop::sample::select(vec![None, Some(5u32), Some(10)]),
            ),
        ),
        prop::option::weighted(
            0.3,
            (
                0u64..=40,
                0u32..=100,
                prop::sample::select(vec![None, Some(3u32), Some(5)]),
            ),
        ),
        prop::option::weighted(0.3, prop::sample::select(vec![1u32, 3, 4, 5, 6])),
        prop::option::weighted(0.5, 1u64..=60),
    )
        .prop_map(
            |(months, base_tenths, growth, packages, trials_used, quote, balance, peak, per_use)| Case {
                months,
                base_tenths,
                growth,
                packages,
                trials_used,
                quote,
                balance,
                peak,
                per_use,
            },
        )
        .prop_filter("small enough to enumerate", |case| search_size(case) <= SEARCH_LIMIT)
}

/// See [`search_size`].
const SEARCH_LIMIT: u64 = 2_000;

/// A rough size of the brute force's search: the purchase vectors it tries per month (every
/// count of every package up to the whole horizon's demand) times the months. Cases above a limit
/// are not generated, so the test stays fast.
fn search_size(case: &Case) -> u64 {
    let total: u64 = demand_quarters(case).iter().sum();
    let quarters = case
        .packages
        .iter()
        .filter(|p| !p.4)
        .map(|p| p.1 * 4)
        .chain(case.quote.map(|q| q.1));
    let per_month = quarters.fold(1u64, |acc, q| acc.saturating_mul(total / q + 1));
    per_month.saturating_mul(u64::from(case.months))
}

fn catalog_for(case: &Case) -> &'static Catalog {
    test_catalog::catalog_with(&case.packages)
}

/// Each month's demand in quarter-units, by the stated rule, computed on integers.
fn demand_quarters(case: &Case) -> Vec<u64> {
    let mut d = (case.base_tenths * 4).div_ceil(10);
    let mut out = vec![d];
    for _ in 1..case.months {
        let f = (100 + case.growth) as u64;
        d = (d * f).div_ceil(100);
        out.push(d);
    }
    out
}

fn brute(case: &Case) -> (Vec<u64>, Option<BCost>, u64) {
    let demand = demand_quarters(case);
    let h = demand.len();
    let mut kinds: Vec<BKind> = case
        .packages
        .iter()
        .filter(|p| !(p.4 && case.trials_used))
        .map(|&(cents, units, days, conc, trial)| BKind {
            cents,
            quarters: units * 4,
            periods: days.div_ceil(30) as usize,
            conc: conc.unwrap_or(0),
            trial,
        })
        .collect();
    if let Some((cents, quarters, days, conc)) = case.quote {
        kinds.push(BKind {
            cents,
            quarters,
            periods: days.div_ceil(30) as usize,
            conc: conc.unwrap_or(0),
            trial: false,
        });
    }
    let mut lots = vec![0u64; h + 8];
    let mut balance_quarters = 0;
    let mut balance_conc = None;
    let mut balance_last = 0;
    if let Some((q, days, conc)) = case.balance {
        if q > 0 && days > 0 {
            balance_last = days.div_ceil(30) as usize - 1;
            lots[balance_last] += q;
            balance_quarters = q;
            balance_conc = conc;
        }
    }
    // The peak is enforced when some package or balance carries it.
    let best = kinds.iter().map(|k| k.conc).chain(balance_conc).max().unwrap_or(0);
    let need = match case.peak {
        Some(n) if n <= best => n,
        _ => 0,
    };
    let qual = match balance_conc {
        Some(c) if need > 0 && c >= need => balance_last as i64,
        _ => -1,
    };
    let mut b = Brute {
        demand: demand.clone(),
        kinds,
        need,
        per_use: case.per_use,
        memo: HashMap::new(),
    };
    let mask = (0..b.kinds.len())
        .filter(|&i| b.kinds[i].trial)
        .fold(0u32, |m, i| m | (1 << i));
    let r = b.best(0, lots, mask, qual);
    (demand, r, balance_quarters)
}

fn options_for(case: &Case) -> PlanOptions {
    PlanOptions {
        horizon_months: case.months,
        growth_percent: Decimal::from(case.growth),
        trials_used: case.trials_used,
        balances: case
            .balance
            .map(|(q, days, conc)| Balance {
                pool: Pool::Video,
                units: Decimal::new(q as i64 * 25, 2),
                days_left: days,
                concurrency: conc,
            })
            .into_iter()
            .collect(),
        packs: Vec::new(),
        quotes: case
            .quote
            .map(|(cents, q, days, conc)| UserPack {
                pool: Pool::Video,
                name: "quote".into(),
                price: Decimal::new(cents as i64, 2),
                units: Decimal::new(q as i64 * 25, 2),
                validity_days: days,
                concurrency: conc,
            })
            .into_iter()
            .collect(),
        peak: case.peak.map(|n| Peak::video(Decimal::from(60), Decimal::from(n))),
        // Cents a quarter-unit is 4 × cents a unit.
        per_use: case.per_use.map(|c| PerUseRate {
            id: "seller".into(),
            name: "seller".into(),
            prices: vec![PoolRate {
                pool: Pool::Video,
                price: Decimal::new(c as i64 * 4, 2),
            }],
            left_out: None,
            sellers: Vec::new(),
        }),
        ..PlanOptions::default()
    }
}

fn quarters(d: Decimal) -> u64 {
    let q = d * Decimal::from(4);
    assert!(q.fract().is_zero(), "{d} is not a whole number of quarter-units");
    u64::try_from(q.trunc().mantissa() / 10i128.pow(q.trunc().scale())).unwrap()
}

fn cents(d: Decimal) -> u64 {
    let c = d * Decimal::from(100);
    assert!(c.fract().is_zero(), "{d} is not a whole number of cents");
    u64::try_from(c.trunc().mantissa() / 10i128.pow(c.trunc().scale())).unwrap()
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let catalog = catalog_for(case);
    let opts = options_for(case);
    let base = Decimal::new(case.base_tenths as i64, 1);
    let result = plan(catalog, &[(Pool::Video, base)], &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let (demand, expected, balance) = brute(case);
    let total: u64 = demand.iter().sum();
    let Some(p) = result.pool(Pool::Video) else {
        prop_assert!(total == 0 && balance == 0, "a pool with demand or balance is missing");
        return Ok(());
    };
    let got_demand: Vec<u64> = p.demand.iter().map(|d| quarters(*d)).collect();
    prop_assert_eq!(&got_demand, &demand);
    if total == 0 {
        prop_assert_eq!(p.outcome, PoolOutcome::NoDemand);
        return Ok(());
    }
    match expected {
        None => {
            prop_assert!(
                matches!(p.outcome, PoolOutcome::Infeasible | PoolOutcome::NoPackage),
                "brute force finds no plan, planner says {:?}: {}",
                p.outcome,
                p.message
            );
        }
        Some((c, bought, count)) => {
            prop_assert_eq!(p.outcome, PoolOutcome::Planned, "{}", p.message);
            prop_assert!(p.optimal);
            prop_assert_eq!(cents(p.total_cost), c, "cost; plan {:?}", p.purchases);
            let per_use = p.per_use.as_ref().map_or(0, |u| quarters(u.units));
            let per_use_months = p
                .per_use
                .as_ref()
                .map_or(0, |u| u.units_per_month.iter().filter(|m| !m.is_zero()).count() as u64);
            prop_assert_eq!(
                quarters(p.units_bought) + per_use,
                bought,
                "units bought; plan {:?}",
                p.purchases
            );
            prop_assert_eq!(quarters(p.forfeited_units), balance + bought - total);
            prop_assert_eq!(p.purchases.iter().map(|b| b.count).sum::<u64>() + per_use_months, count);
            replay_is_valid(case, &demand, p)?;
        }
    }
    Ok(())
}

/// The schedule the planner returns serves every month, keeps trials to one each, and holds the
/// peak where it is enforced, by the brute force's own drawing.
fn replay_is_valid(case: &Case, demand: &[u64], p: &kling_pricing::plan::PoolPlan) -> Result<(), TestCaseError> {
    let h = demand.len();
    let mut lots = vec![0u64; h + 8];
    if let Some((q, days, _)) = case.balance {
        if q > 0 && days > 0 {
            lots[days.div_ceil(30) as usize - 1] += q;
        }
    }
    let mut cost = 0;
    for t in 0..h {
        for b in p.purchases.iter().filter(|b| b.month as usize == t + 1) {
            lots[t + b.validity_days.div_ceil(30) as usize - 1] += quarters(b.units) * b.count;
            cost += cents(b.price) * b.count;
            if b.trial {
                prop_assert_eq!(b.count, 1);
                prop_assert!(!case.trials_used);
            }
        }
        let mut need = demand[t];
        for lot in lots.iter_mut().skip(t) {
            let take = (*lot).min(need);
            *lot -= take;
            need -= take;
        }
        let bought_per_use = p.periods[t].per_use_units.map_or(0, quarters);
        prop_assert_eq!(need, bought_per_use, "month {} is not served", t + 1);
        cost += bought_per_use * case.per_use.unwrap_or(0);
        lots[t] = 0;
    }
    let trial_ids: Vec<&String> = p.purchases.iter().filter(|b| b.trial).map(|b| &b.package_id).collect();
    let mut dedup = trial_ids.clone();
    dedup.dedup();
    dedup.sort();
    dedup.dedup();
    prop_assert_eq!(dedup.len(), trial_ids.len(), "a trial is bought twice");
    prop_assert_eq!(cost, cents(p.total_cost));
    if let Some(v) = &p.concurrency {
        if v.enforced {
            prop_assert!(v.carried, "the peak is enforced but not carried");
        }
    }
    Ok(())
}

/// Cases per property: 1,000, or `BRUTE_FORCE_CASES` (the planner's rules were checked with
/// 100,000 to 200,000 in release builds: `BRUTE_FORCE_CASES=200000 cargo test --release -p
/// kling-pricing --test plan_brute_force`).
fn cases() -> u32 {
    std::env::var("BRUTE_FORCE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn planner_equals_brute_force(case in arb_case()) {
        check(&case)?;
    }

    /// The same with per use always on (1 to 60 cents a quarter-unit: cheaper than every
    /// package, dearer than all, and between).
    #[test]
    fn planner_equals_brute_force_with_per_use(case in arb_case(), cents in 1u64..=60) {
        check(&Case { per_use: Some(cents), ..case })?;
    }
}

/// Found by the property: the only package carrying the peak is bought in month 1 for months 2
/// and 3 (the balance carries month 1), although a free package covers the same units.
#[test]
fn a_package_bought_to_carry_the_peak_later_is_kept() {
    let case = Case {
        months: 3,
        base_tenths: 11,
        growth: 0,
        packages: vec![(0, 3, 90, None, false), (1, 9, 90, Some(5), false)],
        trials_used: false,
        quote: None,
        balance: Some((1, 1, Some(5))),
        peak: Some(5),
        per_use: None,
    };
    check(&case).unwrap();
}

/// The worked example's shape on small numbers: a trial cheaper per unit than per use covers
/// part of one month, per use the rest, and a 90-day package does not pay.
#[test]
fn a_trial_and_per_use_beat_a_package() {
    let case = Case {
        months: 2,
        base_tenths: 50,
        growth: 0,
        packages: vec![(97, 1, 30, Some(3), true), (4000, 12, 90, Some(5), false)],
        trials_used: false,
        quote: None,
        balance: None,
        peak: None,
        per_use: Some(35),
    };
    check(&case).unwrap();
}

/// Quotes whose units share only a small divisor with the packages' of the same validity
/// (9,876 units next to 30,000, 45,000 and 60,000): one class of them all would need a
/// composition table far over its cap (the plan used to say "not proven"), so the planner
/// splits the class. Checked against the brute force, and proven.
#[test]
fn odd_quotes_sharing_a_validity_equal_brute_force() {
    let packages = |days| {
        vec![
            (420_000, 30_000, days, Some(5), false),
            (567_000, 45_000, days, Some(5), false),
            (672_000, 60_000, days, Some(5), false),
        ]
    };
    // (monthly units, months, growth %, quote (dollars, units, days), package validity, per use
    // in cents a quarter-unit)
    type Mix = (u64, u32, i64, (u64, u64, u32), u32, Option<u64>);
    let mixes: [Mix; 14] = [
        (1_580, 3, 0, (1_234, 9_876, 90), 90, None),
        (15_000, 3, 0, (1_234, 9_876, 90), 90, None),
        (40_000, 2, 5, (1_234, 9_876, 90), 90, None),
        (70_000, 2, 0, (1_234, 9_876, 90), 90, None),
        (25_000, 3, 10, (3_300, 33_333, 90), 90, None),
        (50_000, 2, 0, (7_777, 77_777, 90), 90, None),
        (12_345, 3, 0, (999, 10_001, 90), 90, None),
        (30_000, 2, 0, (4_200, 40_009, 60), 60, None),
        (18_000, 2, 25, (2_100, 20_003, 45), 60, None),
        (45_000, 3, 0, (5_000, 51_111, 120), 90, None),
        (9_000, 3, 0, (1_000, 9_999, 90), 90, Some(3)),
        (33_000, 2, 0, (3_456, 34_567, 90), 90, Some(4)),
        (60_001, 1, 0, (6_000, 60_001, 90), 90, None),
        (5_000, 3, 0, (600, 5_003, 90), 90, Some(2)),
    ];
    for (units, months, growth, (dollars, quote_units, quote_days), days, per_use) in mixes {
        let case = Case {
            months,
            base_tenths: units * 10,
            growth,
            packages: packages(days),
            trials_used: true,
            quote: Some((dollars * 100, quote_units * 4, quote_days, Some(5))),
            balance: None,
            peak: None,
            per_use,
        };
        check(&case).unwrap_or_else(|e| panic!("{case:?}: {e}"));
    }
}
