import { test, expect } from "./fixtures/app";
import { SearchPage } from "./fixtures/search-page";

const EVERY_TOPIC = ["narkotika", "alkohol-tobak", "krogmiljo", "trafik", "motorburen-ungdom", "otrygga-platser", "narvaro", "barn-unga", "grannsamverkan", "bedragerier", "vald", "kriminalitet", "dialog", "skadegorelse", "samverkan"];

test("a short list shows every match: five matches, five shown @wide", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?kommun=jonkoping&tema=narkotika");
  await expect(search.count).toHaveText(/, 5 träffar /);
  await expect(search.records).toHaveCount(5);
  await expect(search.results.getByRole("link", { name: /träffa?r? till i det här medborgarlöftet/ })).toHaveCount(0);
});

test("typing to a short list shows every match in each card", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto();
  await search.search.fill("krog");
  await search.expectCount(2);
  // Three matches in two agreements, all of them listed.
  await expect(search.count).toHaveText(/, 3 träffar /);
  await expect(search.records).toHaveCount(3);
  await expect(search.results.getByRole("link", { name: /till i det här medborgarlöftet/ })).toHaveCount(0);
});

test("a long list (50 matches or more) folds per agreement, with a link to the rest", async ({ page }) => {
  const search = new SearchPage(page);
  await search.goto("?" + EVERY_TOPIC.map((t) => `tema=${t}`).join("&"));
  await expect(search.count).toHaveText(/, 51 träffar /);
  await expect(search.results).toHaveCount(4);
  for (const card of await search.results.all()) await expect(card.locator(".records > li")).toHaveCount(1);
  const more = search.results.getByRole("link", { name: /^\d+ träffar till i det här medborgarlöftet$/ }).first();
  await expect(more).toBeVisible();
  await more.click();
  await expect(page).toHaveURL(/\/medborgarlofte\//);
});
