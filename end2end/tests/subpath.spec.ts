import { test, expect, open } from "./fixtures/app";

// The same app built with --public-url /medborgarloften/, served under that sub-path.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}` });

test("hosted under a sub-path: routes, links, data, manifest and service worker all stay inside it", async ({ page, context }) => {
  await open(page, "/medborgarloften/");
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Kommuner" }).click();
  await expect(page).toHaveURL(/\/medborgarloften\/kommuner$/);
  await page.getByRole("link", { name: "Jönköping", exact: true }).click();
  await expect(page).toHaveURL(/\/medborgarloften\/kommun\/jonkoping$/);
  await expect(page.locator('head link[rel="alternate"]')).toHaveAttribute("href", "/medborgarloften/feeds/kommun/jonkoping.xml");
  await expect(page.getByRole("link", { name: "Sida för medborgardialogen" })).toHaveAttribute("href", "/medborgarloften/kommun/jonkoping/sa-gick-det");
  await page.getByRole("link", { name: "Medborgarlöfte 2020", exact: true }).click();
  await expect(page).toHaveURL(/\/medborgarloften\/medborgarlofte\/jonkoping-2020$/);
  const source = await page.getByRole("link", { name: "Källans text" }).evaluate((a: HTMLAnchorElement) => a.href);
  expect(new URL(source).pathname).toBe("/medborgarloften/data/sources/001_a31d958f5b0b3e22.txt");
  // A deep link opened fresh.
  await open(page, "/medborgarloften/omrade/jonkoping/oxnehaga");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Öxnehaga");
  // The service worker's scope is the sub-path, and it serves the app offline there.
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/medborgarloften/");
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector("link[rel=manifest]") as HTMLLinkElement;
    const body = await (await fetch(link.href)).json();
    return { href: link.href, start: new URL(body.start_url, link.href).pathname, scope: new URL(body.scope, link.href).pathname };
  });
  expect(manifest).toMatchObject({ start: "/medborgarloften/", scope: "/medborgarloften/" });
  await context.setOffline(true);
  await open(page, "/medborgarloften/sparade");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sparade");
  await context.setOffline(false);
});
