import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { test, expect, open, ready, requestedUnder, watchConsole } from "./fixtures/app";
import { SearchPage } from "./fixtures/search-page";
import { SwappableSite, publishData } from "./fixtures/site";
import type { BrowserContext, Page } from "@playwright/test";

// Search published in parts, as it is at the country's scale (`loften publish` chooses it past
// 512 KB of data): the start page loads the index's tables, the first search with words or a
// filter by topic, actor or status the records' table, each word typed the parts of its
// beginning and inside, and each card the chunk of its agreement. Here the real data,
// published in parts, on a site whose service worker does not keep all of it (as at that
// scale), against the app's own site, where search loads everything.

const ROOT = resolve(__dirname, "../..");
let site: SwappableSite;
let url: string;

test.beforeAll(() => {
  site = new SwappableSite();
  const root = site.build("search-in-parts", (root) => publishData(root, join(root, "data/medborgarloften.json"), "2026-12-05", ["--search", "parts"]));
  execFileSync("python3", [join(ROOT, "scripts/write_sw.py"), root], { env: { ...process.env, KEEP_WHOLE_DATA_UP_TO: "0" }, stdio: "ignore" });
  site.deploy(root);
});
test.beforeAll(async () => {
  url = await site.start();
});
test.afterAll(() => site.stop());

/** The key a part's file name spells, in hex of its UTF-8. */
function keyOf(path: string): string {
  const hex = path.split("/").pop()!.replace(".bin", "");
  return Buffer.from(hex, "hex").toString("utf-8");
}

/** The count and the cards' titles, once the search has answered. */
async function answer(page: Page): Promise<[string, string[]]> {
  await expect(page.locator(".results-count")).not.toHaveText("Söker …");
  await expect(page.locator(".card--loading")).toHaveCount(0);
  return [(await page.locator(".results-count").textContent())!, await page.locator("ol.results h2").allTextContents()];
}

/** The filters' options with their counts. */
const counts = (p: Page) => p.locator("section.filters option").allTextContents();

/** The filters' counts for a search as the site of all the data shows them, opened at its
 * address. Its page was rendered with no search, whose counts (`unsearched`, as `/` shows
 * them) it shows until a filter's focus counts again: they are this search's once they differ
 * (a search with words always differs). */
async function countsOf(whole: Page, words: string, unsearched: string[]): Promise<string[]> {
  await open(whole, `/?q=${encodeURIComponent(words)}`);
  await answer(whole);
  await new SearchPage(whole).filter("Kommun").focus();
  await expect.poll(() => counts(whole), words).not.toEqual(unsearched);
  return counts(whole);
}

async function typeInto(page: Page, text: string): Promise<void> {
  await page.locator("#q").fill("");
  await page.locator("#q").pressSequentially(text, { delay: 30 });
}

async function partsContext(browser: import("@playwright/test").Browser): Promise<[BrowserContext, Page, string[]]> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  return [context, page, watchConsole(page)];
}

test("each word typed loads the parts it needs, and search answers as over all the data", async ({ browser, page: whole }) => {
  const [context, page, errors] = await partsContext(browser);
  const requested = requestedUnder(page, "data/");
  await open(page, "/");
  const manifest = await (await page.request.get("/data/manifest.json")).json();
  const dir: string = manifest.search.dir;
  // The page was rendered from the reference, the tables and the chunks of its first cards.
  const named = (await page.locator('meta[name="data-chunks"]').getAttribute("content"))!.split(" ");
  expect(named).toContain(manifest.search.tables);
  expect(named.length).toBeLessThan(manifest.chunks.length + 1);
  const before: [string, string[]] = await answer(page);
  await open(whole, "/");
  expect(before).toEqual(await answer(whole));
  const unsearched = await counts(whole);
  expect(requested.filter((p) => /\/[pil]\//.test(p.slice(dir.length)))).toEqual([]);
  // The filters' counts came with the page; the promises' and activities' table comes with the
  // first search that reads them.
  expect(requested).not.toContain(manifest.search.records);
  const asked = requestedUnder(page, manifest.search.records);

  for (const word of ["narkotika", "vandring", "öxnehaga polisen"]) {
    requested.length = 0;
    await typeInto(page, word);
    const found = await answer(page);
    await typeInto(whole, word);
    expect(found, word).toEqual(await answer(whole));
    // Listed before the records' table need come; the filters' counts follow it, as over all
    // the data (a filter's focus brings them up to date at once, else typing's pause does).
    await expect.poll(() => counts(page), word).toEqual(await countsOf(whole, word, unsearched));
    // Only the parts of the words' beginnings (every part of the first letter, at the first
    // key) and of their insides.
    const tables = [manifest.search.tables, manifest.search.records];
    const parts = [...new Set(requested.filter((p) => p.startsWith(`${dir}/`) && !tables.includes(p)))];
    expect(parts.length, word).toBeGreaterThan(0);
    const folded = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(" ");
    for (const part of parts) {
      const key = keyOf(part);
      const inside = part.includes("/i/");
      expect(folded.some((w) => (inside ? w.startsWith(key) && w.length >= 4 : w[0] === key[0])), `${word}: ${part} (${key})`).toBe(true);
    }
  }
  // A word's parts come once: typing it again loads nothing.
  requested.length = 0;
  await typeInto(page, "narkotika");
  await answer(page);
  expect(requested.filter((p) => p.startsWith(`${dir}/`))).toEqual([]);
  expect(asked).toEqual([manifest.search.records]);
  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("words are listed while the records' table is on its way, and their counts follow it", async ({ browser, page: whole }) => {
  const [context, page, errors] = await partsContext(browser);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  // Held back on the network, the service worker's requests included.
  await context.route("**/records.bin", async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await open(page, "/");
  await open(whole, "/");
  const unsearched = await counts(whole);
  for (const p of [page, whole]) await typeInto(p, "narkotika");
  expect(await answer(page)).toEqual(await answer(whole));
  expect(asked, "asked for, and not come").toHaveLength(1);
  release();
  await new SearchPage(page).filter("Kommun").focus();
  await expect.poll(() => counts(page)).toEqual(await countsOf(whole, "narkotika", unsearched));
  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("a filter by actor or status alone loads the records' table, and counts as over all the data", async ({ browser, page: whole }) => {
  const [context, page, errors] = await partsContext(browser);
  await open(page, "/");
  await open(whole, "/");
  const manifest = await (await page.request.get("/data/manifest.json")).json();
  const asked = requestedUnder(page, manifest.search.records);
  expect(await counts(page)).toEqual(await counts(whole));
  expect(asked).toEqual([]);
  // Chosen as a visitor does, on both sites: the same cards, then the same counts (which a
  // filter's focus brings up to date at once).
  for (const [name, value] of [["Aktör", "kommunen"], ["Uppföljning", "ingen"]] as const) {
    for (const p of [page, whole]) await new SearchPage(p).choose(name, value);
    expect(await answer(page), `${name}: ${value}`).toEqual(await answer(whole));
    for (const p of [page, whole]) await new SearchPage(p).filter("Kommun").focus();
    expect(await counts(page), `${name}: ${value}`).toEqual(await counts(whole));
  }
  expect(asked).toEqual([manifest.search.records]);
  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("a word's first letter is answered by its letter's part alone, and the parts of the letter's words follow", async ({ browser, page: whole }) => {
  const [context, page, errors] = await partsContext(browser);
  const requested = requestedUnder(page, "data/");
  await open(page, "/");
  const manifest = await (await page.request.get("/data/manifest.json")).json();
  const dir: string = manifest.search.dir;
  const letter = `${dir}/l/${Buffer.from("n").toString("hex")}.bin`;
  const beginnings = () => requested.filter((p) => p.startsWith(`${dir}/p/`));
  requested.length = 0;
  await typeInto(page, "n");
  const found = await answer(page);
  await open(whole, "/");
  await typeInto(whole, "n");
  expect(found).toEqual(await answer(whole));
  expect(requested).toContain(letter);
  // Then, for the next key, every part of the words beginning with "n", and only those; asked
  // for once the letter's part was in.
  await expect.poll(() => beginnings().length).toBeGreaterThan(1);
  expect(requested.indexOf(letter)).toBeLessThan(requested.indexOf(beginnings()[0]));
  for (const part of beginnings()) expect(keyOf(part)[0], part).toBe("n");
  await page.locator("#q").pressSequentially("ar", { delay: 30 });
  await typeInto(whole, "nar");
  expect(await answer(page)).toEqual(await answer(whole));
  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("the tables and the parts are named by their contents and cached for good", async ({ request }) => {
  const manifest = await (await request.get(`${url}/data/manifest.json`)).json();
  const first: string = manifest.search.prefixes.split(" ")[0];
  const hex = (key: string) => Buffer.from(key).toString("hex");
  const part = `${manifest.search.dir}/p/${hex(first)}.bin`;
  const letter = `${manifest.search.dir}/l/${hex([...first][0])}.bin`;
  for (const path of [manifest.search.tables, manifest.search.records, part, letter]) {
    const response = await request.get(`${url}/${path}`);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
  }
});

test("offline, search covers what the device kept and says so", async ({ browser }) => {
  test.setTimeout(90_000);
  const [context, page, errors] = await partsContext(browser);
  await open(page, "/kommun/jonkoping");
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  await page.reload();
  await ready(page);
  await open(page, "/");
  await expect(page.locator("ol.results > li").first()).toBeVisible();
  // What was kept: the reference, the tables and Jönköping's chunks (the start page's cards'
  // chunks were only read). The browser's own cache may drop anything; here it has.
  const tables: string = (await (await page.request.get("/data/manifest.json")).json()).search.tables;
  await expect.poll(() => page.evaluate(async (tables) => {
    const cache = await caches.open("medborgarloften-data");
    return (await cache.keys()).some((r) => r.url.endsWith(tables));
  }, tables), { timeout: 15_000 }).toBe(true);
  await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
  await context.setOffline(true);
  const offline = await context.newPage();
  const offlineErrors = watchConsole(offline);
  await offline.goto("/?q=polisen");
  await ready(offline);
  await expect(offline.getByText(/Du är offline\. Du ser det som finns sparat på enheten: 1 av \d+ kommuner/)).toBeVisible();
  await expect(offline.locator("ol.results > li").first()).toBeVisible();
  const places = await offline.locator("ol.results .card__meta, ol.results .result").allTextContents();
  expect(places.length).toBeGreaterThan(0);
  for (const place of places) expect(place).toContain("Jönköping");
  // Typing on searches the same kept data, without the network.
  await typeInto(offline, "trygghet");
  await expect(offline.locator("ol.results > li").first()).toBeVisible();
  expect(offlineErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), "console errors offline").toEqual([]);
  expect(errors, "console errors").toEqual([]);
  await context.close();
});
