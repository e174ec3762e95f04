//! The plan's charts as SVG markup (no chart library), made by the planner's module, and the
//! axis arithmetic ([`axis`], [`scale`], [`ticks`]) that the page's own value-by-line chart
//! shares.
//!
//! Pure functions from figures to a string, natively testable. Colours come from CSS custom properties
//! (`--kp-chart-*`), so the charts follow the light and dark themes. Every chart is an
//! `role="img"` with a title and a description that says in words what the bars show.
//!
//! The markup is written with maud, which escapes every spliced value by type. Shapes are
//! written `<rect …></rect>`, as maud has no `/>`: in SVG an explicit end tag makes the same
//! element as a self-closing tag.

use kling_pricing::format;
use maud::{html, Markup};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Escapes text for use in SVG/HTML content and attribute values (single-quoted ones too).
///
/// Every piece of markup this crate makes is escaped by maud's templates; this is the same
/// escaping for tests that build the markup they expect (the page never calls it, so it costs
/// the wasm nothing).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One bar: its label, its value (drawn to scale) and the text shown at its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: Decimal,
    pub note: String,
    /// Draw this bar in the highlight colour (e.g. the best plan).
    pub highlight: bool,
}

/// Length of a bar of `value` on a track of `full` units that ends at `max`. Geometry only,
/// never shown as a figure, so the conversion to an integer here cannot change a displayed
/// number.
pub fn scale(value: Decimal, max: Decimal, full: u32) -> u32 {
    if max <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let w = (value * Decimal::from(full) / max).round().to_u32().unwrap_or(full);
    w.clamp(1, full)
}

/// The end of an axis that holds `max` and its ticks: of the steps 1, 2, 2.5 and 5 × 10ⁿ that
/// reach `max` in at most four steps, the one whose end is closest above `max` (the longest
/// bars), the smaller step on a tie; tick labels are then round figures people read at a glance
/// ($0, $2,000, $4,000, $6,000). `(end, step)`; `(0, 0)` for nothing to show.
pub fn axis(max: Decimal) -> (Decimal, Decimal) {
    // In ten-thousandths, as whole numbers: a cent's hundredth is the finest figure shown, and
    // whole-number arithmetic keeps this small in the page's wasm.
    let scaled = kling_pricing::dec::mul(max, Decimal::from(10_000)).map(|t| t.ceil().to_u128());
    let top = match scaled {
        None => return (max, max),
        Some(None | Some(0)) => return (Decimal::ZERO, Decimal::ZERO),
        Some(Some(t)) => t,
    };
    let mut best = (u128::MAX, 0);
    let mut power: u128 = 1;
    while power <= top.saturating_mul(10) {
        for step in [power, 2 * power, 5 * power / 2, 5 * power] {
            let end = top.div_ceil(step) * step;
            if top.div_ceil(step) <= 4 && (end, step) < best {
                best = (end, step);
            }
        }
        power = power.saturating_mul(10);
    }
    let back = |v: u128| Decimal::try_from_i128_with_scale(i128::try_from(v).ok()?, 4).ok();
    match (back(best.0), back(best.1)) {
        (Some(end), Some(step)) => (end.normalize(), step.normalize()),
        _ => (max, max),
    }
}

/// The tick values of [`axis`]: 0, step, … end.
pub fn ticks(end: Decimal, step: Decimal) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO];
    while step > Decimal::ZERO && *out.last().unwrap_or(&end) < end {
        out.push(out.last().copied().unwrap_or_default() + step);
    }
    out
}

/// A horizontal bar chart in dollars. `id` makes the title/description ids unique on the page.
pub fn bar_chart(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    concat(&bar_chart_parts(id, title, description, bars))
}

/// The pieces of a chart joined into its markup.
pub fn concat(parts: &[String]) -> String {
    let mut s = String::with_capacity(parts.iter().map(String::len).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Bars are drawn on a track this many units long (each bar's own SVG stretches it to the
/// column's width).
pub const TRACK: u32 = 1000;

/// [`bar_chart`] in pieces that concatenate to it: the chart's start tag (which names the bar
/// count and the axis, so a change of either changes it), then each child element (title,
/// description, one row per bar or the "nothing" note, the dollar axis), then the end tag. A
/// page can then replace only the children that changed.
///
/// Why HTML rows with an SVG bar each, rather than one SVG: the labels are text laid out by the
/// browser at the page's own size (never scaled down with the drawing), the bars stretch to
/// the column, and a narrow column puts each label above its bar. The chart is one image to
/// assistive technology, named by its title and described in words.
pub fn bar_chart_parts(id: &str, title: &str, description: &str, bars: &[Bar]) -> Vec<String> {
    let (end, step) = axis(bars.iter().map(|b| b.value).max().unwrap_or_default());
    let mut parts = Vec::with_capacity(bars.len() + 5);
    let start = html! {
        div class="kp-hbars" role="img" aria-labelledby={ (id) "-t" } aria-describedby={ (id) "-d" }
            data-n=(bars.len()) data-end=(end) {}
    };
    let mut start = start.into_string();
    start.truncate(start.len() - "</div>".len());
    parts.push(start);
    parts.push(html! { span.kp-sr id={ (id) "-t" } { (title) } }.into_string());
    parts.push(html! { span.kp-sr id={ (id) "-d" } { (description) } }.into_string());
    if bars.is_empty() {
        parts.push(html! { p.kp-muted.kp-hbars-none { "Nothing to show yet." } }.into_string());
    }
    for b in bars {
        parts.push(bar(scale(b.value, end, TRACK), b).into_string());
    }
    parts.push(dollar_axis(end, step).into_string());
    parts.push("</div>".to_string());
    parts
}

/// One bar's row: its label (cut by the stylesheet when too long; the whole label is in the
/// tooltip), then the bar, `w` of [`TRACK`] long, with its note under it (the bar keeps the
/// column's whole width, however long the note).
fn bar(w: u32, b: &Bar) -> Markup {
    html! {
        div.kp-hbar {
            span.kp-hbar-label title={ (b.label) ": " (b.note) } { (b.label) }
            span.kp-hbar-cell {
                svg.kp-hbar-track viewBox={ "0 0 " (TRACK) " 10" } preserveAspectRatio="none" aria-hidden="true" {
                    rect width=(w) height="10" class=(if b.highlight { "kp-bar kp-bar-hi" } else { "kp-bar" }) {}
                }
                span.kp-hbar-note { (b.note) }
            }
        }
    }
}

/// The dollar ticks under the bars: round figures from $0 to the axis' end, spread evenly over
/// the track.
fn dollar_axis(end: Decimal, step: Decimal) -> Markup {
    html! {
        div.kp-hbar-axis aria-hidden="true" {
            span {}
            span.kp-ticks { @for t in ticks(end, step) { span { "$" (format::units(t)) } } }
        }
    }
}

/// `part` as a whole-number percentage of `whole` ("–" when the whole is zero).
pub fn percent(part: Decimal, whole: Decimal) -> String {
    if whole.is_zero() {
        return "–".into();
    }
    let p = (part * Decimal::ONE_HUNDRED / whole).round_dp(1).normalize();
    format!("{p}%")
}

/// The two charts of every pool the plan buys for: what each way of buying costs, and the
/// balance month by month. Empty when the plan buys nothing.
pub fn plan_charts_html(plan: &kling_pricing::plan::PlanResult) -> String {
    let planned = plan
        .pools
        .iter()
        .filter(|pp| pp.outcome == kling_pricing::plan::PoolOutcome::Planned && !pp.purchases.is_empty());
    html! {
        @for pp in planned {
            // The two SVGs are our own maud output, returned as text by their public builders.
            figure.kp-figure data-testid={ "chart-plans-" (pp.pool.id()) } {
                figcaption { (pp.pool_name) ": what each plan costs" }
                (maud::PreEscaped(plan_costs(pp)))
            }
            figure.kp-figure data-testid={ "chart-balance-" (pp.pool.id()) } {
                figcaption { (pp.pool_name) ": units month by month, with expiries" }
                (maud::PreEscaped(balance_over_time(pp)))
            }
        }
    }
    .into_string()
}

/// What each way to buy the whole mix costs over the horizon (the plan's comparison rows that can
/// serve it: per use only at each seller, packs only, the best plan, highlighted).
pub fn comparison_chart(plan: &kling_pricing::plan::PlanResult) -> String {
    let bars: Vec<Bar> = plan
        .comparison
        .iter()
        .filter_map(|r| {
            let cost = r.total_cost?;
            Some(Bar {
                label: r.label.clone(),
                value: cost,
                note: format::usd(cost),
                highlight: r.kind == kling_pricing::plan::ComparisonKind::Best,
            })
        })
        .collect();
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.note))
        .collect::<Vec<_>>()
        .join("; ");
    bar_chart(
        "kp-chart-compare",
        "Ways to buy the mix compared by total cost",
        &desc,
        &bars,
    )
}

/// What each plan costs: the best plan and its feasible alternatives, cheapest first.
pub fn plan_costs(p: &kling_pricing::plan::PoolPlan) -> String {
    let mut bars = vec![Bar {
        label: "Best plan".into(),
        value: p.total_cost,
        note: format!(
            "{} · forfeits {} units",
            format::usd(p.total_cost),
            format::units(p.forfeited_units)
        ),
        highlight: true,
    }];
    for a in p.alternatives.iter().filter(|a| a.feasible) {
        let cost = a.total_cost.unwrap_or_default();
        bars.push(Bar {
            label: a.label.clone(),
            value: cost,
            note: format!(
                "{} · forfeits {} units",
                format::usd(cost),
                format::units(a.forfeited_units.unwrap_or_default())
            ),
            highlight: false,
        });
    }
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.note))
        .collect::<Vec<_>>()
        .join("; ");
    let id = format!("kp-chart-alt-{}", p.pool.id());
    bar_chart(
        &id,
        &format!("{} plans compared by total cost", p.pool_name),
        &desc,
        &bars,
    )
}

/// The height of the balance chart's columns in drawing units (each column's SVG stretches it
/// to the plot's height, set by the stylesheet).
const COL_H: u32 = 1000;

/// More months than this and the columns are too narrow for a figure above each: the forfeit
/// marker stays (the legend explains it) and the figure moves to the column's tooltip.
const MARKED_MONTHS: usize = 12;

/// Units month by month: what was available (balance + bought), what was used, and what
/// expired unused (marked, with its figure), as columns on a units axis, with a legend.
///
/// HTML columns with an SVG each, for the reasons given at [`bar_chart_parts`]: the month
/// labels, the axis and the figures stay at the page's text size at any width, and the columns
/// share the width of the plot.
pub fn balance_over_time(p: &kling_pricing::plan::PoolPlan) -> String {
    let max = p
        .periods
        .iter()
        .map(|r| r.start_balance + r.bought)
        .max()
        .unwrap_or_default();
    let (end, step) = axis(max);
    let id = format!("kp-chart-bal-{}", p.pool.id());
    let every = p.periods.len().div_ceil(MARKED_MONTHS).max(1);
    let marked = p.periods.len() <= MARKED_MONTHS;
    let mut tick_values = ticks(end, step);
    tick_values.reverse();
    html! {
        div.kp-cols role="img" aria-labelledby={ (id) "-t" } aria-describedby={ (id) "-d" } {
            span.kp-sr id={ (id) "-t" } { (p.pool_name) " units month by month" }
            span.kp-sr id={ (id) "-d" } { (balance_description(p)) }
            div.kp-cols-body {
                span.kp-cols-axis aria-hidden="true" {
                    span {} span.kp-ticks { @for t in &tick_values { span { (format::units(*t)) } } } span {}
                }
                div.kp-cols-plot {
                    @for (i, r) in p.periods.iter().enumerate() {
                        (column(end, r, marked, i % every == 0))
                    }
                }
            }
            (legend())
        }
    }
    .into_string()
}

/// The balance chart's description: each month's figures in words.
fn balance_description(p: &kling_pricing::plan::PoolPlan) -> String {
    let months: Vec<String> = p
        .periods
        .iter()
        .map(|r| {
            format!(
                "month {}: {} available, {} used, {} forfeited, {} left",
                r.month,
                format::units(r.start_balance + r.bought),
                format::units(r.used),
                format::units(r.forfeited),
                format::units(r.end_balance)
            )
        })
        .collect();
    months.join("; ")
}

/// One month's column of [`balance_over_time`] on an axis ending at `end`: available, used and
/// forfeited units stacked, an expiry line over what was forfeited, the forfeited figure above
/// when `marked`, and the month's name below when `named`.
fn column(end: Decimal, r: &kling_pricing::plan::PeriodRow, marked: bool, named: bool) -> Markup {
    let avail = r.start_balance + r.bought;
    let h_avail = scale(avail, end, COL_H);
    let h_used = scale(r.used, end, COL_H).min(h_avail);
    let h_forf = scale(r.forfeited, end, COL_H).min(h_avail - h_used);
    let yf = COL_H - h_used - h_forf;
    let forfeits = !r.forfeited.is_zero();
    html! {
        div.kp-col title={
            "Month " (r.month) ": " (format::units(avail)) " available, " (format::units(r.used))
            " used, " (format::units(r.forfeited)) " forfeited"
        } {
            span.kp-col-mark { @if forfeits && marked { "✕ " (format::units(r.forfeited)) } }
            svg.kp-col-bars viewBox={ "0 0 10 " (COL_H) } preserveAspectRatio="none" aria-hidden="true" {
                rect y=(COL_H - h_avail) width="10" height=(h_avail) class="kp-col-avail" {}
                rect y=(COL_H - h_used) width="10" height=(h_used) class="kp-bar" {}
                @if forfeits {
                    rect y=(yf) width="10" height=(h_forf) class="kp-col-forfeit" {}
                    line x1="0" y1=(yf) x2="10" y2=(yf) class="kp-chart-expiry" vector-effect="non-scaling-stroke" {}
                }
            }
            span.kp-col-label { @if named { "M" (r.month) } }
        }
    }
}

/// The key under [`balance_over_time`]'s columns.
fn legend() -> Markup {
    html! {
        ul.kp-legend aria-hidden="true" {
            li { span.kp-swatch.kp-sw-used {} "used" }
            li { span.kp-swatch.kp-sw-avail {} "available, not used yet" }
            li { span.kp-swatch.kp-sw-forfeit {} "✕ forfeited: expired unused (dashed line: the expiry)" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::default_catalog;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn axes_end_on_a_round_figure_in_at_most_four_steps() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (max, end, step) in [
            ("4200", "5000", "2500"),
            ("6720", "7500", "2500"),
            ("196", "200", "50"),
            ("0.0035", "0.004", "0.001"),
            ("1", "1", "0.25"),
            ("30000", "30000", "10000"),
            ("45060", "50000", "25000"),
        ] {
            assert_eq!(axis(d(max)), (d(end), d(step)), "{max}");
        }
        assert_eq!(axis(Decimal::ZERO), (Decimal::ZERO, Decimal::ZERO));
        assert_eq!(ticks(d("7500"), d("2500")), [d("0"), d("2500"), d("5000"), d("7500")]);
        assert_eq!(
            axis(Decimal::MAX).0,
            Decimal::MAX,
            "no overflow at the top of the range"
        );
        assert!(axis(Decimal::MAX / Decimal::from(100_000)).0 > Decimal::ZERO);
    }

    /// The video pool's plan for `units` a month over `months` (seed-2025's packages).
    fn video_plan(units: i64, months: u32) -> kling_pricing::plan::PoolPlan {
        let options = kling_pricing::plan::PlanOptions {
            horizon_months: months,
            ..Default::default()
        };
        let units = [(kling_pricing::Pool::Video, Decimal::from(units))];
        let plan = kling_pricing::plan::plan(default_catalog(), &units, &options).unwrap();
        plan.pools.into_iter().next().unwrap()
    }

    /// The balance chart names every month, marks what expired unused with its figure and the
    /// expiry, states it all in words, and explains its marks in a legend; with many months it
    /// names every few and keeps each figure for the tooltip.
    #[test]
    fn the_balance_chart_marks_forfeits_and_names_months() {
        // 9,000 units a month for 3 months: Package 1's 30,000 units leave 3,000 at its expiry.
        let html = balance_over_time(&video_plan(9000, 3));
        assert!(html.starts_with(r#"<div class="kp-cols" role="img""#));
        assert!(html.contains(r#"<span class="kp-col-mark">✕ 3,000</span>"#), "{html}");
        assert_eq!(html.matches(r#"class="kp-chart-expiry""#).count(), 1);
        for m in ["M1", "M2", "M3"] {
            assert!(
                html.contains(&format!(r#"<span class="kp-col-label">{m}</span>"#)),
                "{m}"
            );
        }
        assert!(html.contains("month 3: 12,000 available, 9,000 used, 3,000 forfeited, 0 left"));
        assert!(html.contains(r#"<ul class="kp-legend" aria-hidden="true">"#));
        assert!(html.contains("<span>30,000</span>"), "the units axis ends at 30,000");
        let long = balance_over_time(&video_plan(9000, 36));
        assert_eq!(long.matches(r#"class="kp-col""#).count(), 36);
        assert!(
            long.contains(">M4</span>") && !long.contains(">M2</span>"),
            "every third month named"
        );
        assert!(
            !long.contains(r#"<span class="kp-col-mark">✕"#),
            "no figure over 36 narrow columns"
        );
        assert!(long.contains(" forfeited\""), "the figures stay in the tooltips");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(Decimal::from(1), Decimal::from(3)), "33.3%");
        assert_eq!(percent(Decimal::from(1), Decimal::ZERO), "–");
        assert_eq!(percent(Decimal::from(2), Decimal::from(2)), "100%");
    }
}
