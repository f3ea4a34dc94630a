import { test, expect, open, installClock } from "./fixtures/app";
import { Frame } from "./fixtures/frame";
import { KioskPage } from "./fixtures/kiosk-page";
import type { Page } from "@playwright/test";

// Timers do not fire one tick at a time in real life: a display wakes from sleep, a screen
// saver ends, a hidden tab is throttled, and every timer that fell due fires at once. One
// `runFor` here is such a burst: Playwright's clock fires every interval and timeout that
// fell due inside it, back to back. The fixture fails each test on any panic in the console.
//
// Each kiosk journey runs under two clocks. `installClock` numbers timers as browsers do.
// Playwright's own numbering starts at 10^12, past the 32-bit ids the app's timer handles
// keep, so there the app's clearInterval misses and every tick of a visitor's app goes on
// firing after that app is gone: the harshest case of a timer outliving its owner.
const CLOCKS: [string, (page: Page) => Promise<void>][] = [
  ["browser-numbered timers", installClock],
  ["timers that outlive their app", (page) => page.clock.install()],
];

const PROMISE = "Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga";
const IDLE = 60;
const WARNING = 30;

test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

/** The kiosk answers a touch: the attract screen goes, the start's heading shows. */
async function answers(kiosk: KioskPage): Promise<void> {
  await expect(kiosk.attract).toBeVisible();
  await kiosk.attract.tap();
  await expect(kiosk.attract).toHaveCount(0);
  await expect(kiosk.heading).toHaveText("Vad har polis och kommun lovat?");
  await expect(new Frame(kiosk.page).saved).not.toContainText("1");
}

/** A visitor reads an agreement, saves a promise, opens its QR code, and walks away. */
async function visitor(kiosk: KioskPage): Promise<void> {
  await kiosk.page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().tap();
  await kiosk.saveButton(PROMISE).tap();
  await expect(new Frame(kiosk.page).saved).toContainText("1");
  await kiosk.page.getByRole("button", { name: "Ta med till mobilen" }).first().tap();
  await expect(kiosk.page.getByRole("img", { name: "QR-kod till sidan", exact: true })).toBeVisible();
}

for (const [name, clock] of CLOCKS) {
  test(`${name}: the warning and the reset in one burst, after a visitor walks away`, async ({ page }) => {
    await clock(page);
    const kiosk = new KioskPage(page);
    await kiosk.goto(`?kommun=jonkoping&idle=${IDLE}`);
    await visitor(kiosk);
    await page.clock.runFor((IDLE + WARNING) * 1000 - 4_000);
    await page.clock.runFor(10_000);
    await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping&idle=60$/);
    await answers(kiosk);
  });

  test(`${name}: one burst past the warning and the reset together`, async ({ page }) => {
    await clock(page);
    const kiosk = new KioskPage(page);
    await kiosk.goto(`?kommun=jonkoping&idle=${IDLE}`);
    await visitor(kiosk);
    await page.clock.runFor((IDLE + WARNING) * 1000 + 86_000);
    await answers(kiosk);
  });

  test(`${name}: the kiosk's start left alone, then two bursts`, async ({ page }) => {
    await clock(page);
    const kiosk = new KioskPage(page);
    await kiosk.goto(`?kommun=jonkoping&idle=${IDLE}`);
    await page.clock.runFor(61_000);
    await expect(kiosk.warning).toBeVisible();
    await page.clock.runFor(86_000);
    await answers(kiosk);
  });

  test(`${name}: a burst after each of several visitors, with the attract screen running between`, async ({ page }) => {
    await clock(page);
    const kiosk = new KioskPage(page);
    await kiosk.goto(`?kommun=jonkoping&idle=${IDLE}`);
    for (let n = 0; n < 5; n++) {
      await visitor(kiosk);
      // Long enough for the attract screen to turn over its promises a few times.
      await page.clock.runFor((IDLE + WARNING) * 1000 + 7_000 * n + 1_000);
      await answers(kiosk);
    }
  });

  test(`${name}: a tab hidden for an hour and shown again fires its timers at once`, async ({ page }) => {
    await clock(page);
    const kiosk = new KioskPage(page);
    await kiosk.goto(`?kommun=jonkoping&idle=${IDLE}`);
    await visitor(kiosk);
    const setVisibility = (state: "hidden" | "visible") =>
      page.evaluate((state) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
        Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
        document.dispatchEvent(new Event("visibilitychange"));
      }, state);
    await setVisibility("hidden");
    await page.clock.runFor(60 * 60_000);
    await setVisibility("visible");
    await answers(kiosk);
  });

  test(`${name}: a resident's page survives a burst of late timers while searching`, async ({ page }) => {
    await clock(page);
    await open(page, "/");
    const field = page.getByLabel("Sök", { exact: true });
    await field.pressSequentially("trygg");
    // Typing's own timers (the address, the filters' counts) fall due in the same burst as a
    // navigation away.
    await page.getByRole("navigation").getByRole("link", { name: "Kommuner", exact: true }).click();
    await page.clock.runFor(5_000);
    await page.goBack();
    await page.clock.runFor(60_000);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await field.fill("narkotika");
    await expect(page.locator("ol.results li").first()).toBeVisible();
  });
}
