//! Writes the opening view's markup for the page (see `kling_pricing_render::prerender`):
//! `<dir>/head.html` and `<dir>/body.html`, which index.html inlines. Trunk runs it before each
//! build (Trunk.toml, a pre_build hook), so the markup is made from the sources being built and
//! cannot go stale.
//!
//!     cargo run -p kling-pricing-render --bin prerender -- target/prerender

use kling_pricing_render::prerender::{opening_body, opening_head};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    let body = opening_body()?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, html) in [("head.html", opening_head()), ("body.html", body)] {
        let path = dir.join(name);
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
