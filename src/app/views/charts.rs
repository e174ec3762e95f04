//! Where the money goes, by line: the SVG from `chart` (render crate), redrawn bar by bar, once per
//! frame.

use super::{root_el, Root};
use crate::app::state::AppState;
use crate::app::{dom, effect};
use kling_pricing_render::chart;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Keeps the value-by-line chart in step with the lines. It is drawn in the next animation
/// frame, after the figures a keystroke changes (on a 100-line mix drawing it took about half
/// of a keystroke's update), and at most once per frame however many edits arrive.
pub fn value_by_line(state: AppState, root: Root) {
    let pending = Rc::new(Cell::new(false));
    let last = Rc::new(RefCell::new(None));
    effect(move || {
        // Subscribe to what the chart shows; the drawing reads it when the frame comes.
        state.lines.with(|ls| ls.iter().for_each(|l| l.priced.track()));
        if root.get().is_none() || pending.replace(true) {
            return;
        }
        let (pending, last) = (pending.clone(), last.clone());
        request_animation_frame(move || {
            pending.set(false);
            if state.is_live() {
                draw(state, root, &mut last.borrow_mut());
            }
        });
    });
}

/// Draws the chart. The markup comes in the pieces of [`chart::bar_chart_parts`]: when the
/// frame (the first piece: bar count and axis) is unchanged, only the children of the chart
/// whose piece changed are re-parsed (the description is set as text), so an edit that moves
/// one bar does not rebuild a hundred. The element ends up as if the whole markup had been set.
fn draw(state: AppState, root: Root, last: &mut Option<Vec<String>>) {
    let bars: Vec<_> = state.lines.with_untracked(|ls| {
        ls.iter()
            .enumerate()
            .filter_map(|(i, l)| {
                l.priced
                    .with_untracked(|p| p.as_ref().ok().map(|e| chart::line_bar(i, e)))
            })
            .collect()
    });
    let (now, desc) = chart::value_by_line_parts(&bars);
    let Some(host) = root_el(root).and_then(|r| dom::region(&r, "chart-lines")) else {
        return;
    };
    let chart = host.first_element_child();
    match (last.take(), chart) {
        (Some(last), Some(chart)) if last.len() == now.len() && last.first() == now.first() => {
            // Pieces 1.. are the chart element's children in order; the last is its end tag.
            let mut child = chart.first_element_child();
            for (i, (o, n)) in last[1..].iter().zip(&now[1..now.len() - 1]).enumerate() {
                let Some(c) = child else { break };
                child = c.next_element_sibling();
                if o != n {
                    // The second child is the description: one text node, no markup.
                    if i == 1 {
                        c.set_text_content(Some(&desc));
                    } else {
                        c.set_outer_html(n);
                    }
                }
            }
        }
        _ => host.set_inner_html(&chart::concat(&now)),
    }
    *last = Some(now);
}
