//! Kling AI API pricing calculator.
//!
//! - [`core`]: the pure pricing core (catalog, units, money, planning). No web dependency.
//! - [`api`]: the JS API (`catalog`, `estimate`, `validate`), a thin wasm-bindgen shell.
//! - [`app`]: the Leptos page; components only read signals and call the core.

#[cfg(feature = "js-api")]
pub mod api;
pub mod app;
pub mod core;
#[cfg(feature = "js-api")]
pub mod widget;
