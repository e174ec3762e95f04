//! The pure pricing core: no web dependency, tested natively with `cargo test`.
//!
//! - [`catalog`]: the compiled-in price data and its look-ups.
//! - [`mix`]: job lines, and turning loose input into checked lines.
//! - [`estimate`]: units and dollars per line, per pool, in total (where every service is priced).
//! - [`format`]: numbers as people read them (thousands separators, currency).
//! - [`error`]: input errors that name the line, field and value.

pub mod catalog;
pub mod chart;
pub mod draft;
pub mod error;
pub mod estimate;
pub mod export;
pub mod form;
pub mod format;
pub mod json;
pub mod mix;
pub mod plan;
pub mod report;
pub mod share;
pub mod sort;

pub use catalog::{default_catalog, Catalog, Pool};
pub use draft::DraftLine;
pub use error::{Field, InputError, Problem};
pub use estimate::{estimate_lines, estimate_raw, price_line, Estimate, LineEstimate, PoolTotal};
pub use mix::{parse_line, parse_mix, JobLine, RawLine, RawMix, RawNumber};
