//! Text that arrives from a link is shown as text: no markup it carries reaches the page (the
//! page's own views are checked in the app's tests).

/// A package the user names is shown in the plan's table, and a chart's labels, as text.
#[test]
fn markup_in_a_package_name_is_shown_as_text() {
    use kling_pricing::catalog::Pool;
    use kling_pricing::plan::{plan, PlanOptions, UserPack};
    use kling_pricing_render::chart::{bar_chart, Bar};
    use kling_pricing_render::report::plan_html;
    use rust_decimal::Decimal;
    let opts = PlanOptions {
        packs: vec![UserPack {
            pool: Pool::Image,
            name: "<img src=x onerror=alert(1)> \"&".into(),
            price: Decimal::from(70),
            units: Decimal::from(20_000),
            validity_days: 30,
            concurrency: None,
        }],
        ..PlanOptions::default()
    };
    let cat = kling_pricing::default_catalog();
    let p = plan(cat, &[(Pool::Image, Decimal::from(20_000))], &opts).expect("valid options");
    let image = &p.pools[0];
    assert_eq!(image.purchases.len(), 3, "the pack is bought every month");
    let shown = "&lt;img src=x onerror=alert(1)&gt; &quot;&amp;";
    let bar = Bar {
        label: image.purchases[0].name.clone(),
        value: Decimal::ONE,
        note: image.purchases[0].name.clone(),
        highlight: false,
    };
    let chart = bar_chart("c", &bar.label, &bar.note, std::slice::from_ref(&bar));
    for html in [plan_html(&p), chart] {
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(shown), "{html}");
    }
}
