#!/usr/bin/env bash
# A release build of the site: scripts/build.sh [DIST [PUBLIC_URL]] (defaults: dist, /).
#
# 1. Trunk builds the wasm with `hydrate` (its post_build hook validates and bundles the data,
#    moves the boot script into a file and stamps the version).
# 2. The prerender binary renders every page that reads the same for every visitor into
#    DIST, with the app's own components and the bundle Trunk's hook wrote.
# 3. scripts/write_sw.py writes the service worker's precache list, stamps the version into
#    every page, and writes the brotli and gzip copies nginx serves.
# Extra arguments after PUBLIC_URL go to Trunk; SITE_URL=https://… adds preview addresses.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
dist=${1:-dist}
public_url=${2:-/}
shift $(( $# > 2 ? 2 : $# ))
trunk build --release --public-url "$public_url" --dist "$dist" "$@"
cargo run --quiet --features ssr --bin prerender -- "$dist" "$public_url"
python3 scripts/write_sw.py "$dist"
