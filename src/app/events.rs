//! The calculator's two event listeners, on its root: every control reports through them
//! (events bubble), so no element carries a handler of its own. Each turns an event into one
//! change of the state; the views do the rest.

use super::browser;
use super::dom;
use super::state::AppState;
use super::views::{root_el, Root};
use kling_pricing_render::form;
use leptos::prelude::*;

/// A box was typed in, a choice picked or a box ticked (`input` fires for all three).
pub fn on_input(state: AppState, theme: RwSignal<String>, ev: web_sys::Event) {
    let Some(el) = dom::target(&ev) else { return };
    let key = el.get_attribute("data-testid").unwrap_or_default();
    if let Some((line, field)) = form::parse_line_field_id(&el.id()) {
        state.edit_line(line, field, event_target_value(&ev));
    } else if key == "theme" {
        theme.set(event_target_value(&ev));
    } else if key == "trials-used" {
        state.options.update(|o| o.trials_used = event_target_checked(&ev));
    } else {
        let value = event_target_value(&ev);
        state.options.maybe_update(|o| match form::setting_mut(o, &key) {
            Some(field) => {
                *field = value;
                true
            }
            None => false,
        });
    }
}

/// A button was pressed (by pointer or keyboard).
pub fn on_click(state: AppState, root: Root, ev: web_sys::MouseEvent) {
    let Some(button) = dom::target(&ev).and_then(|t| t.closest("button").ok().flatten()) else {
        return;
    };
    let line = || {
        let li = button.closest("li").ok().flatten()?;
        li.id().strip_prefix("kp-l")?.parse::<u32>().ok()
    };
    match button.get_attribute("data-testid").as_deref().unwrap_or_default() {
        "add-line" => state.add_line(),
        "clear" => state.clear(),
        "remove-line" => line().into_iter().for_each(|id| state.remove_line(id)),
        "duplicate-line" => line().into_iter().for_each(|id| state.duplicate_line(id)),
        "move-up" => line().into_iter().for_each(|id| state.move_line(id, -1)),
        "move-down" => line().into_iter().for_each(|id| state.move_line(id, 1)),
        "export-csv" => browser::export(state, false),
        "export-json" => browser::export(state, true),
        "print" => browser::print(),
        "copy-link" => {
            if let (Some(url), Some(root)) = (browser::copy_link(state), root_el(root)) {
                if let Some(el) = dom::region(&root, "copied") {
                    el.set_text_content(Some(&format!("Link copied: {url}")));
                }
            }
        }
        _ => {}
    }
}
