import { test, expect, open, ready, requestedUnder } from "./fixtures/app";
import type { Page } from "@playwright/test";

// A page loads the data it shows: the manifest, the reference chunk and the chunks of its
// kommun or agreement, which its HTML names and preloads. Search loads the rest when it is
// opened. (The service worker's own downloads are not the page's and are not counted here.)

/** The data chunks the page itself requests from now on, as `data/chunks/<hash>.bin`. */
const chunksRequested = (page: Page) => requestedUnder(page, "data/chunks/");

interface Manifest {
  chunks: { kommuner: string[]; path: string }[];
}

async function manifestOf(page: Page): Promise<Manifest> {
  return (await page.request.get("/data/manifest.json")).json();
}

/** The chunks the rendered page says it was rendered from, and preloads. */
async function renderedWith(page: Page): Promise<string[]> {
  const named = (await page.locator('meta[name="data-chunks"]').getAttribute("content"))!.split(" ");
  const preloaded = await page.locator('link[rel="preload"][href^="data/chunks/"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")));
  expect(preloaded.sort()).toEqual([...named].sort());
  return named;
}

test("a kommun's page loads the reference and its own chunks, and search loads the rest when opened", async ({ page }) => {
  const requested = chunksRequested(page);
  await open(page, "/kommun/jonkoping");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jönköpings kommun");
  const manifest = await manifestOf(page);
  const named = await renderedWith(page);
  const reference = manifest.chunks.find((c) => c.kommuner.length === 0)!.path;
  const jonkopings = manifest.chunks.filter((c) => c.kommuner.includes("jonkoping")).map((c) => c.path);
  expect(named.sort()).toEqual([reference, ...jonkopings].sort());
  expect(named.length).toBeLessThan(manifest.chunks.length);
  await expect(page.locator(".timeline__item").first()).toBeVisible();
  expect([...requested].sort()).toEqual([...named].sort());

  // Search needs every kommun's agreements: the rest comes now, and it answers over all.
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök" }).click();
  await expect(page.locator("ol.results > li").first()).toBeVisible();
  expect([...new Set(requested)].sort()).toEqual(manifest.chunks.map((c) => c.path).sort());
  // The kommun's chunks once for its page and once more (from the browser's cache) as search
  // assembles everything; the page on its way out loads nothing for the next one.
  expect(requested.length).toBe(named.length + manifest.chunks.length);
  // The same answer as search opened first, with everything loaded at once.
  const fresh = await page.context().newPage();
  await open(fresh, "/");
  await expect(page.locator(".results-count")).toHaveText((await fresh.locator(".results-count").textContent())!);
  expect(await page.locator("ol.results > li").count()).toBe(await fresh.locator("ol.results > li").count());
});

test("an agreement's page loads the chunk that holds it, and a kommun it links to loads that kommun's", async ({ page, consoleErrors }) => {
  const requested = chunksRequested(page);
  await open(page, "/medborgarlofte/jonkoping-2020");
  const manifest = await manifestOf(page);
  const named = await renderedWith(page);
  expect(named).toHaveLength(2);
  expect(named[0]).toBe(manifest.chunks.find((c) => c.kommuner.length === 0)!.path);
  expect([...new Set(requested)].sort()).toEqual([...named].sort());

  // Another kommun, in the app: its chunks load, and its page shows what the build rendered.
  const eslov = manifest.chunks.filter((c) => c.kommuner.includes("eslov")).map((c) => c.path);
  expect(eslov.length).toBeGreaterThan(0);
  await page.evaluate(() => ((window as any).sameDocument = true));
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kommuner" }).click();
  await ready(page);
  await page.getByRole("link", { name: "Eslöv", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eslövs kommun");
  await expect(page.locator(".timeline__item").first()).toBeVisible();
  for (const path of eslov) expect(requested).toContain(path);
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test("a kommun's page opens offline after a visit: the shell, with the chunks the worker kept", async ({ page, context }) => {
  await open(page, "/kommun/jonkoping");
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  // The worker keeps what pages fetch; a reload fetches this page's chunks through it.
  await page.reload();
  await ready(page);
  await context.setOffline(true);
  const again = await context.newPage();
  await again.goto("/kommun/jonkoping");
  await ready(again);
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("Jönköpings kommun");
  await expect(again.locator(".timeline__item").first()).toBeVisible();
  await context.setOffline(false);
});
