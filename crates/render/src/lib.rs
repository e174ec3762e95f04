//! What the planner's module hands the page, and the files a person downloads, from the pricing
//! crate's results. The page's own views are Leptos components in the app; this crate makes
//! what the planner's module answers (the plan's regions, as markup), the exports, and the
//! frame of the prerendered opening view.
//!
//! - [`answer`]: the planner module's answers ([`answer::PlanAnswer`], the break-even picture,
//!   the exports) for a calculation given as a link's query.
//! - [`report`]: the verdict, the plan and why there is none, as HTML.
//! - [`chart`]: the plan's charts (what each plan costs, the balance over time) and the axis
//!   arithmetic the page's own chart shares.
//! - [`breakeven`]: the break-even chart (cost against monthly volume, one line per way of buying).
//! - [`export`]: the CSV and JSON files a person downloads.
//! - [`prerender`]: the opening view's frame for index.html at build time.

pub mod answer;
pub mod breakeven;
pub mod chart;
pub mod export;
pub mod prerender;
pub mod report;
