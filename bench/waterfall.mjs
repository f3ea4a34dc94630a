// Where a first visit's first keystroke spends its time:
//
//   node bench/waterfall.mjs URL [URL…] [--runs N] [--brief]
//
// As bench/measure.mjs measures the first keystroke (a fresh context, Slow 4G and 4x CPU, "p"
// pressed in the search field as soon as it shows, answered when the results' live region
// reports matches), and with it every request the page makes (from the DevTools Protocol's
// Network events: when it was sent, its first byte, its last, its bytes on the wire, its
// priority, whether the service worker answered it), and when the app's wasm was instantiated
// and the app took over the page (`<html data-ready>`). Times are milliseconds from the
// navigation's request. With several URLs (two builds side by side), the runs alternate
// between them and the medians are given at the end; --brief leaves out the requests.
// The service worker's own requests are not throttled (the DevTools Protocol throttles the
// page's), so parts fetched through it after it takes control arrive sooner here than on a
// slow network.
import { chromium } from "playwright-core";
import { ANSWERED, CPU_SLOWDOWN, LAUNCH, PHONE, SLOW_4G, pressFirstKey } from "./conditions.mjs";

const args = process.argv.slice(2);
const bases = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs");
const runs = Number(args[args.indexOf("--runs") + 1] || 1);
const brief = args.includes("--brief");
if (bases.length === 0 || !(runs > 0)) {
  console.error("usage: node bench/waterfall.mjs URL [URL…] [--runs N] [--brief]");
  process.exit(2);
}

// Runs in the page before its own scripts: the moments of the app's start and of the answer.
const WATCH = (answered) => {
  const W = (window.__waterfall = { instantiated: null, ready: null, answered: null });
  const original = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (...a) {
    return original.apply(this, a).then((r) => ((W.instantiated ??= performance.now()), r));
  };
  const check = () => {
    if (W.ready === null && document.documentElement.hasAttribute("data-ready")) W.ready = performance.now();
    const status = document.querySelector("[role=status].results-count")?.textContent ?? "";
    if (W.answered === null && status.includes(answered)) W.answered = performance.now();
    if (W.answered === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

const ms = (t) => (t == null ? "" : t.toFixed(0));

async function run(browser, base) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(WATCH, ANSWERED);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const requests = new Map();
  let start = null;
  const at = (timestamp) => (timestamp - start) * 1000;
  cdp.on("Network.requestWillBeSent", (e) => {
    start ??= e.timestamp;
    requests.set(e.requestId, { path: e.request.url.replace(base, ""), priority: e.request.initialPriority, sent: at(e.timestamp) });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { firstByte: at(e.timestamp), status: e.response.status, worker: e.response.fromServiceWorker });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: at(e.timestamp), bytes: e.encodedDataLength });
  });
  const fieldAt = await pressFirstKey(page, base);
  await page.waitForFunction(() => window.__waterfall.answered !== null, null, { timeout: 120_000 });
  const moments = await page.evaluate(() => window.__waterfall);
  await context.close();
  return { fieldAt, moments, requests: [...requests.values()].sort((a, b) => a.sent - b.sent) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const answered = new Map(bases.map((base) => [base, []]));
const browser = await chromium.launch(LAUNCH);
for (let i = 1; i <= runs; i++) {
  for (const base of bases) {
    const { fieldAt, moments, requests } = await run(browser, base);
    answered.get(base).push(moments.answered);
    console.log(`\n${base} run ${i}: field shown ${ms(fieldAt)} ms, wasm instantiated ${ms(moments.instantiated)} ms, app ready ${ms(moments.ready)} ms, "p" answered ${ms(moments.answered)} ms`);
    if (brief) continue;
    console.log("| sent | first byte | end | bytes | priority | path |\n|---:|---:|---:|---:|---|---|");
    for (const r of requests) {
      const path = (r.worker ? "(service worker) " : "") + r.path;
      console.log(`| ${ms(r.sent)} | ${ms(r.firstByte)} | ${ms(r.end)} | ${r.bytes ?? ""} | ${r.priority} | ${path} |`);
    }
    const before = requests.filter((r) => !r.worker && r.end != null && r.end <= (moments.instantiated ?? 0));
    console.log(`received before the wasm was instantiated: ${before.reduce((sum, r) => sum + (r.bytes ?? 0), 0)} B in ${before.length} requests`);
  }
}
await browser.close();
console.log("");
for (const [base, times] of answered) console.log(`${base}: "p" answered, median of ${times.length}: ${ms(median(times))} ms`);
