//! The page's components: each reads [`super::state::AppState`] and renders.

pub mod charts;
pub mod export;
pub mod fields;
pub mod line_editor;
pub mod plan;
pub mod share;
pub mod totals;
pub mod trust;
