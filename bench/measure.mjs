// The browser half of `make bench`: Debian's Chromium driven by playwright-core over the
// Chrome DevTools Protocol, against release builds served by nginx with the production
// server block (scripts/serve.sh). bench/run.sh starts the servers and calls:
//
//   node bench/measure.mjs --real http://127.0.0.1:P1 --synth http://127.0.0.1:P2 \
//        --plain http://127.0.0.1:P3 [--national http://127.0.0.1:P4 [--kommun SLUG]] \
//        --runs 5 --out bench/results/browser-STAMP.json \
//        [--only bytes,lcp,paint,search,keys,memory,peer,offline]
//
// --real serves dist/ (the real data: first-visit bytes, LCP, content painted, the first
// keystroke); --synth serves dist-bench/ (the synthetic 1,500 agreements: keystroke latency,
// memory, the MiniSearch peer); --plain serves the same content as plain static pages
// (bench/plain-pages.mjs), the peer that content painting is compared with; --national
// serves dist-national/ (the synthetic 3,000 agreements, national scale): with it, "bytes"
// also measures a kommun page and both pages at national scale, "search" and "memory" are
// measured there too, and "offline" opens the kommun page offline after a visit to it.
// The kommun page is /kommun/jonkoping when Jönköping has agreements in both datasets
// (--kommun SLUG to choose another; chooseKommun below says what happens otherwise).
// Everything is written as JSON; bench/report.mjs turns it into BENCHMARKS.md.

import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ANSWERED, CPU_SLOWDOWN, LAUNCH, PHONE, SLOW_4G, pressFirstKey } from "./conditions.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");

// ---- arguments -------------------------------------------------------------------------

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const REAL = args.real;
const SYNTH = args.synth;
const RUNS = Number(args.runs ?? 5);
const OUT = args.out;
const PLAIN = args.plain;
const NATIONAL = args.national;
const KOMMUN = args.kommun;
const ONLY = new Set((args.only ?? "bytes,lcp,paint,search,keys,memory,peer,offline").split(","));
const PROBE_DIR = args.probe ?? join(ROOT, "target/bench-probe/pkg");
if (!REAL || !SYNTH || !OUT) {
  console.error("usage: node bench/measure.mjs --real URL --synth URL --plain URL [--national URL [--kommun SLUG]] --out FILE [--runs N] [--only bytes,lcp,paint,search,keys,memory,peer,offline]");
  process.exit(2);
}

// ---- what runs in every page before its own scripts --------------------------------------

// - LCP entries (PerformanceObserver, buffered);
// - every WebAssembly.Memory the page instantiates: from Trunk's `TrunkApplicationStarted`
//   event (detail.wasm is wasm-bindgen's init result: the instance's exports, with `memory`),
//   and, should the boot script change, from WebAssembly.instantiate(Streaming) itself;
// - when the first result (`ol.results > li`) was added, and painted;
// - keystroke latency: keydown (event.timeStamp) to the paint after the DOM changes it causes
//   (or the change of the search's CSS highlight, when only the painted matches change); with
//   search in parts, to the paint of its results, not of "Söker …" while its parts come.
//   "Painted" is requestAnimationFrame then setTimeout 0 after the last mutation, re-armed by
//   any later mutation, so work spread over several tasks is counted to its end.
const INIT_SCRIPT = `(() => {
  const B = (window.__bench = { lcp: [], memories: [], firstResult: null, kp: { seq: 0, pending: null, samples: [] } });
  const describe = (el) => !el ? null : el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.lcp.push({ startTime: e.startTime, renderTime: e.renderTime, loadTime: e.loadTime, size: e.size, url: e.url || null,
          element: describe(e.element), text: e.element ? (e.element.textContent || "").trim().slice(0, 80) : null });
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (error) { B.lcpError = String(error); }

  const keep = (m) => { if (m instanceof WebAssembly.Memory && !B.memories.includes(m)) B.memories.push(m); };
  addEventListener("TrunkApplicationStarted", (e) => keep(e.detail && e.detail.wasm && e.detail.wasm.memory));
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...a) {
      return original.apply(this, a).then((r) => {
        const instance = r instanceof WebAssembly.Instance ? r : r && r.instance;
        keep(instance && instance.exports && instance.exports.memory);
        return r;
      });
    };
  }

  const kp = B.kp;
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || ["Control", "Shift", "Meta", "Alt"].includes(e.key)) return;
    const now = performance.now();
    const t0 = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
    kp.pending = { seq: ++kp.seq, key: e.key, t0, mutations: 0, firstMutation: null, lastMutation: null, painted: null };
  }, true);
  // A keystroke's visible change is a DOM mutation or, for search matches painted with the
  // CSS Custom Highlight API, a change of the page's highlights (no DOM mutation at all).
  // One frame is awaited at a time, however many changes come in it: once it has been
  // painted, a change made after that frame began waits for the next one.
  let waiting = null;
  const settle = (p) => {
    let frameAt = 0;
    requestAnimationFrame(() => {
      frameAt = performance.now();
      setTimeout(() => {
        if (p.lastMutation > frameAt) return settle(p);
        waiting = null;
        if (p.painted !== null) return;
        // Search in parts says "Söker …" while a word's parts are on their way: the keystroke
        // is answered by the paint of its results, after the next change.
        if (/Söker/.test(document.querySelector("[role=status].results-count")?.textContent ?? "")) return;
        p.painted = performance.now();
        kp.samples.push(p);
        if (kp.pending === p) kp.pending = null;
      }, 0);
    });
  };
  const changed = () => {
    const now = performance.now();
    if (!B.firstResult && document.querySelector("ol.results > li")) {
      const f = (B.firstResult = { added: now, painted: null });
      requestAnimationFrame(() => setTimeout(() => { f.painted = performance.now(); }, 0));
    }
    const p = kp.pending;
    if (!p) return;
    p.mutations++;
    if (p.firstMutation === null) p.firstMutation = now;
    p.lastMutation = now;
    if (waiting !== p) {
      waiting = p;
      settle(p);
    }
  };
  new MutationObserver(changed).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const highlights = self.CSS && CSS.highlights;
  if (highlights) {
    for (const name of ["set", "delete", "clear"]) {
      const original = highlights[name].bind(highlights);
      highlights[name] = (...a) => { const r = original(...a); changed(); return r; };
    }
  }
  // A highlight's own ranges, changed in place (add, delete) rather than set anew.
  if (self.Highlight) {
    for (const name of ["add", "delete", "clear"]) {
      const original = Highlight.prototype[name];
      Highlight.prototype[name] = function (...a) { const r = original.apply(this, a); changed(); return r; };
    }
  }
})();`;

// ---- helpers -------------------------------------------------------------------------------

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : null; // nearest rank
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/// One run of a measurement, tried again once should it fail (a server restarting, say).
async function attempt(name, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`${name} failed (${String(error).split("\n")[0]}); trying again`);
    await sleep(2000);
    return fn();
  }
}
const log = (...a) => console.log("[bench]", ...a);

async function newPage(browser, { network, cpu } = {}) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  if (cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  return { context, page, cdp };
}

async function waitForResults(page, timeout = 120_000) {
  await page.locator("ol.results > li").first().waitFor({ state: "visible", timeout });
}

/// The app has answered on a page other than the start page (as end2end's `ready`): it took
/// over the rendered page or mounted (`<html data-ready>`), no loading shell, a visible h1.
async function waitForApp(page, timeout = 120_000) {
  await page.locator("html[data-ready]").waitFor({ state: "attached", timeout });
  await page.locator("#app-loading").waitFor({ state: "detached", timeout });
  await page.locator("h1").first().waitFor({ state: "visible", timeout });
}

/// RUNS runs of a measurement (each tried again once), logged as they come.
async function eachRun(name, fn, describe = () => "") {
  const all = [];
  for (let i = 0; i < RUNS; i++) {
    all.push(await attempt(name, fn));
    const note = describe(all.at(-1));
    if (note) log(`${name} run ${i + 1}: ${note}`);
  }
  return all;
}

/// The largest-contentful-paint candidate the browser settled on, and what it was.
async function readLcp(page) {
  return page.evaluate(() => {
    const entries = window.__bench.lcp;
    const last = entries[entries.length - 1] || null;
    return { lcp: last ? last.startTime : null, entry: last, candidates: entries.length, error: window.__bench.lcpError || null };
  });
}

// ---- a) bytes on a first visit ------------------------------------------------------------

function kindOf(url, mime) {
  const path = new URL(url).pathname;
  if (path.endsWith(".wasm") || mime === "application/wasm") return "wasm";
  if (path.endsWith(".js") || /javascript/.test(mime)) return "js";
  if (path.endsWith(".css") || mime === "text/css") return "css";
  if (path.includes("/data/") && (path.endsWith(".json") || path.endsWith(".bin"))) return "data";
  if (mime === "text/html") return "html";
  if (path.endsWith(".webmanifest")) return "manifest";
  if (/^image\//.test(mime)) return "icons";
  return "other";
}

/// A first visit of BASE + PATH in a fresh context, until READY(page) and the service worker's
/// precache; every response, by kind and by who fetched it.
async function firstVisitBytes(browser, base = REAL, path = "/", ready = waitForResults) {
  const { context, page } = await newPage(browser);
  // Playwright's request events cover the page and (Chromium) its service worker, whose
  // precache downloads are part of a first visit too.
  const pending = [];
  const rows = [];
  context.on("requestfinished", (request) => {
    pending.push((async () => {
      const response = await request.response();
      const sizes = await request.sizes();
      const headers = response ? await response.allHeaders() : {};
      const url = request.url();
      if (url.startsWith("data:")) return;
      // A page request the service worker answered did not touch the network: 0 bytes.
      const viaServiceWorker = !!response?.fromServiceWorker();
      rows.push({
        url: new URL(url).pathname, by: request.serviceWorker() ? "service worker" : "page", viaServiceWorker,
        kind: kindOf(url, (headers["content-type"] || "").split(";")[0].trim()), status: response?.status() ?? null,
        encoding: headers["content-encoding"] || null,
        headers: viaServiceWorker ? 0 : sizes.responseHeadersSize, body: viaServiceWorker ? 0 : sizes.responseBodySize,
        wire: viaServiceWorker ? 0 : sizes.responseHeadersSize + sizes.responseBodySize,
      });
    })().catch(() => {}));
  });
  await page.goto(base + path, { waitUntil: "load", timeout: 120_000 });
  await ready(page);
  // A service worker's precache is part of the first visit: wait for it, if there is one.
  const sw = await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return false;
    await new Promise((r) => setTimeout(r, 500));
    if (!(await navigator.serviceWorker.getRegistration())) return false;
    return Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
  });
  // Let the browser fetch what it fetches after load (manifest, icons) and settle.
  await sleep(1500);
  await Promise.all(pending);
  await context.close();
  const byKind = {};
  const byOrigin = {};
  for (const r of rows) {
    const k = (byKind[r.kind] ??= { wire: 0, body: 0, requests: 0 });
    k.wire += r.wire;
    k.body += r.body;
    k.requests++;
    const o = (byOrigin[r.by] ??= { wire: 0, body: 0, requests: 0 });
    o.wire += r.wire;
    o.body += r.body;
    o.requests++;
  }
  return { serviceWorker: sw, rows, byKind, byOrigin };
}

/// RUNS first visits of BASE + PATH, with the medians by kind and by who fetched.
async function bytesOf(browser, label, base, path = "/", ready = waitForResults) {
  const all = await eachRun(`bytes ${label}`, () => firstVisitBytes(browser, base, path, ready));
  const kinds = [...new Set(all.flatMap((r) => Object.keys(r.byKind)))];
  const origins = [...new Set(all.flatMap((r) => Object.keys(r.byOrigin)))];
  const med = (key, group) => Object.fromEntries(group.map((k) => [k, { wire: median(all.map((r) => r[key][k]?.wire ?? 0)), body: median(all.map((r) => r[key][k]?.body ?? 0)), requests: median(all.map((r) => r[key][k]?.requests ?? 0)) }]));
  const result = { base, path, runs: all, median: med("byKind", kinds), byOrigin: med("byOrigin", origins) };
  log(`bytes ${label} (wire, median):`, Object.entries(result.median).map(([k, v]) => `${k} ${v.wire}`).join(", "));
  return result;
}

// ---- b) largest contentful paint ----------------------------------------------------------

async function firstVisitLcp(browser) {
  const { context, page, cdp } = await newPage(browser, { network: SLOW_4G, cpu: CPU_SLOWDOWN });
  const started = Date.now();
  await page.goto(REAL + "/", { waitUntil: "load", timeout: 120_000 });
  await waitForResults(page);
  await sleep(1000);
  const lcp = await readLcp(page);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return { fcp: fcp ? fcp.startTime : null, domContentLoaded: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null,
      firstResultAdded: window.__bench.firstResult?.added ?? null, firstResultPainted: window.__bench.firstResult?.painted ?? null };
  });
  // A repeat visit, offline, from the service worker: only if the app has one.
  const sw = await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return { supported: false };
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return { supported: true, registered: false };
    const ready = await Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
    return { supported: true, registered: true, ready, controller: !!navigator.serviceWorker.controller, scope: registration.scope };
  });
  let repeat = null;
  if (sw.registered && sw.ready) {
    await context.setOffline(true);
    const page2 = await context.newPage();
    const cdp2 = await context.newCDPSession(page2);
    await cdp2.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    try {
      await page2.goto(REAL + "/", { waitUntil: "load", timeout: 60_000 });
      await waitForResults(page2, 60_000);
      await sleep(1000);
      repeat = { ...(await readLcp(page2)), controlled: await page2.evaluate(() => !!navigator.serviceWorker.controller) };
    } catch (error) {
      repeat = { error: String(error).split("\n")[0] };
    }
  }
  await context.close();
  return { ...lcp, ...timing, wallMs: Date.now() - started, sw, repeat };
}

// ---- c) keystroke to paint ----------------------------------------------------------------

// Type, delete, type again: each step is one key press, ~5 presses a second as a person types.
const SEQUENCE = [
  ...[..."trygghetsvandring"].map((k) => ({ key: k })),
  ...Array(9).fill({ key: "Backspace" }),
  { key: "Control+a", silent: true }, { key: "Backspace" },
  ...[..."polisen"].map((k) => ({ key: k })),
  ...Array(7).fill({ key: "Backspace" }),
  ...[..."narkotika"].map((k) => ({ key: k })),
  { key: "Control+a", silent: true }, { key: "Backspace" },
];

async function keystrokes(browser) {
  const { context, page } = await newPage(browser, { cpu: CPU_SLOWDOWN });
  await page.goto(SYNTH + "/", { waitUntil: "load", timeout: 120_000 });
  await waitForResults(page);
  const field = page.getByLabel("Sök", { exact: true });
  await field.click();
  await sleep(500);
  const samples = [];
  let unchanged = 0;
  for (const step of SEQUENCE) {
    if (step.silent) {
      await page.keyboard.press(step.key);
      await sleep(100);
      continue;
    }
    const before = await page.evaluate(() => window.__bench.kp.seq);
    await page.keyboard.press(step.key);
    const done = await page
      .waitForFunction((seq) => window.__bench.kp.samples.some((s) => s.seq === seq), before + 1, { timeout: 5000, polling: 20 })
      .then(() => true, () => false);
    if (!done) {
      unchanged++;
      continue;
    }
    const s = await page.evaluate((seq) => window.__bench.kp.samples.find((x) => x.seq === seq), before + 1);
    samples.push({ key: s.key, ms: s.painted - s.t0, toFirstMutation: s.firstMutation - s.t0, toLastMutation: s.lastMutation - s.t0, mutations: s.mutations });
    await sleep(150);
  }
  const value = await field.inputValue();
  await context.close();
  const ms = samples.map((s) => s.ms);
  return { samples, unchanged, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), finalValue: value };
}

// ---- d) memory after load -----------------------------------------------------------------

async function memoryAfterLoad(browser, base = SYNTH) {
  const { context, page, cdp } = await newPage(browser);
  await page.goto(base + "/", { waitUntil: "load", timeout: 120_000 });
  await waitForResults(page);
  await sleep(2000);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const usage = await cdp.send("Runtime.getHeapUsage");
  const inPage = await page.evaluate(async () => {
    const memories = window.__bench.memories.map((m) => m.buffer.byteLength);
    let uaMemory = null;
    if (typeof performance.measureUserAgentSpecificMemory === "function" && self.crossOriginIsolated) {
      try { uaMemory = (await performance.measureUserAgentSpecificMemory()).bytes; } catch (e) { uaMemory = String(e); }
    }
    return { memories, crossOriginIsolated: self.crossOriginIsolated, uaMemory, results: document.querySelectorAll("ol.results > li").length,
      status: document.querySelector("[role=status].results-count")?.textContent?.trim() ?? null };
  });
  await context.close();
  const wasm = inPage.memories.reduce((a, b) => a + b, 0);
  return {
    jsHeapUsed: metrics.JSHeapUsedSize, jsHeapTotal: metrics.JSHeapTotalSize, heapUsage: usage, domNodes: metrics.Nodes,
    wasmMemory: wasm, wasmMemories: inPage.memories.length, total: metrics.JSHeapUsedSize + wasm,
    uaSpecificMemory: inPage.uaMemory, crossOriginIsolated: inPage.crossOriginIsolated, status: inPage.status,
  };
}

async function memoryOf(browser, label, base) {
  const all = await eachRun(`memory ${label}`, () => memoryAfterLoad(browser, base));
  const result = { base, runs: all, jsHeapUsed: median(all.map((r) => r.jsHeapUsed)), wasmMemory: median(all.map((r) => r.wasmMemory)), total: median(all.map((r) => r.total)) };
  log(`memory ${label}: JS heap ${(result.jsHeapUsed / 1e6).toFixed(1)} MB + wasm ${(result.wasmMemory / 1e6).toFixed(1)} MB`);
  return result;
}

// ---- e) the peer: MiniSearch, and our engine as wasm, in the same page ---------------------

async function peer(browser, queries) {
  const context = await browser.newContext(PHONE);
  const files = {
    "/__bench/peer.html": ["text/html", "<!doctype html><meta charset=utf-8><title>peer</title><body>peer</body>"],
    "/__bench/peer-page.js": ["application/javascript", readFileSync(join(HERE, "peer-page.js"))],
    "/__bench/minisearch.js": ["application/javascript", readFileSync(join(HERE, "node_modules/minisearch/dist/es/index.js"))],
    "/__bench/probe/loften_bench_probe.js": ["application/javascript", readFileSync(join(PROBE_DIR, "loften_bench_probe.js"))],
    "/__bench/probe/loften_bench_probe_bg.wasm": ["application/wasm", readFileSync(join(PROBE_DIR, "loften_bench_probe_bg.wasm"))],
  };
  await context.route(`${SYNTH}/__bench/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = files[path];
    return file ? route.fulfill({ status: 200, contentType: file[0], body: file[1] }) : route.fulfill({ status: 404, body: "" });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  await page.goto(`${SYNTH}/__bench/peer.html`);
  await page.evaluate(async () => { window.peer = await import("/__bench/peer-page.js"); });
  // Our engine reads the app's binary bundle; MiniSearch reads the same data as JSON (the
  // open-data file, which dist-bench holds the synthetic dataset in too).
  const bundle = await page.evaluate(() => window.peer.fetchBundle("/data/bundle.bin", "/data/medborgarloften.json"));
  await page.evaluate(() => window.peer.initOurs());
  const oursLoad = await page.evaluate(() => window.peer.loadOurs());
  const oursBuild = await page.evaluate(() => window.peer.buildOurs());
  const prepared = await page.evaluate(() => window.peer.prepareMini());
  const heapBefore = await heap();
  const miniBuild = await page.evaluate(() => window.peer.buildMini());
  const heapAfter = await heap();
  const rows = [];
  for (const [i, q] of queries.entries()) {
    const engines = i % 2 ? ["mini", "ours"] : ["ours", "mini"]; // alternate who goes first
    const r = {};
    for (const e of engines) r[e] = await page.evaluate(([qs, e]) => window.peer.benchQuery(qs, e), [q.qs, e]);
    rows.push({ name: q.name, kind: q.kind, qs: q.qs, ours: r.ours, mini: r.mini, ratio: r.ours.median_ms / r.mini.median_ms });
    log(`peer ${q.name}: ours ${r.ours.median_ms.toFixed(3)} ms, MiniSearch ${r.mini.median_ms.toFixed(3)} ms`);
  }
  const version = JSON.parse(readFileSync(join(HERE, "node_modules/minisearch/package.json"), "utf8")).version;
  await context.close();
  const ours = { ...oursLoad, ...oursBuild };
  const mini = { ...miniBuild, ...prepared, indexBytes: heapAfter - heapBefore, version };
  return {
    bundle, ours, mini, rows,
    medianRatio: median(rows.map((r) => r.ratio)),
    totalRatio: rows.reduce((a, r) => a + r.ours.median_ms, 0) / rows.reduce((a, r) => a + r.mini.median_ms, 0),
    memoryRatio: ours.indexBytes / mini.indexBytes,
  };
}

// ---- f) real content painted, beside the same content as a plain static page ----------------

// What a resident came for, per kind of page: every selector must match a visible element.
const CONTENT = [
  { name: "start", path: "/", selectors: ["ol.results > li"] },
  { name: "agreement", path: "/medborgarlofte/jonkoping-2020", selectors: ["main h1", ".record--activity .record__text"] },
];

// Checked in every animation frame from the first one on, so the time is the frame that first
// shows the content, whether the HTML brought it or a script added it later. `answer`: the
// moment the results' live region reports matches for typed text (the first keystroke).
const WATCH_SCRIPT = ({ selectors, answer }) => {
  const W = (window.__watch = { content: null, answered: null });
  const shown = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const check = () => {
    if (W.content === null && selectors.length && selectors.every(shown)) W.content = performance.now();
    if (answer && W.answered === null && new RegExp(answer).test(document.querySelector("[role=status].results-count")?.textContent ?? "")) {
      W.answered = performance.now();
    }
    if ((selectors.length && W.content === null) || (answer && W.answered === null)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

async function contentPainted(browser, base, spec) {
  const { context, page } = await newPage(browser, { network: SLOW_4G, cpu: CPU_SLOWDOWN });
  await context.addInitScript(WATCH_SCRIPT, { selectors: spec.selectors, answer: null });
  await page.goto(base + spec.path, { waitUntil: "commit", timeout: 120_000 });
  await page.waitForFunction(() => window.__watch?.content !== null && window.__watch?.content !== undefined, null, { timeout: 120_000 });
  const figures = await page.evaluate(() => ({
    content: window.__watch.content,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    responseEnd: performance.getEntriesByType("navigation")[0]?.responseEnd ?? null,
  }));
  await context.close();
  return figures;
}

async function paint(browser) {
  const pages = {};
  for (const spec of CONTENT) {
    const runs = [];
    // App and plain pages alternate, so all see the same state of the machine.
    for (let i = 0; i < RUNS; i++) {
      const app = await attempt(`paint ${spec.name}`, () => contentPainted(browser, REAL, spec));
      const plain = await attempt(`paint ${spec.name} (plain)`, () => contentPainted(browser, PLAIN, spec));
      const inlined = await attempt(`paint ${spec.name} (plain, inlined)`, () => contentPainted(browser, `${PLAIN}/inlined`, spec));
      runs.push({ app, plain, inlined, ratio: app.content / plain.content, inlinedRatio: app.content / inlined.content });
      log(`content painted, ${spec.name} run ${i + 1}: app ${app.content.toFixed(0)} ms, plain ${plain.content.toFixed(0)} ms, plain inlined ${inlined.content.toFixed(0)} ms`);
    }
    pages[spec.name] = {
      path: spec.path, selectors: spec.selectors, runs,
      app: median(runs.map((r) => r.app.content)), plain: median(runs.map((r) => r.plain.content)),
      ratio: median(runs.map((r) => r.ratio)), appFcp: median(runs.map((r) => r.app.fcp)),
      inlined: median(runs.map((r) => r.inlined.content)), inlinedRatio: median(runs.map((r) => r.inlinedRatio)),
    };
  }
  return pages;
}

// ---- g) the first keystroke: from navigation to search answering it --------------------------

async function firstKeystroke(browser, base = REAL) {
  const { context, page } = await newPage(browser, { network: SLOW_4G, cpu: CPU_SLOWDOWN });
  await context.addInitScript(WATCH_SCRIPT, { selectors: [], answer: ANSWERED });
  const fieldAt = await pressFirstKey(page, base);
  await page.waitForFunction(() => window.__watch.answered !== null, null, { timeout: 120_000 });
  const answered = await page.evaluate(() => window.__watch.answered);
  await context.close();
  return { fieldAt, answered };
}

async function searchOf(browser, label, base) {
  const all = await eachRun(`first keystroke ${label}`, () => firstKeystroke(browser, base),
    (r) => `field at ${r.fieldAt.toFixed(0)} ms, answered at ${r.answered.toFixed(0)} ms`);
  return { base, runs: all, answered: median(all.map((r) => r.answered)), fieldAt: median(all.map((r) => r.fieldAt)) };
}

// ---- h) national scale: which kommun page, and that page offline after a visit ---------------

/// The kommun page measured at national scale: Jönköping's (the real data's kommun of the
/// agreement page above) when it has agreements in both datasets; else the first kommun, by
/// slug, with agreements in the national build's data/manifest.json and in the real data's;
/// else the first with agreements in the national data. (Every kommun has a page in both
/// builds; the manifest's chunks name the kommuner that have agreements.)
async function chooseKommun() {
  const withAgreements = async (base) => {
    const response = await fetch(`${base}/data/manifest.json`);
    if (!response.ok) throw new Error(`${base}/data/manifest.json: ${response.status}`);
    return new Set((await response.json()).chunks.flatMap((c) => c.kommuner));
  };
  const [real, national] = await Promise.all([withAgreements(REAL), withAgreements(NATIONAL)]);
  let slug;
  let reason;
  if (KOMMUN) {
    [slug, reason] = [KOMMUN, "chosen with --kommun"];
  } else if (real.has("jonkoping") && national.has("jonkoping")) {
    [slug, reason] = ["jonkoping", "Jönköping has agreements in both datasets"];
  } else {
    const both = [...national].sort().find((s) => real.has(s));
    [slug, reason] = both
      ? [both, `Jönköping has no agreements in ${national.has("jonkoping") ? "the real" : "the national"} data; the first kommun by slug with agreements in both`]
      : [[...national].sort()[0], "no kommun has agreements in both datasets; the first kommun by slug with agreements in the national data"];
  }
  // The build's own page, not the shell (which every path without a page gets).
  for (const base of [REAL, NATIONAL]) {
    const html = await (await fetch(`${base}/kommun/${slug}`)).text();
    if (html.includes('id="app-loading"') || !/<h1[\s>]/.test(html)) throw new Error(`${base}/kommun/${slug}: not a rendered kommun page`);
  }
  return { slug, path: `/kommun/${slug}`, reason, withAgreements: { real: real.size, national: national.size } };
}

/// Visit the kommun page, wait until the service worker controls it, go offline (the page
/// and its worker: the worker's own requests are aborted too, as end2end's data-update spec
/// does), open the same page in a new tab and check that its h1 shows the kommun's name (the
/// h1 the visit showed).
async function offlineKommun(browser, base, path) {
  const { context, page } = await newPage(browser);
  try {
    return await offlineKommunIn(context, page, base, path);
  } finally {
    await context.close();
  }
}

async function offlineKommunIn(context, page, base, path) {
  await page.goto(base + path, { waitUntil: "load", timeout: 120_000 });
  await waitForApp(page);
  const expected = (await page.locator("h1").first().textContent()).trim();
  const ready = await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return false;
    return Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 60_000))]);
  });
  // A first visit is not controlled until the worker activates and claims its clients.
  const controlled = ready && (await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 }).then(() => true, () => false));
  const sw = { ready, controlled };
  const cut = (route) => route.abort("internetdisconnected");
  await context.route("**/*", cut);
  await context.setOffline(true);
  const tab = await context.newPage();
  let shown = null;
  let error = null;
  let fromServiceWorker = null;
  const started = Date.now();
  try {
    const response = await tab.goto(base + path, { waitUntil: "load", timeout: 60_000 });
    fromServiceWorker = response ? response.fromServiceWorker() : null;
    await tab.waitForFunction((name) => [...document.querySelectorAll("h1")].some((h) => h.textContent.trim() === name), expected, { timeout: 60_000 });
  } catch (e) {
    error = String(e).split("\n")[0];
  }
  try {
    shown = await tab.evaluate(() => [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()));
  } catch (e) {
    error ??= String(e).split("\n")[0];
  }
  const ok = !!shown?.includes(expected) && expected !== "";
  return { ok, expected, shown, fromServiceWorker, serviceWorker: sw, ms: Date.now() - started, error };
}

// ---- main ----------------------------------------------------------------------------------

const browser = await chromium.launch(LAUNCH);
const result = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  runs: RUNS,
  conditions: { network: SLOW_4G, cpuSlowdown: CPU_SLOWDOWN, device: "Pixel 7 (390×844)", playwright: JSON.parse(readFileSync(join(HERE, "node_modules/playwright-core/package.json"), "utf8")).version },
  sequence: SEQUENCE.map((s) => s.key),
};
try {
  if (NATIONAL) {
    result.national = { base: NATIONAL, kommun: await chooseKommun() };
    log(`national scale on ${NATIONAL}; kommun page ${result.national.kommun.path} (${result.national.kommun.reason})`);
  }
  if (ONLY.has("bytes")) {
    result.bytes = await bytesOf(browser, "/ (real data)", REAL, "/");
    if (NATIONAL) {
      const kommun = result.national.kommun.path;
      result.national.bytes = {
        real: { home: result.bytes, kommun: await bytesOf(browser, `${kommun} (real data)`, REAL, kommun, waitForApp) },
        national: { home: await bytesOf(browser, "/ (national)", NATIONAL, "/"), kommun: await bytesOf(browser, `${kommun} (national)`, NATIONAL, kommun, waitForApp) },
      };
    }
  }
  if (ONLY.has("lcp")) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await attempt("LCP", () => firstVisitLcp(browser)));
      log(`LCP run ${i + 1}: ${runs.at(-1).lcp?.toFixed(0)} ms (${runs.at(-1).entry?.element}), first result painted ${runs.at(-1).firstResultPainted?.toFixed(0)} ms`);
    }
    const sw = runs[0].sw;
    result.lcp = {
      runs,
      median: median(runs.map((r) => r.lcp)),
      fcp: median(runs.map((r) => r.fcp)),
      firstResultPainted: median(runs.map((r) => r.firstResultPainted)),
      load: median(runs.map((r) => r.load)),
      serviceWorker: sw,
      repeatOffline: sw.registered ? median(runs.map((r) => r.repeat?.lcp)) : null,
      repeatNote: sw.registered ? null : "n/a: no service worker yet",
    };
  }
  if (ONLY.has("paint")) {
    if (!PLAIN) throw new Error("--plain URL is needed for the paint measurement");
    result.paint = await paint(browser);
  }
  if (ONLY.has("search")) {
    result.search = await searchOf(browser, "(real data)", REAL);
    if (NATIONAL) result.national.search = await searchOf(browser, "(national)", NATIONAL);
  }
  if (ONLY.has("keys")) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await attempt("keystrokes", () => keystrokes(browser)));
      log(`keystrokes run ${i + 1}: p50 ${runs.at(-1).p50?.toFixed(1)} ms, p95 ${runs.at(-1).p95?.toFixed(1)} ms (${runs.at(-1).samples.length} samples, ${runs.at(-1).unchanged} without a DOM change)`);
    }
    const pooled = runs.flatMap((r) => r.samples.map((s) => s.ms));
    result.keys = { runs, p50: median(runs.map((r) => r.p50)), p95: median(runs.map((r) => r.p95)), pooledP50: quantile(pooled, 0.5), pooledP95: quantile(pooled, 0.95), samples: pooled.length };
  }
  if (ONLY.has("memory")) {
    result.memory = await memoryOf(browser, "(synthetic 1,500)", SYNTH);
    if (NATIONAL) result.national.memory = await memoryOf(browser, "(national)", NATIONAL);
  }
  if (ONLY.has("offline") && NATIONAL) {
    const { path } = result.national.kommun;
    // A check, not a timing: no attempt again, a failure is the answer.
    const all = [];
    for (let i = 0; i < RUNS; i++) {
      all.push(await offlineKommun(browser, NATIONAL, path).catch((e) => ({ ok: false, error: String(e).split("\n")[0] })));
      const r = all.at(-1);
      log(`offline ${path} run ${i + 1}: ${r.ok ? "yes" : "no"} (h1 ${JSON.stringify(r.shown ?? null)}, expected ${JSON.stringify(r.expected ?? null)}${r.error ? `; ${r.error}` : ""})`);
    }
    result.national.offline = { path, runs: all, ok: all.filter((r) => r.ok).length, of: all.length };
  }
  if (ONLY.has("peer")) {
    const queries = JSON.parse(readFileSync(join(HERE, "queries.json"), "utf8")).queries;
    result.peer = await attempt("peer", () => peer(browser, queries));
  }
} finally {
  await browser.close();
}
writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");
log("wrote", OUT);
