//! Writes the opening view's markup for the page: `<dir>/head.html` and `<dir>/body.html`, which
//! index.html inlines (see `kling_pricing_render::prerender`). The calculator is the app's own
//! components rendered to HTML (Leptos' `ssr`), so the copy cannot differ from what the app
//! draws; the regions the app draws once mounted (the plan, the charts) come from the render
//! crate, as the app's views write them. Trunk runs it before each build (Trunk.toml, a pre_build hook), so the markup is made
//! from the sources being built and cannot go stale.
//!
//!     cargo run -p kling-pricing-app --features ssr --bin prerender -- target/prerender

use kling_pricing::calculation;
use kling_pricing_app::app::state::AppState;
use kling_pricing_app::app::views::lines::update_shares;
use kling_pricing_app::app::views::shell::Shell;
use kling_pricing_render::answer::PlanAnswer;
use kling_pricing_render::prerender::{opening_body, opening_head};
use leptos::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Nothing here runs effects: the markup is what the state's signals and memos hold.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/prerender".into()));
    match write(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &Path) -> Result<(), String> {
    let _ = any_spawner::Executor::init_custom_executor(NoEffects);
    let body = Owner::new().with(|| {
        untrack(|| {
            let state = AppState::new_with_sample();
            let plan = PlanAnswer::of(&calculation::plan(&state.share_state()));
            state.plan.set(Some(plan.clone()));
            update_shares(state);
            let shell = view! { <Shell state link_problems=Vec::new()/> }.to_html();
            opening_body(&shell, &plan)
        })
    })?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, html) in [("head.html", opening_head()), ("body.html", body)] {
        let path = dir.join(name);
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
