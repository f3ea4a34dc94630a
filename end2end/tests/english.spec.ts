import { test, expect, open } from "./fixtures/app";
import { SearchPage } from "./fixtures/search-page";

test("the whole interface switches to English, remembered, with <html lang> set @wide", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the citizen promises");
  await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
  // On a phone the filters are folded under their summary, in English too.
  const search = new SearchPage(page);
  if (await search.filterToggle.isVisible()) await expect(search.filterToggle).toHaveText("Filters");
  await search.openFilters();
  for (const label of ["Municipality", "County", "Topic", "Year", "Actor"]) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("status").filter({ hasText: "7 agreements" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the citizen promises");
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});

test("in English, the data stays Swedish and is marked lang=sv", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("button", { name: "In English" }).click();
  await open(page, "/medborgarlofte/jonkoping-2020");
  await expect(page.getByRole("heading", { name: "Promises" })).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("Local police area");
  const promise = page.locator(".record__text", { hasText: "Identifiera och arbeta förebyggande" });
  await expect(promise).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "sv");
  // Topic names are interface: English.
  await expect(page.locator(".badge--topic").first()).not.toHaveText(/otrygga|Otrygga/);
  // Every text block that comes from the data is inside a lang="sv" element.
  const unmarked = await page.evaluate(() =>
    [...document.querySelectorAll(".record__text, .section > p")]
      .filter((el) => el.closest("[lang]")?.getAttribute("lang") !== "sv" && /[åäö]/i.test(el.textContent ?? ""))
      .map((el) => el.textContent),
  );
  expect(unmarked).toEqual([]);
});

test("switching language by keyboard keeps the focus on the switch @wide", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  const toEnglish = page.getByRole("button", { name: "In English" });
  await toEnglish.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const toSwedish = page.getByRole("button", { name: "På svenska" });
  await expect(toSwedish).toBeFocused();
  // The keyboard goes on from there, and back again.
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(toEnglish).toBeFocused();
  // Shift+Tab from the switch lands in the header, not at the top of the document.
  await page.keyboard.press("Shift+Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("header") !== null)).toBe(true);
});
