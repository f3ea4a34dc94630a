# Sourced by the Makefile: the toolchain and tools that scripts/setup.sh chose and installed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export RUSTUP_TOOLCHAIN=$(cat "$ROOT/tools/.toolchain" 2>/dev/null || echo stable)
export CHROMEDRIVER=/usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
