//! The calculator's markup and exports, from the pricing crate's results.
//!
//! - [`report`]: read-only HTML (totals, a line's figures, the plan, the sources).
//! - [`breakeven`]: the break-even chart (cost against monthly volume, one line per way of buying).
//! - [`chart`]: SVG charts (value by line, what each plan costs, the balance over time).
//! - [`export`]: the CSV and JSON files a person downloads.
//! - [`prerender`]: the opening view as static markup, for index.html at build time.

pub mod answer;
pub mod breakeven;
pub mod chart;
pub mod export;
pub mod prerender;
pub mod report;
