//! The calculator's two event listeners, on its root: every control reports through them
//! (events bubble), so no element carries a handler of its own. Each reads the control's
//! [`Action`] and [`apply`]s it; the views do the rest.

use super::action::{apply, Action};
use super::dom;
use super::state::AppState;
use super::views::{root_el, Root};
use web_sys::Element;

/// A button was pressed (by pointer or keyboard).
pub fn on_click(state: AppState, root: Root, ev: web_sys::MouseEvent) {
    let Some(button) = dom::target(&ev).and_then(|t| t.closest("button[data-act]").ok().flatten()) else {
        return;
    };
    let Some(action) = Action::from_element(&button) else {
        return;
    };
    let had_focus = dom::is_focused(&button);
    apply(state, action);
    if had_focus {
        if let Some(root) = root_el(root) {
            keep_focus(root, button);
        }
    }
}

/// Keeps the keyboard focus where the person was once the page has followed a button press: on
/// the same button, on its neighbour when the press disabled it (the first line's "Move up"), or
/// on the button that replaced it when its region was rewritten (the package menu's switch), or
/// on "Add a line" when its line went away. Needed because the browser drops the focus of an
/// element that is disabled or removed (to the top of the page), which would strand a keyboard
/// user. It waits one frame: the list is updated after this handler returns.
fn keep_focus(root: Element, pressed: Element) {
    leptos::prelude::request_animation_frame(move || {
        let neighbour = || {
            let other = match pressed.get_attribute("data-act")?.as_str() {
                "move-up" => "move-down",
                "move-down" => "move-up",
                _ => return None,
            };
            dom::find(&pressed.parent_element()?, &format!("[data-act={other}]"))
        };
        // A button rewritten with its region has its focus back already (`views::reports`).
        let target = if !pressed.is_connected() && dom::focus_within(&root) {
            None
        } else if !pressed.is_connected() {
            dom::find(&root, "[data-act=add]")
        } else if pressed.has_attribute("disabled") {
            neighbour()
        } else {
            Some(pressed.clone())
        };
        if let Some(el) = target.filter(|el| !dom::is_focused(el)) {
            dom::focus(&el);
        }
    });
}
