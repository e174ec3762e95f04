#!/usr/bin/env bash
# Builds the two npm packages with wasm-pack, using the wasm-bindgen and wasm-opt on PATH:
#   pkg/          "kling-pricing": the numbers (catalog, estimate, validate, plan) from
#                 crates/js; no UI, no Leptos.
#   pkg-element/  "kling-pricing-calculator": the <kling-pricing-calculator> custom element,
#                 the app crate built with its `element` feature, plus the element's loader
#                 (js/kling-pricing-calculator.js).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh
wasm-pack build crates/js --release --target web --mode no-install --out-dir ../../pkg --out-name kling_pricing
wasm-pack build . --release --target web --mode no-install --out-dir pkg-element --out-name kling_pricing_calculator -- --features element
wasm-pack build crates/planner --release --target web --mode no-install --out-dir ../../pkg-element/planner --out-name kling_pricing_planner
rm -f pkg-element/planner/package.json pkg-element/planner/.gitignore pkg-element/planner/README.md
cp js/kling-pricing-calculator.js pkg-element/
node -e '
const fs = require("fs");
const fix = (dir, name, extra) => {
  const file = `${dir}/package.json`;
  const p = JSON.parse(fs.readFileSync(file, "utf8"));
  p.name = name;
  extra(p);
  fs.writeFileSync(file, JSON.stringify(p, null, 2) + "\n");
};
fix("pkg", "kling-pricing", () => {});
fix("pkg-element", "kling-pricing-calculator", (p) => {
  p.files = [...new Set([...(p.files || []), "kling-pricing-calculator.js", "planner/"])];
  p.exports = { ".": "./kling-pricing-calculator.js", "./kling_pricing_calculator_bg.wasm": "./kling_pricing_calculator_bg.wasm" };
});
'

# What each package weighs: its wasm, JS and declarations (raw / gzip -9), as docs/benchmarks.md's size
# table gives them.
size() { # label files...
  local label=$1 raw=0 gz=0 f
  shift
  for f in "$@"; do
    raw=$((raw + $(wc -c < "$f")))
    gz=$((gz + $(gzip -9 -n -c < "$f" | wc -c)))
  done
  printf 'build-pkg: %-45s %9s B raw / %7s B gzip\n' "$label" "$raw" "$gz"
}
size "pkg/ (kling-pricing) wasm" pkg/kling_pricing_bg.wasm
size "pkg/ (kling-pricing) JS" pkg/kling_pricing.js
size "pkg/ (kling-pricing) TypeScript declarations" pkg/kling_pricing.d.ts
size "pkg-element/ (kling-pricing-calculator) wasm" pkg-element/kling_pricing_calculator_bg.wasm
size "pkg-element/ (kling-pricing-calculator) JS" pkg-element/kling_pricing_calculator.js pkg-element/kling-pricing-calculator.js
size "pkg-element/ planner module wasm (loaded on the first plan)" pkg-element/planner/kling_pricing_planner_bg.wasm
