#!/usr/bin/env bash
# Fuzzes the share-link decoder (crates/pricing/src/share.rs) with N adversarial query strings
# (default 1000000): no input may panic, and decode(encode(decode(x).state)) must give the
# same state with no problems. The last line printed is "<passed> passed, <failed> failed".
#
#   scripts/fuzz-share.sh [N]
#   SHARE_FUZZ_SEED=7 scripts/fuzz-share.sh        other inputs (the default seed is fixed)
#   SHARE_FUZZ_PROFILE=dev scripts/fuzz-share.sh   unoptimised, with overflow checks (slower)
#
# The generator is crates/pricing/tests/share_fuzz.rs (plain `cargo test` runs 2,000 inputs of it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

cases="${1:-1000000}"
if ! [[ "$cases" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [number of inputs]" >&2
    exit 2
fi
profile=(--release)
if [[ "${SHARE_FUZZ_PROFILE:-release}" == dev ]]; then
    profile=()
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$(date +%s)
status=0
SHARE_FUZZ_CASES="$cases" cargo test -p kling-pricing "${profile[@]}" --test share_fuzz -- --nocapture --exact fuzz_decode \
    2>&1 | tee "$log" || status=$?
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)"
echo "fuzzed in $(( $(date +%s) - start ))s"
if [[ -z "$summary" ]]; then
    # The run did not get to its count (a build error, or the process died).
    echo "0 passed, $cases failed"
    exit 1
fi
echo "$summary"
exit "$status"
