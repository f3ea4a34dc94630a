import { test, expect, open } from "./fixtures/app";
import { KioskPage } from "./fixtures/kiosk-page";

const START = "/kiosk?kommun=jonkoping";

test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

test("the app's name leads to the kiosk's start", async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.goto("?kommun=jonkoping");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020$/);
  await kiosk.brand.click();
  await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping$/);
  await expect(kiosk.heading).toHaveText("Vad har polis och kommun lovat?");
  expect(await kiosk.inKiosk()).toBe(true);
});

test("Back from the kiosk's start stays in the kiosk", async ({ page }) => {
  // Someone set the screen up from the app's ordinary start page, then opened the kiosk.
  await open(page, "/om");
  const kiosk = new KioskPage(page);
  await kiosk.goto("?kommun=jonkoping");
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping$/);
  for (let i = 0; i < 3; i++) {
    await page.goBack();
    await expect(page).toHaveURL(/\/kiosk\?kommun=jonkoping$/);
    await expect(kiosk.heading).toHaveText("Vad har polis och kommun lovat?");
    expect(await kiosk.inKiosk()).toBe(true);
  }
  // The kiosk still works after it: a visitor can read on.
  await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020$/);
});

test("every link reachable in kiosk mode stays in the kiosk, and none shows what it hides", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const kiosk = new KioskPage(page);
  const origin = new URL(baseURL!).origin;
  // Breadth-first over the pages, by their links, up to a bound: every link on a page walked is
  // checked, and at most a few pages of each kind are walked (the 290 kommun pages are alike).
  const LIMIT = 40;
  const PER_KIND = 4;
  const kindOf = (path: string) => path.split(/[/?]/)[1] + (path.includes("?") ? "?" : "");
  const perKind = new Map<string, number>();
  const seen = new Set<string>([START]);
  const queue = [START];
  const walked: string[] = [];
  while (queue.length > 0 && walked.length < LIMIT) {
    const path = queue.shift()!;
    const kind = kindOf(path);
    if ((perKind.get(kind) ?? 0) >= PER_KIND) continue;
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    walked.push(path);
    // A load in this tab, as after the kiosk's reload: its session keeps it a kiosk.
    await open(page, path);
    expect(await kiosk.inKiosk(), path).toBe(true);
    await expect(page.getByRole("link", { name: "Till start" }), path).toBeVisible();
    await expect(kiosk.brand, path).toHaveAttribute("href", /\/kiosk\?kommun=jonkoping$/);
    await expect(page.locator("a[download], a[target]:not([target=_self]), a[rel~=external]"), path).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Ladda ner|Installera|Spara som fil|Läs in/ }), path).toHaveCount(0);
    for (const href of await page.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
      const url = new URL(href);
      expect(url.origin, `${path} links to ${href}`).toBe(origin);
      expect(url.pathname, `${path} links to ${href}`).not.toMatch(/\.(json|csv|txt|pdf)$/);
      const next = url.pathname + url.search;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  expect(walked.length).toBeGreaterThanOrEqual(15);
  // The walk reached every kind of page.
  for (const kind of [/^\/$/, /^\/kommuner$/, /^\/kommun\//, /^\/medborgarlofte\//, /^\/omraden$/, /^\/omrade\//, /^\/sparade$/, /^\/om$/, /^\/\?/]) {
    expect(walked.some((p) => kind.test(p)), `${kind} among ${walked.join(" ")}`).toBe(true);
  }
});

const PAGES = [
  START,
  "/?kommun=jonkoping&tema=narkotika",
  "/medborgarlofte/jonkoping-2020",
  "/medborgarlofte/eslov-2017",
  "/kommuner",
  "/kommun/jonkoping",
  "/omraden",
  "/omrade/jonkoping/oxnehaga",
  "/sparade",
  "/om",
  "/finns-inte",
];

for (const [width, height] of [[1920, 1080], [1080, 1920]] as const) {
  test(`every visible control and link is at least 44×44 px at ${width}×${height}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    const kiosk = new KioskPage(page);
    await kiosk.goto("?kommun=jonkoping");
    // Something saved, so the saved page has its controls.
    await page.getByRole("link", { name: "Läs hela medborgarlöftet" }).first().click();
    await kiosk.saveButton("Arbeta aktivt mot drogförsäljning").click();
    for (const path of PAGES) {
      await page.evaluate((path) => {
        history.pushState(null, "", path);
        dispatchEvent(new PopStateEvent("popstate"));
      }, path);
      await expect(kiosk.heading, path).toBeVisible();
      expect(await kiosk.smallTargets(), path).toEqual([]);
    }
  });
}

test("the size check finds small targets where there are some (outside a kiosk)", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  expect(await new KioskPage(page).smallTargets()).not.toEqual([]);
});
