import { test, expect, open, installClock } from "./fixtures/app";
import { Frame } from "./fixtures/frame";
import { KioskPage } from "./fixtures/kiosk-page";
import { decodeQr } from "./fixtures/qr";
import type { Page } from "@playwright/test";

const PROMISE = "Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga";

test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

async function everything(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

test("/kiosk?kommun=jonkoping opens straight on that kommun, in large type @wide", async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.goto("?kommun=jonkoping");
  await expect(kiosk.heading).toHaveText("Vad har polis och kommun lovat?");
  await expect(kiosk.kommun("Jönköpings kommun")).toBeVisible();
  await expect(kiosk.cards).toHaveText(["Medborgarlöfte 2020", "Medborgarlöfte 2018-2019", "Medborgarlöften i Jönköpings kommun 2016"]);
  await expect(page.getByText(PROMISE)).toBeVisible();
  // Every button is at least 44×44 px.
  for (const box of await page.getByRole("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0))) {
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }
  // The picker moves to another kommun.
  await kiosk.pick("Eslöv").click();
  await expect(kiosk.kommun("Eslövs kommun")).toBeVisible();
  await expect(page).toHaveURL(/\/kiosk\?kommun=eslov$/);
});

test("the idle warning comes on time, Fortsätt keeps the session, silence resets it", async ({ page }) => {
  await installClock(page);
  const kiosk = new KioskPage(page);
  await kiosk.goto("?kommun=jonkoping&idle=60");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await kiosk.saveButton(PROMISE).click();
  await expect(new Frame(page).saved).toContainText("1");

  await page.clock.runFor(58_000);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await page.clock.runFor(3_000);
  const warning = kiosk.warning;
  await expect(warning).toBeVisible();
  await expect(warning.locator(".kiosk-warning__seconds")).toHaveText(/^(30|29|28)$/);
  await page.clock.runFor(10_000);
  const left = Number(await warning.locator(".kiosk-warning__seconds").innerText());
  expect(left).toBeGreaterThanOrEqual(18);
  expect(left).toBeLessThanOrEqual(20);

  await warning.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020$/);
  await expect(new Frame(page).saved).toContainText("1");

  // Silence: a warning after the idle time, then the reset after the countdown.
  await page.clock.runFor(61_000);
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.clock.runFor(31_000);
  await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping&idle=60$/);
  const attract = kiosk.attract;
  await expect(attract).toBeVisible();
  await expect(attract).toContainText("Jönköping");
  await attract.click();
  await expect(attract).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vad har polis och kommun lovat?");
  await expect(new Frame(page).saved).not.toContainText("1");
});

test("after a kiosk session, localStorage is unchanged", async ({ page }) => {
  await installClock(page);
  await open(page, "/kiosk?kommun=jonkoping&idle=30");
  const before = await everything(page);
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await new Frame(page).saveButton(PROMISE).click();
  await page.getByRole("button", { name: "In English" }).click();
  await page.getByRole("navigation").getByRole("link", { name: /Saved/ }).click();
  await page.getByLabel("Your note").fill("en anteckning");
  await page.getByLabel("Your note").blur();
  await page.getByRole("navigation").getByRole("link", { name: "Search" }).click();
  await page.getByLabel("Search", { exact: true }).fill("narkotika");
  expect(await everything(page)).toEqual(before);
  await page.clock.runFor(62_000);
  await expect(page.locator(".kiosk-attract")).toBeVisible();
  expect(await everything(page)).toEqual(before);
  // The reset also brought the interface back to Swedish.
  await page.locator(".kiosk-attract").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vad har polis och kommun lovat?");
});

test("Ta med till mobilen: the QR code holds the page's public address", async ({ page, baseURL }) => {
  await open(page, "/kiosk?kommun=jonkoping");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await page.getByRole("button", { name: "Ta med till mobilen" }).click();
  const code = page.getByRole("img", { name: "QR-kod till sidan", exact: true });
  expect(await decodeQr(code)).toBe(`${baseURL}/medborgarlofte/jonkoping-2020`);
});

test("saved items go to the phone as a share link in a QR code", async ({ page, baseURL }) => {
  await open(page, "/kiosk?kommun=eslov");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await page.getByRole("button", { name: /^Spara Två gemensamma trygghetsvandringar/ }).click();
  await new Frame(page).saved.click();
  await page.getByRole("button", { name: "Ta med till mobilen" }).click();
  const url = await decodeQr(page.getByRole("img", { name: "QR-kod till sidan", exact: true }));
  expect(url).toBe(`${baseURL}/sparade?dela=eslov-2017-a2`);
});

test("no way out: links that leave the app are QR codes, and every page leads back to the start", async ({ page, baseURL }) => {
  await open(page, "/kiosk?kommun=jonkoping");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await expect(page.locator("a[rel~=external]")).toHaveCount(0);
  const source = page.getByRole("img", { name: "QR-kod till sidan: Källans text" });
  expect(await decodeQr(source)).toBe(`${baseURL}/data/sources/001_a31d958f5b0b3e22.txt`);
  // Even opened fresh (a reload keeps the kiosk session of this tab), no page strands anyone.
  for (const path of ["/kommuner", "/om", "/sparade", "/finns-inte", "/medborgarlofte/eslov-2016"]) {
    await open(page, path);
    await expect(page.locator("a[rel~=external]")).toHaveCount(0);
    await page.getByRole("link", { name: "Till start" }).click();
    await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping$/);
  }
  await expect(page.getByRole("button", { name: "Ladda ner som CSV" })).toHaveCount(0);
});

test("a kiosk tab that reloads into a new version stays a kiosk, whichever way its session was kept", async ({ page }) => {
  await open(page, "/");
  // Earlier versions kept the kiosk's settings in sessionStorage as plain text; this one as JSON.
  for (const kept of ["?kommun=eslov", JSON.stringify("?kommun=eslov")]) {
    await page.evaluate((value) => sessionStorage.setItem("medborgarloften.kiosk", value), kept);
    await open(page, "/kommuner");
    await page.getByRole("link", { name: "Till start" }).click();
    await expect(page, kept).toHaveURL(/\/kiosk\?kommun=eslov$/);
    await page.evaluate(() => sessionStorage.clear());
  }
});
