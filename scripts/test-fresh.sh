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

# The reason comes last as well, where a log cut to its end still shows it.
fail() {
  echo "test-fresh: $*" >&2
  echo "--- the last lines make serve printed:" >&2
  tail -n 40 "$work/serve.log" >&2
  echo "--- test-fresh failed: $*" >&2
  exit 1
}
base=http://127.0.0.1:$PORT
until curl -fs -o /dev/null "$base/"; do
  kill -0 "$serve_pid" 2>/dev/null || fail "make serve stopped before it served anything"
  [ $(($(date +%s) - started)) -lt 1800 ] || fail "nothing served after 30 minutes"
  sleep 3
done
say "serving after $(($(date +%s) - started)) s"

# Each answer is read whole before it is searched (`grep -m 1`, not `| head`, which could cut a
# pipe and, under pipefail, end the script without saying why).
page=$(curl -fs "$base/") || fail "/ stopped answering"
grep -q 'Medborgarlöften' <<<"$page" || fail "/ is not the app's page"
wasm=$(grep -m 1 -o '[^"]*_bg\.wasm' <<<"$page") || fail "/ names no wasm file"
wasm=${wasm%%$'\n'*}
type=$(curl -fs -o /dev/null -w '%{content_type}' "$base/${wasm#/}") || fail "$wasm is not served"
[ "$type" = application/wasm ] || fail "$wasm is served as '$type', not application/wasm"
manifest=$(curl -fs "$base/data/manifest.json") || fail "data/manifest.json is not served"
chunk=$(grep -m 1 -o 'data/chunks/[0-9a-f]*\.bin' <<<"$manifest") || fail "data/manifest.json names no chunk"
chunk=${chunk%%$'\n'*}
curl -fs -o /dev/null "$base/$chunk" || fail "the data chunk $chunk is not served"
worker=$(curl -fs "$base/sw.js") || fail "sw.js is not served"
grep -q 'caches' <<<"$worker" || fail "sw.js is not the service worker"
say "passed: a fresh clone with an empty cargo cache builds and serves the app"
