//! The page's components: each reads [`super::state::AppState`] and renders.

pub mod line_editor;
pub mod totals;
pub mod trust;
