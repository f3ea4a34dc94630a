import { test, expect, open } from "./fixtures/app";
import { Frame } from "./fixtures/frame";
import { SavedPage } from "./fixtures/saved-page";
import type { Page } from "@playwright/test";
import { writeFileSync } from "node:fs";

const KEY = "medborgarloften";
const PROMISE = "Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga";

function saveButton(page: Page, text: string) {
  return new Frame(page).saveButton(text);
}

async function stored(page: Page): Promise<any> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), KEY);
}

test("save a promise, reload, still saved and listed with a note @wide", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  const button = saveButton(page, PROMISE);
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(new Frame(page).saved).toContainText("1");
  await page.reload();
  await expect(saveButton(page, PROMISE)).toHaveAttribute("aria-pressed", "true");
  await new Frame(page).saved.click();
  await expect(page.getByRole("heading", { level: 2, name: /Medborgarlöfte 2020 – Jönköping/ })).toBeVisible();
  await expect(page.getByRole("link", { name: PROMISE })).toBeVisible();
  const saved = new SavedPage(page);
  await saved.note.fill("Fråga om detta på mötet i mars");
  await saved.note.blur();
  await page.reload();
  await expect(saved.note).toHaveValue("Fråga om detta på mötet i mars");
  const state = await stored(page);
  expect(state.version).toBe(2);
  expect(state.state.bookmarks[0]).toMatchObject({ id: "jonkoping-2020-l2", note: "Fråga om detta på mötet i mars" });
});

test("saved items are grouped by agreement, newest first", async ({ page }) => {
  await open(page, "/medborgarlofte/eslov-2016");
  await page.getByRole("button", { name: /^Spara Två riktade trafikinsatser/ }).click();
  await open(page, "/medborgarlofte/jokkmokk-2020-2022");
  await page.getByRole("button", { name: /^Spara Jokkmokk – medborgarlöften/ }).click();
  const saved = new SavedPage(page);
  await saved.goto();
  await expect(saved.groups).toHaveText([/^Jokkmokk/, /^Medborgarlöften i Eslövs kommun 2016/]);
});

test("two tabs stay in step", async ({ page, context }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  const other = await context.newPage();
  await open(other, "/sparade");
  await expect(other.getByText(/Du har inte sparat något ännu/)).toBeVisible();
  await saveButton(page, PROMISE).click();
  await expect(other.getByRole("link", { name: PROMISE })).toBeVisible();
  await expect(new Frame(other).saved).toContainText("1");
  await saveButton(other, PROMISE).click();
  await expect(saveButton(page, PROMISE)).toHaveAttribute("aria-pressed", "false");
});

test("a corrupt stored value is kept aside, with a notice, and the app starts clean", async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, "{this is not json");
      sessionStorage.setItem("seeded", "1");
    }
  }, KEY);
  await open(page, "/");
  await expect(page.getByRole("alert")).toContainText("gick inte att läsa");
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("medborgarloften.backup.")));
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe("{this is not json");
  await expect(page.getByRole("alert").locator("code")).toHaveText(backups[0]);
  // The app works and saves again.
  await open(page, "/medborgarlofte/eslov-2017");
  await page.getByRole("button", { name: /^Spara Två gemensamma trygghetsvandringar/ }).click();
  expect((await stored(page)).state.bookmarks).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe("{this is not json");
});

test("a stored value partly unreadable: the rest is used, the whole of it kept aside", async ({ page }) => {
  const raw = JSON.stringify({ version: 2, state: { bookmarks: [
    { id: "Inte ett id", saved: "2026-01-01T00:00:00.000Z", note: "min anteckning" },
    { id: "eslov-2016-l2", saved: "2026-01-02T00:00:00.000Z" },
  ] } });
  await page.addInitScript(([key, raw]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, raw);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, raw]);
  await open(page, "/sparade");
  await expect(page.getByRole("alert")).toContainText("En del av det som fanns sparat gick inte att läsa");
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("medborgarloften.backup.")));
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe(raw);
  await expect(page.getByRole("alert").locator("code")).toHaveText(backups[0]);
  await expect(new Frame(page).saved).toContainText("1");
  expect((await stored(page)).state.bookmarks.map((b: { id: string }) => b.id)).toEqual(["eslov-2016-l2"]);
});

test("an older format is migrated without loss", async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, JSON.stringify(["eslov-2016-l1", "jonkoping-2020-a3"]));
      sessionStorage.setItem("seeded", "1");
    }
  }, KEY);
  await open(page, "/sparade");
  await expect(page.getByText("Dina sparade har flyttats över till det nya formatet.")).toBeVisible();
  await expect(page.locator(".saved-item")).toHaveCount(2);
  const state = await stored(page);
  expect(state.version).toBe(2);
  expect(state.state.bookmarks.map((b: { id: string }) => b.id).sort()).toEqual(["eslov-2016-l1", "jonkoping-2020-a3"]);
});

test("disabled storage: the app works in memory and says saves will not be kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
  });
  await open(page, "/medborgarlofte/jonkoping-2020");
  await expect(page.getByRole("alert")).toContainText("låter oss inte spara något på enheten");
  await saveButton(page, PROMISE).click();
  await expect(saveButton(page, PROMISE)).toHaveAttribute("aria-pressed", "true");
  await new Frame(page).saved.click();
  await expect(page.getByRole("link", { name: PROMISE })).toBeVisible();
});

test("full storage: the change stays in memory and the notice says so", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("Quota exceeded", "QuotaExceededError"); };
  });
  await open(page, "/medborgarlofte/jonkoping-2020");
  await saveButton(page, PROMISE).click();
  await expect(page.getByRole("alert")).toContainText("Lagringen på enheten är full");
  await expect(saveButton(page, PROMISE)).toHaveAttribute("aria-pressed", "true");
});

test("a bookmark whose id left the dataset is kept and marked", async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, JSON.stringify({ version: 2, state: { bookmarks: [
        { id: "gamla-2012-l1", saved: "2026-01-01T00:00:00.000Z", label: "Ett löfte från en gammal version", note: "min anteckning" },
        { id: "eslov-2016-l2", saved: "2026-01-02T00:00:00.000Z" },
      ] } }));
      sessionStorage.setItem("seeded", "1");
    }
  }, KEY);
  await open(page, "/sparade");
  const missing = page.locator(".saved-group", { has: page.getByRole("heading", { name: "Finns inte längre i datamängden" }) });
  await expect(missing).toContainText("Ett löfte från en gammal version");
  await expect(missing.getByLabel("Din anteckning")).toHaveValue("min anteckning");
  expect((await stored(page)).state.bookmarks).toHaveLength(2);
});

test("a share link opens on a fresh browser profile with a preview and Spara alla", async ({ page, browser }) => {
  await open(page, "/medborgarlofte/eslov-2016");
  await page.getByRole("button", { name: /^Spara Två riktade trafikinsatser/ }).click();
  await page.getByRole("button", { name: /^Spara Medborgarlöften i Eslövs kommun 2016/ }).click();
  await open(page, "/sparade");
  const link = await page.getByLabel("Länk till det du sparat").inputValue();
  expect(link).toMatch(/\/sparade\?dela=/);
  const fresh = await browser.newContext({ baseURL: new URL(link).origin });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Delat med dig" })).toBeVisible();
  await expect(other.locator(".shared li")).toHaveCount(2);
  await other.getByRole("button", { name: "Spara alla (2)" }).click();
  await expect(other).toHaveURL(/\/sparade$/);
  await expect(other.locator(".saved-item")).toHaveCount(2);
  await fresh.close();
});

test("export to a file and import it on another profile", async ({ page, browser }, testInfo) => {
  await open(page, "/medborgarlofte/eslov-2017");
  await page.getByRole("button", { name: /^Spara Två gemensamma trygghetsvandringar/ }).click();
  await open(page, "/sparade");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Spara som fil (JSON)" }).click()]);
  const file = testInfo.outputPath("sparade.json");
  await download.saveAs(file);
  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const other = await fresh.newPage();
  await open(other, "/sparade");
  // As a person does it: press the button people see (the input's label), pick the file.
  const [chooser] = await Promise.all([other.waitForEvent("filechooser"), other.getByText("Läs in sparade från fil", { exact: true }).click()]);
  await chooser.setFiles(file);
  await expect(other.getByText("Inlästa från filen, nya: 1")).toBeVisible();
  await expect(other.locator(".saved-item")).toHaveCount(1);
  await fresh.close();
});

test("a file partly unreadable: what can be read is imported, and the page says the rest was left out", async ({ page }, testInfo) => {
  const file = testInfo.outputPath("delvis.json");
  writeFileSync(file, JSON.stringify({ version: 2, state: { bookmarks: [
    { id: "eslov-2016-l2", saved: "2026-01-02T00:00:00.000Z" },
    { id: "<script>", saved: "2026-01-03T00:00:00.000Z" },
  ] } }));
  await open(page, "/sparade");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByText("Läs in sparade från fil", { exact: true }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByText("En del av filen gick inte att läsa och lästes inte in. Inlästa från filen, nya: 1")).toBeVisible();
  await expect(page.locator(".saved-item")).toHaveCount(1);
});

test("the file picker's button speaks the page's language and takes keyboard focus", async ({ page }) => {
  await open(page, "/sparade");
  // The browser's own "Choose File" is out of sight; the label is the button.
  const input = page.getByLabel("Läs in sparade från fil");
  expect((await input.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await expect(page.getByText("Läs in sparade från fil", { exact: true })).toBeVisible();
  for (let i = 0; i < 30 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(input).toBeFocused();
  await expect(page.locator(".import__label")).toHaveCSS("outline-style", "solid");
});

test("a saved activity's link opens the agreement at that activity", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  const text = "Kommunens personal från fritid, fält, skola ska tillsammans med Vätterhem";
  await page.getByRole("button", { name: "Spara " + text }).click();
  await new Frame(page).saved.click();
  await page.getByRole("link", { name: new RegExp(`^${text}`) }).click();
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020#jonkoping-2020-a11$/);
  const target = page.locator("#jonkoping-2020-a11");
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  // Opened fresh, too.
  await page.reload();
  await expect(page.locator("#jonkoping-2020-a11")).toBeInViewport();
});

test("text size and light or dark are kept like the bookmarks", async ({ page }) => {
  await open(page, "/om");
  await page.getByLabel("Textstorlek").selectOption("larger");
  await page.getByLabel("Ljust eller mörkt").selectOption("dark");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-text-size", "larger");
  await expect(html).toHaveAttribute("data-theme", "dark");
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(size).toBeCloseTo(16 * 1.3, 0);
  await page.reload();
  await expect(html).toHaveAttribute("data-text-size", "larger");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Ljust eller mörkt")).toHaveValue("dark");
  expect((await stored(page)).state.preferences).toMatchObject({ theme: "dark", textSize: "larger" });
  await page.getByLabel("Ljust eller mörkt").selectOption("system");
  await expect(html).not.toHaveAttribute("data-theme", /.*/);
});
