import { createHash } from "node:crypto";
import { test, expect, open, watchConsole } from "./fixtures/app";

test("the app starts, shows its heading and the agreements, and logs no error", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Sök bland medborgarlöften" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("inte en tjänst från Polisen");
});

test("the page is served by nginx with the wasm MIME type and a strict CSP", async ({ page, request, consoleErrors }) => {
  const response = await request.get("/");
  expect(response.headers()["content-type"]).toContain("text/html");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  const html = await response.text();
  const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  // Only the one inline script that must run before the first paint, each allowed by its hash.
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([^]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toHaveLength(1);
  for (const code of inline) expect(csp).toContain(sha256(code));
  // The stylesheet is in the page, and the page's own policy allows it and nothing else.
  const styles = [...html.matchAll(/<style>([^]*?)<\/style>/g)].map((m) => m[1]);
  expect(styles).toHaveLength(1);
  expect(html).not.toContain('rel="stylesheet"');
  const pagePolicy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  expect(pagePolicy).toBe(`style-src ${sha256(styles[0])}`);
  const wasm = html.match(/href="([^"]+_bg\.wasm)"/)?.[1];
  expect(wasm).toBeTruthy();
  const wasmResponse = await request.get(wasm!);
  expect(wasmResponse.headers()["content-type"]).toBe("application/wasm");
  expect(wasmResponse.headers()["cache-control"]).toContain("immutable");
  // Styled, and a style the page did not bring is refused.
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation(d: string): void }).reportViolation(e.effectiveDirective)),
  );
  await open(page, "/");
  await expect(page.locator("body")).not.toHaveCSS("margin", "8px");
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "body { outline: 9px solid red }";
    document.head.append(style);
  });
  await expect.poll(() => violations).toEqual(["style-src-elem"]);
  await expect(page.locator("body")).not.toHaveCSS("outline-width", "9px");
  // The browser reports the refusal as an error: this one was asked for.
  const refusal = consoleErrors.findIndex((e) => e.includes("violates the following Content Security Policy directive 'style-src"));
  expect(refusal).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(refusal, 1);
});

test("files are served precompressed: brotli where the browser takes it, else gzip, the same bytes", async ({ request }) => {
  const html = await (await request.get("/", { headers: { "accept-encoding": "identity" } })).text();
  const pages = ["/", "/medborgarlofte/jonkoping-2020", "/kommun/eslov", "/om"];
  const manifest = await (await request.get("/data/manifest.json")).json();
  const chunks = manifest.chunks.map((c: { path: string }) => "/" + c.path);
  const assets = [...pages, ...[...html.matchAll(/(?:href|src)="\/([^"]+\.(?:wasm|js|css))"/g)].map((m) => "/" + m[1]), ...chunks];
  expect(assets.filter((a) => a.endsWith(".wasm"))).toHaveLength(1);
  expect(assets.filter((a) => a.endsWith(".js")).length).toBeGreaterThan(0);
  for (const asset of assets) {
    const plain = await request.get(asset, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers()["content-encoding"], asset).toBeUndefined();
    const original = await plain.body();
    // A file of a few hundred bytes is not worth compressing (the build leaves it out).
    if (original.length < 1024) continue;
    for (const encoding of ["br", "gzip"]) {
      const packed = await request.get(asset, { headers: { "accept-encoding": encoding } });
      expect(packed.headers()["content-encoding"], `${asset} (${encoding})`).toBe(encoding);
      expect(packed.headers()["vary"], asset).toContain("Accept-Encoding");
      // Playwright decodes the body: what the browser gets is the file itself.
      expect((await packed.body()).equals(original), `${asset} (${encoding})`).toBe(true);
    }
  }
  // Brotli is what a browser that offers both gets, and it is the smaller.
  const both = await request.fetch("/", { headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(both.headers()["content-encoding"]).toBe("br");
});

test("a missing file is a 404, not the app shell", async ({ request }) => {
  const response = await request.get("/data/nothing-here.json");
  expect(response.status()).toBe(404);
});

test("the data is published as a manifest and binary chunks named by their contents, beside the open-data JSON", async ({ request }) => {
  const open = await request.get("/data/medborgarloften.json");
  expect(open.headers()["content-type"]).toContain("application/json");
  const data = await open.json();
  expect(data.agreements).toHaveLength(7);
  expect(data.kommuner).toHaveLength(290);
  const current = await request.get("/data/manifest.json");
  expect(current.headers()["content-type"]).toContain("application/json");
  const manifest = await current.json();
  expect(manifest.schema).toBeGreaterThanOrEqual(1);
  expect(manifest.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // The reference chunk, then one for each kommun, or group of kommuner, with agreements.
  expect(manifest.chunks[0].kommuner).toEqual([]);
  const slug = (name: string) => data.kommuner.find((k: { short_name: string }) => k.short_name === name).slug;
  const groups = new Set(data.agreements.map((a: { kommuner: string[] }) => a.kommuner.map(slug).sort().join(",")));
  expect(manifest.chunks.slice(1).map((c: { kommuner: string[] }) => c.kommuner.join(",")).sort()).toEqual([...groups].sort());
  let chunkBytes = 0;
  for (const chunk of manifest.chunks) {
    expect(chunk.path).toMatch(/^data\/chunks\/[0-9a-f]{16}\.bin$/);
    const response = await request.get(`/${chunk.path}`);
    expect(response.headers()["content-type"]).toBe("application/octet-stream");
    const bytes = await response.body();
    expect(bytes.length).toBe(chunk.bytes);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe(`LOFC${String.fromCharCode(manifest.schema)}`);
    chunkBytes += bytes.length;
  }
  const version = await request.get(`/data/manifests/${manifest.version}.json`);
  expect(await version.json()).toEqual(manifest);
  // The chunks are smaller than the JSON of the same data.
  expect(chunkBytes).toBeLessThan(JSON.stringify(data).length * 0.7);
  expect((await request.get("/data/bundle.bin")).status()).toBe(404);
});

test("damaged data shows the data-error notice in the visitor's words, and trying again recovers", async ({ browser }, testInfo) => {
  // Without a service worker: once it takes control, the page's requests are its, which
  // page.route does not see.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.route("**/data/chunks/*", (route) =>
    route.fulfill({ status: 200, contentType: "application/octet-stream", body: Buffer.from("<!DOCTYPE html><p>not a chunk") }),
  );
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Medborgarlöftena kunde inte hämtas. Det som hämtades gick inte att läsa.");
  await expect(alert).toContainText(/data\/chunks\/[0-9a-f]{16}\.bin/);
  await page.unroute("**/data/chunks/*");
  await alert.getByRole("button", { name: "Försök igen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test("if the app stops (a wasm trap), the page says so and reloading brings it back", async ({ page, consoleErrors }) => {
  await open(page, "/");
  // What a trap in the app raises, thrown where the app's own code would throw it.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable"); }));
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(/Något gick fel i appen. Ladda om sidan för att fortsätta./);
  await expect(alert.getByRole("button", { name: "Ladda om" })).toBeFocused();
  consoleErrors.length = 0; // the trap itself is the point here
  await alert.getByRole("button", { name: "Ladda om" }).click();
  await expect(page.getByRole("status").filter({ hasText: "7 medborgarlöften" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  // Any other error is not the app stopping: no notice.
  await page.evaluate(() => setTimeout(() => { throw new TypeError("not ours"); }));
  await page.waitForTimeout(300);
  await expect(page.getByRole("alert")).toHaveCount(0);
  consoleErrors.length = 0;
});
