#!/usr/bin/env bash
# The one test command: installs what is missing, then runs every test.
#   native:  cargo fmt --check, cargo clippy, the pricing crate's purity, cargo test (every crate)
#   components: cargo test --target wasm32-unknown-unknown --test components (headless Chromium)
#   npm API: wasm-pack build (pkg/), node --test tests/js (wasm vs native, the JS contract)
#   browser: trunk build --release (dist/), node --test tests/e2e (headless Chromium, served statically)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup.sh test
. scripts/wasm-env.sh
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"

step() { printf '\n=== %s\n' "$*"; }

step "format and lint"
cargo fmt --all --check
cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings
# The wasm-only code (component tests, page build) is linted for its own target too.
cargo clippy --target wasm32-unknown-unknown --lib --bins --test components --quiet -- -D warnings

step "the pricing crate depends on nothing web"
bash scripts/check-purity.sh

step "native tests"
cargo test --workspace

step "component tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test components --features inline-planner

step "npm package (wasm-pack) and its tests"
bash scripts/build-pkg.sh
node --test tests/js/

step "release page (trunk) and end-to-end tests in headless Chromium"
trunk build --release
node --test --test-concurrency=1 tests/e2e/

printf '\nall tests passed in %ss\n' "$(( $(date +%s) - start ))"
