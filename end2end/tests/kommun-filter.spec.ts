import { test, expect } from "./fixtures/app";
import { SearchPage } from "./fixtures/search-page";

const WITH_AGREEMENTS = ["Berg (1)", "Bräcke (1)", "Eslöv (2)", "Härjedalen (1)", "Jokkmokk (1)", "Jönköping (3)", "Krokom (1)", "Ragunda (1)", "Strömsund (1)", "Åre (1)", "Östersund (1)"];

test("kommuner with agreements come first, as a group, then the rest; counts kept @wide", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  const kommun = search.filter("Kommun");
  const groups = kommun.locator("optgroup");
  await expect(groups).toHaveCount(2);
  expect(await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute("label")))).toEqual(["Med medborgarlöften", "Övriga kommuner"]);
  await expect(groups.first().locator("option")).toHaveText(WITH_AGREEMENTS);
  const rest = await groups.nth(1).locator("option").allTextContents();
  expect(rest.length).toBe(290 - WITH_AGREEMENTS.length);
  expect(rest[0]).toBe("Ale (0)");
  // Swedish order within the group: z < å < ä < ö.
  const at = (name: string) => rest.findIndex((o) => o.startsWith(name + " "));
  expect(at("Åstorp")).toBeLessThan(at("Älmhult"));
  expect(at("Älmhult")).toBeLessThan(at("Öckerö"));
});

test("the Kommun filter by keyboard: the first option down is the first kommun with agreements", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.openFilters();
  await search.filter("Kommun").focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => search.params()).toEqual(["kommun=berg"]);
  await expect(search.filter("Kommun")).toBeFocused();
  // Its accessible name stays the label; the chosen option says its count.
  await expect(search.filter("Kommun")).toHaveAccessibleName("Kommun");
  await expect(search.filter("Kommun").locator("option:checked")).toHaveText("Berg (1)");
});
