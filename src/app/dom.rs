//! The few DOM operations the views need, on elements found under the calculator's root (a
//! page's `<main>` or a widget's shadow root content, so never `document`-wide look-ups).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// The region `name` of the shell (`data-r="name"`, see `views::shell`).
pub fn region(root: &Element, name: &str) -> Option<Element> {
    find(root, &format!("[data-r=\"{name}\"]"))
}

/// Sets the markup of `el`, if there is one.
pub fn set_html(el: Option<Element>, html: &str) {
    if let Some(el) = el {
        el.set_inner_html(html);
    }
}

/// Makes the box `el` hold `text`, unless it already does (so the caret of a box being typed
/// in never moves).
pub fn set_value(el: &Element, text: &str) {
    let value = wasm_bindgen::JsValue::from_str("value");
    if js_sys::Reflect::get(el, &value)
        .ok()
        .and_then(|v| v.as_string())
        .as_deref()
        != Some(text)
    {
        let _ = js_sys::Reflect::set(el, &value, &wasm_bindgen::JsValue::from_str(text));
    }
}

/// Whether `el` has the keyboard focus (in its document or shadow root).
pub fn is_focused(el: &Element) -> bool {
    el.matches(":focus").unwrap_or(false)
}

/// A selector for the control under `region` that has the keyboard focus (by what it does:
/// its `data-act` and `data-field`), to find it again once the region is rewritten.
pub fn focused_control(region: &Element) -> Option<String> {
    let el = find(region, ":focus")?;
    let act = el.get_attribute("data-act")?;
    let field = el.get_attribute("data-field").unwrap_or_default();
    Some(format!("[data-act=\"{act}\"][data-field=\"{field}\"]"))
}

/// Focuses `el`; false when it cannot take the focus.
pub fn focus(el: &Element) -> bool {
    el.dyn_ref::<HtmlElement>().is_some_and(|e| e.focus().is_ok())
}

/// The element an event happened on.
pub fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}
