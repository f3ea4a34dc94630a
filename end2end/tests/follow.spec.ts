import { test, expect, open } from "./fixtures/app";
import { openData, publishChanged, withSite } from "./fixtures/site";
import type { Page, Route } from "@playwright/test";

// Following a kommun: what is new since the last visit, on the device, with no account.

const NEW_REPORT = "Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2021";
const NEW_ESLOV = "Medborgarlöften i Eslöv 2027";

/** The site's data with a new follow-up report for Jönköping and a new agreement for Eslöv. */
function withNews(root: string): unknown {
  const data = openData(root);
  const jonkoping = data.agreements.find((a: { id: string }) => a.id === "jonkoping-2020");
  jonkoping.followUp.reports.unshift({
    id: "jonkoping-2020-r1",
    title: NEW_REPORT,
    period: { start: "2021-01-01", end: "2021-04-30" },
    published: "2021-05-20",
    statuses: [{ activity: "jonkoping-2020-a1", status: "done", text: null, count: null }],
  });
  const eslov = JSON.parse(JSON.stringify(data.agreements.find((a: { id: string }) => a.id === "eslov-2017")).split("eslov-2017").join("eslov-2027"));
  eslov.title = NEW_ESLOV;
  eslov.period = { ...eslov.period, from: 2027, to: 2027 };
  data.agreements.unshift(eslov);
  return data;
}

const whatsNew = (page: Page) => page.getByRole("region", { name: "Nytt sedan ditt senaste besök" });
const followButton = (page: Page) => page.getByRole("button", { name: "Följ Jönköpings kommun" });

test("follow Jönköping: news of it and not of Eslöv on the start page, read once and for all, offline too", async ({ browser }) => {
  test.setTimeout(120_000);
  await withSite(browser, async (_site, root, page) => {
    // An installed app's badge, as a browser that has one would set it.
    await page.addInitScript(() => {
      const nav = navigator as unknown as Record<string, unknown>;
      nav.setAppBadge = (count: number) => Promise.resolve(localStorage.setItem("test-badge", String(count)));
      nav.clearAppBadge = () => Promise.resolve(localStorage.setItem("test-badge", "0"));
    });
    const badge = () => page.evaluate(() => localStorage.getItem("test-badge"));
    await open(page, "/kommun/jonkoping");
    await page.waitForFunction(() => navigator.serviceWorker?.controller);
    await expect(followButton(page)).toHaveAttribute("aria-pressed", "false");
    await followButton(page).click();
    await expect(followButton(page)).toHaveAttribute("aria-pressed", "true");

    // The visit on which it is followed has nothing new.
    await open(page, "/");
    await expect(page.getByRole("heading", { name: "Nytt sedan ditt senaste besök" })).toHaveCount(0);

    publishChanged(root, withNews(root), "2026-12-24");
    await open(page, "/");
    await expect(whatsNew(page)).toBeVisible();
    await expect(whatsNew(page).getByRole("heading", { name: "Jönköpings kommun" })).toBeVisible();
    await expect(whatsNew(page).getByRole("link", { name: NEW_REPORT })).toHaveAttribute("href", "/medborgarlofte/jonkoping-2020");
    await expect(whatsNew(page).getByRole("link", { name: /enkätundersökning/ })).toHaveAttribute("href", "/medborgarlofte/jonkoping-2020#jonkoping-2020-a1");
    await expect(whatsNew(page).getByText("Genomförd")).toBeVisible();
    await expect(whatsNew(page).getByText(NEW_ESLOV)).toHaveCount(0);
    await expect(whatsNew(page).getByRole("heading", { level: 3 })).toHaveCount(1);
    // The new report, and the status it gives.
    await expect.poll(badge).toBe("2");

    // The saved page says the same.
    await open(page, "/sparade");
    await expect(whatsNew(page).getByRole("link", { name: NEW_REPORT })).toBeVisible();
    await expect(page.getByRole("region", { name: "Kommuner du följer" }).getByRole("link", { name: "Jönköpings kommun" })).toBeVisible();

    await open(page, "/");
    await whatsNew(page).getByRole("button", { name: "Markera som läst" }).click();
    await expect(whatsNew(page)).toHaveCount(0);
    await expect.poll(badge).toBe("0");
    await page.reload();
    await expect(page.locator("html[data-ready]")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(whatsNew(page)).toHaveCount(0);

    // Offline, for the page and its service worker alike.
    const cut = (route: Route) => route.abort("internetdisconnected");
    await page.context().route("**/*", cut);
    await page.context().setOffline(true);
    await open(page, "/");
    await expect(page.getByText("Du är offline")).toBeVisible();
    await expect(whatsNew(page)).toHaveCount(0);
    await open(page, "/sparade");
    await expect(whatsNew(page).getByText("Inget nytt i kommunerna du följer.")).toBeVisible();
    await open(page, "/kommun/jonkoping");
    await expect(followButton(page)).toHaveAttribute("aria-pressed", "true");
    await open(page, "/kommun/jonkoping/sa-gick-det");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Så gick det i Jönköpings kommun");
    await page.context().unroute("**/*", cut);
    await page.context().setOffline(false);
  });
});

test("a followed kommun travels in the share link and is followed from /kommuner; never in a kiosk", async ({ page }) => {
  await open(page, "/kommuner");
  const row = page.getByRole("button", { name: "Följ Eslövs kommun" });
  await expect(row).toHaveText("+ Följ");
  await row.click();
  await expect(row).toHaveAttribute("aria-pressed", "true");
  await open(page, "/sparade");
  await expect(page.getByLabel("Länk till det du sparat")).toHaveValue(/\/sparade\?dela=~eslov$/);

  // On another device the link offers the kommun, and "Spara alla" follows it.
  await page.evaluate(() => localStorage.clear());
  await open(page, "/sparade?dela=jonkoping-2020,~jonkoping");
  await expect(page.getByText("Kommuner att följa: Jönköpings kommun")).toBeVisible();
  await page.getByRole("button", { name: "Spara alla (2)" }).click();
  await open(page, "/kommun/jonkoping");
  await expect(followButton(page)).toHaveAttribute("aria-pressed", "true");
  await open(page, "/kommun/eslov");
  await expect(page.getByRole("button", { name: "Följ Eslövs kommun" })).toHaveAttribute("aria-pressed", "false");

  // A kiosk keeps nothing of a visitor's, so it offers no following.
  await open(page, "/kiosk?kommun=jonkoping");
  await open(page, "/kommun/jonkoping");
  await expect(page.getByRole("button", { name: /^Följ/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jönköpings kommun");
});

test("each page links the Atom feed of what it shows, served as a feed", async ({ page, request }) => {
  for (const [path, feed] of [
    ["/", "/feeds/alla.xml"],
    ["/kommun/jonkoping", "/feeds/kommun/jonkoping.xml"],
    ["/kommun/kiruna", "/feeds/alla.xml"],
    ["/medborgarlofte/eslov-2016", "/feeds/kommun/eslov.xml"],
  ]) {
    await open(page, path);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", feed);
  }
  const response = await request.get("/feeds/kommun/jonkoping.xml");
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(xml.match(/<entry>/g)?.length).toBe(3 + 2); // three agreements, two reports
  expect(xml).toContain("<id>urn:medborgarloften:agreement:jonkoping-2020</id>");
});
