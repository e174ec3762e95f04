//! The break-even chart's markup: one named and described image, round-figure ticks on both
//! axes, a legend naming every line, the mix's own volume marked with its figure, the change
//! points marked, no inline style, and every name shown as text.

use kling_pricing::breakeven::{break_even, BreakEven};
use kling_pricing::catalog::{edition, Pool};
use kling_pricing::plan::{PerUseRate, PlanOptions, PoolRate, UserPack};
use kling_pricing_render::breakeven::chart;
use kling_pricing_render::chart::escape;
use rust_decimal::Decimal;

fn rate(id: &str, name: &str, price: &str) -> PerUseRate {
    PerUseRate {
        id: id.into(),
        name: name.into(),
        prices: vec![PoolRate {
            pool: Pool::Video,
            price: price.parse().unwrap(),
        }],
        left_out: None,
        sellers: Vec::new(),
    }
}

/// 500 video units a month for 2 months (kling-2026), per use from fal.ai at $0.14, Krea
/// compared at $0.294.
fn picture(opts: PlanOptions) -> BreakEven {
    let cat = edition("kling-2026").unwrap();
    let opts = PlanOptions {
        horizon_months: 2,
        per_use: Some(rate("fal", "fal.ai", "0.14")),
        compare: vec![rate("fal", "fal.ai", "0.14"), rate("krea", "Krea", "0.294")],
        ..opts
    };
    break_even(cat, &[(Pool::Video, Decimal::from(500))], &opts).unwrap()
}

#[test]
fn the_chart_is_one_image_with_axes_legend_your_volume_and_the_changes() {
    let be = picture(PlanOptions::default());
    let html = chart(&be);
    assert!(
        html.starts_with(
            r#"<div class="kp-be" role="img" aria-labelledby="kp-chart-be-t" aria-describedby="kp-chart-be-d">"#
        ),
        "{html}"
    );
    assert!(html
        .contains(r#"<span class="kp-sr" id="kp-chart-be-t">Cost over 2 months against video units a month</span>"#));
    // The description is the picture's words, shown under the chart.
    assert!(html.contains(&format!(
        r#"<p class="kp-be-words" id="kp-chart-be-d">{}</p>"#,
        escape(&be.description)
    )));
    assert!(be.description.contains("from 70, the trials, then per use from fal.ai"));
    // Volume ticks 0 to 1,500 in steps of 500; dollars: the best plan's highest ($373.78 at
    // 1,500 units) twice over caps the axis at $750 in steps of $250, top first.
    assert!(html.contains(
        r#"<span class="kp-be-x kp-ticks"><span>0</span><span>500</span><span>1,000</span><span>1,500</span></span>"#
    ));
    assert!(html.contains(
        r#"<span class="kp-be-y kp-ticks"><span>$750</span><span>$500</span><span>$250</span><span>$0</span></span>"#
    ));
    // The lines: stretched to the plot, strokes unscaled; one polyline per curve.
    assert!(html.contains(r#"viewBox="0 0 1000 1000" preserveAspectRatio="none""#));
    assert_eq!(html.matches("<polyline").count(), be.curves.len());
    assert_eq!(
        html.matches(r#"vector-effect="non-scaling-stroke""#).count(),
        be.curves.len() + 4
    );
    assert!(html.contains(r#"<polyline class="kp-be-line kp-be-best" points="0,1000 "#));
    // The legend names every line; packages far above the chart say so.
    for c in &be.curves {
        assert!(html.contains(&format!("</span>{}", escape(&c.label))), "{}", c.label);
    }
    assert!(html.contains(r#"Package 1 alone <span class="kp-muted">(above the chart)</span>"#));
    assert!(html.contains(r#"Per use only (Krea) <span class="kp-muted">(partly above the chart)</span>"#));
    // The mix's own volume: a line at a third of the width, its figure, and in the legend.
    assert!(html.contains(r#"<line class="kp-be-you" x1="33.33%" x2="33.33%" y1="0" y2="100%">"#));
    assert!(html.contains(r#"text-anchor="middle">500</text>"#));
    assert!(html.contains("Yours: 500 video units a month</li>"));
    // The change at 70 units, on the best plan's line, and its figure in the legend.
    assert_eq!(be.changes.len(), 1);
    assert_eq!(html.matches(r#"<circle class="kp-be-change" cx="4.67%""#).count(), 1);
    assert!(html.contains("The cheapest way changes at 70</li>"));
    // Nothing a strict Content-Security-Policy would block.
    assert!(!html.contains("style="));
}

#[test]
fn a_picture_with_nothing_to_draw_is_still_named_and_described() {
    let cat = edition("kling-2026").unwrap();
    let be = break_even(cat, &[], &PlanOptions::default()).unwrap();
    let html = chart(&be);
    assert!(html.starts_with(r#"<div class="kp-be" role="img""#));
    assert!(html.contains(r#"id="kp-chart-be-d">No units to plan"#), "{html}");
    assert!(!html.contains("<svg"));
}

#[test]
fn a_quote_name_is_shown_as_text() {
    let opts = PlanOptions {
        quotes: vec![UserPack {
            pool: Pool::Video,
            name: "<img src=x onerror=alert(1)>".into(),
            price: Decimal::from(50),
            units: Decimal::from(1000),
            validity_days: 60,
            concurrency: None,
        }],
        ..PlanOptions::default()
    };
    let be = picture(opts);
    let html = chart(&be);
    assert!(be.curves.iter().any(|c| c.label.starts_with("<img")));
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; alone"));
}
