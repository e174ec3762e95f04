#!/usr/bin/env bash
# Builds the npm package into pkg/ with wasm-pack, using the wasm-bindgen and wasm-opt on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
wasm-pack build --release --target web --mode no-install --out-dir pkg --out-name kling_pricing -- --features js-api
