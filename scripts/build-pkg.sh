#!/usr/bin/env bash
# Builds the npm package into pkg/ with wasm-pack, using the wasm-bindgen and wasm-opt on PATH,
# then adds the custom element's loader (js/kling-pricing-calculator.js) to it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh
wasm-pack build --release --target web --mode no-install --out-dir pkg --out-name kling_pricing -- --features js-api
cp js/kling-pricing-calculator.js pkg/
node -e '
const fs = require("fs");
const p = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
p.files = [...new Set([...(p.files || []), "kling-pricing-calculator.js"])];
p.exports = { ".": "./kling_pricing.js", "./element": "./kling-pricing-calculator.js", "./kling_pricing_bg.wasm": "./kling_pricing_bg.wasm" };
fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
'
