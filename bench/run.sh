#!/usr/bin/env bash
# The performance harness: `make bench` (which builds dist/ first, then runs this with
# scripts/env.sh sourced). Writes BENCHMARKS.md at the repository root and keeps every run's
# raw results as JSON in bench/results/ (gitignored).
#
#   1. the synthetic dataset (1,500 agreements, 15,000 activities; seed 1);
#   2. dist-bench/: a release build with that dataset as data/bundle.bin (and as the open-data
#      data/medborgarloften.json, which the MiniSearch peer reads);
#   2b. national scale: `loften synth --agreements 3000 --seed 1` built into dist-national/
#      with every page rendered, under /usr/bin/time -v: wall time, peak RSS, the site's bytes
#      and files with and without the precompressed copies (bench/results/national-build-*.json);
#   3. the native benchmark of loften-core's query engine on it (crates/loften-core/benches);
#   4. bench/probe: the same engine as a small wasm module, for the browser-side peer;
#   5. the deterministic size check of dist/ (bench/size_check.py);
#   6. nginx (scripts/serve.sh, the production server block) serving dist/, dist-bench/, the
#      plain pages and dist-national/;
#   7. Chromium over the DevTools Protocol (bench/measure.mjs): bytes, LCP, keystroke to
#      paint, memory, and MiniSearch side by side with our engine; at national scale, bytes to
#      `/` and a kommun page, the first keystroke, memory and a kommun page offline;
#   8. BENCHMARKS.md (bench/report.mjs).
#
# Environment: BENCH_RUNS (default 5), BENCH_PORT (default 4391; the three ports after it are
# used too), BENCH_ONLY (a subset of bytes,lcp,paint,search,keys,memory,peer,offline),
# BENCH_SKIP_BUILD=1 (reuse dist-bench/, the probe and dist-national/ as they are, with the
# national build's last record), BENCH_NATIONAL=0 (no national scale: no dist-national/ build,
# which takes minutes and about 1 GB of disk, and no measurements of it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/env.sh

RESULTS=bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUNS=${BENCH_RUNS:-5}
PORT=${BENCH_PORT:-4391}
SYNTH=$ROOT/$RESULTS/synth-1500-s1.json
NATIONAL=${BENCH_NATIONAL:-1}
NATIONAL_SYNTH=$ROOT/$RESULTS/synth-3000-s1.json
NATIONAL_BUILD=
NATIONAL_REUSED=
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

# National scale: the site as it would be with every kommun's agreements, every page rendered.
# The build is timed whole (Trunk, the prerender, the service worker and the precompressed
# copies); /usr/bin/time's peak RSS is that of its largest single process. From scratch each
# time, so that no file of an earlier build is counted.
national_record() { # DIST TIME_FILE SYNTH_LOG: the build's figures as JSON
  python3 - "$@" <<'PY'
import json, os, re, subprocess, sys
from datetime import datetime, timezone
dist, time_file, synth_log = sys.argv[1:4]
timing = open(time_file, encoding="utf-8").read()
def field(label):
    m = re.search(r"^\s*" + re.escape(label) + r":\s*(.+)$", timing, re.M)
    return m.group(1).strip() if m else None
def seconds(clock):  # h:mm:ss or m:ss.ss
    total = 0.0
    for part in clock.split(":"):
        total = total * 60 + float(part)
    return total
files = []
for folder, _, names in os.walk(dist):
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            files.append((os.path.relpath(path, dist), os.path.getsize(path)))
names = {f for f, _ in files}
# A precompressed copy is NAME.br or NAME.gz beside NAME (scripts/precompress.py).
def copy(f):
    return f.endswith((".br", ".gz")) and f[:-3] in names
plain = [(f, n) for f, n in files if not copy(f)]
manifest = json.load(open(os.path.join(dist, "data", "manifest.json"), encoding="utf-8"))
pages = os.path.join(dist, ".pages")
synth = open(synth_log, encoding="utf-8").read().strip()
counts = re.search(r"wrote (\d+) synthetic agreements, (\d+) activities, (\d+) distinct words", synth)
rss_kb = field("Maximum resident set size (kbytes)")
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print(json.dumps({
    "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    "commit": commit or None,
    "command": "loften synth --agreements 3000 --seed 1; LOFTEN_BUNDLE=… /usr/bin/time -v scripts/build.sh dist-national /",
    "synthetic": {"agreements": int(counts[1]), "activities": int(counts[2]), "distinct_words": int(counts[3])} if counts else None,
    "synth_output": synth,
    "wall_s": seconds(field("Elapsed (wall clock) time (h:mm:ss or m:ss)")),
    "user_s": float(field("User time (seconds)")),
    "system_s": float(field("System time (seconds)")),
    "max_rss_bytes": int(rss_kb) * 1024 if rss_kb else None,
    "exit_status": int(field("Exit status")),
    "pages_rendered": sum(1 for line in open(pages, encoding="utf-8") if line.strip()) if os.path.exists(pages) else None,
    "chunks": len(manifest["chunks"]),
    "chunk_bytes": sum(c["bytes"] for c in manifest["chunks"]),
    "site": {"bytes": sum(n for _, n in files), "files": len(files)},
    "site_without_precompressed": {"bytes": sum(n for _, n in plain), "files": len(plain)},
}, indent=2, ensure_ascii=False))
PY
}
if [ "$NATIONAL" = 1 ]; then
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f dist-national/index.html ]; then
    say "national scale: synthetic dataset, 3,000 agreements, seed 1"
    cargo run --release --quiet -p loften-cli -- synth --agreements 3000 --seed 1 --out "$NATIONAL_SYNTH" | tee "$RESULTS/national-synth-$STAMP.txt"
    say "dist-national/: every page rendered, timed by /usr/bin/time -v (minutes)"
    rm -rf dist-national
    LOFTEN_BUNDLE=$NATIONAL_SYNTH /usr/bin/time -v -o "$RESULTS/national-time-$STAMP.txt" scripts/build.sh dist-national /
    national_record dist-national "$RESULTS/national-time-$STAMP.txt" "$RESULTS/national-synth-$STAMP.txt" > "$RESULTS/national-build-$STAMP.json"
    NATIONAL_BUILD=$RESULTS/national-build-$STAMP.json
  else
    # dist-national/ as it is, and the record of the build that made it: the latest.
    NATIONAL_BUILD=$(ls -t "$RESULTS"/national-build-*.json 2>/dev/null | head -n 1 || true)
    NATIONAL_REUSED=1
    say "dist-national/ reused (BENCH_SKIP_BUILD=1); its build's record: ${NATIONAL_BUILD:-none}"
  fi
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

# Four nginx servers on loopback (three without the national scale); all stop when this script
# ends, however it ends. Each is restarted should it stop on its own (another job on the
# machine stopping nginx, say).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while ! port_free "$PORT" || ! port_free $((PORT + 1)) || ! port_free $((PORT + 2)) || ! port_free $((PORT + 3)); do PORT=$((PORT + 4)); done
PORTS=("$PORT" $((PORT + 1)) $((PORT + 2)))
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
: > "$RESULTS/nginx-national.log"
serve dist "$PORT" "$RESULTS/nginx-real.log" &
servers+=($!)
serve dist-bench $((PORT + 1)) "$RESULTS/nginx-synth.log" &
servers+=($!)
serve "$PLAIN" $((PORT + 2)) "$RESULTS/nginx-plain.log" &
servers+=($!)
NATIONAL_URL=
if [ "$NATIONAL" = 1 ]; then
  serve dist-national $((PORT + 3)) "$RESULTS/nginx-national.log" &
  servers+=($!)
  PORTS+=($((PORT + 3)))
  NATIONAL_URL=http://127.0.0.1:$((PORT + 3))
fi
for p in "${PORTS[@]}"; do
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$p/" && break; sleep 0.1; done
  curl -sf -o /dev/null "http://127.0.0.1:$p/" || { echo "bench: nginx did not start on port $p (see $RESULTS/nginx-*.log)" >&2; exit 1; }
done

say "browser: Chromium over CDP, $RUNS runs each (real data on :$PORT, synthetic on :$((PORT + 1)), plain pages on :$((PORT + 2))${NATIONAL_URL:+, national scale on :$((PORT + 3))})"
node bench/measure.mjs --real "http://127.0.0.1:$PORT" --synth "http://127.0.0.1:$((PORT + 1))" --plain "http://127.0.0.1:$((PORT + 2))" \
  ${NATIONAL_URL:+--national "$NATIONAL_URL"} \
  --runs "$RUNS" ${BENCH_ONLY:+--only "$BENCH_ONLY"} --probe "$PROBE/pkg" --out "$RESULTS/browser-$STAMP.json"
stop_servers
trap - EXIT

node bench/report.mjs --native "$RESULTS/native-$STAMP.json" --browser "$RESULTS/browser-$STAMP.json" \
  --size "$RESULTS/size-$STAMP.json" --crates "$RESULTS/crates-$STAMP.md" ${NATIONAL_BUILD:+--national-build "$NATIONAL_BUILD"} ${NATIONAL_REUSED:+--national-reused 1} --out BENCHMARKS.md
say "wrote BENCHMARKS.md (raw results: $RESULTS/*-$STAMP.json)"
