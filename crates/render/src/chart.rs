//! Charts as SVG markup, drawn by the app itself (no chart library).
//!
//! Pure functions from figures to a string: natively testable, and far smaller in the wasm than
//! building the same elements through the view layer. Colours come from CSS custom properties
//! (`--kp-chart-*`), so the charts follow the light and dark themes. Every chart is an
//! `role="img"` with a title and a description that says in words what the bars show.

use kling_pricing::estimate::{Estimate, LineEstimate};
use kling_pricing::format;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Escapes text for use in SVG/HTML content and attribute values.
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
    const LABEL_W: u32 = 230;
    const BAR_W: u32 = 330;
    const ROW_H: u32 = 28;
    let width = LABEL_W + BAR_W + 170;
    let height = ROW_H * bars.len().max(1) as u32 + 8;
    let max = bars.iter().map(|b| b.value).max().unwrap_or_default();
    let id = escape(id);
    let mut parts = Vec::with_capacity(bars.len() + 4);
    parts.push(format!(
        r#"<svg class="kp-chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg">"#
    ));
    parts.push(format!(r#"<title id="{id}-t">{}</title>"#, escape(title)));
    parts.push(format!(r#"<desc id="{id}-d">{}</desc>"#, escape(description)));
    if bars.is_empty() {
        parts.push(r#"<text x="0" y="20" class="kp-chart-note">Nothing to show yet.</text>"#.to_string());
    }
    for (i, b) in bars.iter().enumerate() {
        let y = 4 + ROW_H * i as u32;
        let w = scale(b.value, max, BAR_W);
        let class = if b.highlight { "kp-bar kp-bar-hi" } else { "kp-bar" };
        let label: String = if b.label.chars().count() > 34 {
            b.label.chars().take(33).chain(std::iter::once('…')).collect()
        } else {
            b.label.clone()
        };
        parts.push(format!(
            r#"<g><title>{full}: {note}</title><text x="{lx}" y="{ty}" text-anchor="end" class="kp-chart-label">{label}</text><rect x="{LABEL_W}" y="{y}" width="{w}" height="{bh}" rx="3" class="{class}"/><text x="{nx}" y="{ty}" class="kp-chart-note">{note}</text></g>"#,
            full = escape(&b.label),
            note = escape(&b.note),
            lx = LABEL_W - 8,
            ty = y + 15,
            label = escape(&label),
            bh = ROW_H - 8,
            nx = LABEL_W + w + 6,
        ));
    }
    parts.push("</svg>".to_string());
    parts
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

/// Units month by month: what was available (balance + bought), what was used, and what
/// expired unused (marked), as columns.
pub fn balance_over_time(p: &kling_pricing::plan::PoolPlan) -> String {
    const H: u32 = 160;
    const TOP: u32 = 24;
    const COL: u32 = 44;
    const GAP: u32 = 14;
    let n = p.periods.len().max(1) as u32;
    let width = 50 + n * (COL + GAP);
    let height = TOP + H + 40;
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
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="kp-chart" viewBox="0 0 {width} {height}" width="{width}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{} units month by month</title><desc id="{id}-d">{}</desc>"#,
        escape(p.pool_name),
        escape(&desc)
    );
    let base = TOP + H;
    let _ = write!(
        s,
        r#"<line x1="40" y1="{base}" x2="{width}" y2="{base}" class="kp-chart-axis"/>"#
    );
    for (i, r) in p.periods.iter().enumerate() {
        let x = 50 + i as u32 * (COL + GAP);
        let avail = r.start_balance + r.bought;
        let h_avail = scale(avail, max, H);
        let h_used = scale(r.used, max, H).min(h_avail);
        let h_forf = scale(r.forfeited, max, H).min(h_avail - h_used);
        let _ = write!(
            s,
            r#"<g><title>Month {m}: {a} available, {u} used, {f} forfeited</title><rect x="{x}" y="{ya}" width="{COL}" height="{h_avail}" class="kp-col-avail"/><rect x="{x}" y="{yu}" width="{COL}" height="{h_used}" class="kp-bar"/>"#,
            m = r.month,
            a = format::units(avail),
            u = format::units(r.used),
            f = format::units(r.forfeited),
            ya = base - h_avail,
            yu = base - h_used,
        );
        if !r.forfeited.is_zero() {
            let yf = base - h_used - h_forf;
            let _ = write!(
                s,
                r#"<rect x="{x}" y="{yf}" width="{COL}" height="{h_forf}" class="kp-col-forfeit"/><line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" class="kp-chart-expiry"/><text x="{cx}" y="{ty}" text-anchor="middle" class="kp-chart-note">✕ {f}</text>"#,
                y = yf.saturating_sub(2),
                x2 = x + COL,
                cx = x + COL / 2,
                ty = yf.saturating_sub(6).max(10),
                f = format::units(r.forfeited),
            );
        }
        let _ = write!(
            s,
            r#"<text x="{cx}" y="{ly}" text-anchor="middle" class="kp-chart-label">M{m}</text></g>"#,
            cx = x + COL / 2,
            ly = base + 16,
            m = r.month
        );
    }
    let _ = write!(
        s,
        r#"<g class="kp-legend"><rect x="40" y="{ly}" width="10" height="10" class="kp-bar"/><text x="54" y="{ty}" class="kp-chart-note">used</text><rect x="100" y="{ly}" width="10" height="10" class="kp-col-avail"/><text x="114" y="{ty}" class="kp-chart-note">available</text><rect x="190" y="{ly}" width="10" height="10" class="kp-col-forfeit"/><text x="204" y="{ty}" class="kp-chart-note">forfeited at expiry ✕</text></g></svg>"#,
        ly = base + 26,
        ty = base + 35
    );
    s
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
