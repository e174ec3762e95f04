//! Compiles the catalog data files (`catalog/*.toml`) into Rust statics, in three steps:
//! [`parse`] the text, [`validate`] every rule, [`emit`] the statics.
//!
//! Why at build time: the wasm then carries no TOML or JSON parser for its own prices, and a
//! malformed catalog (a typo in a source key, a duplicate row, a negative price) fails the build
//! with a message naming the file and entry, instead of failing in a user's browser.
//! `tests/catalog_build.rs` runs the same steps natively on broken catalogs.

// The calendar the page reads dates with, so the build accepts only dates it can read.
#[allow(dead_code)] // only `Day::parse` is needed here
#[path = "src/date.rs"]
mod date;
#[path = "build/emit.rs"]
mod emit;
#[path = "build/parse.rs"]
mod parse;
#[path = "build/validate.rs"]
mod validate;

use std::{env, fs, path::Path};
use validate::CatalogError;

/// Editions in the order they are listed; the first is the default.
const EDITIONS: &[&str] = &["seed-2025", "kling-2026", "kling-2026-12"];

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("catalog");
    println!("cargo:rerun-if-changed=catalog");
    let mut out = String::new();
    let mut names = Vec::new();
    for edition in EDITIONS {
        let path = dir.join(format!("{edition}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let ident = format!("EDITION_{}", edition.to_uppercase().replace(['-', '.'], "_"));
        match compile(&path, edition, &ident) {
            Ok(code) => out.push_str(&code),
            Err(e) => panic!("\n\n{e}\n\n"),
        }
        names.push(ident);
    }
    out.push_str(&emit::editions(&names));
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("catalogs.rs");
    fs::write(dest, out).unwrap();
}

/// The static `ident` for edition `edition`, read from `path`.
fn compile(path: &Path, edition: &str, ident: &str) -> Result<String, CatalogError> {
    let file = format!("catalog/{edition}.toml");
    let text = fs::read_to_string(path).map_err(|e| CatalogError::new(&file, "", e.to_string()))?;
    let parsed = parse::parse(&file, &text)?;
    let checked = validate::validate(&file, edition, &parsed)?;
    Ok(emit::emit(ident, &checked))
}
