//! The per-use source (`pu`) and the user's per-use rate (`pr`) in a link: read, written, and
//! turned into the planner's options; links without them read and write as before (the
//! format-1 and format-2 literals in share_format1.rs and share_format2.rs pin that).

use kling_pricing::catalog::{edition, Pool};
use kling_pricing::fields::{setting_mut, PER_USE_SOURCE_KEY};
use kling_pricing::per_use::apply;
use kling_pricing::plan::{plan, PlanField, PoolRate};
use kling_pricing::share::{decode, encode};
use rust_decimal::Decimal;

const LINK: &str = "?v=2&e=kling-2026&l=video~kling-v3~pro~10~100~~1~none~1080p&pu=fal&pr=video~0.1&pr=image~0.003";

#[test]
fn a_link_carries_the_per_use_source_and_rates() {
    let d = decode(LINK);
    assert_eq!(d.problems, []);
    let o = &d.state.options;
    assert_eq!(o.per_use_source, "fal");
    assert_eq!(
        (o.pools[0].per_use_rate.as_str(), o.pools[1].per_use_rate.as_str()),
        ("0.1", "0.003")
    );
    assert_eq!(o.pools[2].per_use_rate, "");
    // Written back as it came, after every other parameter.
    assert_eq!(format!("?{}", encode(&d.state)), LINK);
    let (opts, errs) = o.to_options();
    assert_eq!(errs, []);
    assert_eq!(opts.per_use_source.as_deref(), Some("fal"));
    assert_eq!(
        opts.per_use_rate,
        [
            PoolRate {
                pool: Pool::Video,
                price: Decimal::new(1, 1)
            },
            PoolRate {
                pool: Pool::Image,
                price: Decimal::new(3, 3)
            },
        ]
    );
}

#[test]
fn the_link_plans_with_the_seller_it_names() {
    let d = decode(LINK);
    let cat = edition("kling-2026").unwrap();
    let lines: Vec<_> = d
        .state
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| l.price(cat, i).unwrap().line)
        .collect();
    let (mut opts, _) = d.state.options.to_options();
    apply(cat, &lines, &mut opts).unwrap();
    // 800 units a month for 3 months; fal.ai's price is the list price, $0.14 a unit.
    let r = plan(cat, &[(Pool::Video, Decimal::from(800))], &opts).unwrap();
    let pu = r.pool(Pool::Video).unwrap().per_use.as_ref().unwrap();
    assert_eq!((pu.name.as_str(), pu.unit_price), ("fal.ai", Decimal::new(14, 2)));
    assert_eq!(r.total_cost, Decimal::new(31778, 2));
    // `pu=rate` plans with the rate in the link; an unknown seller is an error naming it.
    let mut state = d.state.clone();
    *setting_mut(&mut state.options, PER_USE_SOURCE_KEY).unwrap() = "rate".into();
    let (mut opts, _) = state.options.to_options();
    apply(cat, &lines, &mut opts).unwrap();
    assert_eq!(
        opts.per_use.as_ref().unwrap().price(Pool::Video),
        Some(Decimal::new(1, 1))
    );
    let mut state = d.state;
    state.options.per_use_source = "nobody".into();
    let (mut opts, _) = state.options.to_options();
    let e = apply(cat, &lines, &mut opts).unwrap_err();
    assert_eq!(e.field, PlanField::PerUseSource);
}

#[test]
fn a_bad_rate_is_reported_on_its_field_and_a_repeat_on_the_link() {
    let d = decode("?v=1&pu=fal&pu=runware&pr=video~0&pr=sound~1");
    let problems: Vec<String> = d.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "pu=runware: pu appears twice; used the first",
            "pr=sound~1: dropped the per-use rate: unknown pool \"sound\"; it must be video, image, try-on",
        ]
    );
    assert_eq!(d.state.options.per_use_source, "fal");
    let (opts, errs) = d.state.options.to_options();
    assert!(opts.per_use_rate.is_empty());
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].key, "video.perUse.rate");
    assert_eq!(
        errs[0].message,
        "Per-use rate 0 is out of range; it must be from 0.0000000001 to 1,000"
    );
}

#[test]
fn without_per_use_a_link_is_as_before() {
    let d = decode("?v=1&e=seed-2025&l=video~v2.1~pro~5~400");
    assert_eq!(d.state.options.per_use_source, "");
    assert_eq!(encode(&d.state), "v=1&e=seed-2025&l=video~v2.1~pro~5~400");
    assert_eq!(d.state.options.to_options().0.per_use_source, None);
}
