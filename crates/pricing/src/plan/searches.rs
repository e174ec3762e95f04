//! How a plan runs its searches: with the default configuration or another, counting the work
//! they spend.
//!
//! A plan's time is its searches (`search/`): the best plan's and its alternatives', up to a
//! few hundred milliseconds on a long horizon with quotes. Everything else (setting up,
//! replaying a schedule, explaining, comparing) takes a few. The page therefore plans in the
//! planner's own wasm module, in a worker (`crates/planner`).

use super::config::SearchConfig;
use super::search::{self, Instance, Outcome};

/// How a plan runs its searches: see the module's documentation.
#[derive(Debug, Default)]
pub struct Searches {
    config: SearchConfig,
    /// Work spent by the searches run.
    work: u64,
}

impl Searches {
    /// Runs every search with the default configuration (what [`plan`](super::plan) does).
    pub fn run() -> Searches {
        Searches::default()
    }

    /// Runs every search with `config` rather than the default: for measuring the search
    /// (`examples/plan_ablation.rs`).
    pub fn configured(config: SearchConfig) -> Searches {
        Searches { config, work: 0 }
    }

    /// The configuration the searches run with.
    pub fn config(&self) -> &SearchConfig {
        &self.config
    }

    /// The work the searches have spent, in the search's units: a count that does not depend
    /// on the machine, for tests that bound a plan's effort.
    pub fn work(&self) -> u64 {
        self.work
    }

    /// [`search::solve`], counting its work.
    pub(super) fn solve(&mut self, inst: &Instance, allowed: &[bool], budget: u64) -> (Outcome, u64) {
        let (outcome, spent) = search::solve(inst, allowed, budget, &self.config);
        self.work = self.work.saturating_add(spent);
        (outcome, spent)
    }
}
