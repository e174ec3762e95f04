//! The Kling AI API cost calculator page (Leptos), and the custom element built from it.
//!
//! Prices come from [`kling_pricing`], markup from [`kling_pricing_render`]; this crate holds
//! only the reactive state, the events and the writing of markup into the page.
//!
//! - [`app`]: the Leptos page; it reads signals and calls the pricing and render crates.
//! - `widget` (feature `element`): `mount(shadowRoot, options)` for the custom element.

pub mod app;
#[cfg(feature = "element")]
pub mod widget;
