//! The views: each keeps one part of the page in step with the state. The read-only parts are
//! markup from the render crate (`report`, `chart`) that a view writes only when it changed; the
//! job lines are Leptos components.
//!
//! - [`lines`]: the job-line editors, a keyed list (choices, messages, figures, share, buttons).
//! - [`settings`]: the messages of the plan settings (the form itself is part of the shell).
//! - [`reports`]: totals, the best plan and its charts, what "Copy link" copied.
//! - [`charts`]: where the money goes, by line (redrawn bar by bar).

pub mod charts;
pub mod choices;
pub mod focus;
pub mod lines;
pub mod reports;
pub mod settings;
pub mod shell;

use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use web_sys::Element;

/// A reactive part of a view (a text, an attribute, a child that comes and goes). Each closure
/// type given to `view!` compiles the view layer's effect and its state code once more (about
/// 1.5 KB of wasm each); every part made by [`live`] shares one type per output, so they
/// compile it once.
pub type Live<T> = Arc<Mutex<dyn FnMut() -> T + Send>>;

/// `f` as a [`Live`] part.
pub fn live<T>(f: impl FnMut() -> T + Send + 'static) -> Live<T> {
    Arc::new(Mutex::new(f))
}

/// A child that comes and goes, or changes its shape, as a [`Live`] part.
pub fn live_view<V: IntoView + 'static>(mut f: impl FnMut() -> V + Send + 'static) -> Live<AnyView> {
    live(move || f().into_any())
}

/// The calculator's root element, set once the shell is mounted.
pub type Root = NodeRef<leptos::html::Main>;

/// The root element (tracked, so a view's first run waits for the mount).
pub fn root_el(root: Root) -> Option<Element> {
    root.get().map(Into::into)
}
