import { test, expect } from "./fixtures/app";
import { SearchPage } from "./fixtures/search-page";

test("typing searches, forgiving å/ä/ö, with the match highlighted @wide", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.expectCount(7);
  await search.search.fill("oxnehaga");
  await search.expectCount(1);
  expect(await search.titles()).toEqual(["Medborgarlöfte 2020"]);
  await expect.poll(async () => new Set(await search.highlighted())).toEqual(new Set(["Öxnehaga"]));
  await expect.poll(() => search.params()).toEqual(["q=oxnehaga"]);
  await search.search.fill("Öxnehaga");
  await search.expectCount(1);
  // Painted over the text, which stays one text node as it was.
  await search.search.fill("drog");
  await expect.poll(async () => new Set((await search.highlighted()).map((h) => h.toLowerCase()))).toEqual(new Set(["drog"]));
  expect(await search.results.locator(".record__text mark").count()).toBe(0);
  await search.search.fill("");
  await expect.poll(() => search.highlighted()).toEqual([]);
});

test("as the search changes, the matches painted are on the records listed, none left behind", async ({ page }) => {
  const search = new SearchPage(page);
  // From a shared link's search, then typing: the cards stay, the records they list change.
  await search.goto("?q=trygghetsvandr");
  for (const typed of ["trygghetsvandr", "polis", "p", "po", "pol", "narkotika", "polis"]) {
    await search.search.fill(typed);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get("sok") ?? [])].map((range) => ({
            text: range.toString().toLowerCase(),
            listed: range.startContainer.isConnected && !!range.startContainer.parentElement?.closest("ol.results .record__text"),
          })),
        ),
      )
      .toEqual(expect.arrayContaining([{ text: typed, listed: true }]));
    const painted = await page.evaluate(() => [...(CSS.highlights.get("sok") ?? [])].map((range) => range.toString().toLowerCase()));
    expect(new Set(painted), typed).toEqual(new Set([typed]));
    const stale = await page.evaluate(() => [...(CSS.highlights.get("sok") ?? [])].filter((range) => !range.startContainer.isConnected).length);
    expect(stale, typed).toBe(0);
  }
});

test("a word's beginning finds the word", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?q=trygghetsvandr");
  await search.expectCount(3);
  await expect.poll(async () => (await search.highlighted())[0]).toMatch(/^trygghetsvandr$/i);
});

test("filters combine, show their counts, and live in the URL @wide", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  // Each option says how many agreements it would give.
  await expect(search.filter("Kommun").locator("option", { hasText: "Jönköping (3)" })).toHaveCount(1);
  await search.choose("Kommun", "jonkoping");
  await search.expectCount(3);
  await expect.poll(() => search.params()).toEqual(["kommun=jonkoping"]);
  await expect(search.filter("År").locator("option", { hasText: "2020 (1)" })).toHaveCount(1);
  await search.choose("År", "2020");
  await search.expectCount(1);
  await search.choose("Aktör", "polisen");
  await expect.poll(() => search.params()).toEqual(["aktor=polisen", "ar=2020", "kommun=jonkoping"]);
  // Only police activities are listed, each marked as such.
  const records = search.results.locator(".record");
  await expect(records.first()).toBeVisible();
  const kinds = await records.locator(".record__kind").allInnerTexts();
  expect(kinds.length).toBeGreaterThan(0);
  for (const kind of kinds) expect(kind).toMatch(/Polisen|Gemensamt/);
  // A chip removes one filter.
  await page.getByRole("button", { name: "Ta bort filtret Aktör: Polisen" }).click();
  await expect.poll(() => search.params()).toEqual(["ar=2020", "kommun=jonkoping"]);
});

test("topic and län filters", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?lan=23");
  await search.expectCount(1);
  expect(await search.titles()).toEqual(["Nu är alla medborgarlöften för Jämtlands län undertecknade"]);
  await search.goto("?tema=trafik");
  const titles = await search.titles();
  expect(titles.length).toBeGreaterThan(1);
  await expect(search.filter("Tema")).toHaveValue("trafik");
});

test("a deep link opens fresh with its search and filters in place", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?q=krog&kommun=jonkoping&ar=2020");
  await expect(search.search).toHaveValue("krog");
  await expect(search.filter("Kommun")).toHaveValue("jonkoping");
  await expect(search.filter("År")).toHaveValue("2020");
  await search.expectCount(1);
});

test("a search opened at its address shows its own filters' counts at once, not the last search's", async ({ page }) => {
  const search = new SearchPage(page);
  const counts = () => page.locator("section.filters option").allTextContents();
  await search.goto();
  const unsearched = await counts();
  // With the page's timers stopped, counts that waited for typing to pause would never come.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await search.goto("?q=narkotika");
  await search.expectCount(2);
  await expect.poll(counts).not.toEqual(unsearched);
  const shown = await counts();
  // What a filter counts when it gets focus, which counts again there and then.
  await search.filter("Kommun").focus();
  await expect.poll(counts).toEqual(shown);
});

test("back and forward walk through searches and pages", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.choose("Kommun", "eslov");
  await search.expectCount(2);
  await search.choose("År", "2017");
  await search.expectCount(1);
  await search.results.getByRole("link", { name: "Medborgarlöften i Eslöv 2017" }).click();
  await expect(page).toHaveURL(/\/medborgarlofte\/eslov-2017$/);
  await page.goBack();
  await search.expectCount(1);
  await expect(search.filter("År")).toHaveValue("2017");
  await page.goBack();
  await search.expectCount(2);
  await expect(search.filter("År")).toHaveValue("");
  await page.goForward();
  await search.expectCount(1);
});

test("the address follows typing once it pauses, and Back returns to the search", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search.fill("trygghetsvandr");
  await search.expectCount(3);
  await expect.poll(() => search.params()).toEqual(["q=trygghetsvandr"]);
  // Typing on and leaving the field for a result at once: the address has the latest text.
  await search.search.fill("trygghetsvandring");
  await search.results.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/medborgarlofte\//);
  await page.goBack();
  await expect(search.search).toHaveValue("trygghetsvandring");
  expect(search.params()).toEqual(["q=trygghetsvandring"]);
  // Typing replaces the entry rather than adding one per key: Back leaves the search.
  await page.goBack();
  await expect(page).toHaveURL(/about:blank|\/$/);
});

test("the first results come four at a time", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.expectCount(7);
  await expect(search.results).toHaveCount(4);
  await page.getByRole("button", { name: "Visa fler" }).click();
  await expect(search.results).toHaveCount(7);
  await expect(page.getByRole("button", { name: "Visa fler" })).toHaveCount(0);
});

test("no results: says so and offers ways to widen", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?q=hundsök&kommun=eslov");
  await search.expectCount(0);
  await expect(page.getByText("Inga träffar.")).toBeVisible();
  await page.getByRole("button", { name: "Ta bort Kommun: Eslöv" }).click();
  await search.expectCount(1);
  await expect.poll(() => search.params()).toEqual(["q=hundsök"]);
});

test("unknown query values are named, not silently dropped or fatal", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?kommun=atlantis&tema=trafik");
  await expect(page.getByRole("note")).toContainText("kommun=atlantis");
  await expect(search.filter("Tema")).toHaveValue("trafik");
});

test("the result set downloads as CSV and JSON", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?kommun=eslov");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner som CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("medborgarloften.csv");
  const text = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf-8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toMatch(/^agreement,title,kommuner/);
  expect(lines.length).toBe(1 + 3 + 3 + 5);
  expect(text).toContain("Två gemensamma trygghetsvandringar i Eslövs kommun.");
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner som JSON" }).click()]);
  const body = await (await json.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf-8"));
  expect(JSON.parse(body).map((a: { id: string }) => a.id)).toEqual(["eslov-2017", "eslov-2016"]);
});

test("removing a filter keeps the search text", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?kommun=jonkoping");
  await search.search.fill("krog");
  await page.getByRole("button", { name: "Ta bort filtret Kommun: Jönköping" }).click();
  await expect.poll(() => search.params()).toEqual(["q=krog"]);
  await expect(search.search).toHaveValue("krog");
});

test("a filter chosen right after typing keeps the text, and shows as chosen", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search.fill("krog");
  // Most likely before the address has caught up with the typing: the end is the same.
  await search.choose("Kommun", "jonkoping");
  await expect.poll(() => search.params()).toEqual(["kommun=jonkoping", "q=krog"]);
  await expect(search.search).toHaveValue("krog");
  await expect(search.filter("Kommun")).toHaveValue("jonkoping");
  await expect(search.filterToggle).toHaveText("Filter (1)");
  await expect(search.chip("Kommun: Jönköping")).toBeVisible();
});
