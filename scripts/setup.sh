#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh Debian 12 machine or this one.
# Idempotent: every step checks first and says what it found, so a machine that has it all
# passes through in a few seconds. The recipe and its pitfalls are in shared/TOOLCHAIN.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="$ROOT/tools"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
WASM_SYSROOT=/usr/lib/rustlib/wasm32-unknown-unknown

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- System packages: browser, static server, compression --------------------------------
missing=()
have chromium || missing+=(chromium)
have chromedriver || missing+=(chromium-driver)
have nginx || missing+=(nginx-light)
have brotli || missing+=(brotli)
# nginx sends the build's precompressed .br files (deploy/medborgarloften.conf: brotli_static).
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else say "chromium, chromedriver, nginx with brotli_static, brotli: present"; fi

# --- A Rust toolchain that can build wasm32-unknown-unknown -------------------------------
# The normal path (rustup target add) hangs on machines that cannot reach rustup's servers,
# so it gets a short timeout; the fallback is Debian's rustc-web plus a wasm32 std built here.
has_wasm_std() { [ -n "$(ls "$1"/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib 2>/dev/null)" ]; }

toolchain=""
# MEDBORGARLOFTEN_TOOLCHAIN=web-offline forces the fallback (to test it where rustup works).
if [ "${MEDBORGARLOFTEN_TOOLCHAIN:-}" = web-offline ]; then
  say "MEDBORGARLOFTEN_TOOLCHAIN=web-offline: using Debian's rustc-web and a self-built wasm32 std"
fi
if [ "${MEDBORGARLOFTEN_TOOLCHAIN:-}" != web-offline ] && has_wasm_std "$(rustc +stable --print sysroot 2>/dev/null || echo /nonexistent)"; then
  toolchain=stable
elif [ -x /usr/bin/rustc ] && has_wasm_std /usr \
     && [ "$(cat "$WASM_SYSROOT/rustc-version" 2>/dev/null)" = "$(/usr/bin/rustc -vV)" ]; then
  toolchain=web-offline
elif [ "${MEDBORGARLOFTEN_TOOLCHAIN:-}" != web-offline ] && timeout 25 rustup target add --toolchain stable wasm32-unknown-unknown >/dev/null 2>&1; then
  say "installed wasm32-unknown-unknown with rustup"
  toolchain=stable
else
  say "no wasm32 target from rustup; using Debian's rustc-web and building a wasm32 std"
  [ -x /usr/bin/rustc ] && dpkg -s rust-web-src >/dev/null 2>&1 || apt_install rustc-web cargo-web rust-web-src
  rustup toolchain list | grep -q '^web-offline' || rustup toolchain link web-offline /usr
  seed=$(mktemp -d)/sysroot_seed
  cargo +web-offline new --quiet --lib "$seed"
  say "building the wasm32 standard library (about a minute)"
  (cd "$seed" && RUSTUP_TOOLCHAIN=web-offline RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" \
     cargo build --quiet --release --target wasm32-unknown-unknown -Z build-std=std,panic_abort,test)
  mkdir -p "$WASM_SYSROOT/lib"
  rm -f "$WASM_SYSROOT"/lib/lib*.rlib
  cp "$seed"/target/wasm32-unknown-unknown/release/deps/lib*.rlib "$WASM_SYSROOT/lib/"
  rm -f "$WASM_SYSROOT"/lib/libsysroot_seed*
  /usr/bin/rustc -vV > "$WASM_SYSROOT/rustc-version"
  rm -rf "$(dirname "$seed")"
  # Old wasm artifacts were built against another std: they must go.
  rm -rf "$ROOT/target/wasm32-unknown-unknown"
  toolchain=web-offline
fi
rustup toolchain list | grep -q "^$toolchain" || { [ "$toolchain" = web-offline ] && rustup toolchain link web-offline /usr; }
echo "$toolchain" > "$TOOLS/.toolchain"
say "rust toolchain for builds: $toolchain ($(RUSTUP_TOOLCHAIN=$toolchain rustc --version))"

# `make test` lints the wasm build too: Debian's clippy for that compiler.
if [ "$toolchain" = web-offline ] && ! dpkg -s rust-web-clippy >/dev/null 2>&1; then
  apt_install rust-web-clippy
fi
# Debian's rustc-web links wasm with /usr/bin/rust-lld, a link to lld-22, which nothing
# installs with it: without it every wasm build fails with "linker `rust-lld` not found".
# (rustup's toolchains bring their own rust-lld.)
if [ "$toolchain" = web-offline ] && ! rust-lld -flavor wasm --version >/dev/null 2>&1; then
  apt_install lld-22
fi

# --- Trunk and wasm-bindgen ---------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo +stable install --quiet --locked "trunk@$TRUNK_VERSION"
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or Trunk tries to download one.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $bindgen_version" ]; then
  say "wasm-bindgen-cli $bindgen_version: present"
else
  say "installing wasm-bindgen-cli $bindgen_version (about 5 minutes)"
  # Not --locked: the registry snapshot lacks one of its locked dependency versions.
  cargo +stable install --quiet --force "wasm-bindgen-cli@$bindgen_version"
fi

# --- Every crate that an offline build compiles ------------------------------------------
# Trunk runs cargo offline (Trunk.toml), so the registry cache must already hold every crate of
# the workspace: the app for wasm and the CLI that the post-build hook runs natively, for every
# target. The benchmark's probe builds with the workspace's Cargo.lock (bench/run.sh), so its
# crates are among these. A warm cache makes this a no-op; an empty one fills here.
say "cargo fetch --locked (every crate of Cargo.lock)"
RUSTUP_TOOLCHAIN=$toolchain cargo fetch --locked --quiet --manifest-path "$ROOT/Cargo.toml"

# --- Node packages: wasm-opt (binaryen from npm; Debian's 108 breaks the app), Playwright -----
npm_install() { # dir
  local dir=$1
  if [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    say "npm packages in ${dir#$ROOT/}: present"
  else
    say "npm ci in ${dir#$ROOT/}"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    touch "$dir/node_modules/.package-lock.json"
  fi
}
npm_install "$TOOLS"
npm_install "$ROOT/end2end"
"$TOOLS/node_modules/.bin/wasm-opt" --version | grep -q "version $BINARYEN_VERSION" \
  || { echo "wasm-opt is not binaryen $BINARYEN_VERSION" >&2; exit 1; }
say "wasm-opt: $("$TOOLS/node_modules/.bin/wasm-opt" --version)"
say "ready"
