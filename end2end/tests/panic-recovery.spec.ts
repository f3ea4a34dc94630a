import { test, expect, open, installClock } from "./fixtures/app";
import { Frame } from "./fixtures/frame";
import { KioskPage } from "./fixtures/kiosk-page";
import type { Page } from "@playwright/test";

// No input can panic the app, but a panic that happens anyway must not be the end of it. The
// app answers a test's request for a panic only when a script that runs before the page's own
// asked for that (`addInitScript` below); no address, link, stored value or page content can.

const PROMISE = "Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga";

async function allowForcedPanics(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __medborgarloftenTestHooks: boolean }).__medborgarloftenTestHooks = true;
  });
}

async function forcePanic(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event("medborgarloften:test-panic")));
}

/** How many times this tab's kiosk has started over after a panic. */
function kioskRestarts(page: Page): Promise<number> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem("medborgarloften.kiosk.restarts") ?? "[]").length);
}

/** The forced panics this test expects, taken out of the errors the fixture fails on. */
function expectPanics(consoleErrors: string[], count: number): void {
  // The panic hook's message, then the trap it ends in ("unreachable").
  const panics = consoleErrors.filter((e) => e.includes("panicked at") || e === "pageerror: unreachable");
  const messages = panics.filter((e) => e.includes("panicked at"));
  expect(messages, "the panics forced").toHaveLength(count);
  for (const message of messages) expect(message).toContain("a panic forced by the end-to-end suite");
  const rest = consoleErrors.filter((e) => !panics.includes(e));
  consoleErrors.splice(0, consoleErrors.length, ...rest);
}

test("without the test's init script, the app does not answer a request for a panic", async ({ page }) => {
  await open(page, "/");
  await forcePanic(page);
  await page.getByLabel("Sök", { exact: true }).fill("narkotika");
  await expect(page.locator("ol.results li").first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a resident's page that panics says so, reloads on request, and loses nothing stored", async ({ page, consoleErrors }) => {
  await allowForcedPanics(page);
  await open(page, "/medborgarlofte/jonkoping-2020");
  const frame = new Frame(page);
  await frame.saveButton(PROMISE).click();
  await expect(frame.saved).toContainText("1");
  const stored = await page.evaluate(() => ({ ...localStorage }));

  await forcePanic(page);
  const notice = page.getByRole("alert").filter({ hasText: "Något gick fel i appen" });
  await expect(notice).toBeVisible();
  const reload = notice.getByRole("button", { name: "Ladda om" });
  await expect(reload).toBeFocused();
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual(stored);

  await reload.click();
  await expect(page.locator("html[data-ready]")).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(frame.saved).toContainText("1");
  await expect(frame.saveButton(PROMISE)).toHaveAttribute("aria-pressed", "true");
  expectPanics(consoleErrors, 1);
});

test("a kiosk that panics starts over at its start by itself, and counts it", async ({ page, consoleErrors }) => {
  await allowForcedPanics(page);
  await installClock(page);
  const kiosk = new KioskPage(page);
  await kiosk.goto("?kommun=jonkoping&idle=60");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().tap();
  await kiosk.saveButton(PROMISE).tap();

  await forcePanic(page);
  await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping&idle=60$/);
  await expect(page.locator("html[data-ready][data-kiosk]")).toHaveCount(1);
  await expect(kiosk.kommun("Jönköpings kommun")).toBeVisible();
  await expect(new Frame(page).saved).not.toContainText("1");
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await kioskRestarts(page)).toBe(1);
  // Its timers run as before: the idle warning still comes.
  await page.clock.runFor(61_000);
  await expect(kiosk.warning).toBeVisible();
  expectPanics(consoleErrors, 1);
});

test("a kiosk that keeps panicking stops restarting and says so", async ({ page, consoleErrors }) => {
  await allowForcedPanics(page);
  const kiosk = new KioskPage(page);
  await kiosk.goto("?kommun=eslov");
  for (let n = 1; n <= 3; n++) {
    await forcePanic(page);
    await expect(page.locator("html[data-ready][data-kiosk]")).toHaveCount(1);
    await expect.poll(() => kioskRestarts(page)).toBe(n);
  }
  await forcePanic(page);
  await expect(page.getByRole("alert").filter({ hasText: "Något gick fel i appen" })).toBeVisible();
  expectPanics(consoleErrors, 4);
});
