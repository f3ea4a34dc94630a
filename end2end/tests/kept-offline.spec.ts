import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { test, expect, open, ready, watchConsole } from "./fixtures/app";
import { SwappableSite } from "./fixtures/site";
import type { Page } from "@playwright/test";

// Data too large to keep whole (the national dataset is 13 MB): the service worker keeps the
// reference, and the app asks it to keep what the device read, follows and saved, or the whole
// country when the visitor chooses it. Here the real data's site, with its worker told that
// any data is too large to keep whole (scripts/write_sw.py's KEEP_WHOLE_DATA_UP_TO).

const ROOT = resolve(__dirname, "../..");

interface Manifest {
  chunks: { kommuner: string[]; path: string }[];
}

/** The chunks of a kommun (its own and those it shares). */
const chunksOf = (manifest: Manifest, slug: string) => manifest.chunks.filter((c) => c.kommuner.includes(slug)).map((c) => c.path);

/** The data chunks the service worker keeps, as `data/chunks/<hash>.bin`. */
async function kept(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open("medborgarloften-data");
    return (await cache.keys()).map((r) => new URL(r.url).pathname.replace(/^.*?(data\/chunks\/)/, "$1")).filter((p) => p.startsWith("data/chunks/"));
  });
}

async function expectKept(page: Page, paths: string[]): Promise<void> {
  await expect.poll(async () => { const now = new Set(await kept(page)); return paths.filter((p) => !now.has(p)); }, { timeout: 15_000 }).toEqual([]);
}

test("a device keeps the kommuner it read, follows and saved from; offline, others say they were not kept and search says what it covers; the whole country on request", async ({ browser }) => {
  test.setTimeout(120_000);
  const site = new SwappableSite();
  try {
    const root = site.copy("keeps-what-it-reads");
    execFileSync("python3", [join(ROOT, "scripts/write_sw.py"), root], { env: { ...process.env, KEEP_WHOLE_DATA_UP_TO: "0" }, stdio: "ignore" });
    site.deploy(root);
    const url = await site.start();
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    const errors = watchConsole(page);
    const manifest: Manifest = await (await page.request.get("/data/manifest.json")).json();
    const reference = manifest.chunks.find((c) => c.kommuner.length === 0)!.path;

    // Read Jönköping's page: on the first visit, once the worker has taken over, what the page
    // read is kept (it was fetched before there was a worker to keep it).
    await open(page, "/kommun/jonkoping");
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
    await expectKept(page, [reference, ...chunksOf(manifest, "jonkoping")]);

    // Follow Jokkmokk from the list of kommuner, which loads every kommun's data to count them:
    // Jokkmokk's is kept, the list's is not.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kommuner" }).click();
    await ready(page);
    await page.getByRole("button", { name: "Följ Jokkmokks kommun" }).click();
    await expectKept(page, chunksOf(manifest, "jokkmokk"));
    const eslov = chunksOf(manifest, "eslov");
    expect(await kept(page)).not.toContain(eslov[0]);

    // Offline, with the browser's HTTP cache emptied (it may drop anything, any time; the list
    // of kommuner put every chunk there): what was read and followed opens, what was not says so.
    await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
    await context.setOffline(true);
    const offline = await context.newPage();
    const offlineErrors = watchConsole(offline);
    await offline.goto("/kommun/jokkmokk");
    await ready(offline);
    await expect(offline.getByRole("heading", { level: 1 })).toHaveText("Jokkmokks kommun");
    await expect(offline.locator(".timeline__item").first()).toBeVisible();
    await offline.goto("/kommun/jonkoping");
    await ready(offline);
    await expect(offline.locator(".timeline__item").first()).toBeVisible();
    await offline.goto("/kommun/eslov");
    await expect(offline.getByRole("alert")).toContainText("Det här har inte sparats på enheten, och den är inte ansluten till internet.");
    await expect(offline.getByRole("button", { name: "Försök igen" })).toBeVisible();
    // Search covers the kept kommuner, and says so.
    await offline.goto("/?q=polisen");
    await ready(offline);
    const agreementsWith = new Set(manifest.chunks.flatMap((c) => c.kommuner)).size;
    await expect(offline.locator(".banner--offline")).toHaveText(`Du är offline. Du ser det som finns sparat på enheten: 2 av ${agreementsWith} kommuner med medborgarlöften, och sökningen gäller dem.`);
    await expect(offline.locator("ol.results > li").first()).toBeVisible();
    await expect(offline.locator('ol.results a[href*="medborgarlofte/jonkoping"]').first()).toBeVisible();
    await expect(offline.locator('ol.results a[href*="medborgarlofte/eslov"]')).toHaveCount(0);
    await offline.close();
    expect(offlineErrors.filter((e) => !e.includes("net::ERR_INTERNET_DISCONNECTED") && !e.includes("Failed to load resource"))).toEqual([]);

    // Back online, keep the whole country: every chunk is kept, and Eslöv opens offline.
    await context.setOffline(false);
    await page.goto("/sparade");
    await ready(page);
    const keepAll = page.getByRole("button", { name: /^Spara hela landet på enheten \(\d+ kB\)$/ });
    await expect(keepAll).toHaveAttribute("aria-pressed", "false");
    await keepAll.click();
    await expect(keepAll).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("status").filter({ hasText: "Hela landet sparas på enheten" })).toBeVisible();
    await expectKept(page, manifest.chunks.map((c) => c.path));
    await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
    await context.setOffline(true);
    const later = await context.newPage();
    await later.goto("/kommun/eslov");
    await ready(later);
    await expect(later.getByRole("heading", { level: 1 })).toHaveText("Eslövs kommun");
    await later.goto("/?q=polisen");
    await ready(later);
    await expect(later.locator('ol.results a[href*="medborgarlofte/eslov"]').first()).toBeVisible();
    await expect(later.locator(".banner--offline")).toHaveText("Du är offline. Du ser det som finns sparat på enheten.");
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    site.stop();
  }
});
