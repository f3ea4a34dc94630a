# Sourced (after scripts/env.sh) for a release build of the app: `make dist`, `make dist-sub`
# and the benchmark's build. The standard library is compiled again with the app, for size:
#
# - `optimize_for_size` picks std's smaller code paths;
# - `-Cpanic=immediate-abort` makes a panic a trap at once, with no message formatted, so the
#   panic and formatting machinery it would need is not in the wasm. The app never shows a
#   panic's text (a panic is a bug; the browser's console shows the trap).
#
# Together 19.9 KB less compressed wasm (BENCHMARKS.md, "What it took"). Both are unstable,
# so this uses Debian's rustc-web with its std sources (rust-web-src), which scripts/setup.sh
# installs, and RUSTC_BOOTSTRAP. The tests build with the usual std (scripts/env.sh).
export RUSTUP_TOOLCHAIN=web-offline
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
# Replaces .cargo/config.toml's rustflags for the target, so erase_components is repeated.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
# What scripts/post_build.py hands back to native builds (the data tools).
export MEDBORGARLOFTEN_NATIVE_TOOLCHAIN=$(cat "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tools/.toolchain" 2>/dev/null || echo stable)
