#!/usr/bin/env bash
# What each rule of the planner earns (a report, not a test): every rule turned off alone on
# the oracle's seeded inputs and the stress set, against their proven optima, with the lines
# it takes and the bytes of the page's wasm it costs (the page built with the rule compiled
# out, KLING_PLAN_OFF). Prints a Markdown table; docs/planner.md quotes it.
#   bash scripts/ablation.sh            # every rule (about an hour on 2 cores: a page build each)
#   bash scripts/ablation.sh --no-bytes # without the wasm sizes (minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/ablation
mkdir -p "$out"
node --input-type=module -e 'import { stressInputs } from "./bench/stress-inputs.js";
  console.log(JSON.stringify(stressInputs()))' > "$out/stress.json"
cargo build --release -q -p kling-pricing --example plan_ablation
ablation=target/release/examples/plan_ablation
bytes=()
if [ "${1:-}" != --no-bytes ]; then
  bash scripts/setup.sh build
  . scripts/wasm-env.sh
  # The page's wasm, gzipped at level 9 as the budget test counts it.
  wasm_size() {
    KLING_PLAN_OFF="$1" trunk build --release --dist "$out/dist" >/dev/null 2>&1
    gzip -9c "$out/dist/kling-pricing-app_bg.wasm" | wc -c
  }
  base=$(wasm_size "")
  : > "$out/bytes.tsv"
  for rule in $("$ablation" --list); do
    printf '%s\t%s\n' "$rule" $((base - $(wasm_size "$rule"))) >> "$out/bytes.tsv"
  done
  bytes=(--bytes "$out/bytes.tsv")
  echo "page wasm: $base B gzip"
fi
"$ablation" --stress "$out/stress.json" --oracle 300 --time-limit 5 "${bytes[@]}"
