//! The views: each keeps one part of the page in step with the state. The read-only parts are
//! markup from the render crate (`report`, `chart`) that a view writes only when it changed; the
//! job lines are Leptos components.
//!
//! - [`lines`]: the job-line editors, a keyed list (choices, messages, figures, share, buttons).
//! - [`settings`]: the messages of the plan settings (the form itself is part of the shell).
//! - [`reports`]: totals, the best plan and its charts, what "Copy link" copied.
//! - [`charts`]: where the money goes, by line (redrawn bar by bar).

pub mod charts;
pub mod lines;
pub mod reports;
pub mod settings;

use leptos::prelude::*;
use web_sys::Element;

/// The calculator's root element, set once the shell is mounted.
pub type Root = NodeRef<leptos::html::Main>;

/// The root element (tracked, so a view's first run waits for the mount).
pub fn root_el(root: Root) -> Option<Element> {
    root.get().map(Into::into)
}
