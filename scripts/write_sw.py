#!/usr/bin/env python3
"""Write DIST/sw.js from public/sw.js: the exact files to precache and a version that is a
hash of their contents, and stamp that version into every page (<meta name="app-version">).

    python3 scripts/write_sw.py DIST

scripts/build.sh runs it last, after the pages are rendered; it then writes the site's
precompressed copies (scripts/precompress.py), so a copy is never older than its file. The
update test changes a built site and runs it again. Trunk's post_build hook calls `stamp`
earlier, so that the pages rendered from index.html carry the version too.

The pages (`*.html`) are left out of the version: each carries it, and each is rendered from
the wasm, the data and Trunk's page (with the stylesheet and the script that runs before
the first paint), which are in it. `DIST/.pages` (written by the prerender)
lists the rendered pages; those marked `keep` are precached, the rest open in the shell
offline.
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import precompress  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "public" / "sw.js"

# Not precached: the worker itself, the downloads written from the data (the open-data copy and
# the officials' follow-up sheet: people download them on purpose, and at the country's scale
# the sheet alone is 290 KB brotli; the app reads the published chunks), the benchmark's whole
# dataset in one piece (only builds with LOFTEN_BUNDLE have it, for bench/peer-page.js), and the
# Atom feeds (for feed readers; they are written from the data, which the chunks bring).
SKIP = {"sw.js", "data/medborgarloften.json", "data/uppfoljningar.csv", "data/bundle.bin"}
SKIP_FOLDERS = ("feeds/",)
# The published data has a cache of its own that outlives the app's versions (public/sw.js).
DATA_PREFIXES = ("data/manifest.json", "data/manifests/", "data/chunks/", "data/search/")
META = re.compile(r'<meta name="app-version" content="[^"]*">')
# A line of public/sw.js that is all comment (`//`, or a `/** … */` block, whose lines start
# with `*`): written for whoever reads the template, left out of dist/sw.js, which every first
# visit downloads. (public/sw.js keeps its comments on lines of their own for this.)
COMMENT_LINE = re.compile(r"^\s*(//|/\*|\*)")


def site_files(dist: Path) -> list:
    files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file())
    # NAME.br and NAME.gz are NAME as the server sends it, not files of their own.
    return [
        f for f in files
        if f not in SKIP and not f.startswith((".", *SKIP_FOLDERS)) and not f.endswith(precompress.ENCODINGS)
    ]


def pages_not_kept(dist: Path) -> set:
    """The rendered pages not precached: `page`, and the lists (`list`) once the data is too large
    to keep whole (loften_core::route::KeptOffline)."""
    listing = dist / ".pages"
    if not listing.exists():
        return set()
    kept = {"keep", "list"} if data_is_whole(dist) else {"keep"}
    rows = (line.split(" ", 1) for line in listing.read_text(encoding="utf-8").splitlines() if line)
    return {name for mark, name in rows if mark not in kept}


def precache_list(dist: Path) -> list:
    left_out = pages_not_kept(dist)
    return [f for f in site_files(dist) if f not in left_out and not f.startswith(DATA_PREFIXES)]


# All of the data is kept offline from the first visit, and each newer version as it is read,
# while it is this small (the real data is about 35 KB); past it, the reference chunk alone, and
# the worker keeps the chunks the app asks it to (src/catalog/kept_offline.rs), so a first visit
# costs the same however large the country's data. KEEP_WHOLE_DATA_UP_TO (bytes) sets another
# limit: the end-to-end test of a device that keeps only what it read sets 0.
WHOLE_DATA_MAX_BYTES = int(os.environ.get("KEEP_WHOLE_DATA_UP_TO", 512 * 1024))


def data_is_whole(dist: Path) -> bool:
    """Whether the worker keeps all of the build's data from the first visit."""
    manifest = json.loads((dist / "data" / "manifest.json").read_text(encoding="utf-8"))
    return sum(chunk["bytes"] for chunk in manifest["chunks"]) <= WHOLE_DATA_MAX_BYTES


def build_data(dist: Path) -> list:
    """The data the build's pages were rendered from that the worker keeps from the start: the
    current manifest's own copy and its chunks, or only its reference chunk when the data is
    large (a site may also hold chunks of earlier versions)."""
    manifest = json.loads((dist / "data" / "manifest.json").read_text(encoding="utf-8"))
    chunks = manifest["chunks"]
    if not data_is_whole(dist):
        chunks = [chunk for chunk in chunks if not chunk["kommuner"]]
    paths = [f"data/manifests/{manifest['version']}.json"] + [chunk["path"] for chunk in chunks]
    # Once each: the cache refuses a list that names a file twice.
    return list(dict.fromkeys(paths))


def template(dist: Path) -> Path:
    """Trunk's page, which every page is rendered from: shell.html once the prerender has kept
    it there, index.html before."""
    shell = dist / "shell.html"
    return shell if shell.exists() else dist / "index.html"


def version(dist: Path) -> str:
    digest = hashlib.sha256()
    for name in site_files(dist):
        if name.endswith(".html"):
            continue
        digest.update(name.encode() + b"\0" + hashlib.sha256((dist / name).read_bytes()).digest())
    # Without the version it carries, so stamping it does not change it.
    digest.update(META.sub("", template(dist).read_text(encoding="utf-8")).encode())
    return digest.hexdigest()[:12]


def stamp(dist: Path) -> str:
    """Put the site's version into every page; returns it."""
    current = version(dist)
    meta = f'<meta name="app-version" content="{current}">'
    for page in dist.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = META.sub(meta, html) if META.search(html) else html.replace("</head>", f"  {meta}\n</head>", 1)
        page.write_text(html, encoding="utf-8")
    return current


def write(dist: Path) -> str:
    current = stamp(dist)
    # Paths relative to the worker's scope, so hosting under a sub-path needs no change.
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines(keepends=True)
    worker = "".join(line for line in lines if not COMMENT_LINE.match(line))
    worker = (
        worker.replace('"__VERSION__"', json.dumps(current))
        .replace("__PRECACHE__", json.dumps(precache_list(dist), indent=2))
        .replace("__DATA__", json.dumps(build_data(dist), indent=2))
        .replace("__KEEP_ALL_UP_TO__", str(WHOLE_DATA_MAX_BYTES))
    )
    (dist / "sw.js").write_text(worker, encoding="utf-8")
    return current


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    print(f"sw.js version {write(target)} ({len(precache_list(target))} files precached)")
    files, raw, packed = precompress.compress_site(target)
    print(f"precompressed {files} files, {raw:,} B → {packed:,} B brotli")
