//! The one listener left on the calculator's root. Every control the page draws carries its own
//! handler; the plan's markup, made by the planner's module (`app::planner`), carries buttons
//! that set a setting instead (`data-act="set" data-field="menu" value="guide-2025"`: the
//! package menu's switch), and their clicks bubble here.

use super::dom;
use super::state::AppState;

/// A button of the plan's markup was pressed: sets the setting it names to its value. The plan
/// region gives the focus back to the button that replaces it once the new plan is drawn
/// (`views::reports`).
pub fn on_plan_click(state: AppState, ev: web_sys::MouseEvent) {
    let button = dom::target(&ev).and_then(|t| t.closest("button[data-act=set]").ok().flatten());
    let Some(button) = button else { return };
    if let Some(key) = button.get_attribute("data-field") {
        state.set_setting(&key, button.get_attribute("value").unwrap_or_default());
    }
}
