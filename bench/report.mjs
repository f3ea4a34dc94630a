// Turns one run's raw results into BENCHMARKS.md (called by bench/run.sh):
//   node bench/report.mjs --native N.json --browser B.json --size S.json \
//        [--crates C.md] [--national-build NB.json] --out BENCHMARKS.md
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const load = (path) => (path && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const native = load(args.native);
const browser = load(args.browser) ?? {};
const size = load(args.size);
const crates = args.crates && existsSync(args.crates) ? readFileSync(args.crates, "utf8").trim() : null;
const nationalBuild = load(args["national-build"]);
const nationalReused = args["national-reused"] === "1"; // dist-national/ kept from an earlier run

// ---- formatting --------------------------------------------------------------------------
const KB = 1024;
const kb = (b) => (b == null ? "–" : `${(b / KB).toFixed(1)} KB`);
const mb = (b) => (b == null ? "–" : `${(b / (KB * KB)).toFixed(1)} MB`);
const ms = (x, d = 0) => (x == null ? "–" : `${x.toFixed(d)} ms`);
const us = (x) => (x == null ? "–" : `${x.toFixed(0)} µs`);
const num = (x) => (x == null ? "–" : x.toLocaleString("en-US"));
const verdict = (value, limit) => (value == null ? "not measured" : value <= limit ? "**holds**" : "**fails**");
const check = (holds) => (holds == null ? "not measured" : holds ? "**holds**" : "**fails**");
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const times = (x) => (x == null ? "–" : `${x.toFixed(2)}x`);
const duration = (s) => (s == null ? "–" : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const sh = (cmd) => {
  try {
    return execSync(cmd, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "?";
  }
};

// ---- machine -----------------------------------------------------------------------------
const cpuModel = (readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [])[1] ?? os.cpus()[0]?.model ?? "?";
const machine = {
  nproc: sh("nproc"),
  cpu: cpuModel,
  memory: `${(os.totalmem() / KB ** 3).toFixed(1)} GiB`,
  os: `${sh("sh -c '. /etc/os-release && echo $PRETTY_NAME'")}, Linux ${os.release()}`,
  rustc: sh("rustc --version"),
  node: process.version,
};

// ---- figures -----------------------------------------------------------------------------
const BUDGET_KINDS = ["html", "js", "wasm", "css", "data"];
const bytes = browser.bytes;
const sumKinds = (obj, key) => (obj ? BUDGET_KINDS.reduce((a, k) => a + (obj[k]?.[key] ?? 0), 0) : null);
// Per run of a first visit (measure.mjs's bytesOf), split by who fetched (page / service
// worker), budget kinds only.
const splitRuns = (b) => (b?.runs ?? []).map((run) => {
  const t = { page: { wire: 0, body: 0 }, sw: { wire: 0, body: 0 } };
  for (const r of run.rows) {
    if (!BUDGET_KINDS.includes(r.kind)) continue;
    const side = r.by === "page" ? t.page : t.sw;
    side.wire += r.wire;
    side.body += r.body;
  }
  return t;
});
// Each file once (the larger of its downloads), and everything received (a service worker's
// precache downloads the same files a second time).
const oncePerRunOf = (b) => (b?.runs ?? []).map((run) => {
  const largest = new Map();
  for (const r of run.rows) if (BUDGET_KINDS.includes(r.kind)) largest.set(r.url, Math.max(largest.get(r.url) ?? 0, r.wire));
  return [...largest.values()].reduce((a, b) => a + b, 0);
});
/// A first visit's figures, medians over its runs (wire bytes, headers included).
const firstVisit = (b) => {
  if (!b?.runs?.length) return null;
  const split = splitRuns(b);
  return {
    all: median(split.map((t) => t.page.wire + t.sw.wire)),
    once: median(oncePerRunOf(b)),
    data: median(b.runs.map((run) => run.rows.filter((r) => r.kind === "data").reduce((a, r) => a + r.wire, 0))),
  };
};
const perRun = splitRuns(bytes);
const servedOnce = median(oncePerRunOf(bytes));
const servedAll = median(perRun.map((t) => t.page.wire + t.sw.wire));
const swUsed = perRun.some((t) => t.sw.wire > 0);
const brotliTotal = size?.total_brotli ?? null;

const lcp = browser.lcp;
const keys = browser.keys;
const memory = browser.memory;
const peer = browser.peer;
const nativeWorst = native?.worst_median_us ?? null;
const nativeMid = native?.median_of_medians_us ?? null;

const repeatFigure = lcp ? (lcp.serviceWorker?.registered ? lcp.repeatOffline : null) : null;
const repeatCell = !lcp ? "not measured" : lcp.serviceWorker?.registered ? ms(lcp.repeatOffline) : "n/a: no service worker yet";

// ---- the document ------------------------------------------------------------------------
const out = [];
const p = (s = "") => out.push(s);
p("# Benchmarks");
p();
p("Every figure below was produced by one run of `make bench` (bench/run.sh; raw JSON in");
p("`bench/results/`, gitignored). Budgets are from `shared/DESIGN.md`; timings live here and");
p("never in tests. 1 KB = 1,024 bytes.");
p();
p(`- Date: ${browser.date ?? new Date().toISOString()}`);
p(`- Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memory} memory; ${machine.os}`);
p(`- Browser: Chromium ${browser.chromium ?? "?"} (Debian), headless, via playwright-core ${browser.conditions?.playwright ?? "?"} over the DevTools Protocol; ${browser.conditions?.device ?? ""}`);
p(`- Toolchain: ${machine.rustc}; Node ${machine.node}`);
p(`- Runs: ${browser.runs ?? "?"} per browser measurement, medians reported`);
p();
p("## Budgets");
p();
p("What residents feel, on an old phone on a slow network: Slow 4G (150 ms round trip, 1.6 Mbit/s) and");
p("4x CPU slowdown, the production nginx configuration. \"Painted\" is the first animation frame that shows");
p("the content (every selector matches a visible element); the plain page is the same content as static");
p("HTML linking the app's stylesheet, with no script (`bench/plain-pages.mjs`), measured in the same run, the");
p("two alternating. The app's pages carry their stylesheet inline; the tables below also give a plain page");
p("that does the same, the fastest a static page gets.");
p();
p("| Budget (DESIGN.md) | Measured | Holds? |");
p("|---|---|---|");
const paint = browser.paint;
for (const [name, what] of [["start", "the first result on `/`"], ["agreement", "the heading and first activity of `/medborgarlofte/jonkoping-2020`"]]) {
  const f = paint?.[name];
  p(`| First visit: ${what} painted ≤ 1.0 s | ${ms(f?.app)} | ${verdict(f?.app, 1000)} |`);
  p(`| … ≤ 1.2x the plain static page of the same content | ${f ? `${f.ratio.toFixed(2)}x (plain page ${ms(f.plain)})` : "not measured"} | ${verdict(f?.ratio, 1.2)} |`);
}
const search = browser.search;
p(`| First visit: search answers the first keystroke ≤ 3.0 s after navigation | ${search ? `${ms(search.answered)} (the field could be typed in at ${ms(search.fieldAt)})` : "not measured"} | ${verdict(search?.answered, 3000)} |`);
p(`| Repeat visit, offline, from the service worker (4x CPU): content painted ≤ 0.5 s (largest contentful paint) | ${repeatCell} | ${lcp && !lcp.serviceWorker?.registered ? "n/a" : verdict(repeatFigure, 500)} |`);
p(`| Keystroke in search to results painted, 1,500 agreements / 15,000 activities, 4x CPU: p95 ≤ 100 ms | p95 ${ms(keys?.p95)} (p50 ${ms(keys?.p50)}) | ${verdict(keys?.p95, 100)} |`);
p("| … the script's own part of a keystroke ≤ 50 ms | not measured apart by this harness (bench/TYPING.md has traces) | not checked |");
p(`| The core's query on that dataset, natively: median ≤ 1 ms | slowest query's median ${us(nativeWorst)}; median over the query set ${us(nativeMid)} | ${verdict(nativeWorst == null ? null : nativeWorst / 1000, 1)} |`);
if (peer) {
  const comparableRatio = median(peer.rows.filter((r) => !(r.mini.records === 0 && r.ours.records + r.ours.groups > 0)).map((r) => r.ratio));
  p(`| Against MiniSearch in the same browser: ≤ 0.3x its query time and its index memory | query time ${comparableRatio.toFixed(2)}x, index memory ${peer.memoryRatio.toFixed(2)}x | ${verdict(Math.max(comparableRatio, peer.memoryRatio), 0.3)} |`);
}
p(`| Memory after load with that dataset (JS heap + wasm memory) ≤ 20 MB | ${mb(memory?.total)} (JS ${mb(memory?.jsHeapUsed)} + wasm ${mb(memory?.wasmMemory)}) | ${verdict(memory?.total, 20 * KB * KB)} |`);
// National scale: `loften synth --agreements 3000 --seed 1`, every page rendered (dist-national/).
const national = browser.national;
const kommunPath = national?.kommun?.path ?? "/kommun/jonkoping";
const nationalBytes = national?.bytes
  ? Object.fromEntries(["home", "kommun"].map((page) => {
      const real = firstVisit(national.bytes.real?.[page]);
      const nat = firstVisit(national.bytes.national?.[page]);
      return [page, { real, national: nat, ratio: ratio(nat?.all, real?.all) }];
    }))
  : null;
const GITHUB_PAGES = 1_000_000_000; // "1 GB": the stricter reading, 10^9 bytes
const CLOUDFLARE_FILES = 20_000;
{
  const scale = "National scale (3,000 agreements)";
  for (const [page, path] of [["home", "/"], ["kommun", kommunPath]]) {
    const f = nationalBytes?.[page];
    p(`| ${scale}: the first visit's bytes to \`${path}\` ≤ 1.1x those with the real data | ${f?.ratio != null ? `${times(f.ratio)} (${kb(f.national.all)} against ${kb(f.real.all)})` : "not measured"} | ${verdict(f?.ratio, 1.1)} |`);
  }
  const nSearch = national?.search;
  p(`| ${scale}: search answers the first keystroke ≤ 3.0 s after navigation | ${nSearch ? `${ms(nSearch.answered)} (the field could be typed in at ${ms(nSearch.fieldAt)})` : "not measured"} | ${verdict(nSearch?.answered, 3000)} |`);
  const nMemory = national?.memory;
  p(`| ${scale}: memory after load (JS heap + wasm memory) ≤ 20 MB | ${nMemory ? `${mb(nMemory.total)} (JS ${mb(nMemory.jsHeapUsed)} + wasm ${mb(nMemory.wasmMemory)})` : "not measured"} | ${verdict(nMemory?.total, 20 * KB * KB)} |`);
  const offline = national?.offline;
  p(`| ${scale}: \`${kommunPath}\` opens offline after a visit to it (its h1 shows the kommun's name) | ${offline ? `${offline.ok === offline.of ? "yes" : "no"}: in ${offline.ok} of ${offline.of} runs` : "not measured"} | ${check(offline && offline.of > 0 ? offline.ok === offline.of : null)} |`);
  const site = nationalBuild?.site;
  const lean = nationalBuild?.site_without_precompressed;
  p(`| The national build fits common static hosts: under 1 GB in all, precompressed copies included (GitHub Pages) | ${site ? `${mb(site.bytes)} (${num(site.bytes)} of ${num(GITHUB_PAGES)} B; ${num(site.files)} files)` : "not measured"} | ${check(site ? site.bytes < GITHUB_PAGES : null)} |`);
  p(`| … and without the precompressed copies under 20,000 files (Cloudflare Pages) | ${lean ? `${num(lean.files)} files (${mb(lean.bytes)})` : "not measured"} | ${check(lean ? lean.files < CLOUDFLARE_FILES : null)} |`);
}
p();
p("## Bytes");
p();
p("Recorded, not budgeted: no byte budget outranks the stack or the budgets above (DESIGN.md). `make test`");
p("holds the first figure under a ceiling that only comes down (`SIZE_CEILING` in the Makefile).");
p();
p("| First visit (html, js, wasm, css, data) | |");
p("|---|---|");
p(`| brotli -q 11 of the files, as the build precompresses them (\`python3 bench/size_check.py dist\`) | ${kb(brotliTotal)} (${num(brotliTotal)} B) |`);
p(`| as served here by nginx (headers included), each file counted once | ${kb(servedOnce)} |`);
if (swUsed) p(`| everything received on a first visit, including the service worker's precache (hashed files come from the HTTP cache) | ${kb(servedAll)} |`);
const lcpElement = lcp?.runs?.[0]?.entry?.element;
p(`| (for reference) largest contentful paint, first visit | ${ms(lcp?.median)}, the element \`${lcpElement ?? "?"}\` |`);
p();
if (peer) {
  const comparable = peer.rows.filter((r) => !(r.mini.records === 0 && r.ours.records + r.ours.groups > 0));
  p("## Peer: MiniSearch in the same browser");
  p();
  p(`MiniSearch ${peer.mini.version} and our engine (loften-core built to wasm by \`bench/probe\` with the app's`);
  p("release profile and wasm-opt settings), in one page of the same Chromium, no throttling, over the");
  p(`same ${num(peer.mini.documentCount)} promises and activities of the synthetic dataset, the same queries (\`bench/queries.json\`).`);
  p();
  p("| | Ours | MiniSearch | Ours / MiniSearch |");
  p("|---|---|---|---|");
  p(`| Query time, median over the query set's per-query medians | ${ms(median(peer.rows.map((r) => r.ours.median_ms)), 3)} | ${ms(median(peer.rows.map((r) => r.mini.median_ms)), 3)} | **${median(comparable.map((r) => r.ratio)).toFixed(2)}** (median of per-query ratios, ${comparable.length} comparable queries) |`);
  p(`| Query time, the whole set once | ${ms(peer.rows.reduce((a, r) => a + r.ours.median_ms, 0), 2)} | ${ms(peer.rows.reduce((a, r) => a + r.mini.median_ms, 0), 2)} | ${(peer.rows.reduce((a, r) => a + r.ours.median_ms, 0) / peer.rows.reduce((a, r) => a + r.mini.median_ms, 0)).toFixed(2)} |`);
  p(`| Index memory | ${mb(peer.ours.indexBytes)} (Rust allocator, live bytes) | ${mb(peer.mini.indexBytes)} (JS heap after GC) | **${peer.memoryRatio.toFixed(2)}** |`);
  p(`| Index build | ${ms(peer.ours.buildMs)} | ${ms(peer.mini.buildMs)} | ${(peer.ours.buildMs / peer.mini.buildMs).toFixed(2)} |`);
  p(`| Reading the bundle | ${ms(peer.ours.parseMs)} (binary bundle, ${mb(peer.ours.datasetBytes)} held) | ${ms(peer.mini.prepareMs)} to make documents from JSON.parse | |`);
  p();
  p("| Query | Ours: agreements / records | MiniSearch: agreements / records | Ours, median | MiniSearch, median | Ratio |");
  p("|---|---|---|---|---|---|");
  for (const r of peer.rows) {
    const note = comparable.includes(r) ? "" : " (not comparable: MiniSearch has no infix search)";
    p(`| ${r.name} | ${num(r.ours.groups)} / ${num(r.ours.records)} | ${num(r.mini.groups)} / ${num(r.mini.records)} | ${ms(r.ours.median_ms, 3)} | ${ms(r.mini.median_ms, 3)} | ${r.ratio.toFixed(2)}${note} |`);
  }
  p();
  p("Not the same work: ours also counts facets for all five filters on every query, lists");
  p("agreements that match by their own texts (records listed: only those matching by their own");
  p("words), ranks exact letters over folded ones and finds words inside compounds (4+ letters);");
  p("MiniSearch scores BM25 and returns every matching record. Record counts differ for those reasons.");
  p();
}
p("## Details");
p();
if (crates) {
  p("### What each crate weighs");
  p();
  p("The release wasm before wasm-bindgen and wasm-opt (the last build step with function names), by the crate");
  p("each function's name starts with (`python3 bench/crate_sizes.py`, twiggy). Proportions, not shipped bytes.");
  p();
  p(crates);
  p();
}
if (size || bytes) {
  p("### First visit: bytes by kind");
  p();
  p("Brotli -q 11 and gzip -6 of the files in dist/ (`bench/size_check.py`, deterministic), and what");
  p(`Chromium received from nginx (the build's brotli files) on a first visit of \`/\` with the real data, median of ${browser.runs ?? "?"} runs`);
  p("(body bytes; headers are counted in the budget rows above). \"Service worker\" is the precache");
  p("download the service worker makes during that same first visit.");
  p();
  p("| Kind | Raw | Brotli -q 11 | gzip -6 | Received by the page | Received by the service worker |");
  p("|---|---|---|---|---|---|");
  const swKind = (k) => median((bytes?.runs ?? []).map((run) => run.rows.filter((r) => r.kind === k && r.by !== "page").reduce((a, r) => a + r.body, 0)));
  const pageKind = (k) => median((bytes?.runs ?? []).map((run) => run.rows.filter((r) => r.kind === k && r.by === "page").reduce((a, r) => a + r.body, 0)));
  for (const k of [...BUDGET_KINDS, "manifest", "icons", "other"]) {
    const s = size?.by_kind?.[k];
    if (!s && !bytes?.median?.[k]) continue;
    p(`| ${k} | ${s ? num(s.raw) : "–"} | ${s ? num(s.brotli) : "–"} | ${s ? num(s.gzip6) : "–"} | ${num(pageKind(k))} | ${num(swKind(k))} |`);
  }
  p(`| **html+js+wasm+css+data** | ${num(size?.total_raw)} | **${num(size?.total_brotli)}** | ${num(size?.total_gzip6)} | ${num(median(perRun.map((t) => t.page.body)))} | ${num(median(perRun.map((t) => t.sw.body)))} |`);
  p();
  if (size) {
    p("Files counted by the size check: " + size.files.map((f) => `\`${f.path}\` ${num(f.brotli)}`).join(", ") + ".");
    p();
  }
}
if (lcp) {
  p("### Largest contentful paint");
  p();
  p("First visit of `/` (real data) in a fresh browser context: Slow 4G (150 ms latency, 1.6 Mbit/s down and up,");
  p("`Network.emulateNetworkConditions`), 4x CPU slowdown (`Emulation.setCPUThrottlingRate`), phone viewport.");
  p();
  p("| Run | LCP | LCP element | FCP | load event | first result painted | repeat visit offline (SW) |");
  p("|---|---|---|---|---|---|---|");
  lcp.runs.forEach((r, i) => {
    const rep = r.repeat ? (r.repeat.error ? `error: ${r.repeat.error}` : `${ms(r.repeat.lcp)} (${r.repeat.entry?.element ?? "?"}, controlled: ${r.repeat.controlled})`) : "n/a";
    p(`| ${i + 1} | ${ms(r.lcp)} | \`${r.entry?.element ?? "?"}\` “${(r.entry?.text ?? "").slice(0, 40)}…” | ${ms(r.fcp)} | ${ms(r.load)} | ${ms(r.firstResultPainted)} | ${rep} |`);
  });
  p(`| **median** | **${ms(lcp.median)}** | | ${ms(lcp.fcp)} | ${ms(lcp.load)} | ${ms(lcp.firstResultPainted)} | ${lcp.serviceWorker?.registered ? ms(lcp.repeatOffline) : "n/a: no service worker yet"} |`);
  p();
}
if (paint) {
  p("### Content painted, the app beside the plain page");
  p();
  p("| Page | Run | App | Plain page | Ratio | Plain page, stylesheet inlined | Ratio | App's first contentful paint |");
  p("|---|---|---|---|---|---|---|---|");
  const inlined = (r, ratio) => (r ? `${ms(r)} | ${ratio.toFixed(2)}` : "not measured | ");
  for (const [name, f] of Object.entries(paint)) {
    f.runs.forEach((r, i) => p(`| \`${f.path}\` | ${i + 1} | ${ms(r.app.content)} | ${ms(r.plain.content)} | ${r.ratio.toFixed(2)} | ${inlined(r.inlined?.content, r.inlinedRatio)} | ${ms(r.app.fcp)} |`));
    p(`| \`${f.path}\` | **median** | **${ms(f.app)}** | ${ms(f.plain)} | **${f.ratio.toFixed(2)}** | ${inlined(f.inlined, f.inlinedRatio)} | ${ms(f.appFcp)} |`);
  }
  p();
}
if (search) {
  p("### The first keystroke");
  p();
  p("| Run | The field can be typed in | Search answered \"p\" |");
  p("|---|---|---|");
  search.runs.forEach((r, i) => p(`| ${i + 1} | ${ms(r.fieldAt)} | ${ms(r.answered)} |`));
  p(`| **median** | ${ms(search.fieldAt)} | **${ms(search.answered)}** |`);
  p();
}
if (keys) {
  p("### Keystroke to paint");
  p();
  p("Synthetic dataset (dist-bench/), 4x CPU slowdown, typing into the search field one key at a time");
  p(`(${browser.sequence?.filter((k) => !k.startsWith("Control")).length ?? "?"} key presses per run: "trygghetsvandring", 9 × Backspace, select all + Backspace, "polisen",`);
  p("7 × Backspace, \"narkotika\", select all + Backspace), ~150 ms between a paint and the next key.");
  p();
  p("| Run | p50 | p95 | max | keys without a DOM change |");
  p("|---|---|---|---|---|");
  keys.runs.forEach((r, i) => p(`| ${i + 1} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.unchanged} |`));
  p(`| **median of runs** | **${ms(keys.p50)}** | **${ms(keys.p95)}** | | |`);
  p(`| all ${keys.samples} keys pooled | ${ms(keys.pooledP50)} | ${ms(keys.pooledP95)} | | |`);
  p();
}
if (memory) {
  p("### Memory after load");
  p();
  p("Synthetic dataset, `/` loaded and the results shown, 2 s idle, two forced garbage collections");
  p("(`HeapProfiler.collectGarbage`); JS heap = `Performance.getMetrics` JSHeapUsedSize; wasm = the");
  p("`byteLength` of the app's `WebAssembly.Memory`.");
  p();
  p("| Run | JS heap used | wasm memory | total | DOM nodes |");
  p("|---|---|---|---|---|");
  memory.runs.forEach((r, i) => p(`| ${i + 1} | ${mb(r.jsHeapUsed)} | ${mb(r.wasmMemory)} | ${mb(r.total)} | ${num(r.domNodes)} |`));
  p(`| **median** | ${mb(memory.jsHeapUsed)} | ${mb(memory.wasmMemory)} | **${mb(memory.total)}** | |`);
  p();
}
if (national || nationalBuild) {
  const b = nationalBuild;
  p("### National scale");
  p();
  p("`loften synth --agreements 3000 --seed 1` (real kommun names and topics, synthetic agreements), built into");
  p("dist-national/ with every page rendered (`LOFTEN_BUNDLE=… /usr/bin/time -v scripts/build.sh dist-national /`)");
  p("and served by the same nginx block as the others. The kommun page is");
  p(`\`${kommunPath}\`${national?.kommun?.reason ? ` (${national.kommun.reason})` : ""}.`);
  p();
  if (b) {
    p(`The build${b.commit ? ` on ${b.commit}` : ""}, ${b.date ?? "?"}${nationalReused ? " (an earlier run's: this run reused dist-national/, `BENCH_SKIP_BUILD=1`)" : ""}:`);
    p();
    p("| | |");
    p("|---|---:|");
    if (b.synthetic) p(`| synthetic data | ${num(b.synthetic.agreements)} agreements, ${num(b.synthetic.activities)} activities, ${num(b.synthetic.distinct_words)} distinct words |`);
    p(`| published data | ${num(b.chunks)} chunks, ${mb(b.chunk_bytes)} |`);
    p(`| pages rendered | ${num(b.pages_rendered)} |`);
    p(`| build, wall clock (${machine.nproc} cores, cargo's cache warm from dist-bench/) | ${duration(b.wall_s)} (user ${duration(b.user_s)}, system ${duration(b.system_s)}) |`);
    p(`| build's largest resident memory (\`/usr/bin/time -v\`: its largest process) | ${mb(b.max_rss_bytes)} |`);
    p(`| site with the precompressed copies (*.br, *.gz) | ${mb(b.site.bytes)} (${num(b.site.bytes)} B), ${num(b.site.files)} files |`);
    p(`| site without them (what a CDN that compresses needs) | ${mb(b.site_without_precompressed.bytes)} (${num(b.site_without_precompressed.bytes)} B), ${num(b.site_without_precompressed.files)} files |`);
    p();
  }
  if (nationalBytes) {
    p(`First visits in a fresh context, no throttling, median of ${browser.runs ?? "?"} runs: the wire bytes (headers included) of html, js,`);
    p("wasm, css and data, everything received, the service worker's precache included (the budget's figure);");
    p("each file once; and the data alone (everything received).");
    p();
    p("| Page | Real data: everything | each file once | data | National: everything | each file once | data | National / real |");
    p("|---|---|---|---|---|---|---|---|");
    for (const [page, path] of [["home", "/"], ["kommun", kommunPath]]) {
      const f = nationalBytes[page];
      p(`| \`${path}\` | ${kb(f.real?.all)} | ${kb(f.real?.once)} | ${kb(f.real?.data)} | ${kb(f.national?.all)} | ${kb(f.national?.once)} | ${kb(f.national?.data)} | **${times(f.ratio)}** |`);
    }
    p();
  }
  const nSearch = national?.search;
  const nMemory = national?.memory;
  if (nSearch || nMemory) {
    p("The first keystroke (as above: Slow 4G, 4x CPU, \"p\" as soon as the field is there) and memory after load");
    p("(as above: `/`, results shown, 2 s idle, two forced garbage collections), on the national build:");
    p();
    p("| Run | The field can be typed in | Search answered \"p\" | JS heap used | wasm memory | total |");
    p("|---|---|---|---|---|---|");
    const n = Math.max(nSearch?.runs?.length ?? 0, nMemory?.runs?.length ?? 0);
    for (let i = 0; i < n; i++) {
      const s = nSearch?.runs?.[i];
      const m = nMemory?.runs?.[i];
      p(`| ${i + 1} | ${ms(s?.fieldAt)} | ${ms(s?.answered)} | ${mb(m?.jsHeapUsed)} | ${mb(m?.wasmMemory)} | ${mb(m?.total)} |`);
    }
    p(`| **median** | ${ms(nSearch?.fieldAt)} | **${ms(nSearch?.answered)}** | ${mb(nMemory?.jsHeapUsed)} | ${mb(nMemory?.wasmMemory)} | **${mb(nMemory?.total)}** |`);
    p();
  }
  const offline = national?.offline;
  if (offline) {
    p(`\`${offline.path}\` offline: visited online, the service worker ready and controlling the page, then the context`);
    p("offline (and the worker's own requests aborted), the same page opened in a new tab:");
    p();
    p("| Run | Worker controlling before | Answered by the worker | h1 offline | Shows the kommun's name |");
    p("|---|---|---|---|---|");
    offline.runs.forEach((r, i) => {
      const h1 = r.shown?.length ? r.shown.map((t) => `“${t}”`).join(", ") : "none";
      p(`| ${i + 1} | ${r.serviceWorker?.controlled ? "yes" : "no"} | ${r.fromServiceWorker == null ? "–" : r.fromServiceWorker ? "yes" : "no"} | ${h1} | ${r.ok ? "yes" : `no${r.error ? ` (${r.error.replace(/\|/g, "\\|")})` : ""}`} |`);
    });
    p();
  }
}
if (native) {
  p("### The query engine, natively");
  p();
  p(`\`cargo bench -p loften-core --bench query\` (crates/loften-core/benches/query.rs; the bench profile inherits`);
  p(`the workspace's \`[profile.release]\`: opt-level "z", LTO). ${num(native.agreements)} agreements, ${num(native.activities)} activities,`);
  p(`${num(native.records)} promises and activities; reading the binary bundle ${ms(native.parse_ms, 1)}, \`Index::new\` ${ms(native.index_build_ms, 1)}.`);
  p();
  p("| Query | Kind | Agreements | Records | Median | p95 |");
  p("|---|---|---|---|---|---|");
  for (const q of native.queries) p(`| ${q.name} | ${q.kind} | ${num(q.groups)} | ${num(q.records)} | ${us(q.median_us)} | ${us(q.p95_us)} |`);
  p();
}
p("## How it is measured");
p();
p("- `make bench` builds dist/ (real data) and dist-bench/ (`LOFTEN_BUNDLE=… trunk build --release --dist dist-bench`,");
p("  the synthetic bundle from `loften synth --agreements 1500 --seed 1`), serves each with nginx and the production");
p("  server block (`scripts/serve.sh DIST PORT /`) on loopback, and drives Debian's Chromium with playwright-core");
p("  (`bench/measure.mjs`). Every measurement starts in a fresh browser context (empty caches).");
p("- Bytes: Playwright's request events (page and service worker), `request.sizes()`: encoded body and header bytes.");
p("- LCP: a `PerformanceObserver` for `largest-contentful-paint` (buffered) added before the page's scripts; the last");
p("  entry once the first result is visible plus 1 s. The throttling applies to the page; the service worker's own");
p("  downloads during the first visit are not throttled. Repeat visit: a new tab in the same context after the");
p("  service worker is ready, with the context offline and 4x CPU slowdown.");
p("- Content painted: an init script checks, in every animation frame from the first, whether each selector of");
p("  the page matches a visible element (`ol.results > li` on `/`; `main h1` and `.record--activity .record__text`");
p("  on the agreement page); the time is that frame's `performance.now()`, from navigation start. The plain page");
p("  (`bench/plain-pages.mjs`: the same texts with the same classes and the app's stylesheet, linked, no script) and");
p("  its twin with the stylesheet inlined are served precompressed by the same nginx block; the app and the two");
p("  plain pages alternate run by run.");
p("- The first keystroke: Slow 4G + 4x CPU, \"p\" pressed in the search field as soon as it is visible; answered when");
p("  the results' live region reports matches (\"träff\"), in the frame that first shows it, from navigation start.");
p("- Keystroke to paint: `keydown` (its `timeStamp`) to the paint after the last DOM mutation it caused: a");
p("  `MutationObserver`, then `requestAnimationFrame` → `setTimeout 0`, re-armed by every later mutation. A key");
p("  that only moves the painted matches (the CSS highlight `sok`, no DOM change) counts from the highlight's change.");
p("- wasm memory: the app's `WebAssembly.Memory`, taken from Trunk's `TrunkApplicationStarted` event");
p("  (`event.detail.wasm` is wasm-bindgen's init result, the instance's exports, whose `memory` it is) and, as a");
p("  fallback should the boot script change, from a wrapper around `WebAssembly.instantiate(Streaming)` installed");
p("  by the same init script. `performance.measureUserAgentSpecificMemory` needs cross-origin isolation, which the");
p("  site does not have.");
p("- Peer: `bench/peer-page.js`; times are medians of batches of calls long enough (≥ 5 ms) for the browser's");
p("  100 µs timer; index memory for ours is the Rust allocator's live bytes before and after `Index::new`, for");
p("  MiniSearch the JS heap after forced GC before and after `addAll` (documents built beforehand).");
p("- National scale: `loften synth --agreements 3000 --seed 1` built into dist-national/ under `/usr/bin/time -v`");
p("  (wall clock, peak resident memory) from an empty folder; the site's size is the sum of its files' sizes, and the");
p("  precompressed copies are the `NAME.br` and `NAME.gz` beside a `NAME`. First-visit bytes, the first keystroke and");
p("  memory are measured as above, on dist/ and dist-national/ alike; a kommun page's first visit counts until the app");
p("  answers (`html[data-ready]`, a visible h1). The kommun page is Jönköping's when both datasets have agreements of");
p("  it, else the first kommun by slug with agreements in both (`data/manifest.json`'s chunks). Offline: the h1 the");
p("  online visit showed must show again, within 60 s, in the new tab.");
p();
// Sections written by hand, kept across runs: pages rendered ahead of time, the stack's cost,
// typing, the bundle's codec, the kiosk's endurance, and what it took.
for (const name of ["./PRERENDER.md", "./STACK.md", "./TYPING.md", "./BUNDLE.md", "./KIOSK.md", "./WHAT-IT-TOOK.md"]) {
  const section = new URL(name, import.meta.url);
  if (existsSync(section)) p(readFileSync(section, "utf-8").trimEnd());
  p();
}
writeFileSync(args.out, out.join("\n"));
console.log(`[bench] wrote ${args.out}`);
