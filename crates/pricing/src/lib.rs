//! Kling AI API pricing: what a job mix costs, and the cheapest way to buy it.
//!
//! Plain Rust with exact decimals and no web dependency, so it is tested natively and can be
//! used from any Rust program; the page, its markup and the JS API sit on top of it.
//!
//! - [`catalog`]: the compiled-in price data (editions, pools, packages, rows with provenance).
//! - [`mix`]: job lines, and turning loose input into checked lines.
//! - [`estimate`]: units and dollars per line, per pool, in total (where every service is priced).
//! - [`plan`]: the exact best-purchase planner.
//! - [`per_use`]: what per-use sellers charge for a mix, and the per-unit price the planner buys at.
//! - [`draft`]: the form's state as typed, with the option cascade.
//! - [`fields`]: every field of the form described once (ids, labels, link places, accessors).
//! - [`share`]: the link format (a public contract: every link made so far must keep loading).
//! - [`format`]: numbers as people read them (thousands separators, currency).
//! - [`date`]: calendar days, for the age of an edition's prices.
//! - [`error`]: input errors that name the line, field and value.
//!
//! ```
//! use kling_pricing::{estimate::estimate_raw, RawLine, RawMix, RawNumber};
//!
//! let mix = RawMix { edition: None, lines: vec![RawLine {
//!     service: Some("video".into()), model: Some("v2.1".into()), mode: Some("pro".into()),
//!     duration: Some(RawNumber::Int(5)), quantity: Some(RawNumber::Int(400)), ..Default::default()
//! }]};
//! let (estimate, problems) = estimate_raw(&mix); // estimate of the good lines + every problem
//! assert!(problems.is_empty());
//! assert_eq!(estimate.total_value.to_string(), "196");
//! ```

pub mod account;
pub mod breakeven;
pub mod calculation;
pub mod catalog;
pub mod date;
pub mod dec;
pub mod draft;
pub mod error;
pub mod estimate;
pub mod fields;
pub mod format;
pub mod mix;
pub mod per_use;
pub mod plan;
pub mod share;
pub mod sort;

pub use catalog::{default_catalog, opening_catalog, Catalog, Pool};
pub use draft::DraftLine;
pub use error::{Field, InputError, Problem};
pub use estimate::{estimate_lines, estimate_raw, price_line, Estimate, LineEstimate, PoolTotal};
pub use mix::{parse_line, parse_mix, JobLine, RawLine, RawMix, RawNumber};
