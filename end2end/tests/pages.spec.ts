import { test, expect, open } from "./fixtures/app";
import { AgreementPage } from "./fixtures/agreement-page";
import { AreasPage } from "./fixtures/areas-page";
import { Frame } from "./fixtures/frame";
import { KommunPage } from "./fixtures/kommun-page";
import { KommunerPage } from "./fixtures/kommuner-page";

test("an agreement page shows the whole agreement with its source @wide", async ({ page }) => {
  const agreement = new AgreementPage(page);
  await agreement.goto("jonkoping-2020");
  await expect(agreement.heading).toHaveText("Medborgarlöfte 2020");
  await expect(page).toHaveTitle("Medborgarlöfte 2020 – Jönköping · Medborgarlöften");
  const facts = agreement.facts;
  await expect(facts).toContainText("Jönköpings län");
  await expect(facts).toContainText("Södra Vätterbygden");
  await expect(facts).toContainText("Avslutat");
  await expect(agreement.section("Löften")).toBeVisible();
  await expect(page.getByText("Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga")).toBeVisible();
  await expect(page.getByText("Kommunen och Polisen ska genomföra gemensamma krogtillsyner vid minst fyra tillfällen.")).toBeVisible();
  await expect(agreement.activity("Öxnehaga torg")).toContainText("Tillsammans med: Vätterhem");
  const source = agreement.sourceLink;
  // Resolved by the browser, against <base href>, as a click would.
  const response = await page.request.get(await source.evaluate((a: HTMLAnchorElement) => a.href));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  expect(await response.text()).toContain("Jönköping – medborgarlöften");
});

test("agreement details: signing, signatories, follow-up, effect", async ({ page }) => {
  const agreement = new AgreementPage(page);
  await agreement.goto("eslov-2016");
  await expect(agreement.facts).toContainText("7 april 2016");
  await expect(agreement.section("Undertecknat av")).toBeVisible();
  await expect(page.getByText("Anna-Karin Boije")).toBeVisible();
  await expect(page.getByText("Följs upp varje kvartal")).toBeVisible();
  await agreement.goto("jokkmokk-2020-2022");
  await expect(agreement.section("Prioriterade områden")).toBeVisible();
  await expect(agreement.section("Det här vill de uppnå")).toBeVisible();
  await expect(page.getByText("Följs upp varje år")).toBeVisible();
});

test("an ongoing agreement says when it ends and which follow-up comes next", async ({ page }) => {
  // Jönköping 2016 runs through 2016 and is followed up each tertial; on 10 May 2016 the
  // second tertial (May–August) is under way.
  await page.clock.setFixedTime(new Date("2016-05-10T12:00:00"));
  await open(page, "/medborgarlofte/jonkoping-2016");
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText("Pågår");
  await expect(facts.locator("div", { hasText: /^Slutar/ })).toContainText("under 2016");
  await expect(facts.locator("div", { hasText: "Nästa uppföljning" })).toContainText("tertial 2 2016, som slutar 31 augusti 2016");
  await expect(facts).toContainText("21 januari 2016");
  // Today it has ended: neither is shown.
  await page.clock.setFixedTime(new Date());
  await open(page, "/medborgarlofte/jonkoping-2016");
  await expect(facts).toContainText("Avslutat");
  await expect(facts).not.toContainText("Nästa uppföljning");
  await expect(facts).not.toContainText("Slutar");
});

test("an announcement says plainly that the contents are not in the source", async ({ page }) => {
  const agreement = new AgreementPage(page);
  await agreement.goto("jamtlands-lan-2017");
  await expect(agreement.section("Löftenas innehåll finns inte i källan")).toBeVisible();
  await expect(agreement.facts).toContainText("Åre");
  await expect(agreement.facts).toContainText("1 mars 2017");
  await expect(agreement.signatories).toContainText("Susanne Hansson, Kommunstyrelsens ordförande, Strömsunds kommun");
});

test("the kommun list has all 290, by län, with counts @wide", async ({ page }) => {
  const kommuner = new KommunerPage(page);
  await kommuner.goto();
  await expect(kommuner.kommuner).toHaveCount(290);
  await expect(kommuner.lan).toHaveCount(21);
  await expect(kommuner.row("Jönköping")).toContainText("3");
  await expect(kommuner.row("Kiruna")).toContainText("inga här ännu");
  // Swedish order inside a län: Åre, then Östersund, last in Jämtland.
  const jamtland = await kommuner.lan.filter({ hasText: "Jämtlands län" }).getByRole("link").allInnerTexts();
  expect(jamtland.slice(-2)).toEqual(["Åre", "Östersund"]);
  await kommuner.link("Jönköping").click();
  await expect(kommuner.heading).toHaveText("Jönköpings kommun");
});

test("a kommun page shows its agreements newest first, what changed, and its areas", async ({ page }) => {
  const kommun = new KommunPage(page);
  await kommun.goto("jonkoping");
  await expect(kommun.titles).toHaveText(["Medborgarlöfte 2020", "Medborgarlöfte 2018-2019", "Medborgarlöften i Jönköpings kommun 2016"]);
  await expect(kommun.timeline.first().locator("dl.changes")).toContainText("Nya teman");
  await expect(kommun.timeline.last()).toContainText("Det första i datamängden.");
  await expect(kommun.area("Öxnehaga")).toBeVisible();
  await kommun.searchInKommun.click();
  await expect(page).toHaveURL(/\?kommun=jonkoping$/);
});

test("a kommun without agreements says so and where to ask", async ({ page }) => {
  const kommun = new KommunPage(page);
  await kommun.goto("kiruna");
  await expect(kommun.heading).toHaveText("Kiruna kommun");
  await expect(page.getByText("Det finns inga medborgarlöften för den här kommunen i datamängden ännu.")).toBeVisible();
  await expect(page.getByText(/Fråga kommunen eller lokalpolisområdet/)).toBeVisible();
});

test("areas: listed by kommun, each with what names it", async ({ page }) => {
  const areas = new AreasPage(page);
  await areas.goto();
  await expect(areas.kommun("Jönköping")).toBeVisible();
  await expect(areas.kommun("Eslöv")).toBeVisible();
  await areas.area("Öxnehaga").click();
  await expect(page).toHaveURL(/\/omrade\/jonkoping\/oxnehaga$/);
  await expect(areas.heading).toHaveText("Öxnehaga");
  await expect(areas.records.first()).toContainText("Öxnehaga");
  await areas.goto("eslov/centrala-eslov");
  await expect(page.getByText("Två riktade trafikinsatser i centrala Eslöv, med inriktning på oskyddade trafikanter.")).toBeVisible();
});

test("about page: what, where from, not official, accessibility", async ({ page }) => {
  await open(page, "/om");
  await expect(page.getByRole("heading", { name: "Vad är ett medborgarlöfte?" })).toBeVisible();
  await expect(page.getByText(/Datamängden har 7 medborgarlöften från 5 källsidor/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tillgänglighetsredogörelse" })).toBeVisible();
});

test("unknown paths, ids, kommuner and areas get a helpful page", async ({ page }) => {
  for (const [path, detail] of [
    ["/finns-inte", ""],
    ["/medborgarlofte/atlantis-2020", "Det finns inget medborgarlöfte med id ”atlantis-2020”."],
    ["/kommun/atlantis", "Det finns ingen kommun som heter ”atlantis”."],
    ["/omrade/jonkoping/atlantis", "Det finns inget område ”jonkoping/atlantis”."],
  ]) {
    await open(page, path);
    await expect(new Frame(page).heading).toHaveText("Sidan finns inte");
    await expect(page).toHaveTitle("Sidan finns inte · Medborgarlöften");
    if (detail) await expect(page.getByText(detail)).toBeVisible();
    await expect(page.getByRole("link", { name: "Till sökningen" })).toBeVisible();
  }
});

test("navigation moves focus to the new page's heading", async ({ page }) => {
  await open(page, "/");
  const frame = new Frame(page);
  await frame.navLink("Kommuner").click();
  await expect(frame.heading).toHaveText("Alla kommuner");
  await expect(frame.heading).toBeFocused();
});

test("find a kommun by part of its name; the text stays in the URL", async ({ page }) => {
  const kommuner = new KommunerPage(page);
  await kommuner.goto();
  await kommuner.finder.fill("jonk");
  await expect(kommuner.kommuner).toHaveCount(1);
  await expect(kommuner.lan.locator("h2")).toHaveText(["Jönköpings län · 1/13"]);
  expect(new URL(page.url()).searchParams.get("hitta")).toBe("jonk");
  await kommuner.finder.fill("väsby");
  await expect(kommuner.link("Upplands Väsby")).toBeVisible();
  await kommuner.finder.fill("xyz");
  await expect(page.getByText("Ingen kommun heter så.")).toBeVisible();
  await kommuner.finder.fill("");
  await expect(kommuner.kommuner).toHaveCount(290);
  expect(new URL(page.url()).search).toBe("");
});

test("each page names itself: its title and one description, in the interface language", async ({ page }) => {
  const description = page.locator('meta[name="description"]');
  for (const [path, title, text] of [
    ["/", "Medborgarlöften", /^Vad polis och kommun har lovat för din trygghet: sök/],
    ["/kommuner", "Alla kommuner · Medborgarlöften", /^Sveriges 290 kommuner/],
    ["/kommun/jonkoping", "Jönköpings kommun · Medborgarlöften", /^Jönköpings kommun, Jönköpings län: Medborgarlöften över tid/],
    ["/omrade/jonkoping/oxnehaga", "Öxnehaga · Medborgarlöften", /^Öxnehaga, Jönköping: /],
    ["/sparade", "Sparade · Medborgarlöften", /^Det du har sparat finns bara på den här enheten/],
  ] as const) {
    await open(page, path);
    await expect(page).toHaveTitle(title);
    await expect(description).toHaveCount(1);
    await expect(description).toHaveAttribute("content", text);
  }
  // Moving inside the app replaces them.
  await new Frame(page).navLink("Om").click();
  await expect(page).toHaveTitle("Om Medborgarlöften · Medborgarlöften");
  await expect(description).toHaveCount(1);
  await expect(description).toHaveAttribute("content", /^Vad medborgarlöften är/);
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page).toHaveTitle("About Medborgarlöften · Medborgarlöften");
  await expect(description).toHaveAttribute("content", /^What medborgarlöften are/);
});
