import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures/app";
import { SearchPage } from "./fixtures/search-page";

// A phone, as residents hold it (the suite's phone project, stated here because it is the point).
test.describe("on a phone, 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [address, summary] of [["", "Filter"], ["?kommun=jonkoping&tema=narkotika", "Filter (2)"]] as const) {
    test(`/${address}: filters folded into "${summary}", the first result in the first screen`, async ({ page }) => {
      const search = new SearchPage(page);
      await search.goto(address);
      await expect(search.filterToggle).toHaveText(summary);
      await expect(search.filterPanel).not.toHaveAttribute("open");
      await expect(search.filter("Kommun")).toBeHidden();
      const first = search.results.first();
      await expect(first).toBeVisible();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // Its title and the start of its content are above the fold.
      const title = await first.locator("h2").boundingBox();
      expect(title!.y + title!.height, "the first result's title").toBeLessThanOrEqual(844);
      const card = await first.boundingBox();
      expect(card!.y + 120, "some of the first result's content").toBeLessThanOrEqual(844);
    });
  }

  test("the chosen filters show as chips that remove them", async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto("?kommun=jonkoping&tema=narkotika");
    await expect(search.chip("Kommun: Jönköping")).toBeVisible();
    await search.chip("Tema: Narkotika och droger").click();
    await expect.poll(() => search.params()).toEqual(["kommun=jonkoping"]);
    await expect(search.filterToggle).toHaveText("Filter (1)");
    await search.chip("Kommun: Jönköping").click();
    await expect(search.filterToggle).toHaveText("Filter");
    await search.expectCount(7);
  });

  test("the disclosure opens and closes by keyboard, and choosing keeps it open", async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto();
    await search.filterToggle.focus();
    await page.keyboard.press("Enter");
    await expect(search.filterPanel).toHaveAttribute("open", "");
    await expect(search.filter("Kommun")).toBeVisible();
    // A screen reader hears a disclosure and whether it is open.
    const snapshot = await search.filterPanel.ariaSnapshot();
    expect(snapshot).toContain("Kommun");
    await search.filter("Kommun").selectOption("eslov");
    await search.expectCount(2);
    await expect(search.filterToggle).toHaveText("Filter (1)");
    await expect(search.filter("Kommun")).toBeVisible();
    await search.filterToggle.focus();
    await page.keyboard.press("Space");
    await expect(search.filterPanel).not.toHaveAttribute("open");
    await expect(search.filter("Kommun")).toBeHidden();
  });

  test("axe: the unfolded filters and their chips", async ({ page }) => {
    const search = new SearchPage(page);
    await search.goto("?kommun=jonkoping&tema=narkotika");
    await search.openFilters();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

for (const [width, height] of [[1280, 800], [1920, 1080], [1080, 1920]] as const) {
  test.describe(`on a ${width}×${height} screen`, () => {
    test.use({ viewport: { width, height } });

    test("the filters show without a disclosure", async ({ page }) => {
      const search = new SearchPage(page);
      await search.goto("?kommun=jonkoping&tema=narkotika");
      await expect(search.filterToggle).toBeHidden();
      await expect(search.filterPanel).toHaveAttribute("open", "");
      for (const name of ["Kommun", "Län", "Tema", "År", "Aktör"] as const) await expect(search.filter(name)).toBeVisible();
      await expect(search.chip("Kommun: Jönköping")).toBeVisible();
      await expect(search.results.first()).toBeInViewport();
    });
  });
}
