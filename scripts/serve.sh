#!/usr/bin/env bash
# The serve command: installs what the build needs, builds the release page and serves it
# statically on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
. scripts/wasm-env.sh
trunk build --release
port=${PORT:-8080}
echo "serving dist/ on http://127.0.0.1:$port/"
exec python3 -m http.server --bind 127.0.0.1 --directory dist "$port"
