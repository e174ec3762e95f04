//! Charts as SVG markup, drawn by the app itself (no chart library).
//!
//! Pure functions from figures to a string: natively testable, and far smaller in the wasm than
//! building the same elements through the view layer. Colours come from CSS custom properties
//! (`--kp-chart-*`), so the charts follow the light and dark themes. Every chart is an
//! `role="img"` with a title and a description that says in words what the bars show.
//!
//! The markup is written with maud, which escapes every spliced value by type. Shapes are
//! written `<rect …></rect>`, as maud has no `/>`: in SVG an explicit end tag makes the same
//! element as a self-closing tag.

use kling_pricing::estimate::{Estimate, LineEstimate};
use kling_pricing::format;
use maud::{html, Markup};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Escapes text for use in SVG/HTML content and attribute values (single-quoted ones too).
///
/// This module's and `report`'s markup is escaped by maud's templates; this is for the markup
/// still built as strings elsewhere (`form`, the app's views).
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

/// Width in user units of a bar of `value` when `max` fills `full`. Geometry only, never shown
/// as a figure, so the conversion to a float here cannot change a displayed number.
fn scale(value: Decimal, max: Decimal, full: u32) -> u32 {
    if max <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let w = (value * Decimal::from(full) / max).round().to_u32().unwrap_or(full);
    w.clamp(1, full)
}

/// A horizontal bar chart. `id` makes the title/description ids unique on the page.
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

/// [`bar_chart`] in pieces that concatenate to it: the `<svg>` start tag, then each child
/// element of the `<svg>` (title, description, one `<g>` per bar or the "nothing" note), then
/// `</svg>`. A page can then replace only the children that changed.
pub fn bar_chart_parts(id: &str, title: &str, description: &str, bars: &[Bar]) -> Vec<String> {
    let height = ROW_H * bars.len().max(1) as u32 + 8;
    let max = bars.iter().map(|b| b.value).max().unwrap_or_default();
    let mut parts = Vec::with_capacity(bars.len() + 4);
    parts.push(svg_start(id, BAR_CHART_W, height));
    parts.push(html! { title id={ (id) "-t" } { (title) } }.into_string());
    parts.push(html! { desc id={ (id) "-d" } { (description) } }.into_string());
    if bars.is_empty() {
        parts.push(html! { text x="0" y="20" class="kp-chart-note" { "Nothing to show yet." } }.into_string());
    }
    for (i, b) in bars.iter().enumerate() {
        parts.push(bar(4 + ROW_H * i as u32, scale(b.value, max, BAR_W), b).into_string());
    }
    parts.push("</svg>".to_string());
    parts
}

/// Width of a bar chart's labels, of its longest bar, and of a row's height, in user units.
const LABEL_W: u32 = 230;
const BAR_W: u32 = 330;
const ROW_H: u32 = 28;
/// The bar chart's width: labels, the longest bar, and room for its note.
const BAR_CHART_W: u32 = LABEL_W + BAR_W + 170;

/// A chart's `<svg>` of `width` × `height` user units, drawn `shown_width` wide, labelled by the
/// `{id}-t` title and `{id}-d` description among its `children`.
fn svg_frame(id: &str, width: u32, height: u32, shown_width: &str, children: Markup) -> Markup {
    html! {
        svg class="kp-chart" viewBox={ "0 0 " (width) " " (height) } width=(shown_width) role="img"
            aria-labelledby={ (id) "-t " (id) "-d" } xmlns="http://www.w3.org/2000/svg" { (children) }
    }
}

/// The start tag of a childless [`svg_frame`]: maud writes whole elements, and
/// [`bar_chart_parts`] hands out the start tag and the children as separate pieces.
fn svg_start(id: &str, width: u32, height: u32) -> String {
    let mut s = svg_frame(id, width, height, "100%", html! {}).into_string();
    s.truncate(s.len() - "</svg>".len());
    s
}

/// One bar's `<g>` at `y`, `w` wide: its label (cut at 34 characters; the full label is in the
/// `<title>` tooltip), the bar and its note.
fn bar(y: u32, w: u32, b: &Bar) -> Markup {
    let label: String = if b.label.chars().count() > 34 {
        b.label.chars().take(33).chain(std::iter::once('…')).collect()
    } else {
        b.label.clone()
    };
    let ty = y + 15;
    html! {
        g {
            title { (b.label) ": " (b.note) }
            text x=(LABEL_W - 8) y=(ty) text-anchor="end" class="kp-chart-label" { (label) }
            rect x=(LABEL_W) y=(y) width=(w) height=(ROW_H - 8) rx="3"
                class=(if b.highlight { "kp-bar kp-bar-hi" } else { "kp-bar" }) {}
            text x=(LABEL_W + w + 6) y=(ty) class="kp-chart-note" { (b.note) }
        }
    }
}

/// Where the money goes: one bar per priced line, by list value (units of different pools are
/// not comparable, dollars are).
pub fn value_by_line(est: &Estimate) -> String {
    let bars: Vec<Bar> = est.lines.iter().map(|l| line_bar(l.index, l)).collect();
    concat(&value_by_line_parts(&bars).0)
}

/// The bar of one priced line in [`value_by_line`]: `index` is the line's place in the mix
/// (from 0). No share of the total here (each line shows its own): an edit then redraws the
/// bars it changes, not every bar.
pub fn line_bar(index: usize, l: &LineEstimate) -> Bar {
    Bar {
        label: format!("{}. {}", index + 1, l.label),
        value: l.value,
        note: format!(
            "{} {} units · {}",
            format::units(l.units),
            l.pool.id(),
            format::usd(l.value),
        ),
        highlight: false,
    }
}

/// [`value_by_line`] of the bars made by [`line_bar`], in the pieces of [`bar_chart_parts`],
/// with the chart's description as plain text (the text of its `<desc>` piece).
pub fn value_by_line_parts(bars: &[Bar]) -> (Vec<String>, String) {
    let mut desc = String::new();
    for b in bars {
        if !desc.is_empty() {
            desc.push_str("; ");
        }
        desc.push_str(&b.label);
        desc.push_str(": ");
        desc.push_str(&b.note);
    }
    if desc.is_empty() {
        desc.push_str("No priced lines.");
    }
    let parts = bar_chart_parts("kp-chart-lines", "List value per month by job line", &desc, bars);
    (parts, desc)
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

/// Height of the balance chart's tallest column, the room above it, a column's width and the
/// gap between columns, in user units.
const COL_H: u32 = 160;
const COL_TOP: u32 = 24;
const COL_W: u32 = 44;
const COL_GAP: u32 = 14;
/// Where the balance chart's columns stand.
const COL_BASE: u32 = COL_TOP + COL_H;

/// Units month by month: what was available (balance + bought), what was used, and what
/// expired unused (marked), as columns.
pub fn balance_over_time(p: &kling_pricing::plan::PoolPlan) -> String {
    let n = p.periods.len().max(1) as u32;
    let width = 50 + n * (COL_W + COL_GAP);
    let max = p
        .periods
        .iter()
        .map(|r| r.start_balance + r.bought)
        .max()
        .unwrap_or_default();
    let id = format!("kp-chart-bal-{}", p.pool.id());
    let desc = p
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
        .collect::<Vec<_>>()
        .join("; ");
    let children = html! {
        title id={ (id) "-t" } { (p.pool_name) " units month by month" }
        desc id={ (id) "-d" } { (desc) }
        line x1="40" y1=(COL_BASE) x2=(width) y2=(COL_BASE) class="kp-chart-axis" {}
        @for (i, r) in p.periods.iter().enumerate() {
            (column(50 + i as u32 * (COL_W + COL_GAP), max, r))
        }
        (legend())
    };
    svg_frame(&id, width, COL_BASE + 40, &width.to_string(), children).into_string()
}

/// One month's column at `x` of [`balance_over_time`], where `max` units fill the height.
fn column(x: u32, max: Decimal, r: &kling_pricing::plan::PeriodRow) -> Markup {
    let avail = r.start_balance + r.bought;
    let h_avail = scale(avail, max, COL_H);
    let h_used = scale(r.used, max, COL_H).min(h_avail);
    let h_forf = scale(r.forfeited, max, COL_H).min(h_avail - h_used);
    let yf = COL_BASE - h_used - h_forf;
    let cx = x + COL_W / 2;
    html! {
        g {
            title {
                "Month " (r.month) ": " (format::units(avail)) " available, " (format::units(r.used))
                " used, " (format::units(r.forfeited)) " forfeited"
            }
            rect x=(x) y=(COL_BASE - h_avail) width=(COL_W) height=(h_avail) class="kp-col-avail" {}
            rect x=(x) y=(COL_BASE - h_used) width=(COL_W) height=(h_used) class="kp-bar" {}
            @if !r.forfeited.is_zero() {
                rect x=(x) y=(yf) width=(COL_W) height=(h_forf) class="kp-col-forfeit" {}
                @let ye = yf.saturating_sub(2);
                line x1=(x) y1=(ye) x2=(x + COL_W) y2=(ye) class="kp-chart-expiry" {}
                text x=(cx) y=(yf.saturating_sub(6).max(10)) text-anchor="middle" class="kp-chart-note" {
                    "✕ " (format::units(r.forfeited))
                }
            }
            text x=(cx) y=(COL_BASE + 16) text-anchor="middle" class="kp-chart-label" { "M" (r.month) }
        }
    }
}

/// The key under [`balance_over_time`]'s columns.
fn legend() -> Markup {
    const LY: u32 = COL_BASE + 26;
    const TY: u32 = COL_BASE + 35;
    html! {
        g class="kp-legend" {
            rect x="40" y=(LY) width="10" height="10" class="kp-bar" {}
            text x="54" y=(TY) class="kp-chart-note" { "used" }
            rect x="100" y=(LY) width="10" height="10" class="kp-col-avail" {}
            text x="114" y=(TY) class="kp-chart-note" { "available" }
            rect x="190" y=(LY) width="10" height="10" class="kp-col-forfeit" {}
            text x="204" y=(TY) class="kp-chart-note" { "forfeited at expiry ✕" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::estimate::estimate_lines;
    use kling_pricing::{default_catalog, JobLine};

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn bars_are_to_scale_and_described() {
        let cat = default_catalog();
        let lines = vec![
            (
                0,
                JobLine {
                    model: Some("v2.1".into()),
                    mode: Some("pro".into()),
                    duration: Some(5),
                    quantity: 400,
                    ..JobLine::new("video")
                },
            ),
            (
                1,
                JobLine {
                    model: Some("kolors-v2.1".into()),
                    quantity: 5000,
                    ..JobLine::new("text-to-image")
                },
            ),
        ];
        let (est, _) = estimate_lines(cat, &lines);
        let svg = value_by_line(&est);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#));
        // $196 is the longest bar (330); $70 is 70/196 of it.
        assert!(svg.contains(r#"width="330""#));
        assert!(svg.contains(r#"width="118""#));
        assert!(svg.contains("1,400 video units · $196.00"));
        assert_eq!(svg.matches("<rect").count(), 2);
    }

    #[test]
    fn line_chart_pieces_make_the_chart() {
        let cat = default_catalog();
        let lines: Vec<(usize, JobLine)> = (0..40)
            .map(|i| {
                let line = JobLine {
                    model: Some("v2.1".into()),
                    mode: Some("pro".into()),
                    duration: Some(5),
                    quantity: 100 + i as u64,
                    ..JobLine::new("video")
                };
                (i, line)
            })
            .collect();
        for n in [0, 1, 40] {
            let (est, _) = estimate_lines(cat, &lines[..n]);
            let bars: Vec<Bar> = est.lines.iter().map(|l| line_bar(l.index, l)).collect();
            let (parts, desc) = value_by_line_parts(&bars);
            assert_eq!(concat(&parts), value_by_line(&est));
            // The start tag, title, description, one piece per bar (or the note), `</svg>`.
            assert_eq!(parts.len(), n.max(1) + 4);
            assert!(parts[0].starts_with("<svg") && parts[parts.len() - 1] == "</svg>");
            assert!(parts[1..parts.len() - 1]
                .iter()
                .all(|p| p.starts_with('<') && !p.contains('\0')));
            assert_eq!(
                parts[2],
                format!(r#"<desc id="kp-chart-lines-d">{}</desc>"#, escape(&desc))
            );
        }
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(Decimal::from(1), Decimal::from(3)), "33.3%");
        assert_eq!(percent(Decimal::from(1), Decimal::ZERO), "–");
        assert_eq!(percent(Decimal::from(2), Decimal::from(2)), "100%");
    }
}
