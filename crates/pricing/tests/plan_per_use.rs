//! Buying per use (kling-2026): the worked examples, sellers' prices for a mix, ties, the
//! comparison, and the options' checks.

use kling_pricing::catalog::{edition, Catalog, Pool};
use kling_pricing::mix::{parse_line, JobLine, RawLine, RawNumber};
use kling_pricing::per_use::{apply, quote};
use kling_pricing::plan::{
    plan, ComparisonKind, PerUseRate, PlanField, PlanOptions, PlanResult, PoolPlan, PoolRate, UserPack,
};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn kling_2026() -> &'static Catalog {
    edition("kling-2026").unwrap()
}

/// Per use at `price` a video unit, sold by `name`.
fn video_rate(name: &str, price: &str) -> PerUseRate {
    PerUseRate {
        id: name.to_string(),
        name: name.to_string(),
        prices: vec![PoolRate {
            pool: Pool::Video,
            price: d(price),
        }],
        left_out: None,
        sellers: Vec::new(),
    }
}

fn per_use_at(price: &str, months: u32) -> PlanOptions {
    PlanOptions {
        horizon_months: months,
        per_use: Some(video_rate("fal.ai", price)),
        ..PlanOptions::default()
    }
}

fn video(units: &str, opts: &PlanOptions) -> PlanResult {
    plan(kling_2026(), &[(Pool::Video, d(units))], opts).unwrap()
}

fn pool(r: &PlanResult) -> &PoolPlan {
    r.pool(Pool::Video).unwrap()
}

/// (month, package id, count) of a plan.
fn schedule(p: &PoolPlan) -> Vec<(u32, &str, u64)> {
    p.purchases
        .iter()
        .map(|b| (b.month, b.package_id.as_str(), b.count))
        .collect()
}

#[test]
fn five_hundred_a_month_for_two_months_is_the_small_trial_and_900_per_use() {
    let r = video("500", &per_use_at("0.14", 2));
    let p = pool(&r);
    assert!(p.optimal);
    assert_eq!(p.total_cost, d("135.79"));
    assert_eq!(p.purchases.len(), 1);
    assert_eq!(
        (p.purchases[0].package_id.as_str(), p.purchases[0].count),
        ("trial-100", 1)
    );
    let pu = p.per_use.as_ref().unwrap();
    assert_eq!(pu.units, d("900"));
    assert_eq!(pu.cost, d("126"));
    assert_eq!(pu.per_use_only_cost, d("140"));
    // Packs only: the two trials cannot cover 1,000 units in two months, so Package 1.
    assert_eq!(pu.packs_only_cost, Some(d("4200")));
    let months: Vec<Decimal> = pu.units_per_month.clone();
    assert_eq!(months.iter().sum::<Decimal>(), d("900"));
    assert_eq!(p.forfeited_units, Decimal::ZERO);
    assert!(
        p.message.contains("900 units per use from fal.ai ($126.00)"),
        "{}",
        p.message
    );
    assert!(p.message.contains("$135.79 in all"), "{}", p.message);
    let per_use_only = p
        .alternatives
        .iter()
        .find(|a| a.label == "Per use only (fal.ai)")
        .unwrap();
    assert_eq!(
        per_use_only.reason,
        "Per use only (fal.ai): $140.00, nothing forfeited; $4.21 more than the best plan."
    );
    let packs_only = p.alternatives.iter().find(|a| a.label == "Packs only").unwrap();
    assert_eq!(packs_only.total_cost, Some(d("4200")));
    // The comparison: per use at fal.ai, packs only, the best plan.
    let rows: Vec<(ComparisonKind, Option<Decimal>)> = r.comparison.iter().map(|c| (c.kind, c.total_cost)).collect();
    assert_eq!(
        rows,
        [
            (ComparisonKind::PerUse, Some(d("140"))),
            (ComparisonKind::PacksOnly, Some(d("4200"))),
            (ComparisonKind::Best, Some(d("135.79"))),
        ]
    );
    assert_eq!(
        r.comparison[0].message,
        "Per use only (fal.ai): $140.00; $4.21 more than the best plan."
    );
}

#[test]
fn sixty_thousand_in_one_month_is_package_3() {
    let r = video("60000", &per_use_at("0.14", 1));
    let p = pool(&r);
    assert!(p.optimal);
    assert_eq!(schedule(p), [(1, "package-3", 1)]);
    assert_eq!(p.total_cost, d("6720"));
    let pu = p.per_use.as_ref().unwrap();
    assert_eq!((pu.units, pu.cost), (Decimal::ZERO, Decimal::ZERO));
    assert_eq!(pu.per_use_only_cost, d("8400"));
    let alt = p
        .alternatives
        .iter()
        .find(|a| a.label == "Per use only (fal.ai)")
        .unwrap();
    assert_eq!(alt.total_cost, Some(d("8400")));
    assert!(
        alt.reason.ends_with("$1,680.00 more than the best plan."),
        "{}",
        alt.reason
    );
}

#[test]
fn per_use_tops_up_a_package() {
    // 61,000 units in one month, trials used: Package 3 and 1,000 units per use beat two
    // packages.
    let opts = PlanOptions {
        trials_used: true,
        ..per_use_at("0.14", 1)
    };
    let p = video("61000", &opts).pool(Pool::Video).unwrap().clone();
    assert!(p.optimal);
    assert_eq!(schedule(&p), [(1, "package-3", 1)]);
    let pu = p.per_use.unwrap();
    assert_eq!(pu.units, d("1000"));
    assert_eq!(p.total_cost, d("6860"));
}

#[test]
fn a_tie_goes_to_fewer_purchases() {
    // Per use at exactly Package 3's price per unit ($0.112), 30,000 units a month for two
    // months: the same dollars and nothing forfeited either way, but per use is a purchase a
    // month (two), the package one.
    let opts = PlanOptions {
        horizon_months: 2,
        trials_used: true,
        per_use: Some(video_rate("you", "0.112")),
        ..PlanOptions::default()
    };
    let p = video("30000", &opts).pool(Pool::Video).unwrap().clone();
    assert!(p.optimal);
    assert_eq!(p.total_cost, d("6720"));
    assert_eq!(schedule(&p), [(1, "package-3", 1)]);
    // Demand below a pack's units: per use forfeits nothing, so it wins the tie on forfeits.
    let p = video("100", &opts).pool(Pool::Video).unwrap().clone();
    assert_eq!(p.total_cost, d("22.4"));
    assert!(p.purchases.is_empty());
}

#[test]
fn per_use_off_has_no_per_use_fields() {
    let r = video("500", &PlanOptions::default());
    assert!(r.comparison.is_empty());
    assert!(pool(&r).per_use.is_none());
    assert!(pool(&r).periods.iter().all(|p| p.per_use_units.is_none()));
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("perUse") && !json.contains("comparison"), "{json}");
}

fn line(model: &str, mode: &str, audio: &str, resolution: &str, seconds: i64, quantity: i64) -> JobLine {
    let raw = RawLine {
        service: Some("video".into()),
        model: Some(model.into()),
        mode: Some(mode.into()),
        audio: Some(audio.into()).filter(|a: &String| !a.is_empty()),
        resolution: Some(resolution.into()).filter(|r: &String| !r.is_empty()),
        duration: Some(RawNumber::Int(seconds)),
        quantity: Some(RawNumber::Int(quantity)),
        ..RawLine::default()
    };
    parse_line(kling_2026(), &raw).unwrap()
}

#[test]
fn a_sellers_price_for_a_mix_is_its_dollars_over_their_units() {
    let cat = kling_2026();
    let lines = [
        line("kling-v3", "pro", "none", "1080p", 10, 100), // 800 units, fal $112, Replicate $168
        line("kling-v3", "std", "native", "720p", 5, 40),  // 180 units, fal $25.20, Replicate none
    ];
    let fal = quote(cat, cat.per_use_source("fal").unwrap(), &lines);
    assert!(fal.missing.is_empty());
    assert_eq!(fal.pools.len(), 1);
    assert_eq!((fal.pools[0].dollars, fal.pools[0].units), (d("137.2"), d("980")));
    assert_eq!(fal.pools[0].unit_price, Some(d("0.14")));
    let replicate = quote(cat, cat.per_use_source("replicate").unwrap(), &lines);
    assert_eq!(replicate.missing.len(), 1);
    assert_eq!(replicate.missing[0].index, 1);
    assert!(!replicate.pools[0].complete);
    let rate = replicate.rate();
    assert!(
        rate.prices.is_empty(),
        "a pool with a line it does not sell is not bought there"
    );
    assert!(rate.left_out.unwrap().starts_with("Replicate does not sell "));
    // PiAPI marks Video 3.0 up: $0.15 a second for 1080p and $0.15 for 720p with audio.
    let piapi = quote(cat, cat.per_use_source("piapi").unwrap(), &lines).rate();
    // $150 + $30 for 980 units, rounded to 10 places.
    assert_eq!(piapi.prices[0].price, d("0.1836734694"));
}

#[test]
fn apply_resolves_the_chosen_seller_and_compares_every_seller() {
    let cat = kling_2026();
    let lines = [line("kling-v3", "pro", "none", "1080p", 10, 100)]; // 800 units a month
    let mut opts = PlanOptions {
        horizon_months: 3,
        per_use_source: Some("fal".into()),
        per_use_rate: vec![PoolRate {
            pool: Pool::Video,
            price: d("0.1"),
        }],
        ..PlanOptions::default()
    };
    apply(cat, &lines, &mut opts).unwrap();
    assert_eq!(opts.per_use.as_ref().unwrap().name, "fal.ai");
    let ids: Vec<&str> = opts.compare.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["fal", "runware", "replicate", "piapi", "krea", "rate"]);
    let r = plan(cat, &[(Pool::Video, d("800"))], &opts).unwrap();
    let rows: Vec<(&str, Option<Decimal>)> = r.comparison.iter().map(|c| (c.label.as_str(), c.total_cost)).collect();
    assert_eq!(
        rows,
        [
            ("Per use only (fal.ai)", Some(d("336"))),
            ("Per use only (Runware)", Some(d("336"))),
            ("Per use only (Replicate)", Some(d("504"))),
            ("Per use only (PiAPI)", Some(d("450"))),
            ("Per use only (Krea)", Some(d("705.6"))),
            ("Per use only (your rate)", Some(d("240"))),
            ("Packs only", Some(d("4200"))),
            ("Best plan", Some(d("317.78"))),
        ]
    );
    // Each trial saves against per use ($97.99 for 800 units used, $9.79 for 100): the trial
    // of 1,000 units covers month 1 (200 forfeited), the other trial part of a later month.
    let p = pool(&r);
    assert_eq!(p.purchases.len(), 2);
    assert_eq!(p.per_use.as_ref().unwrap().units, d("1500"));
    // An unknown seller is an error naming the choices.
    opts.per_use_source = Some("nobody".into());
    let e = apply(cat, &lines, &mut opts).unwrap_err();
    assert_eq!(e.field, PlanField::PerUseSource);
    assert!(e.message.contains("nobody"), "{}", e.message);
    // The user's rate.
    opts.per_use_source = Some("rate".into());
    apply(cat, &lines, &mut opts).unwrap();
    let r = plan(cat, &[(Pool::Video, d("800"))], &opts).unwrap();
    // At $0.10 a unit only the 100-unit trial ($0.0979 a unit) is cheaper.
    assert_eq!(r.total_cost, d("239.79"));
}

#[test]
fn a_pool_without_packages_is_bought_per_use() {
    let opts = PlanOptions {
        per_use: Some(PerUseRate {
            prices: vec![PoolRate {
                pool: Pool::Image,
                price: d("0.0035"),
            }],
            ..video_rate("fal.ai", "0.14")
        }),
        ..PlanOptions::default()
    };
    let r = plan(kling_2026(), &[(Pool::Image, d("20000"))], &opts).unwrap();
    let p = r.pool(Pool::Image).unwrap();
    assert_eq!(p.total_cost, d("210"));
    assert!(p.optimal);
    // A pack cheaper per unit wins where it is drawn in full.
    let opts = PlanOptions {
        packs: vec![UserPack {
            pool: Pool::Image,
            name: "Image pack".into(),
            price: d("50"),
            units: d("20000"),
            validity_days: 30,
            concurrency: None,
        }],
        ..opts
    };
    let r = plan(kling_2026(), &[(Pool::Image, d("25000"))], &opts).unwrap();
    let p = r.pool(Pool::Image).unwrap();
    assert_eq!(p.total_cost, d("202.5")); // 3 × ($50 + 5,000 × $0.0035)
}

#[test]
fn a_bad_rate_names_its_place() {
    let opts = PlanOptions {
        per_use_rate: vec![PoolRate {
            pool: Pool::Video,
            price: d("0"),
        }],
        ..PlanOptions::default()
    };
    let e = plan(kling_2026(), &[(Pool::Video, d("1"))], &opts).unwrap_err();
    assert_eq!(e.field, PlanField::PerUsePrice);
    assert!(e.message.starts_with("per-use rate 1: "), "{}", e.message);
}

/// A launch in month 3 (×3) of a 1,000-unit month, per use at $0.14 a unit: the large trial
/// serves month 1 ($97.99), the small trial 100 units of month 2 ($9.79), and the other 900
/// units of month 2 and the launch month's 3,000 are bought per use (3,900 × $0.14 = $546):
/// $653.78, exactly the flat mix's $373.78 plus the 2,000 extra units per use ($280). With 10 %
/// growth the launch multiplies month 3's grown demand (1,210 × 3), and the growth goes on from
/// 1,210, not from the launch.
#[test]
fn a_launch_month_is_bought_for_that_month_only() {
    let launch = PlanOptions {
        demand_by_month: vec![d("1"), d("1"), d("3")],
        ..per_use_at("0.14", 3)
    };
    let flat = pool(&video("1000", &per_use_at("0.14", 3))).total_cost;
    assert_eq!(flat, d("373.78"));
    let r = video("1000", &launch);
    let p = pool(&r);
    assert!(p.optimal);
    assert_eq!(p.demand, [d("1000"), d("1000"), d("3000")]);
    assert_eq!(p.total_cost, d("653.78"));
    assert_eq!(p.per_use.as_ref().unwrap().units, d("3900"));
    assert_eq!(r.demand_by_month, [d("1"), d("1"), d("3")]);
    let grown = PlanOptions {
        growth_percent: d("10"),
        demand_by_month: vec![d("1"), d("1"), d("3")],
        ..per_use_at("0.14", 4)
    };
    assert_eq!(
        pool(&video("1000", &grown)).demand,
        [d("1000"), d("1100"), d("3630"), d("1331")]
    );
}

/// A multiplier out of range, too precise, or more of them than months in the longest horizon,
/// is an error naming the month.
#[test]
fn a_forecast_is_checked_month_by_month() {
    let with = |k: Vec<&str>| PlanOptions {
        demand_by_month: k.into_iter().map(d).collect(),
        ..per_use_at("0.14", 3)
    };
    let err = |o: PlanOptions| plan(kling_2026(), &[(Pool::Video, d("10"))], &o).unwrap_err();
    let e = err(with(vec!["1", "-2"]));
    assert_eq!((e.field, e.month), (PlanField::DemandByMonth, Some(2)));
    assert!(e.message.starts_with("month 2: "), "{}", e.message);
    assert_eq!(err(with(vec!["101"])).month, Some(1));
    assert_eq!(err(with(vec!["1", "1", "1.00001"])).month, Some(3));
    let e = err(with(vec!["1"; 37]));
    assert_eq!((e.field, e.month), (PlanField::DemandByMonth, None));
    // A month with no demand at all (×0) is allowed.
    let lull = plan(kling_2026(), &[(Pool::Video, d("10"))], &with(vec!["1", "0"])).unwrap();
    assert_eq!(pool(&lull).demand, [d("10"), d("0"), d("10")]);
}
