import { test, expect, open } from "./fixtures/app";
import { SwappableSite, editData } from "./fixtures/site";
import type { Page } from "@playwright/test";

async function controlled(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined);
  return page.evaluate(() => document.querySelector("meta[name=app-version]")!.getAttribute("content")!);
}

test("the manifest and every icon load as what they claim to be", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const body = await manifest.json();
  expect(body).toMatchObject({ name: "Medborgarlöften", lang: "sv", display: "standalone", start_url: "./", scope: "./", id: "./" });
  expect(body.shortcuts.map((s: { url: string }) => s.url)).toEqual(["./sparade", "./kommuner"]);
  expect(body.icons.some((i: { purpose: string }) => i.purpose === "maskable")).toBe(true);
  for (const icon of body.icons) {
    const response = await request.get(`/${icon.src}`);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe(icon.type);
    const bytes = await response.body();
    if (icon.type === "image/png") {
      expect(bytes.subarray(1, 4).toString()).toBe("PNG");
      const [w, h] = icon.sizes.split("x").map(Number);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([w, h]);
    } else {
      expect(bytes.toString()).toContain("<svg");
    }
  }
  const worker = await request.get("/sw.js");
  expect(worker.headers()["content-type"]).toContain("javascript");
  expect(worker.headers()["cache-control"]).toBe("no-cache");
  // Never revalidated by ETag: two deployments' workers can share size and time.
  expect(worker.headers()["etag"]).toBeUndefined();
  expect(await worker.text()).toMatch(/const PRECACHE = \[/);
});

test("after one visit, the app works with the network cut", async ({ page, context }) => {
  await open(page, "/");
  await controlled(page);
  await context.setOffline(true);
  await open(page, "/");
  await expect(page.getByText("Du är offline")).toBeVisible();
  await page.getByLabel("Sök", { exact: true }).fill("öxnehaga");
  await expect(page.getByRole("status").filter({ hasText: "1 medborgarlöfte" })).toBeVisible();
  await open(page, "/medborgarlofte/jonkoping-2020");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medborgarlöfte 2020");
  await expect(page.getByText("Kommunen och Polisen ska genomföra gemensamma krogtillsyner vid minst fyra tillfällen.")).toBeVisible();
  await context.setOffline(false);
});

test("with the worker in charge, a source text and the open data open as files, not as the app", async ({ page }) => {
  await open(page, "/medborgarlofte/jonkoping-2020");
  await controlled(page);
  await page.getByRole("link", { name: /Källans text/ }).click();
  await expect(page).toHaveURL(/\/data\/sources\/[^/]+\.txt$/);
  await expect(page.locator("body")).toContainText("krogtillsyner");
  await expect(page.locator("#app-loading, main")).toHaveCount(0);
  const response = await page.goto("/data/medborgarloften.json");
  expect(response!.headers()["content-type"]).toMatch(/json/);
  expect(JSON.parse(await response!.text()).agreements.length).toBe(7);
});

test("a new deployment is offered, and one tap moves the page to it without mixing", async ({ browser }) => {
  // Two copies of the site, each rendered again from its data, before the page opens.
  test.setTimeout(120_000);
  const site = new SwappableSite();
  try {
    const a = site.build("a");
    const b = site.build("b", (root) => editData(root, "Medborgarlöfte 2020", "Medborgarlöfte 2020 (version B)"));
    site.deploy(a);
    const url = await site.start();
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    await open(page, "/medborgarlofte/jonkoping-2020");
    const versionA = await controlled(page);
    site.deploy(b);
    // The app looks for updates when it becomes visible, and every half hour; ask now.
    await page.evaluate(() => (window as any).medborgarloften.checkForUpdate());
    await expect(page.getByText("Ny version finns.")).toBeVisible();
    // Until the tap, the app's own files still come from A. (The data is published apart
    // from the app: B's reaches A's app as its data would without a new app.)
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Medborgarlöfte 2020/);
    expect(await page.evaluate(() => document.querySelector("meta[name=app-version]")!.getAttribute("content"))).toBe(versionA);
    await page.getByRole("button", { name: "Uppdatera" }).click();
    // The heading may show B's data before the tap's reload: wait for B's app itself.
    // (Asked during the reload, the page has no document to answer from: asked again.)
    const appVersion = () =>
      page.evaluate(() => document.querySelector("meta[name=app-version]")?.getAttribute("content")).catch(() => undefined);
    await expect.poll(appVersion).not.toBe(versionA);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medborgarlöfte 2020 (version B)");
    const versionB = await appVersion();
    // Only B's cache is left beside the data's own, which outlives the app's versions.
    const caches = await page.evaluate(() => caches.keys());
    expect(caches.sort()).toEqual([`medborgarloften-${versionB}`, "medborgarloften-data"].sort());
    await expect(page.getByText("Ny version finns.")).toHaveCount(0);
    await context.close();
  } finally {
    site.stop();
  }
});

test("the CSP header is present and the app runs under it without a violation", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as any).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto("/medborgarlofte/eslov-2016");
  expect(response!.headers()["content-security-policy"]).toMatch(/default-src 'self'.*script-src 'self' 'wasm-unsafe-eval'/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medborgarlöften i Eslövs kommun 2016");
  // The one inline script, allowed by its hash, ran before the first paint.
  await expect(page.locator("html")).toHaveClass(/\bjs\b/);
  await open(page, "/sparade");
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
});

test("without a service worker, the last good dataset is kept and shown when the network fails", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  await open(page, "/");
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  const data = "**/data/{manifest.json,manifests/*,chunks/*}";
  await page.route(data, (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expect(page.getByText(/som de var när de senast hämtades/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  // A damaged download neither replaces the kept copy nor stops the app: the copy is shown.
  await page.unroute(data);
  await page.route("**/data/chunks/*", (route) =>
    route.fulfill({ status: 200, contentType: "application/octet-stream", body: Buffer.from("<!DOCTYPE html><p>not a chunk") }),
  );
  await page.reload();
  await expect(page.getByText(/som de var när de senast hämtades/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  await page.unroute("**/data/chunks/*");
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  await expect(page.getByText(/som de var när de senast hämtades/)).toHaveCount(0);
  await context.close();
});
