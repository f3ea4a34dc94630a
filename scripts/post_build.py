#!/usr/bin/env python3
"""Trunk post_build hook: runs on the staging directory before it replaces dist/.

1. `loften publish`: validates data/ (a mistake fails the build with file, field and fix) and
   writes the published data: data/manifest.json, its chunks, data/medborgarloften.json
   (open data) and data/sources/. With LOFTEN_BUNDLE (a synthetic dataset in JSON from
   `loften synth`) it publishes that instead, for benchmarks.
2. Moves Trunk's inline module script into boot-<hash>.js, so the Content-Security-Policy can
   forbid inline scripts, moves Trunk's preloads of the app's code to the top of <head>, and
   leaves out index.html's comments.
3. Minifies the inlined stylesheet (scripts/minify-css.cjs, lightningcss from tools/), then
   writes the page's own Content-Security-Policy, which allows it by its hash (index.html
   explains why the stylesheet is inlined).
4. Stamps the build's version into index.html (scripts/write_sw.py), so the pages rendered
   from it (scripts/build.sh) carry it; the service worker and the compressed copies are
   written once those pages are there.
"""
import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGING = Path(os.environ.get("TRUNK_STAGING_DIR", ROOT / "dist"))
PUBLIC_URL = os.environ.get("TRUNK_PUBLIC_URL", "/")


def publish_data() -> None:
    data = os.environ.get("LOFTEN_DATA", str(ROOT / "data"))
    command = ["cargo", "run", "--quiet", "-p", "loften-cli", "--", "publish", "--data", data, "--out", str(STAGING)]
    synthetic = os.environ.get("LOFTEN_BUNDLE")
    if synthetic:
        # Benchmarks serve a synthetic dataset in place of the real one, as the app's chunks
        # and as the open data both, so they stay the same data (the benchmark's peer reads
        # the JSON). The CLI converts it, so this script needs no Python packages.
        command += ["--dataset", synthetic]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        sys.exit("post_build: `loften publish` failed (see above): the data has problems, or the CLI did not build")
    if synthetic:
        # The benchmark also times the core on the whole dataset in one piece, in the page.
        pack = ["cargo", "run", "--quiet", "-p", "loften-cli", "--", "pack", synthetic, "--out", str(STAGING / "data" / "bundle.bin")]
        if subprocess.run(pack, cwd=ROOT).returncode != 0:
            sys.exit(f"post_build: `loften pack {synthetic}` failed (see above)")


def externalise_boot_script() -> None:
    index = STAGING / "index.html"
    html = index.read_text(encoding="utf-8")
    pattern = re.compile(r'<script type="module"[^>]*>(.*?)</script>', re.S)
    match = pattern.search(html)
    if not match or "src=" in match.group(0).split(">")[0]:
        sys.exit("post_build: Trunk's inline boot script was not found in index.html")
    code = match.group(1).strip() + "\n"
    digest = hashlib.sha256(code.encode()).hexdigest()[:16]
    name = f"boot-{digest}.js"
    (STAGING / name).write_text(code, encoding="utf-8")
    tag = f'<script type="module" src="{PUBLIC_URL}{name}"></script>'
    html = html[: match.start()] + tag + html[match.end():]
    index.write_text(html, encoding="utf-8")


def preload_app_first() -> None:
    """The app's code is most of a first visit's bytes, and search waits for all of it. Its
    preloads go first in <head>, at the browser's own priority, so its download starts the
    moment the page's first bytes are read. The page's paint does not wait for them: its
    stylesheet is inlined and a page's HTML arrives in one burst (under 10 KB of brotli)."""
    index = STAGING / "index.html"
    html = index.read_text(encoding="utf-8")
    preloads = []
    for kind, pattern in (
        ("wasm preload", r'<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>\s*'),
        ("module preload", r'<link rel="modulepreload" href="[^"]+\.js"[^>]*>\s*'),
    ):
        found = list(re.finditer(pattern, html))
        if len(found) != 1:
            sys.exit(f"post_build: Trunk's {kind} was not found in index.html")
        preloads.append(found[0].group(0).strip())
        html = html[: found[0].start()] + html[found[0].end():]
    charset = '<meta charset="utf-8">'
    if charset not in html:
        sys.exit(f"post_build: index.html must start its <head> with {charset}")
    html = html.replace(charset, charset + "\n  " + "\n  ".join(preloads), 1)
    index.write_text(html, encoding="utf-8")


def drop_prose_comments() -> None:
    """index.html explains itself to maintainers in comments; every page rendered from it would
    carry them to every visitor. A prose comment opens with a space, unlike the markers Leptos
    writes, which the prerender adds after this."""
    index = STAGING / "index.html"
    html = index.read_text(encoding="utf-8")
    html = re.sub(r"[ \t]*<!--\s.*?-->[ \t]*\n?", "", html, flags=re.S)
    index.write_text(html, encoding="utf-8")


def minify_inline_stylesheet() -> None:
    result = subprocess.run(["node", str(ROOT / "scripts" / "minify-css.cjs"), str(STAGING / "index.html")])
    if result.returncode != 0:
        sys.exit("post_build: the inline stylesheet could not be minified (see above)")


def allow_inline_stylesheet() -> None:
    """The server's policy leaves styles to the page's (deploy/security-headers.conf): the hash
    changes with every change to the CSS, so it travels in the page, never in a server config
    that a deployment could leave behind."""
    index = STAGING / "index.html"
    html = index.read_text(encoding="utf-8")
    # Comments are skipped: one might name the element.
    found = re.finditer(r"<!--.*?-->|<style>(.*?)</style>", html, re.S)
    styles = [m for m in found if m.group(1) is not None]
    if len(styles) != 1:
        sys.exit(f"post_build: expected the one inlined stylesheet in index.html, found {len(styles)} <style> elements")
    digest = base64.b64encode(hashlib.sha256(styles[0].group(1).encode()).digest()).decode()
    policy = f"style-src 'sha256-{digest}'"
    pattern = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")')
    html, count = pattern.subn(lambda m: m.group(1) + policy + m.group(2), html)
    if count != 1:
        sys.exit("post_build: index.html's <meta http-equiv=\"Content-Security-Policy\"> was not found")
    if html.index('<meta http-equiv="Content-Security-Policy"') > styles[0].start():
        sys.exit("post_build: the page's policy must come before its <style> to apply to it")
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    publish_data()
    externalise_boot_script()
    preload_app_first()
    drop_prose_comments()
    minify_inline_stylesheet()
    allow_inline_stylesheet()
    sys.path.insert(0, str(ROOT / "scripts"))
    import write_sw

    print(f"post_build: version {write_sw.stamp(STAGING)}")
