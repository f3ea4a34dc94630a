import { test, expect } from "./fixtures/app";

// The cache header each kind of file gets from the production server block. A CDN or an
// object store in front of the site must send the same (README, "Deploying"): a file named by
// its contents is cached for a year; every other file is revalidated on every use.

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

test("each kind of file is sent with the cache header it needs", async ({ request }) => {
  const html = await (await request.get("/", { headers: { "accept-encoding": "identity" } })).text();
  const hashed = [...html.matchAll(/(?:href|src)="\/([^"]+-[0-9a-f]{8,}(?:_bg)?\.(?:wasm|js))"/g)].map((m) => "/" + m[1]);
  expect(hashed.some((p) => p.endsWith(".wasm"))).toBe(true);
  const manifest = await (await request.get("/data/manifest.json")).json();
  const source = html.match(/data\/sources\/[^"]+\.txt/)?.[0] ?? null;
  const kinds: [string, string, string][] = [
    ["a page rendered ahead of time", "/", REVALIDATE],
    ["a page rendered ahead of time", "/kommun/eslov", REVALIDATE],
    ["the shell, for a path without a page of its own", "/kommun/finns-inte", REVALIDATE],
    ["the service worker", "/sw.js", REVALIDATE],
    ["the web app manifest", "/manifest.webmanifest", REVALIDATE],
    ["the data's current manifest", "/data/manifest.json", REVALIDATE],
    ["a version's own manifest", `/data/manifests/${manifest.version}.json`, IMMUTABLE],
    ["a data chunk", `/${manifest.chunks[0].path}`, IMMUTABLE],
    ["the open data", "/data/medborgarloften.json", REVALIDATE],
    ...hashed.map((path): [string, string, string] => ["code named by its hash", path, IMMUTABLE]),
  ];
  if (source) kinds.push(["a source text", `/${source}`, REVALIDATE]);
  for (const [kind, path, expected] of kinds) {
    const response = await request.get(path);
    expect(response.status(), `${kind}: ${path}`).toBe(200);
    expect(response.headers()["cache-control"], `${kind}: ${path}`).toBe(expected);
  }
});

test("an unchanged data manifest costs a 304 of under 1 KB", async ({ request }) => {
  const first = await request.get("/data/manifest.json", { headers: { "accept-encoding": "br" } });
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await request.get("/data/manifest.json", {
    headers: { "accept-encoding": "br", "if-none-match": etag },
  });
  expect(again.status()).toBe(304);
  // What the client receives: the status line and headers, and no body.
  const headerBytes = Object.entries(again.headers()).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  expect((await again.body()).length).toBe(0);
  expect(headerBytes).toBeLessThan(1024);
});
