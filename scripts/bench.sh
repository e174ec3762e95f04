#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): the page's size, load and update times, and plan() in
# wasm, all in headless Chromium against release builds. Each mode prints its figures and
# writes them into its own section of docs/benchmarks.md with the date, the machine, the commit
# and this command; the other sections stay as they are (BENCH_WRITE=0: print only).
#   bash scripts/bench.sh          # page, phone and plan
#   bash scripts/bench.sh page     # the page's size against its budget, load, typing
#   bash scripts/bench.sh phone    # first figure and first input, desktop and an emulated phone (gzip)
#   bash scripts/bench.sh plan     # the npm packages' sizes and plan() in wasm (natively:
#                                  # cargo run --release -p kling-pricing --example bench_plan)
#   bash scripts/bench.sh stress   # plan() over a seeded set of hard inputs (not part of the default)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
. scripts/wasm-env.sh
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
what=${1:-all}
export BENCH_COMMAND="bash scripts/bench.sh${1:+ $1}"
if [ "$what" = all ] || [ "$what" = page ]; then
  trunk build --release
  node bench/run.mjs page
fi
if [ "$what" = all ] || [ "$what" = phone ]; then
  [ "$what" = all ] || trunk build --release
  node bench/run.mjs phone
fi
if [ "$what" = all ] || [ "$what" = plan ]; then
  bash scripts/build-pkg.sh
  node bench/run.mjs plan
fi
if [ "$what" = stress ]; then
  bash scripts/build-pkg.sh
  node bench/run.mjs stress
fi
