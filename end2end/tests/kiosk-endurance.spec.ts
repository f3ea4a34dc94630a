import { test, expect, open, installClock } from "./fixtures/app";
import type { CDPSession, Page } from "@playwright/test";

// A kiosk at a medborgardialog runs for days without a reload. This drives many visitor
// sessions in one page (Playwright's clock stands in for the idle time) and checks that what
// the page holds stays flat once it has warmed up.

const SESSIONS = 400;
/// The JS heap grows over the first visitors as V8 optimises code and the browser fills its
/// capped records (performance entries, session history), and levels off after about 300 of
/// them (bench/KIOSK.md has the curve to 800); what grows after the warm-up is what leaks.
const WARM_UP = 200;
/// Growth allowed between the end of the warm-up and the end of the run.
const MAX_GROWTH = 0.05;
const IDLE_SECONDS = 15;
const WARNING_SECONDS = 30;

test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

interface Footprint {
  jsHeap: number;
  wasmMemory: number;
  domNodes: number;
  listeners: number;
  timers: number;
}

type Growth = Record<keyof Footprint, number>;

/** The page's footprint after two garbage collections, from the DevTools Protocol. */
async function footprint(page: Page, cdp: CDPSession): Promise<Footprint> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const inPage = await page.evaluate(() => {
    const w = window as unknown as { __kioskMemory?: WebAssembly.Memory; __pwClock: { controller: { _timers: Map<number, unknown> } } };
    return {
      wasmMemory: w.__kioskMemory?.buffer.byteLength ?? 0,
      timers: w.__pwClock.controller._timers.size,
      // The document's own elements: the renderer's node count also holds detached nodes until
      // a collection gets to them, and so moves by hundreds from one reading to the next.
      domNodes: document.getElementsByTagName("*").length,
    };
  });
  return { jsHeap: metrics.JSHeapUsedSize, listeners: metrics.JSEventListeners, ...inPage };
}

/** One visitor: wakes the kiosk, reads an agreement, saves a promise, and walks away. */
async function visitor(page: Page, n: number): Promise<void> {
  const attract = page.locator(".kiosk-attract");
  if (await attract.isVisible()) await attract.tap();
  await expect(attract).toHaveCount(0);
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().tap();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: /^Spara / }).nth(n % 3).tap();
  await expect(page.getByRole("navigation").getByRole("link", { name: /Sparade/ })).toContainText("1");
  // Every third visitor leaves a kiosk whose timers then fire late and together, as when a
  // display wakes from sleep: the warning and the reset in one burst.
  if (n % 3 === 2) {
    await page.clock.runFor((IDLE_SECONDS + WARNING_SECONDS) * 1000 + 5_000);
    await expect(attract).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: /Sparade/ })).not.toContainText("1");
    return;
  }
  // Every other visitor answers the idle warning once before leaving.
  await page.clock.runFor(IDLE_SECONDS * 1000 + 1000);
  const warning = page.getByRole("alertdialog");
  await expect(warning).toBeVisible();
  if (n % 2 === 0) {
    await warning.getByRole("button", { name: "Fortsätt" }).tap();
    await expect(warning).toHaveCount(0);
    await page.clock.runFor(IDLE_SECONDS * 1000 + 1000);
    await expect(warning).toBeVisible();
  }
  await page.clock.runFor(WARNING_SECONDS * 1000 + 1000);
  await expect(attract).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: /Sparade/ })).not.toContainText("1");
}

/** SESSIONS visitors in one kiosk page: the footprint after the warm-up, at the end, and the growth. */
async function endurance(page: Page): Promise<{ warm: Footprint; end: Footprint; growth: Growth }> {
  test.setTimeout(15 * 60_000);
  // The app's wasm memory, as Trunk's boot script hands it over when the app starts.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (event) => {
      const detail = (event as CustomEvent).detail as { wasm?: { memory?: WebAssembly.Memory } } | undefined;
      (window as unknown as { __kioskMemory?: WebAssembly.Memory }).__kioskMemory = detail?.wasm?.memory;
    });
  });
  await installClock(page);
  await open(page, `/kiosk?kommun=jonkoping&idle=${IDLE_SECONDS}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.enable");

  for (let n = 0; n < WARM_UP; n++) await visitor(page, n);
  const warm = await footprint(page, cdp);
  expect(warm.wasmMemory, "the wasm memory was found").toBeGreaterThan(0);
  for (let n = WARM_UP; n < SESSIONS; n++) await visitor(page, n);
  const end = await footprint(page, cdp);
  const growth = Object.fromEntries(
    (Object.keys(warm) as (keyof Footprint)[]).map((k) => [k, (end[k] - warm[k]) / warm[k]]),
  ) as Growth;
  // The figures go to BENCHMARKS.md ("Kiosk endurance").
  console.log(`kiosk endurance, ${SESSIONS} sessions: after ${WARM_UP} ${JSON.stringify(warm)}; after ${SESSIONS} ${JSON.stringify(end)}`);
  return { warm, end, growth };
}

test("400 visitors in one kiosk page, a third of them followed by a burst of late timers: the JS heap, wasm memory, DOM nodes, listeners and timers stay flat", async ({ page }) => {
  const { warm, end, growth } = await endurance(page);
  for (const key of Object.keys(growth) as (keyof Footprint)[]) {
    expect(growth[key], `${key}: ${warm[key]} after the warm-up, ${end[key]} at the end`).toBeLessThan(MAX_GROWTH);
  }
});
