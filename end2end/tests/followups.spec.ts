import AxeBuilder from "@axe-core/playwright";
import { test, expect, open } from "./fixtures/app";
import { SwappableSite } from "./fixtures/site";
import { SearchPage } from "./fixtures/search-page";
import {
  A1_REPORT_TEXT,
  A1_TEXT,
  A4_TEXT_START,
  A6_TEXT_START,
  REPORT_T3,
  REPORT_WITHOUT_STATUSES,
  publishFollowUps,
} from "./fixtures/followups";
import type { Page } from "@playwright/test";

// What was done: follow-up reports with statuses (fixtures/followups.ts), built into a site
// whose pages are rendered from them, as a deployment with such data would be.

test.describe.configure({ mode: "serial" });

let site: SwappableSite;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = new SwappableSite();
  site.deploy(site.build("followups", publishFollowUps));
  await site.start();
});

test.afterAll(() => site?.stop());

test.use({ baseURL: undefined });

const at = (path: string) => `http://127.0.0.1:${site.port}${path}`;

/** The record of an activity on its agreement's page, by the start of its text. */
const activity = (page: Page, text: string) => page.locator(".record--activity").filter({ hasText: text });

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("an agreement shows each activity's latest status, its report, count and words, and what came before", async ({ page }) => {
  await open(page, at("/medborgarlofte/jonkoping-2020"));
  const a1 = activity(page, A1_TEXT);
  await expect(a1.locator(".followup > .followup__status")).toHaveText("Genomförd enligt uppföljningen tertial 3 2020");
  await expect(a1.locator(".followup > .followup__text")).toHaveText(A1_REPORT_TEXT);
  // The earlier report is there on request.
  const history = a1.locator("details");
  await expect(history.getByText("Enkäten är skickad till hushållen.")).toBeHidden();
  await history.getByText("Tidigare uppföljningar (1)").click();
  await expect(history.getByText("Pågår enligt uppföljningen tertial 2 2020")).toBeVisible();
  await expect(history.getByText("Enkäten är skickad till hushållen.")).toBeVisible();

  // A count as the report gives it, not a percentage.
  const a3 = activity(page, "krogtillsyner vid minst fyra tillfällen");
  await expect(a3.locator(".followup > .followup__status")).toHaveText("Delvis genomförd enligt uppföljningen tertial 3 2020");
  await expect(a3.locator(".followup > .followup__count")).toHaveText("3 av 4 krogtillsyner");

  // Not followed up is never "not done".
  const a6 = activity(page, A6_TEXT_START);
  await expect(a6.locator(".followup")).toHaveText("Ingen uppföljning publicerad");
  await expect(page.getByText("Ej genomförd")).toHaveCount(0);

  // Each promise sums its activities by their latest reports.
  const tallies = page.locator(".promise-block > .followup__tally");
  await expect(tallies).toHaveText([
    "2 av 2 aktiviteter genomförda enligt uppföljningen tertial 3 2020",
    "0 av 7 aktiviteter genomförda enligt uppföljningen tertial 3 2020",
  ]);

  // Every report is listed, one without statuses as published.
  const reports = page.locator(".reports > li");
  await expect(reports).toHaveCount(3);
  await expect(reports.nth(0)).toContainText(REPORT_T3);
  await expect(reports.nth(0)).toContainText("tertial 3 2020, publicerad 15 februari 2021");
  await expect(reports.nth(2)).toContainText(REPORT_WITHOUT_STATUSES);
  await expect(reports.nth(2)).toContainText("publicerad 20 maj 2020");
  await expect(reports.nth(2)).toContainText("Rapporten anger inte hur varje aktivitet har gått.");
  expect(await axe(page)).toEqual([]);
});

test("an agreement whose reports give no statuses lists them, and says nothing of each activity", async ({ page }) => {
  await open(page, at("/medborgarlofte/jonkoping-2018-2019"));
  await expect(page.locator(".reports > li")).toHaveCount(2);
  await expect(page.locator(".reports > li").first()).toContainText("Rapporten anger inte hur varje aktivitet har gått.");
  await expect(page.locator(".followup, .followup__tally")).toHaveCount(0);
});

test("the Uppföljning filter lists activities by their latest status, and those not followed up", async ({ page }) => {
  await open(page, at("/"));
  const search = new SearchPage(page);
  await search.openFilters();
  // One agreement has activities done; every activity of the rest has no follow-up.
  await expect(search.filter("Uppföljning").locator("option", { hasText: /^Genomförd \(1\)$/ })).toHaveCount(1);
  await search.choose("Uppföljning", "done");
  await expect(page).toHaveURL(/\?status=done$/);
  const results = page.locator(".results");
  await expect(results.getByText(A1_TEXT)).toBeVisible();
  await expect(results.getByText(A4_TEXT_START)).toBeVisible();
  await expect(results.locator(".record")).toHaveCount(2);
  await expect(search.chip("Uppföljning: Genomförd")).toBeVisible();

  await open(page, at("/?status=ingen&kommun=jonkoping&ar=2020"));
  await expect(page.locator(".results").getByText(A6_TEXT_START).first()).toBeVisible();
  await expect(page.locator(".results").getByText(A1_TEXT)).toHaveCount(0);
});

test("the kommun page says how its last agreement went and leads to the page for the meeting", async ({ page }) => {
  await open(page, at("/kommun/jonkoping"));
  const section = page.locator("section.how-it-went");
  await expect(section.getByRole("heading", { name: "Så gick det" })).toBeVisible();
  await expect(section.getByRole("link", { name: "Medborgarlöfte 2020" })).toBeVisible();
  await expect(section.locator(".followup__tally")).toHaveText([
    "2 av 2 aktiviteter genomförda enligt uppföljningen tertial 3 2020",
    "0 av 7 aktiviteter genomförda enligt uppföljningen tertial 3 2020",
  ]);
  await section.getByRole("link", { name: "Sida för medborgardialogen" }).click();
  await expect(page).toHaveURL(/\/kommun\/jonkoping\/sa-gick-det$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Så gick det i Jönköpings kommun");
});

test("the page for the medborgardialog looks back and ahead, with a QR code, on one A4 page", async ({ page }) => {
  await open(page, at("/kommun/jonkoping/sa-gick-det"));
  await expect(page.getByRole("heading", { level: 2, name: "Det som lovades 2020" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Det som lovas 2026–2030" })).toBeVisible();
  const ended = page.locator(".how-it-went__ended");
  await expect(ended.locator(".outcome__activity")).toHaveCount(11);
  const badges = ended.locator(".outcome__activity > .badge");
  await expect(badges.filter({ hasText: /^Genomförd$/ })).toHaveCount(2);
  await expect(badges.filter({ hasText: /^Delvis genomförd$/ })).toHaveCount(1);
  await expect(badges.filter({ hasText: /^Ingen uppföljning publicerad$/ })).toHaveCount(7);
  const qr = page.getByRole("img", { name: "QR-kod till Jönköpings kommun i Medborgarlöften" });
  await expect(qr).toBeVisible();
  await expect(page.locator(".how-it-went__more .qr__url")).toHaveText(at("/kommun/jonkoping"));
  expect(await axe(page)).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
  expect(pages.length, "pages printed").toBe(1);
});

test("in English, statuses, tallies and the page for the meeting are in English; the data stays Swedish", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem("medborgarloften", JSON.stringify({ version: 2, state: { bookmarks: [], preferences: { lang: "en" } } }));
  });
  await open(page, at("/medborgarlofte/jonkoping-2020"));
  const a1 = activity(page, A1_TEXT);
  await expect(a1.locator(".followup > .followup__status")).toHaveText("Done according to the follow-up for tertial 3 2020");
  await expect(a1.locator(".followup > .followup__text")).toHaveText(A1_REPORT_TEXT);
  await expect(activity(page, A6_TEXT_START).locator(".followup")).toHaveText("No follow-up published");
  await expect(page.locator(".promise-block > .followup__tally").first()).toHaveText("2 of 2 activities done according to the follow-up for tertial 3 2020");
  await open(page, at("/kommun/jonkoping/sa-gick-det"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How it went in Jönköpings kommun");
  await expect(page.getByRole("heading", { level: 2, name: "What was promised for 2020" })).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test("a kiosk shows the page for the meeting, without printing", async ({ page }) => {
  await open(page, at("/kiosk?kommun=jonkoping"));
  await open(page, at("/kommun/jonkoping/sa-gick-det"));
  await expect(page.locator("html")).toHaveAttribute("data-kiosk", /.*/);
  await expect(page.getByRole("heading", { level: 2, name: "Det som lovades 2020" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR-kod till Jönköpings kommun i Medborgarlöften" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Skriv ut" })).toHaveCount(0);
});

test("the CSV of statuses is published with the data", async ({ request }) => {
  const response = await request.get(at("/data/uppfoljningar.csv"));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await response.text()).trim().split("\n");
  expect(lines[0]).toContain("agreement,kommuner,report");
  // One row per report and activity it speaks of: 4 in tertial 3, 2 in tertial 2.
  expect(lines.length).toBe(1 + 6);
  expect(lines.find((l) => l.includes("jonkoping-2020-a3") && l.includes("jonkoping-2020-r3"))).toContain("partly,Delvis genomförd,,3,4,krogtillsyner");
});
