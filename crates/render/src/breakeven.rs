//! The break-even chart: what the mix costs over the horizon against its monthly volume, one line
//! per way of buying, from [`kling_pricing::breakeven::break_even`].
//!
//! HTML with SVG drawings, like the charts in [`crate::chart`], so that every figure is text at
//! the page's own size: the lines are one SVG stretched to the plot (`preserveAspectRatio="none"`,
//! strokes `vector-effect="non-scaling-stroke"`); the mix's own volume, its figure and the
//! change points are a second SVG over it drawn in percentages, so its text and circles keep
//! their shape; the axes' round-figure ticks ([`crate::chart::axis`]) and the legend are HTML.
//! No inline style, so it renders under a strict Content-Security-Policy. The chart is one image
//! to assistive technology, named by its title and described by the picture's words, which are
//! also shown under it.

use crate::chart::{axis, ticks};
use kling_pricing::breakeven::{BreakEven, Curve, CurveKind};
use kling_pricing::{dec, format};
use maud::{html, Markup};
use rust_decimal::Decimal;

/// The plot's drawing units, both ways (the SVG stretches them to the plot's box).
const SIZE: i64 = 1000;
/// Line colours: non-best curves take `kp-be-c0` … `kp-be-c7` in turn.
const COLOURS: usize = 8;
/// The dollar axis holds at most this many times the best plan's highest cost, so the best
/// plan is not squashed flat by a package that costs far more; lines above are cut at the top
/// and the legend says so.
const HEADROOM: i64 = 2;

// The chart's title and description ids are `kp-chart-be-t` and `kp-chart-be-d`, written out
// in the markup below (a literal costs nothing at run time; an interpolated constant is escaped
// and copied on every draw), as are the drawing's 1000 units ([`SIZE`]).

/// What the break-even region says while the picture is being worked out.
pub fn drawing_html() -> String {
    html! { p class="kp-muted" data-testid="breakeven-drawing" { "Working out the break-even picture…" } }.into_string()
}

/// The break-even chart of `be`, as HTML.
pub fn chart(be: &BreakEven) -> String {
    let title = format!("Cost over {} against {}", months(be.horizon_months), volume_words(be));
    let shown: Vec<&Curve> = be
        .curves
        .iter()
        .filter(|c| c.costs.iter().any(Option::is_some))
        .collect();
    if be.points.is_empty() || shown.is_empty() {
        return html! {
            div.kp-be role="img" aria-labelledby="kp-chart-be-t" aria-describedby="kp-chart-be-d" {
                span.kp-sr id="kp-chart-be-t" { (title) }
                p.kp-muted.kp-be-words id="kp-chart-be-d" { (be.description) }
            }
        }
        .into_string();
    }
    let (top, step) = dollar_axis(be);
    let (x_end, x_step) = axis(be.end);
    let mut y_ticks = ticks(top, step);
    y_ticks.reverse();
    html! {
        div.kp-be role="img" aria-labelledby="kp-chart-be-t" aria-describedby="kp-chart-be-d" {
            span.kp-sr id="kp-chart-be-t" { (title) }
            div.kp-be-body aria-hidden="true" {
                span.kp-be-y.kp-ticks { @for t in &y_ticks { span { "$" (format::units(*t)) } } }
                div.kp-be-plot {
                    svg.kp-be-lines viewBox="0 0 1000 1000" preserveAspectRatio="none" {
                        @for t in &y_ticks {
                            @let y = y_of(*t, top);
                            line.kp-be-grid x1="0" x2="1000" y1=(y) y2=(y) vector-effect="non-scaling-stroke" {}
                        }
                        @for (i, c) in shown.iter().enumerate().rev() {
                            @for pts in segments(be, c, x_end, top) {
                                polyline class=(line_class(i, c)) points=(pts) vector-effect="non-scaling-stroke" {}
                            }
                        }
                    }
                    (marks(be, x_end, top))
                }
                span {}
                span.kp-be-x.kp-ticks { @for t in ticks(x_end, x_step) { span { (format::units(t)) } } }
                span {}
                span.kp-be-xlabel { (volume_words(be)) }
            }
            (legend(be, &shown, top))
            p.kp-be-words id="kp-chart-be-d" { (be.description) }
        }
    }
    .into_string()
}

/// "3 months", "1 month".
fn months(n: u32) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{n} months")
    }
}

/// "video units a month".
fn volume_words(be: &BreakEven) -> String {
    format!("{} units a month", be.pool_name.to_ascii_lowercase())
}

/// The dollar axis: round figures up to the highest cost shown, at most [`HEADROOM`] × the
/// best plan's highest.
fn dollar_axis(be: &BreakEven) -> (Decimal, Decimal) {
    let max_of = |c: &Curve| c.costs.iter().flatten().copied().max();
    let all = be.curves.iter().filter_map(max_of).max().unwrap_or_default();
    let best = be
        .curves
        .iter()
        .find(|c| c.kind == CurveKind::Best)
        .and_then(max_of)
        .unwrap_or_default();
    let cap = dec::mul(best, Decimal::from(HEADROOM)).unwrap_or(Decimal::MAX);
    let shown = if best > Decimal::ZERO { all.min(cap) } else { all };
    match axis(shown) {
        (end, step) if end > Decimal::ZERO => (end, step),
        _ => (Decimal::ONE, Decimal::ONE),
    }
}

/// `value` on a scale whose `end` is [`SIZE`] drawing units, to a tenth (geometry only, never a
/// figure shown).
fn scaled(value: Decimal, end: Decimal) -> Decimal {
    if end <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    dec::mul(value, Decimal::from(SIZE))
        .and_then(|v| dec::div(v, end))
        .unwrap_or(Decimal::from(SIZE * 10))
        .round_dp(1)
}

/// The drawing's y of `cost` on an axis ending at `top` (0 at the top), kept just above the
/// plot when the cost is above it.
fn y_of(cost: Decimal, top: Decimal) -> Decimal {
    (Decimal::from(SIZE) - scaled(cost, top))
        .max(Decimal::from(-10))
        .normalize()
}

/// `curve`'s points as polyline `points` lists, one per run of volumes where it serves the mix.
fn segments(be: &BreakEven, curve: &Curve, x_end: Decimal, top: Decimal) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for (p, cost) in be.points.iter().zip(&curve.costs) {
        match cost {
            Some(c) => {
                if !run.is_empty() {
                    run.push(' ');
                }
                let x = scaled(p.volume, x_end).normalize();
                run.push_str(&format!("{x},{}", y_of(*c, top)));
            }
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// The classes of the `i`-th curve shown (the best plan is first).
fn line_class(i: usize, c: &Curve) -> String {
    match c.kind {
        CurveKind::Best => "kp-be-line kp-be-best".to_string(),
        CurveKind::PerUse => format!("kp-be-line kp-be-peruse kp-be-c{}", (i + COLOURS - 1) % COLOURS),
        CurveKind::Package => format!("kp-be-line kp-be-pkg kp-be-c{}", (i + COLOURS - 1) % COLOURS),
    }
}

/// A share of the plot as a percentage for SVG coordinates ("33.2%").
fn percent(value: Decimal, end: Decimal) -> String {
    let p = scaled(value, end) / Decimal::TEN;
    format!("{}%", p.round_dp(2).normalize())
}

/// The mix's own volume (a vertical line and its figure) and the change points on the best
/// plan's line, over the plot, in percentages so the text and circles keep their shape.
fn marks(be: &BreakEven, x_end: Decimal, top: Decimal) -> Markup {
    let x = percent(be.volume, x_end);
    let share = scaled(be.volume, x_end);
    let anchor = if share < Decimal::from(150) {
        "start"
    } else if share > Decimal::from(850) {
        "end"
    } else {
        "middle"
    };
    html! {
        svg.kp-be-marks {
            line.kp-be-you x1=(x) x2=(x) y1="0" y2="100%" {}
            text.kp-be-you-label x=(x) y="0" dy="1em" text-anchor=(anchor) { (format::units(be.volume)) }
            @for c in &be.changes {
                @if let Some(cost) = c.cost {
                    @let y = Decimal::from(SIZE) - scaled(cost, top);
                    @if y >= Decimal::ZERO {
                        circle.kp-be-change cx=(percent(c.volume, x_end)) cy=(percent(y, Decimal::from(SIZE))) r="4" {}
                    }
                }
            }
        }
    }
}

/// The key: each line, the mix's volume and the change points with their figures.
fn legend(be: &BreakEven, shown: &[&Curve], top: Decimal) -> Markup {
    html! {
        ul.kp-legend.kp-be-legend aria-hidden="true" {
            @for (i, c) in shown.iter().enumerate() {
                li {
                    span class={ "kp-be-key " (line_class(i, c)) } {}
                    (c.label)
                    @if let Some(note) = above(c, top) { " " span.kp-muted { (note) } }
                }
            }
            li {
                span.kp-be-key.kp-be-you-key {}
                "Yours: " (format::units(be.volume)) " " (volume_words(be))
            }
            @if !be.changes.is_empty() {
                li {
                    span.kp-be-key.kp-be-change-key {}
                    "The cheapest way changes at "
                    @for (i, c) in be.changes.iter().enumerate() {
                        @if i > 0 { ", " }
                        @if !c.located() { (format::units(c.last_before + Decimal::ONE)) "–" }
                        (format::units(c.volume))
                    }
                }
            }
        }
    }
}

/// "(above the chart)" or "(partly above the chart)" for a curve cut at the top.
fn above(c: &Curve, top: Decimal) -> Option<&'static str> {
    let (mut drawn, mut over) = (0, 0);
    for v in c.costs.iter().flatten().filter(|v| !v.is_zero()) {
        drawn += 1;
        over += usize::from(*v > top);
    }
    if over == 0 {
        None
    } else if over == drawn {
        Some("(above the chart)")
    } else {
        Some("(partly above the chart)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawing_units_and_percentages() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(scaled(d("500"), d("1500")), d("333.3"));
        assert_eq!(percent(d("500"), d("1500")), "33.33%");
        assert_eq!(y_of(d("0"), d("750")), d("1000"));
        assert_eq!(y_of(d("750"), d("750")), d("0"));
        assert_eq!(y_of(d("7500"), d("750")), d("-10"), "kept just above the plot");
        assert_eq!(scaled(d("1"), Decimal::ZERO), Decimal::ZERO);
    }
}
