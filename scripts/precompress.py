#!/usr/bin/env python3
"""Write NAME.br (brotli -q 11) and NAME.gz (gzip -9) beside every compressible file of a built
site, so nginx serves them as they are (brotli_static, gzip_static) instead of compressing on
each request at a lower level. Run last, by scripts/write_sw.py, whenever a site is written or
rewritten: a compressed copy must never be older than its file.

    python3 scripts/precompress.py DIST
"""
import gzip
import subprocess
import sys
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".wasm", ".json", ".bin", ".svg", ".webmanifest", ".txt", ".csv", ".ico", ".xml"}
# Below this, the headers cost more than compression saves.
MIN_BYTES = 512
ENCODINGS = (".br", ".gz")


def brotli(data: bytes) -> bytes:
    return subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout


def gzip9(data: bytes) -> bytes:
    # mtime 0: the same input gives the same bytes, build after build.
    return gzip.compress(data, compresslevel=9, mtime=0)


def compress_site(dist: Path) -> tuple:
    """(files compressed, bytes before, brotli bytes after) for the site in `dist`."""
    for old in [p for p in dist.rglob("*") if p.suffix in ENCODINGS and p.is_file()]:
        old.unlink()
    count = before = after = 0
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE):
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        count += 1
        before += len(data)
        for suffix, squeeze in ((".br", brotli), (".gz", gzip9)):
            packed = squeeze(data)
            # A copy no smaller than its file is left out: nginx then sends the file itself.
            if len(packed) < len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                if suffix == ".br":
                    after += len(packed)
            elif suffix == ".br":
                after += len(data)
    return count, before, after


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "dist"
    files, raw, packed = compress_site(site)
    print(f"precompress: {files} files, {raw:,} B → {packed:,} B brotli")
