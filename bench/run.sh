#!/usr/bin/env bash
# The performance harness: `make bench` (which builds dist/ first, then runs this with
# scripts/env.sh sourced). Writes BENCHMARKS.md at the repository root and keeps every run's
# raw results as JSON in bench/results/ (gitignored).
#
#   1. the synthetic dataset (1,500 agreements, 15,000 activities; seed 1);
#   2. dist-bench/: a release build with that dataset as data/bundle.bin (and as the open-data
#      data/medborgarloften.json, which the MiniSearch peer reads);
#   3. the native benchmark of loften-core's query engine on it (crates/loften-core/benches);
#   4. bench/probe: the same engine as a small wasm module, for the browser-side peer;
#   5. the deterministic size check of dist/ (bench/size_check.py);
#   6. nginx (scripts/serve.sh, the production server block) serving dist/ and dist-bench/;
#   7. Chromium over the DevTools Protocol (bench/measure.mjs): bytes, LCP, keystroke to
#      paint, memory, and MiniSearch side by side with our engine;
#   8. BENCHMARKS.md (bench/report.mjs).
#
# Environment: BENCH_RUNS (default 5), BENCH_PORT (default 4391; BENCH_PORT+1 is used too),
# BENCH_ONLY (a subset of bytes,lcp,paint,search,keys,memory,peer), BENCH_SKIP_BUILD=1 (reuse dist-bench/
# and the probe as they are).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/env.sh

RESULTS=bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUNS=${BENCH_RUNS:-5}
PORT=${BENCH_PORT:-4391}
SYNTH=$ROOT/$RESULTS/synth-1500-s1.json
PROBE=$ROOT/target/bench-probe
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
mkdir -p "$RESULTS"

[ -f dist/index.html ] || { echo "bench: dist/ is missing: run \`make bench\` (it builds dist/ first)" >&2; exit 1; }

# npm packages: playwright-core (no browser download: Debian's Chromium) and minisearch.
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "npm ci in bench/"
  (cd bench && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  touch bench/node_modules/.package-lock.json
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "synthetic dataset: 1,500 agreements, seed 1"
  cargo run --release --quiet -p loften-cli -- synth --agreements 1500 --seed 1 --out "$SYNTH"

  say "dist-bench/: release build with the synthetic dataset"
  LOFTEN_BUNDLE=$SYNTH scripts/build.sh dist-bench /

  say "bench/probe: loften-core as wasm (the app's release profile and wasm-opt settings)"
  # The root lockfile, so the probe uses the app's versions (and the installed wasm-bindgen).
  cp Cargo.lock bench/probe/Cargo.lock
  CARGO_TARGET_DIR=$PROBE cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path bench/probe/Cargo.toml
  wasm-bindgen --target web --no-typescript --out-dir "$PROBE/pkg" "$PROBE/wasm32-unknown-unknown/release/loften_bench_probe.wasm"
  # The same wasm-opt call as Trunk makes for the app (index.html's data-wasm-opt*).
  wasm-opt --output="$PROBE/pkg/opt.wasm" -Oz "$PROBE/pkg/loften_bench_probe_bg.wasm" --enable-bulk-memory --enable-nontrapping-float-to-int --flatten --rereloop -Oz -Oz
  mv "$PROBE/pkg/opt.wasm" "$PROBE/pkg/loften_bench_probe_bg.wasm"
fi

say "native: loften-core query engine (cargo bench)"
LOFTEN_BENCH_BUNDLE=$SYNTH LOFTEN_BENCH_OUT=$ROOT/$RESULTS/native-$STAMP.json \
  cargo bench --quiet -p loften-core --bench query

say "size: first-visit transfer of dist/ (brotli -q 11)"
python3 bench/size_check.py dist || true
python3 bench/size_check.py dist --json > "$RESULTS/size-$STAMP.json" || true
say "size: what each crate's code weighs (twiggy)"
command -v twiggy >/dev/null || cargo install --quiet --locked twiggy
python3 bench/crate_sizes.py > "$RESULTS/crates-$STAMP.md" || true

# The peer of the paint measurement: dist/'s first content as plain static pages, precompressed
# like the app, so both are served the same way.
PLAIN=$ROOT/target/bench-plain
rm -rf "$PLAIN"
node bench/plain-pages.mjs dist "$PLAIN"
python3 scripts/precompress.py "$PLAIN"

# Three nginx servers on loopback; all stop when this script ends, however it ends. Each is
# restarted should it stop on its own (another job on the machine stopping nginx, say).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while ! port_free "$PORT" || ! port_free $((PORT + 1)) || ! port_free $((PORT + 2)); do PORT=$((PORT + 3)); done
serve() { # DIST PORT LOG: keep nginx up while this script runs, and no longer
  trap 'kill $child 2>/dev/null; wait $child 2>/dev/null; exit 0' TERM INT HUP
  while kill -0 "$MAIN" 2>/dev/null; do
    bash scripts/serve.sh "$1" "$2" / >> "$3" 2>&1 &
    child=$!
    # Poll rather than wait: should this script be killed outright, nginx stops too.
    while kill -0 "$MAIN" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
    kill -0 "$child" 2>/dev/null && { kill "$child"; wait "$child" 2>/dev/null; exit 0; }
    echo "[bench] nginx on port $2 stopped; restarting it" >> "$3"
    sleep 0.5
  done
}
MAIN=$$
servers=()
stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  servers=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM HUP
: > "$RESULTS/nginx-real.log"
: > "$RESULTS/nginx-synth.log"
: > "$RESULTS/nginx-plain.log"
serve dist "$PORT" "$RESULTS/nginx-real.log" &
servers+=($!)
serve dist-bench $((PORT + 1)) "$RESULTS/nginx-synth.log" &
servers+=($!)
serve "$PLAIN" $((PORT + 2)) "$RESULTS/nginx-plain.log" &
servers+=($!)
for p in "$PORT" $((PORT + 1)) $((PORT + 2)); do
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$p/" && break; sleep 0.1; done
  curl -sf -o /dev/null "http://127.0.0.1:$p/" || { echo "bench: nginx did not start on port $p (see $RESULTS/nginx-*.log)" >&2; exit 1; }
done

say "browser: Chromium over CDP, $RUNS runs each (real data on :$PORT, synthetic on :$((PORT + 1)), plain pages on :$((PORT + 2)))"
node bench/measure.mjs --real "http://127.0.0.1:$PORT" --synth "http://127.0.0.1:$((PORT + 1))" --plain "http://127.0.0.1:$((PORT + 2))" \
  --runs "$RUNS" ${BENCH_ONLY:+--only "$BENCH_ONLY"} --probe "$PROBE/pkg" --out "$RESULTS/browser-$STAMP.json"
stop_servers
trap - EXIT

node bench/report.mjs --native "$RESULTS/native-$STAMP.json" --browser "$RESULTS/browser-$STAMP.json" \
  --size "$RESULTS/size-$STAMP.json" --crates "$RESULTS/crates-$STAMP.md" --out BENCHMARKS.md
say "wrote BENCHMARKS.md (raw results: $RESULTS/*-$STAMP.json)"
