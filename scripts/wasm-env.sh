# Sourced (not run) by the scripts that build wasm: the tools on PATH, and the wasm builds'
# compiler flags. The flags are .cargo/config.toml's (no LLVM inlining by cost, for size) plus a
# remap of the dependencies' source paths: panic locations in the wasm then name
# `crates/<crate>/src/…` instead of this machine's cargo home, so the shipped files name no path
# of the machine that built them and the page is the same size wherever it is built (its size
# budget is a test).
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cargo fetch --quiet
wasm_flags="-Cllvm-args=-inline-threshold=0"
for src in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$src" ] && wasm_flags="$wasm_flags --remap-path-prefix=${src%/}=crates"
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$wasm_flags"
unset wasm_flags src
