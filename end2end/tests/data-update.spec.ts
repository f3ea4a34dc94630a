import { test, expect, open, installClock, watchConsole } from "./fixtures/app";
import { KioskPage } from "./fixtures/kiosk-page";
import { openData, publishChanged, withSite } from "./fixtures/site";
import type { Page, Route } from "@playwright/test";

// Data is deployed apart from the app: `loften publish` into the live site, no new build.
// Version 2 of the data adds an agreement, changes an activity and removes one.

const CHANGED_BEFORE = "Kommunen och Polisen ska genomföra gemensamma krogtillsyner vid minst fyra tillfällen.";
const CHANGED_AFTER = "Kommunen och Polisen ska genomföra gemensamma krogtillsyner vid minst sex tillfällen.";
const REMOVED = "Polisen ska genomföra en enkätundersökning för att identifiera otrygga platser.";

/** The site's data with the three changes of version 2. */
function version2(root: string): unknown {
  const data = openData(root);
  const jonkoping = data.agreements.find((a: { id: string }) => a.id === "jonkoping-2020");
  jonkoping.activities = jonkoping.activities.filter((a: { id: string }) => a.id !== "jonkoping-2020-a1");
  jonkoping.activities.find((a: { id: string }) => a.id === "jonkoping-2020-a3").text = CHANGED_AFTER;
  const eslov = JSON.parse(JSON.stringify(data.agreements.find((a: { id: string }) => a.id === "eslov-2017")).split("eslov-2017").join("eslov-2027"));
  eslov.title = "Medborgarlöften i Eslöv 2027";
  eslov.period = { ...eslov.period, from: 2027, to: 2027 };
  data.agreements.unshift(eslov);
  return data;
}

/** The version of the data a page's footer names. */
const footer = (page: Page) => page.locator(".data-date");

/** Ask the app to look for new data now, as it does when its page is shown again. */
async function pageShownAgain(page: Page): Promise<void> {
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
}

test("new data deployed alone reaches an open page after its check, in one step, without a reload", async ({ browser }) => {
  test.setTimeout(90_000);
  await withSite(browser, async (_site, root, page) => {
    await open(page, "/medborgarlofte/jonkoping-2020");
    const v1Date = (await footer(page).textContent())!;
    expect(v1Date).toMatch(/^Uppgifter från \d+ \w+ 20\d\d$/);
    await page.getByRole("button", { name: new RegExp(`^Spara ${REMOVED.slice(0, 30)}`) }).click();
    await page.evaluate(() => ((window as any).sameDocument = true));

    publishChanged(root, version2(root), "2026-12-24");
    await pageShownAgain(page);
    const news = page.getByRole("status").filter({ hasText: "Nya uppgifter från 24 december 2026 har hämtats." });
    await expect(news).toBeVisible();
    // Nothing changed under the reader's eyes: the page is still all version 1.
    await expect(page.getByText(CHANGED_BEFORE)).toBeVisible();
    await expect(page.getByText(REMOVED)).toBeVisible();
    await expect(footer(page)).toHaveText(v1Date);

    await news.getByRole("button", { name: "Visa dem" }).click();
    // All of version 2 at once, in the same document.
    await expect(page.getByText(CHANGED_AFTER)).toBeVisible();
    await expect(page.getByText(CHANGED_BEFORE)).toHaveCount(0);
    await expect(page.getByText(REMOVED)).toHaveCount(0);
    await expect(footer(page)).toHaveText("Uppgifter från 24 december 2026");
    await expect(news).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);

    // The new agreement is on its kommun's page; the removed activity's bookmark keeps its text.
    // A page opened afresh, rendered from version 1, switches as it opens.
    await open(page, "/kommun/eslov");
    await expect(page.getByRole("link", { name: /Medborgarlöften i Eslöv 2027/ })).toBeVisible();
    await open(page, "/sparade");
    await expect(page.getByRole("heading", { name: "Finns inte längre i datamängden" })).toBeVisible();
    await expect(page.getByText(REMOVED)).toBeVisible();
    await expect(footer(page)).toHaveText("Uppgifter från 24 december 2026");
  });
});

test("a page that opens on older data switches at once, unless the visitor has begun", async ({ browser }) => {
  test.setTimeout(90_000);
  // Without a service worker, whose requests page.route does not see.
  await withSite(browser, async (_site, root, page) => {
    // The pages were rendered from version 1; version 2 is already published when they open.
    publishChanged(root, version2(root), "2026-12-24");
    await open(page, "/medborgarlofte/jonkoping-2020");
    await expect(page.getByText(CHANGED_AFTER)).toBeVisible();
    await expect(footer(page)).toHaveText("Uppgifter från 24 december 2026");

    // A slow answer to the page's first question, and a visitor who starts typing meanwhile:
    // what they typed stays, and the new data waits for them.
    const other = await page.context().newPage();
    await other.route("**/data/manifest.json", async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    const version3 = openData(root);
    version3.agreements.find((a: { id: string }) => a.id === "eslov-2027").title = "Medborgarlöften i Eslöv 2027 (rättad)";
    publishChanged(root, version3, "2026-12-25");
    await open(other, "/");
    await other.getByLabel("Sök", { exact: true }).pressSequentially("krog");
    await expect(other.getByText("Nya uppgifter från 25 december 2026 har hämtats.")).toBeVisible();
    await expect(other.getByLabel("Sök", { exact: true })).toHaveValue("krog");
    await other.close();
  }, { serviceWorkers: "block" });
});

test("new data waits for the next page: going to another page switches to it", async ({ browser }) => {
  test.setTimeout(90_000);
  await withSite(browser, async (_site, root, page) => {
    await open(page, "/kommun/jonkoping");
    await page.evaluate(() => ((window as any).sameDocument = true));
    publishChanged(root, version2(root), "2026-12-24");
    await pageShownAgain(page);
    await expect(page.getByText("Nya uppgifter från 24 december 2026 har hämtats.")).toBeVisible();
    await page.getByRole("link", { name: /Medborgarlöfte 2020/ }).first().click();
    await expect(page.getByText(CHANGED_AFTER)).toBeVisible();
    await expect(footer(page)).toHaveText("Uppgifter från 24 december 2026");
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  });
});

test("offline, a client keeps the data it has, and moves to new data when back", async ({ browser }) => {
  test.setTimeout(90_000);
  await withSite(browser, async (_site, root, page) => {
    await open(page, "/medborgarlofte/jonkoping-2020");
    await page.waitForFunction(() => navigator.serviceWorker?.controller);
    const v1Date = (await footer(page).textContent())!;
    // Offline for the page and its service worker alike (setOffline alone may leave the
    // worker's own requests through).
    const cut = (route: Route) => route.abort("internetdisconnected");
    await page.context().route("**/*", cut);
    await page.context().setOffline(true);
    publishChanged(root, version2(root), "2026-12-24");
    await open(page, "/medborgarlofte/jonkoping-2020");
    await expect(page.getByText("Du är offline")).toBeVisible();
    await expect(page.getByText(CHANGED_BEFORE)).toBeVisible();
    await expect(footer(page)).toHaveText(v1Date);
    // Another page, offline, is still version 1.
    await open(page, "/kommun/eslov");
    await expect(page.getByRole("link", { name: /Medborgarlöften i Eslöv 2027/ })).toHaveCount(0);
    await page.context().unroute("**/*", cut);
    await page.context().setOffline(false);
    const news = page.getByRole("status").filter({ hasText: "Nya uppgifter från 24 december 2026 har hämtats." });
    await expect(news).toBeVisible();
    await news.getByRole("button", { name: "Visa dem" }).click();
    await expect(page.getByRole("link", { name: /Medborgarlöften i Eslöv 2027/ })).toBeVisible();
    await expect(footer(page)).toHaveText("Uppgifter från 24 december 2026");
  });
});

test("back online before the server can be reached, a client asks again until it is", async ({ browser }) => {
  test.setTimeout(90_000);
  await withSite(browser, async (_site, root, page) => {
    await open(page, "/medborgarlofte/jonkoping-2020");
    await page.waitForFunction(() => navigator.serviceWorker?.controller);
    const cut = (route: Route) => route.abort("internetdisconnected");
    await page.context().route("**/*", cut);
    await page.context().setOffline(true);
    publishChanged(root, version2(root), "2026-12-24");
    // The network is back, but the first requests for the manifest (the worker's, answered
    // from its copy) still fail, as on a network that is only just reconnecting.
    let failed = 0;
    await page.context().route("**/data/manifest.json", (route) => (failed++ < 4 ? route.abort("internetdisconnected") : route.fallback()));
    await page.context().unroute("**/*", cut);
    await page.context().setOffline(false);
    const news = page.getByRole("status").filter({ hasText: "Nya uppgifter från 24 december 2026 har hämtats." });
    await expect(news).toBeVisible({ timeout: 40_000 });
    expect(failed).toBeGreaterThan(4);
    await expect(footer(page)).not.toHaveText("Uppgifter från 24 december 2026");
  });
});

test("data published for a newer app is not read: the client keeps its data and says the app needs an update", async ({ browser }) => {
  test.setTimeout(60_000);
  await withSite(browser, async (_site, root, page) => {
    await open(page, "/medborgarlofte/jonkoping-2020");
    const v1Date = (await footer(page).textContent())!;
    const { writeFileSync, rmSync } = await import("node:fs");
    writeFileSync(`${root}/data/manifest.json`, JSON.stringify({ schema: 99, version: "0123456789abcdef", chunks: "another shape" }));
    for (const copy of ["br", "gz"]) rmSync(`${root}/data/manifest.json.${copy}`, { force: true });
    await pageShownAgain(page);
    await expect(page.getByText(/Det finns nyare uppgifter, men den här versionen av appen kan inte läsa dem/)).toBeVisible();
    await expect(page.getByText(CHANGED_BEFORE)).toBeVisible();
    await expect(footer(page)).toHaveText(v1Date);
    // A new visit too keeps to the data its page was rendered from.
    await open(page, "/medborgarlofte/jonkoping-2020");
    await expect(page.getByText(CHANGED_BEFORE)).toBeVisible();
  });
});

test("a kiosk switches to new data only at its idle reset", async ({ browser }) => {
  test.setTimeout(90_000);
  const kioskScreen = { viewport: { width: 1920, height: 1080 }, hasTouch: true };
  await withSite(browser, async (_site, root, page) => {
    await installClock(page);
    const kiosk = new KioskPage(page);
    await kiosk.goto("?kommun=jonkoping&idle=60");
    const read = () => page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().tap();
    await read();
    await expect(page.getByText(CHANGED_BEFORE)).toBeVisible();
    publishChanged(root, version2(root), "2026-12-24");
    await pageShownAgain(page);
    await page.waitForTimeout(1_000);
    // The kiosk offers nothing and changes nothing while someone may be reading.
    await expect(page.getByText(/Nya uppgifter/)).toHaveCount(0);
    await expect(page.getByText(CHANGED_BEFORE)).toBeVisible();
    // The warning and the reset for the next visitor: the next visitor reads version 2.
    await page.clock.runFor(95_000);
    await expect(kiosk.attract).toBeVisible();
    await kiosk.attract.tap();
    await read();
    await expect(page.getByText(CHANGED_AFTER)).toBeVisible();
  }, kioskScreen);
});
