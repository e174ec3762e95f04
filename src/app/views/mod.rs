//! The views: Leptos components, each control with its own handler, each figure following the
//! memo it shows. The plan's regions are the one exception: the planner's module answers them
//! as markup, which [`reports`] writes into them when an answer comes.
//!
//! - [`shell`]: the frame (header, edition picker, sections, buttons, sources).
//! - [`lines`]: the job-line editors, a keyed list (choices, messages, figures, share, buttons),
//!   with [`choices`] (what a line's selects offer, which boxes apply, messages).
//! - [`settings`]: the plan settings form.
//! - [`reports`]: the summary, the totals, and the planner's regions.
//! - [`charts`]: where the money goes, by line (a bar per line, keyed).
//! - [`focus`]: the keyboard focus kept after a press moves or removes its button.

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
