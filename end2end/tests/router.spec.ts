import { test, expect, open } from "./fixtures/app";
import type { Locator, Page } from "@playwright/test";

// The router (leptos_router, with links built by `components::link::Link`): which clicks it follows without loading the page
// again, and which it leaves to the browser.

/** Mark the loaded document; the mark survives navigation inside the app, not a page load. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { routerMark: number }).routerMark = 1));
}

async function marked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { routerMark?: number }).routerMark === 1);
}

test("links inside the app change the page without loading it; the current page is marked in the menu", async ({ page }) => {
  await open(page, "/");
  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Sök", exact: true })).toHaveAttribute("aria-current", "page");
  await mark(page);
  await nav.getByRole("link", { name: "Områden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Områden");
  await expect(nav.getByRole("link", { name: "Områden" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current]")).toHaveCount(1);
  await page.getByRole("link", { name: "Öxnehaga", exact: true }).click();
  await expect(page).toHaveURL(/\/omrade\/jonkoping\/oxnehaga$/);
  await expect(nav.locator("[aria-current]")).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Områden");
  await expect(nav.getByRole("link", { name: "Områden" })).toHaveAttribute("aria-current", "page");
  expect(await marked(page)).toBe(true);
});

test("a new page starts at the top", async ({ page }) => {
  await open(page, "/kommuner");
  const link = page.getByRole("link", { name: "Jönköping", exact: true });
  await link.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jönköpings kommun");
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test("the skip link stays on the page it is on", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  await mark(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020#main$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medborgarlöfte 2020");
  expect(await marked(page)).toBe(true);
});

test("the browser keeps links with a modifier key, a target, a download, rel=external or another origin", async ({ page }) => {
  await open(page, "/om");
  await page.evaluate(() => {
    const links = [["target", "/kommuner", "_blank"], ["download", "/kommuner", ""], ["rel", "/kommuner", "external"], ["other", "https://example.org/kommuner", ""]];
    for (const [name, href, value] of links) {
      const a = document.createElement("a");
      a.textContent = `test ${name}`;
      a.href = href;
      if (name !== "other") a.setAttribute(name, value);
      document.body.append(a);
    }
  });
  const nav = page.getByRole("navigation").getByRole("link", { name: "Kommuner" });
  for (const modifier of ["Control", "Shift", "Alt", "Meta"] as const) {
    expect(await taken(page, nav, [modifier]), modifier).toBe(false);
  }
  for (const name of ["target", "download", "rel", "other"]) {
    expect(await taken(page, page.getByRole("link", { name: `test ${name}` })), name).toBe(false);
  }
  // The open data file, a link of the app with rel="external".
  expect(await taken(page, page.getByRole("link", { name: "Hela datamängden som öppna data (JSON)" }))).toBe(false);
  await expect(page).toHaveURL(/\/om$/);
  expect(await taken(page, nav)).toBe(true);
  await expect(page).toHaveURL(/\/kommuner$/);
});

/** Click a link and say whether the app's router took the click for itself. The test's own
 * listener, added after the router's, sees that and stops the browser from following the
 * link, so nothing opens or loads. */
async function taken(page: Page, link: Locator, modifiers: ("Control" | "Shift" | "Alt" | "Meta")[] = []): Promise<boolean> {
  await page.evaluate(() =>
    window.addEventListener(
      "click",
      (ev) => {
        (window as unknown as { taken: boolean }).taken = ev.defaultPrevented;
        ev.preventDefault();
      },
      { once: true },
    ),
  );
  await link.click({ modifiers });
  return page.evaluate(() => (window as unknown as { taken: boolean }).taken);
}
