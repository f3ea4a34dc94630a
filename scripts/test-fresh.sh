#!/usr/bin/env bash
# `make test-fresh`: the README's serve command as a new machine runs it. A fresh clone of the
# committed HEAD into a temporary folder and an empty cargo cache (CARGO_HOME), so nothing this
# machine happens to have compiled or downloaded can hide a missing set-up step; the installed
# tools (trunk, wasm-bindgen, the toolchain, Debian's packages) stay, as setup leaves them.
# Then `make serve` in the clone, and the served site must answer with the app: the page, the
# wasm with its MIME type, the data's manifest and a chunk, and the service worker.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${FRESH_PORT:-4399}
say() { printf '\033[1m[test-fresh]\033[0m %s\n' "$*"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/medborgarloften-fresh.XXXXXX")
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill -- "-$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet --no-hardlinks "$ROOT" "$work/app"
mkdir "$work/cargo-home"
export CARGO_HOME=$work/cargo-home
say "fresh clone of $(git -C "$ROOT" rev-parse --short HEAD), CARGO_HOME empty: make serve on port $PORT"

started=$(date +%s)
# Its own process group, so that cleanup stops make, serve.sh and nginx together.
setsid make --no-print-directory -C "$work/app" serve PORT="$PORT" > "$work/serve.log" 2>&1 &
serve_pid=$!

fail() {
  echo "test-fresh: $*" >&2
  echo "--- the last lines make serve printed:" >&2
  tail -n 40 "$work/serve.log" >&2
  exit 1
}
base=http://127.0.0.1:$PORT
until curl -fs -o /dev/null "$base/"; do
  kill -0 "$serve_pid" 2>/dev/null || fail "make serve stopped before it served anything"
  [ $(($(date +%s) - started)) -lt 1800 ] || fail "nothing served after 30 minutes"
  sleep 3
done
say "serving after $(($(date +%s) - started)) s"

page=$(curl -fs "$base/")
grep -q 'Medborgarlöften' <<<"$page" || fail "/ is not the app's page"
wasm=$(grep -o '[^"]*_bg\.wasm' <<<"$page" | head -n 1)
[ -n "$wasm" ] || fail "/ names no wasm file"
type=$(curl -fs -o /dev/null -w '%{content_type}' "$base/${wasm#/}")
[ "$type" = application/wasm ] || fail "$wasm is served as '$type', not application/wasm"
chunk=$(curl -fs "$base/data/manifest.json" | grep -o 'data/chunks/[0-9a-f]*\.bin' | head -n 1)
[ -n "$chunk" ] || fail "data/manifest.json is not served, or names no chunk"
curl -fs -o /dev/null "$base/$chunk" || fail "the data chunk $chunk is not served"
curl -fs "$base/sw.js" | grep -q 'caches' || fail "sw.js is not the service worker"
say "passed: a fresh clone with an empty cargo cache builds and serves the app"
