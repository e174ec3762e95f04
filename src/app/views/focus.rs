//! Keeping the keyboard focus where the person was once the page has followed a press: the
//! browser drops the focus of an element that is disabled, moved or removed (to the top of the
//! page), which would strand a keyboard user.

use crate::app::dom;
use leptos::ev;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Runs `apply` for the press `ev` on a button, then puts the focus back if the button had it:
/// on the same button, on its neighbour when the press disabled it (the first line's "Move
/// up"), or on "Add a line" when its line went away. It waits one frame: the list is updated
/// after the handler returns.
pub fn kept(ev: ev::MouseEvent, apply: impl FnOnce()) {
    let button = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok());
    let had_focus = button.as_ref().is_some_and(dom::is_focused);
    let root = button.as_ref().and_then(|b| b.closest(".kp-app").ok().flatten());
    apply();
    if let (true, Some(button), Some(root)) = (had_focus, button, root) {
        leptos::prelude::request_animation_frame(move || restore(&root, &button));
    }
}

/// Focuses what should have the focus after `pressed` was pressed, under `root`.
fn restore(root: &Element, pressed: &Element) {
    let neighbour = || {
        let other = match pressed.get_attribute("data-testid")?.as_str() {
            "move-up" => "move-down",
            "move-down" => "move-up",
            _ => return None,
        };
        dom::find(&pressed.parent_element()?, &format!("[data-testid={other}]"))
    };
    let target = if !pressed.is_connected() {
        dom::find(root, "[data-testid=add-line]")
    } else if pressed.has_attribute("disabled") {
        neighbour()
    } else {
        Some(pressed.clone())
    };
    if let Some(el) = target.filter(|el| !dom::is_focused(el)) {
        dom::focus(&el);
    }
}

/// Puts the focus back on the edition picker once the calculator has reopened on the edition
/// picked (under `container`, which outlives the reopening): the old picker is gone with the
/// old calculator.
pub fn to_edition_picker(container: Element) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = dom::find(&container, "[data-testid=edition-select]") {
            dom::focus(&el);
        }
    });
}
