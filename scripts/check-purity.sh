#!/usr/bin/env bash
# The pricing crate (crates/pricing) is plain Rust: a Rust user who wants only `estimate()` or
# `plan()` must not compile a web framework. Fails if its normal dependency tree names one.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree -p kling-pricing -e normal --prefix none --all-features)
web=$(printf '%s\n' "$tree" | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen)[a-z_-]* ' || true)
if [ -n "$web" ]; then
  printf 'purity: FAILED: kling-pricing depends on web crates:\n%s\n' "$web" >&2
  exit 1
fi
printf 'purity: ok: kling-pricing has %s normal dependencies, none of them web\n' "$(printf '%s\n' "$tree" | sort -u | grep -vc '^kling-pricing ')"
