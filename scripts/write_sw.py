#!/usr/bin/env python3
"""Write DIST/sw.js from public/sw.js: the exact files to precache and a version that is a
hash of their contents, and put that version in DIST/index.html (<meta name="app-version">).

Run by scripts/post_build.py on every build; also callable on its own (the update test
changes a built site and runs it again): python3 scripts/write_sw.py DIST, which then writes
the site's precompressed copies again too (scripts/precompress.py).
"""
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import precompress  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "public" / "sw.js"

# Not precached: the worker itself, and the open-data copy of the dataset (people download it
# on purpose; the app reads its binary bundle, data/bundle.bin, which is precached).
SKIP = {"sw.js", "data/medborgarloften.json"}


def precache_list(dist: Path) -> list:
    files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file())
    # NAME.br and NAME.gz are NAME as the server sends it, not files of their own.
    return [f for f in files if f not in SKIP and not f.startswith(".") and not f.endswith(precompress.ENCODINGS)]


def write(dist: Path) -> str:
    files = precache_list(dist)
    digest = hashlib.sha256()
    for name in files:
        if name == "index.html":
            continue  # it carries the version itself; everything it names is hashed below
        digest.update(name.encode() + b"\0" + hashlib.sha256((dist / name).read_bytes()).digest())
    version = digest.hexdigest()[:12]

    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    meta = f'<meta name="app-version" content="{version}">'
    if 'name="app-version"' in html:
        html = re.sub(r'<meta name="app-version" content="[^"]*">', meta, html)
    else:
        html = html.replace("</head>", f"  {meta}\n</head>", 1)
    index.write_text(html, encoding="utf-8")

    # Paths relative to the worker's scope, so hosting under a sub-path needs no change.
    worker = TEMPLATE.read_text(encoding="utf-8")
    worker = worker.replace('"__VERSION__"', json.dumps(version)).replace("__PRECACHE__", json.dumps(files, indent=2))
    (dist / "sw.js").write_text(worker, encoding="utf-8")
    return version


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    print(f"sw.js version {write(target)} ({len(precache_list(target))} files precached)")
    precompress.compress_site(target)
