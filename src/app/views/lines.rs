//! The job-line editors. The list is drawn from `core::form::line_html` when lines are added,
//! removed or moved; afterwards each line writes only the parts of its [`LineView`] that an edit
//! changed, so the box being typed in is never replaced.

use super::{root_el, Root};
use crate::app::state::{AppState, Line};
use crate::app::{dom, effect};
use kling_pricing::Catalog;
use kling_pricing_render::form::{self, LineView, LINE_NUMBERS, LINE_SELECTS};
use leptos::prelude::*;
use web_sys::Element;

/// Keeps the list of line editors in step with `state.lines`.
pub fn lines(state: AppState, root: Root) {
    let cat = state.catalog;
    effect(move || {
        let Some(root) = root_el(root) else { return };
        let lines = state.lines.get();
        let focused = dom::focused_id(&root);
        let total = state.sums.with_untracked(|s| s.total_value);
        let mut html = String::new();
        let mut shown = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            let view = l
                .draft
                .with_untracked(|d| l.priced.with_untracked(|p| LineView::new(cat, d, p)));
            let share = l.priced.with_untracked(|p| form::share_text(p, total));
            html.push_str(&form::line_html(l.id, i, lines.len(), &view, &share));
            shown.push(view);
        }
        dom::set_html(dom::region(&root, "lines"), &html);
        if let Some(id) = focused {
            refocus(&root, &id);
        }
        // Owned by this effect: dropped and made anew when the list changes.
        for (l, view) in lines.into_iter().zip(shown) {
            follow(cat, &root, l, view);
        }
    });
}

/// Keeps every line's share of the total in step: one effect for all lines (an edit moves the
/// total, so every share may move), writing only the shares that changed.
pub fn shares(state: AppState, root: Root) {
    let mut shown: Vec<(u32, String)> = Vec::new();
    effect(move || {
        let total = state.sums.read().total_value;
        let now: Vec<(u32, String)> = state
            .lines
            .read()
            .iter()
            .map(|l| (l.id, l.priced.with(|p| form::share_text(p, total))))
            .collect();
        let Some(root) = root_el(root) else { return };
        for (k, (id, text)) in now.iter().enumerate() {
            if !shown.get(k).is_some_and(|(i, t)| i == id && t == text) {
                if let Some(el) = dom::by_id(&root, &format!("kp-l{id}-share")) {
                    el.set_text_content(Some(text));
                }
            }
        }
        shown = now;
    });
}

/// Puts the focus back after the list was redrawn: on the same control, or its neighbour when a
/// move disabled it (the first line's "Move up"), or "Add a line" when its line was removed, so a
/// keyboard user is never dropped at the top of the page.
fn refocus(root: &Element, id: &str) {
    let mut ids = vec![id.to_string()];
    if let Some(base) = id.strip_suffix("-up") {
        ids.push(format!("{base}-down"));
    } else if let Some(base) = id.strip_suffix("-down") {
        ids.push(format!("{base}-up"));
    }
    if !dom::focus_first(root, &ids) {
        if let Some(add) = dom::find(root, "[data-testid=add-line]") {
            dom::focus(&add);
        }
    }
}

/// Keeps line `line`'s editor in step with its text, starting from `drawn` (what the list showed).
fn follow(cat: &'static Catalog, root: &Element, line: Line, drawn: LineView) {
    let id = line.id;
    let mut last = drawn;
    let el = root.clone();
    effect(move || {
        let now = line.draft.with(|d| line.priced.with(|p| LineView::new(cat, d, p)));
        write_changes(&el, id, &last, &now);
        last = now;
    });
}

/// Writes the parts of line `id`'s editor that differ between `old` and `new`.
fn write_changes(root: &Element, id: u32, old: &LineView, new: &LineView) {
    for (i, (field, _)) in LINE_SELECTS.iter().enumerate() {
        if old.options[i] != new.options[i] {
            if let Some(select) = dom::by_id(root, &form::line_field_id(id, field)) {
                select.set_inner_html(&new.options[i]);
                dom::set_field_hidden(&select, new.options[i].is_empty());
            }
        }
    }
    for (i, (field, ..)) in LINE_NUMBERS.iter().enumerate() {
        let fid = form::line_field_id(id, field);
        if old.shown[i] != new.shown[i] || old.values[i] != new.values[i] {
            if let Some(input) = dom::by_id(root, &fid) {
                dom::set_field_hidden(&input, !new.shown[i]);
                dom::set_value(&input, &new.values[i]);
            }
        }
        if old.messages[i] != new.messages[i] {
            dom::show_message(root, &fid, new.messages[i].as_deref());
        }
    }
    if old.figures != new.figures {
        dom::set_html(dom::by_id(root, &format!("kp-l{id}-fig")), &new.figures);
    }
}
