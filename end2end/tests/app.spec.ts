import { test, expect, open } from "./fixtures/app";

test("the app starts, shows its heading and the agreements, and logs no error", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Sök bland medborgarlöften" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("inte en tjänst från Polisen");
});

test("the page is served by nginx with the wasm MIME type and a strict CSP", async ({ page, request }) => {
  const response = await request.get("/");
  expect(response.headers()["content-type"]).toContain("text/html");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  const html = await response.text();
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  const wasm = html.match(/href="([^"]+_bg\.wasm)"/)?.[1];
  expect(wasm).toBeTruthy();
  const wasmResponse = await request.get(wasm!);
  expect(wasmResponse.headers()["content-type"]).toBe("application/wasm");
  expect(wasmResponse.headers()["cache-control"]).toContain("immutable");
  await open(page, "/");
});

test("a missing file is a 404, not the app shell", async ({ request }) => {
  const response = await request.get("/data/nothing-here.json");
  expect(response.status()).toBe(404);
});

test("the data bundle and the open-data file are JSON", async ({ request }) => {
  for (const path of ["/data/bundle.json", "/data/medborgarloften.json"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const data = await response.json();
    expect(data.agreements).toHaveLength(7);
    expect(data.kommuner).toHaveLength(290);
  }
});
