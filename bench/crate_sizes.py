#!/usr/bin/env python3
"""What each crate's code weighs in the app's wasm, from twiggy (`cargo install twiggy`).

    python3 bench/crate_sizes.py [WASM] [--top N]

WASM defaults to the release build's wasm before wasm-bindgen and wasm-opt
(target/wasm32-unknown-unknown/release/medborgarloften.wasm), the last one that still has
function names. Each function is counted for the crate its name starts with (generic code for
the crate that defines the generic: `<T as leptos::IntoView>::…` counts for leptos); data
segments and custom sections (names, wasm-bindgen's metadata) are left out. The shares are of
the code before wasm-opt, so they show the proportions, not the shipped bytes.
"""
import csv
import io
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

DEFAULT_WASM = Path("target/wasm32-unknown-unknown/release/medborgarloften.wasm")
CRATE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?=::)")
# The standard library, whose demangled names may start at a module (`<str as fmt::Display>`).
STD = {"core", "alloc", "std", "fmt", "str", "slice", "ptr", "char", "num", "iter", "hash", "cell", "sync", "panicking",
       "option", "result", "string", "vec", "raw_vec", "collections", "boxed", "rc", "mem", "ops", "cmp", "array", "unicode",
       "dlmalloc"}


def crate_of(item: str) -> str | None:
    # wasm-bindgen reads its `__wbindgen_describe` functions and removes them.
    if item.startswith(("custom section", "data segment", '"function names"', "type[", "import ", "export ", "table[",
                        "elem[", "global[", "__wbindgen_describe")):
        return None
    found = CRATE.search(item)
    if not found:
        return "(no crate in the name: wasm-bindgen's exports, main)"
    return "std (core, alloc, dlmalloc)" if found.group(0) in STD else found.group(0)


def main() -> int:
    args = sys.argv[1:]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 20
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--top")]
    wasm = Path(positional[0]) if positional else DEFAULT_WASM
    table = subprocess.run(["twiggy", "top", "-n", "10000000", "--format", "csv", str(wasm)],
                           capture_output=True, text=True, check=True).stdout
    sizes = Counter()
    for row in csv.DictReader(io.StringIO(table)):
        crate = crate_of(row["Name"])
        if crate is not None:
            sizes[crate] += int(row["ShallowSize"])
    total = sum(sizes.values())
    print("| crate | code bytes (before wasm-opt) | share |")
    print("|---|---:|---:|")
    shown = sizes.most_common(top)
    for crate, size in shown:
        print(f"| {crate} | {size:,} | {100 * size / total:.1f} % |")
    rest = total - sum(size for _, size in shown)
    print(f"| (the other {len(sizes) - len(shown)} crates) | {rest:,} | {100 * rest / total:.1f} % |")
    print(f"| **all code** | **{total:,}** | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
