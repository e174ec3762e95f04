#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the right
# version, and fails loudly when an install fails.
#
#   bash scripts/setup.sh build   # Rust wasm target, Trunk, wasm-bindgen-cli, wasm-pack, npm tools
#   bash scripts/setup.sh test    # all of the above, plus Debian's chromium and chromium-driver,
#                                 # and cmake and libclang-dev for the oracle test's solver
#
# Versions are pinned: Trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli exactly the
# wasm-bindgen in Cargo.lock, wasm-pack 0.15.1, and the npm packages in package-lock.json
# (binaryen 132 gives wasm-opt; Debian's binaryen 108 produces a wasm that fails to load).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: FAILED: %s\n' "$*" >&2; exit 1; }

# Debian packages need root; use sudo only when we are not root and it exists.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq || die "apt-get update"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null || die "apt-get install $*"
}

command -v cargo >/dev/null || die "cargo is not installed (this machine kind ships Rust via rustup)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# 1. The wasm target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown"
fi

# 2. Cargo-installed tools, at exact versions.
cargo_tool() { # binary crate version [--locked]
  local bin=$1 crate=$2 version=$3 locked=${4:-}
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -qE "(^| )v?${version//./\\.}( |$)"; then
    say "$crate $version: present"
  else
    say "installing $crate $version (a few minutes on 2 cores)"
    # shellcheck disable=SC2086
    cargo install "$crate" --version "$version" $locked --force || die "cargo install $crate $version"
  fi
}
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$wbg" ] || die "no wasm-bindgen version in Cargo.lock"
cargo_tool trunk trunk 0.21.14 --locked
# Without --locked: its lock file wants a webpki-roots version the registry here lacks.
cargo_tool wasm-bindgen wasm-bindgen-cli "$wbg"
cargo_tool wasm-pack wasm-pack 0.15.1 --locked

# 3. npm tools (wasm-opt, the browser driver, axe-core, tsc), exactly as package-lock.json says.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi
if npm ls --depth=0 >/dev/null 2>&1 && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm packages: present"
else
  say "installing npm packages"
  npm ci --no-audit --no-fund || die "npm ci"
fi
node_modules/.bin/wasm-opt --version | grep -q 'version 132' || die "wasm-opt is not binaryen 132"

# 4. A browser for the tests: Debian's chromium and its driver, of the same major version.
if [ "$what" = test ]; then
  major() { "$1" --version 2>/dev/null | grep -oE '[0-9]+\.' | head -n1; }
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && [ "$(major chromium)" = "$(major chromedriver)" ]; then
    say "chromium and chromedriver: present ($(chromium --version 2>/dev/null | head -n1))"
  else
    say "installing chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
fi
# 5. What the pricing crate's oracle test needs to build the HiGHS solver from source (highs-sys,
#    a dev dependency): cmake, a C++ compiler, and libclang with its headers for the bindings.
if [ "$what" = test ]; then
  missing=()
  command -v cmake >/dev/null || missing+=(cmake)
  command -v c++ >/dev/null || missing+=(g++)
  compgen -G '/usr/lib/llvm-*/lib/libclang.so' >/dev/null || missing+=(libclang-dev)
  if [ ${#missing[@]} = 0 ]; then
    say "cmake, a C++ compiler and libclang: present"
  else
    say "installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
fi
say "done"
