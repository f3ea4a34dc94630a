import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, installClock } from "./fixtures/app";
import { Frame } from "./fixtures/frame";
import type { Page } from "@playwright/test";

/** Every route, and the states worth checking on them. */
const ROUTES = [
  "/",
  "/?q=öxnehaga&kommun=jonkoping",
  "/?q=finnsinte",
  "/kommuner",
  "/kommun/jonkoping",
  "/kommun/jonkoping/sa-gick-det",
  "/kommun/kiruna",
  "/medborgarlofte/jonkoping-2020",
  "/medborgarlofte/jamtlands-lan-2017",
  "/omraden",
  "/omrade/jonkoping/oxnehaga",
  "/sparade",
  "/sparade?dela=eslov-2016-l1,jonkoping-2020",
  "/om",
  "/finns-inte",
  "/kiosk?kommun=jonkoping",
];

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  for (const lang of ["sv", "en"] as const) {
    test(`axe: every route, ${lang}, ${scheme} @wide`, async ({ page }) => {
      // Sixteen pages, each analysed in full: about 25 s alone, more on a busy machine.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      if (lang === "en") {
        await page.addInitScript(() => {
          if (!localStorage.getItem("medborgarloften")) {
            localStorage.setItem("medborgarloften", JSON.stringify({ version: 2, state: { bookmarks: [], preferences: { lang: "en" } } }));
          }
        });
      }
      const found: string[] = [];
      for (const route of ROUTES) {
        await open(page, route);
        // A kiosk starts in Swedish whatever the device once chose.
        await expect(page.locator("html")).toHaveAttribute("lang", route.startsWith("/kiosk") ? "sv" : lang);
        for (const violation of await axe(page)) found.push(`${route}: ${violation}`);
      }
      expect(found).toEqual([]);
    });
  }
}

test("axe: the kiosk's idle warning and attract screen", async ({ page }) => {
  await installClock(page);
  await open(page, "/kiosk?kommun=jonkoping&idle=15");
  await page.clock.runFor(16_000);
  await expect(page.getByRole("alertdialog")).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await expect(page.getByRole("button", { name: "Fortsätt" })).toBeFocused();
  await page.clock.runFor(31_000);
  await expect(page.locator(".kiosk-attract")).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test("the skip link is the first stop and moves to the content", async ({ page }) => {
  await open(page, "/kommuner");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.closest("main") !== null);
  expect(focused).toBe(true);
});

/** Press Tab until `target` has focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

test("keyboard only: find a kommun, open an agreement, save a promise, open saved @wide", async ({ page }) => {
  await open(page, "/");
  await tabTo(page, page.getByRole("navigation").getByRole("link", { name: "Kommuner" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Alla kommuner" })).toBeFocused();
  await tabTo(page, page.getByLabel("Hitta kommun"));
  await page.keyboard.type("eslöv");
  await tabTo(page, page.getByRole("link", { name: "Eslöv", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Eslövs kommun" })).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "Medborgarlöften i Eslövs kommun 2016" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  const save = page.getByRole("button", { name: /^Spara Lokalpolisområde Eslöv och Eslövs kommun lovar att tillsammans arbeta för att…$/ });
  await tabTo(page, save);
  // Focus is visible: an outline of at least 2 px.
  const outline = await save.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
  expect(outline).toBeGreaterThanOrEqual(2);
  await page.keyboard.press("Space");
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await tabTo(page, new Frame(page).saved, 200);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Sparade" })).toBeFocused();
  await expect(page.locator(".saved-item")).toHaveCount(1);
});

test("keyboard only: search and filter from the start page", async ({ page }) => {
  await open(page, "/");
  await tabTo(page, page.getByLabel("Sök", { exact: true }));
  await page.keyboard.type("trygghetsvandring");
  await expect(page.getByRole("status").filter({ hasText: "3 medborgarlöften" })).toBeVisible();
  // On a phone the filters are folded: the next stop is their summary, which Enter unfolds.
  await page.keyboard.press("Tab");
  const toggle = page.locator("details.filters-panel > summary");
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveText("Filter");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Kommun", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Tema", { exact: true })).toBeFocused();
});

for (const [width, height, what] of [[320, 640, "320 px wide"], [640, 400, "200 % zoom of a 1280×800 screen"]] as const) {
  test(`no sideways scrolling at ${what}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const route of ["/", "/?q=öxnehaga", "/kommuner", "/medborgarlofte/jonkoping-2020", "/sparade", "/om", "/omraden"]) {
      await open(page, route);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
  });
}

test("a page title breaks between words, not inside one, on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const route of ["/medborgarlofte/jonkoping-2020", "/medborgarlofte/eslov-2016", "/medborgarlofte/jokkmokk-2020-2022"]) {
    await open(page, route);
    // Each word of the heading, measured where it was laid out: one box means one line.
    const split = await page.locator("main h1").evaluate((h1) => {
      const text = h1.firstChild as Text;
      const words = [...text.data.matchAll(/\S+/g)];
      return words
        .filter((w) => {
          const range = document.createRange();
          range.setStart(text, w.index!);
          range.setEnd(text, w.index! + w[0].length);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((w) => w[0]);
    });
    expect(split, route).toEqual([]);
  }
});

test("zoom is never disabled", async ({ page }) => {
  await open(page, "/");
  const viewport = await page.locator("meta[name=viewport]").getAttribute("content");
  expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
});
