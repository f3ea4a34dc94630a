#!/usr/bin/env python3
"""The first visit's compressed size, measured deterministically from a build's files.

    python3 bench/size_check.py [DIST] [--ceiling BYTES] [--json]

Counts what a first visit of the start page downloads for the app to work, each file
compressed with brotli at quality 11 (`brotli -q 11`, what a production server would send;
deterministic for a given brotli version):

- index.html;
- every script, stylesheet, module preload and preload that index.html references;
- what the boot script imports (the wasm-bindgen glue and the .wasm), found in its text;
- sw.js, when the build has one (the browser fetches it on the first visit);
- the data the page was rendered from and takes over with: the manifest its
  `<meta name="data-version">` names (data/manifests/<version>.json) and every chunk that
  manifest lists (`load_catalog` in src/catalog.rs).

Icons, the manifest and the open-data files are listed for information but not counted:
shared/DESIGN.md's first-visit size names html, js, wasm, css and data. Nor is a service worker's
precache counted (a second download of the same files; that is behaviour, not size).
gzip -6 (what scripts/serve.sh's nginx sends) is shown next to it for reference.

No byte budget outranks the owner's stack or what residents feel (DESIGN.md), so the size is
recorded, not budgeted: with `--ceiling BYTES` (what `make test` runs) it exits 1 above that
ceiling, which only comes down, so the size cannot grow unnoticed; 2 on a broken build.
Timings are never checked here: they belong to `make bench`.
"""
import gzip
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

# The build's own compressor (scripts/precompress.py): the sizes are those of the files nginx sends.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from precompress import brotli  # noqa: E402

DATA_VERSION = re.compile(r'<meta name="data-version" content="([0-9a-f]+)">')


def brotli_size(data: bytes) -> int:
    return len(brotli(data))


def gzip_size(data: bytes, level: int) -> int:
    return len(gzip.compress(data, compresslevel=level, mtime=0))


def kind_of(path: str) -> str:
    if path.endswith(".wasm"):
        return "wasm"
    if path.endswith(".js"):
        return "js"
    if path.endswith(".css"):
        return "css"
    if path.endswith(".html"):
        return "html"
    if path.startswith("data/") and path.endswith((".json", ".bin")):
        return "data"
    return "other"


def main() -> int:
    args = sys.argv[1:]
    as_json = "--json" in args
    ceiling = int(args[args.index("--ceiling") + 1]) if "--ceiling" in args else None
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--ceiling")]
    dist = Path(positional[0] if positional else "dist")
    if shutil.which("brotli") is None:
        print("size_check: `brotli` is not installed (make setup installs it)", file=sys.stderr)
        return 2
    index = dist / "index.html"
    if not index.is_file():
        print(f"size_check: {index} is missing: build first (make dist)", file=sys.stderr)
        return 2
    html = index.read_text(encoding="utf-8")
    base = re.search(r'<base\s+href="([^"]*)"', html)
    public_url = base.group(1) if base else "/"

    def local(ref: str):
        """A reference from index.html or the boot script, as a path inside dist, if it is one."""
        parsed = urlparse(ref)
        if parsed.scheme or parsed.netloc or ref.startswith("data:"):
            return None
        path = parsed.path
        if path.startswith(public_url):
            path = path[len(public_url):]
        return path.lstrip("/") or None

    wanted = ["index.html"]
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", html):
        rel = re.search(r'\brel="([^"]*)"', tag)
        rel = rel.group(1) if rel else ""
        ref = re.search(r'\b(?:src|href)="([^"]*)"', tag)
        if not ref:
            continue
        if tag.startswith("<script") or rel in ("stylesheet", "modulepreload", "preload"):
            path = local(ref.group(1))
            if path:
                wanted.append(path)
    # The boot script imports the glue and names the wasm; count them even without preloads.
    for path in list(wanted):
        if path.endswith(".js") and (dist / path).is_file():
            text = (dist / path).read_text(encoding="utf-8", errors="replace")
            for ref in re.findall(r"""(?:from\s+|import\s*\(\s*|module_or_path:\s*)['"]([^'"]+\.(?:js|wasm))['"]""", text):
                p = local(ref)
                if p:
                    wanted.append(p)
    if (dist / "sw.js").is_file():
        wanted.append("sw.js")
    version = DATA_VERSION.search(html)
    if version is None:
        print(f"size_check: {index} names no data version: build first (make dist)", file=sys.stderr)
        return 2
    manifest = f"data/manifests/{version.group(1)}.json"
    wanted.append(manifest)
    wanted += [chunk["path"] for chunk in json.loads((dist / manifest).read_text(encoding="utf-8"))["chunks"]]

    seen = []
    for path in wanted:
        if path not in seen:
            seen.append(path)
    rows = []
    for path in seen:
        file = dist / path
        if not file.is_file():
            print(f"size_check: {path} is referenced but not in {dist}", file=sys.stderr)
            return 2
        data = file.read_bytes()
        rows.append({"path": path, "kind": kind_of(path), "raw": len(data), "brotli": brotli_size(data), "gzip6": gzip_size(data, 6)})
    info = []
    for extra in ["manifest.webmanifest", *sorted(str(p.relative_to(dist)) for p in (dist / "icons").glob("*") if p.is_file())] if (dist / "icons").is_dir() else []:
        if (dist / extra).is_file():
            data = (dist / extra).read_bytes()
            info.append({"path": extra, "raw": len(data), "brotli": brotli_size(data), "gzip6": gzip_size(data, 6)})

    total = sum(r["brotli"] for r in rows)
    by_kind = {}
    for r in rows:
        k = by_kind.setdefault(r["kind"], {"raw": 0, "brotli": 0, "gzip6": 0})
        for key in ("raw", "brotli", "gzip6"):
            k[key] += r[key]
    ok = ceiling is None or total <= ceiling
    if as_json:
        print(json.dumps({"dist": str(dist), "compression": "brotli -q 11", "ceiling": ceiling, "total_brotli": total,
                          "total_gzip6": sum(r["gzip6"] for r in rows), "total_raw": sum(r["raw"] for r in rows),
                          "ok": ok, "files": rows, "by_kind": by_kind, "not_counted": info}, indent=2))
    else:
        print(f"First-visit transfer of {dist}/ (brotli -q 11; gzip -6 for reference):")
        print(f"  {'file':<48} {'raw':>9} {'brotli':>9} {'gzip-6':>9}")
        for r in rows:
            print(f"  {r['path']:<48} {r['raw']:>9,} {r['brotli']:>9,} {r['gzip6']:>9,}")
        for kind, k in by_kind.items():
            print(f"  {'  = ' + kind:<48} {k['raw']:>9,} {k['brotli']:>9,} {k['gzip6']:>9,}")
        print(f"  total: {total:,} bytes brotli ({total / 1024:.1f} KB)")
        if ceiling is not None:
            print(f"  ceiling {ceiling:,} bytes (it only comes down): "
                  + ("within" if ok else f"OVER by {total - ceiling:,} bytes"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
