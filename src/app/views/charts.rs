//! Where the money goes, by line: a bar per priced line, by list value (units of different pools
//! are not comparable, dollars are), on a dollar axis. Each bar follows its own line, so an
//! edit redraws the bar it changes (and every bar's length only when the axis moves).
//!
//! Why HTML rows with an SVG bar each, rather than one SVG: the labels are text laid out by the
//! browser at the page's own size (never scaled down with the drawing), the bars stretch to the
//! column, and a narrow column puts each label above its bar. The chart is one image to
//! assistive technology, named by its title and described in words.

use super::{live, live_view};
use crate::app::state::{AppState, Line};
use kling_pricing::estimate::LineEstimate;
use kling_pricing::format;
use kling_pricing_render::chart::{axis, scale, ticks, TRACK};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The chart's element id, which names its title and description.
const ID: &str = "kp-chart-lines";

/// A priced line's bar: label and note (`index` is the line's place in the mix, from 0).
fn bar_text(index: usize, l: &LineEstimate) -> (String, String) {
    let label = format!("{}. {}", index + 1, l.label);
    let note = format!(
        "{} {} units · {}",
        format::units(l.units),
        l.pool.id(),
        format::usd(l.value)
    );
    (label, note)
}

/// Every priced line's bar text, in order.
fn bars(state: AppState) -> Vec<(String, String)> {
    state.lines.with(|ls| {
        ls.iter()
            .enumerate()
            .filter_map(|(i, l)| {
                l.priced.with(|p| {
                    let e = p.as_ref().ok()?;
                    Some(bar_text(i, e))
                })
            })
            .collect()
    })
}

/// The value-by-line chart.
#[component]
pub fn ValueByLine(state: AppState) -> impl IntoView {
    // The axis and the count of bars: what every bar's length and the frame depend on.
    let frame = Memo::new(move |_| {
        let values: Vec<Decimal> = state.lines.with(|ls| {
            ls.iter()
                .filter_map(|l| l.priced.with(|p| p.as_ref().ok().map(|e| e.value)))
                .collect()
        });
        (axis(values.iter().copied().max().unwrap_or_default()), values.len())
    });
    let description = live(move || {
        let all = bars(state);
        if all.is_empty() {
            return "No priced lines.".to_string();
        }
        all.iter()
            .map(|(l, n)| format!("{l}: {n}"))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let end = Memo::new(move |_| frame.with(|((end, _), _)| *end));
    let none = live_view(move || {
        (frame.with(|f| f.1) == 0).then(|| view! { <p class="kp-muted kp-hbars-none">"Nothing to show yet."</p> })
    });
    let ticks = live_view(move || {
        frame.with(|((end, step), _)| {
            ticks(*end, *step)
                .into_iter()
                .map(|t| view! { <span>{format!("${}", format::units(t))}</span> })
                .collect_view()
        })
    });
    view! {
        <div class="kp-hbars" role="img" aria-labelledby=format!("{ID}-t") aria-describedby=format!("{ID}-d")
            data-n=live(move || frame.with(|f| f.1.to_string())) data-end=live(move || end.get().to_string())>
            <span class="kp-sr" id=format!("{ID}-t")>"List value per month by job line"</span>
            <span class="kp-sr" id=format!("{ID}-d")>{description}</span>
            {none}
            <For each=move || state.lines.get() key=|l| l.id let(line)>
                <LineBar state line end/>
            </For>
            <div class="kp-hbar-axis" aria-hidden="true">
                <span></span>
                <span class="kp-ticks">{ticks}</span>
            </div>
        </div>
    }
}

/// The bar of one line, while it prices: its label (cut by the stylesheet when too long; the
/// whole label is in the tooltip), then the bar, as long as its value on the axis ending at
/// `end`, with its note under it.
#[component]
fn LineBar(state: AppState, line: Line, end: Memo<Decimal>) -> impl IntoView {
    let id = line.id;
    live_view(move || {
        let index = state.lines.with(|ls| ls.iter().position(|l| l.id == id).unwrap_or(0));
        line.priced.with(|p| {
            p.as_ref().ok().map(|e| {
                let (label, note) = bar_text(index, e);
                let w = scale(e.value, end.get(), TRACK);
                let title = format!("{label}: {note}");
                view! {
                    <div class="kp-hbar">
                        <span class="kp-hbar-label" title=title>{label}</span>
                        <span class="kp-hbar-cell">
                            <svg class="kp-hbar-track" viewBox=format!("0 0 {TRACK} 10") preserveAspectRatio="none" aria-hidden="true">
                                <rect width=w height="10" class="kp-bar"></rect>
                            </svg>
                            <span class="kp-hbar-note">{note}</span>
                        </span>
                    </div>
                }
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::{default_catalog, DraftLine};

    /// 400 V2.1 pro clips of 5 s (1,400 units, $196) and 5,000 Kolors images ($70): the axis
    /// ends at $200 in steps of $50, so the bars are 980 and 350 of the track's 1,000.
    #[test]
    fn bars_are_to_scale_on_a_dollar_axis_and_described() {
        let html = crate::app::tests::with_owner(|| {
            let cat = default_catalog();
            let mut video = DraftLine::for_service(cat, "video", 400);
            video.set_model(cat, "v2.1");
            video.set_mode(cat, "pro");
            let mut images = DraftLine::for_service(cat, "text-to-image", 5000);
            images.set_model(cat, "kolors-v2.1");
            let state = AppState::new(cat, vec![video, images], Default::default());
            view! { <ValueByLine state/> }.to_html().replace("<!>", "")
        });
        assert!(html.contains(r#"<rect width="980""#), "{html}");
        assert!(html.contains(r#"<rect width="350""#), "{html}");
        assert!(html.contains("<span>$0</span><span>$50</span><span>$100</span><span>$150</span><span>$200</span>"));
        assert!(html.contains("1. "), "{html}");
        assert!(html.contains("1,400 video units · $196.00"));
        assert_eq!(html.matches("<rect").count(), 2);
        assert!(
            html.contains(r#"data-n="2""#) && html.contains(r#"data-end="200""#),
            "{html}"
        );
    }
}
