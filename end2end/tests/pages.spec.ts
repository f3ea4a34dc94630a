import { test, expect, open } from "./fixtures/app";

test("an agreement page shows the whole agreement with its source @wide", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medborgarlöfte 2020");
  await expect(page).toHaveTitle(/Medborgarlöfte 2020 – Jönköping/);
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText("Jönköpings län");
  await expect(facts).toContainText("Södra Vätterbygden");
  await expect(facts).toContainText("Avslutat");
  await expect(page.getByRole("heading", { name: "Löften" })).toBeVisible();
  await expect(page.getByText("Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga")).toBeVisible();
  await expect(page.getByText("Kommunen och Polisen ska genomföra gemensamma krogtillsyner vid minst fyra tillfällen.")).toBeVisible();
  await expect(page.locator(".record--activity", { hasText: "Öxnehaga torg" })).toContainText("Tillsammans med: Vätterhem");
  const source = page.getByRole("link", { name: "Källans text" });
  // Resolved by the browser, against <base href>, as a click would.
  const response = await page.request.get(await source.evaluate((a: HTMLAnchorElement) => a.href));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  expect(await response.text()).toContain("Jönköping – medborgarlöften");
});

test("agreement details: signing, signatories, follow-up, effect", async ({ page }) => {
  await open(page, "/medborgarlofte/eslov-2016");
  await expect(page.locator("dl.facts")).toContainText("7 april 2016");
  await expect(page.getByRole("heading", { name: "Undertecknat av" })).toBeVisible();
  await expect(page.getByText("Anna-Karin Boije")).toBeVisible();
  await expect(page.getByText("Följs upp varje kvartal")).toBeVisible();
  await open(page, "/medborgarlofte/jokkmokk-2020-2022");
  await expect(page.getByRole("heading", { name: "Prioriterade områden" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Det här vill de uppnå" })).toBeVisible();
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
  await open(page, "/medborgarlofte/jamtlands-lan-2017");
  await expect(page.getByRole("heading", { name: "Löftenas innehåll finns inte i källan" })).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("Åre");
  await expect(page.locator("dl.facts")).toContainText("1 mars 2017");
  await expect(page.locator(".signatories")).toContainText("Susanne Hansson, Kommunstyrelsens ordförande, Strömsunds kommun");
});

test("the kommun list has all 290, by län, with counts @wide", async ({ page }) => {
  await open(page, "/kommuner");
  await expect(page.locator(".kommun-list li")).toHaveCount(290);
  await expect(page.locator("section.lan")).toHaveCount(21);
  const jonkoping = page.locator(".kommun-list li", { has: page.getByRole("link", { name: "Jönköping", exact: true }) });
  await expect(jonkoping).toContainText("3");
  await expect(page.locator(".kommun-list li", { has: page.getByRole("link", { name: "Kiruna", exact: true }) })).toContainText("inga här ännu");
  // Swedish order inside a län: Åre, then Östersund, last in Jämtland.
  const jamtland = await page.locator("section.lan", { hasText: "Jämtlands län" }).locator("a").allInnerTexts();
  expect(jamtland.slice(-2)).toEqual(["Åre", "Östersund"]);
  await page.getByRole("link", { name: "Jönköping", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jönköpings kommun");
});

test("a kommun page shows its agreements newest first, what changed, and its areas", async ({ page }) => {
  await open(page, "/kommun/jonkoping");
  const items = page.locator(".timeline__item h3");
  await expect(items).toHaveText(["Medborgarlöfte 2020", "Medborgarlöfte 2018-2019", "Medborgarlöften i Jönköpings kommun 2016"]);
  await expect(page.locator(".timeline__item").first().locator("dl.changes")).toContainText("Nya teman");
  await expect(page.locator(".timeline__item").last()).toContainText("Det första i datamängden.");
  await expect(page.getByRole("link", { name: "Öxnehaga", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Sök i kommunens medborgarlöften" }).click();
  await expect(page).toHaveURL(/\?kommun=jonkoping$/);
});

test("a kommun without agreements says so and where to ask", async ({ page }) => {
  await open(page, "/kommun/kiruna");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiruna kommun");
  await expect(page.getByText("Det finns inga medborgarlöften för den här kommunen i datamängden ännu.")).toBeVisible();
  await expect(page.getByText(/Fråga kommunen eller lokalpolisområdet/)).toBeVisible();
});

test("areas: listed by kommun, each with what names it", async ({ page }) => {
  await open(page, "/omraden");
  await expect(page.getByRole("heading", { level: 2, name: "Jönköping" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Eslöv" })).toBeVisible();
  await page.getByRole("link", { name: "Öxnehaga", exact: true }).click();
  await expect(page).toHaveURL(/\/omrade\/jonkoping\/oxnehaga$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Öxnehaga");
  await expect(page.locator(".record").first()).toContainText("Öxnehaga");
  await open(page, "/omrade/eslov/centrala-eslov");
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
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
    if (detail) await expect(page.getByText(detail)).toBeVisible();
    await expect(page.getByRole("link", { name: "Till sökningen" })).toBeVisible();
  }
});

test("navigation moves focus to the new page's heading", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("navigation").getByRole("link", { name: "Kommuner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alla kommuner" })).toBeFocused();
});

test("find a kommun by part of its name; the text stays in the URL", async ({ page }) => {
  await open(page, "/kommuner");
  await page.getByLabel("Hitta kommun").fill("jonk");
  await expect(page.locator(".kommun-list li")).toHaveCount(1);
  await expect(page.locator("section.lan h2")).toHaveText(["Jönköpings län · 1/13"]);
  expect(new URL(page.url()).searchParams.get("hitta")).toBe("jonk");
  await page.getByLabel("Hitta kommun").fill("väsby");
  await expect(page.getByRole("link", { name: "Upplands Väsby" })).toBeVisible();
  await page.getByLabel("Hitta kommun").fill("xyz");
  await expect(page.getByText("Ingen kommun heter så.")).toBeVisible();
  await page.getByLabel("Hitta kommun").fill("");
  await expect(page.locator(".kommun-list li")).toHaveCount(290);
});
