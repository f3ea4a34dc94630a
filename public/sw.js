// Medborgarlöften's service worker. A template: scripts/write_sw.py fills in VERSION (a hash
// of everything below) and PRECACHE (the build's exact files) and writes dist/sw.js.
//
// Every response comes from this version's own cache, so a page never mixes two versions:
// a new version installs beside the old one, waits until the person taps "Uppdatera", and
// only then takes over (and the page reloads onto it).
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
// The data this build's pages were rendered from that is kept from the install: its manifest's
// own copy and its chunks, or only its reference chunk when the data is large.
const DATA = __DATA__;
// All of the data is kept while its chunks come to no more than this (scripts/write_sw.py).
const KEEP_ALL_UP_TO = __KEEP_ALL_UP_TO__;
const CACHE = `medborgarloften-${VERSION}`;
// The data is published apart from the app and outlives its versions. Chunks and versioned
// manifests are named by their contents: once cached, always right.
const DATA_CACHE = "medborgarloften-data";
const SCOPE = self.registration.scope;
const MANIFEST = new URL("data/manifest.json", SCOPE).href;
// The search index in parts is named by its folder: data/search/<hash>/….
const NAMED_BY_CONTENT = /\/data\/((chunks|manifests)\/[^/]+|search\/[0-9a-f]+\/.+)$/;
// The page for paths that have none of their own: the app mounts there (scripts/build.sh).
const SHELL = new URL("shell.html", SCOPE).href;

// A content-hashed file's name fixes its content, so the copy the page just downloaded (in the
// HTTP cache) is the right one; anything else is fetched afresh, so that it is this deployment's.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  // waitUntil takes a promise: the install fails (and is retried later) unless every file
  // is cached.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(
        PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? "default" : "reload" })),
      );
      const data = await caches.open(DATA_CACHE);
      await data.addAll(DATA.map((path) => new URL(path, SCOPE).href));
      // Offline from the first visit: the current manifest, unless a newer one is held. Checked
      // with the server rather than fetched again: the page's own check of it has often just
      // brought it into the HTTP cache, and at the country's scale it is 11 KB of brotli.
      if (!(await data.match(MANIFEST, { ignoreVary: true }))) {
        await data.add(new Request(MANIFEST, { cache: "no-cache" }));
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("medborgarloften-") && key !== CACHE && key !== DATA_CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
  if (event.data && event.data.type === "VERSION") event.source.postMessage({ type: "VERSION", version: VERSION });
});

/** The current manifest from the network (a 304 when unchanged), else the last one held, as
 * a 203 (a copy, not the server's answer): the app's check for newer data then knows that it
 * has not reached the server. */
async function currentManifest(request) {
  const data = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await data.put(MANIFEST, response.clone());
      await forgetOtherVersions(data, await response.clone().json().catch(() => null));
      return response;
    }
  } catch {
    // Offline: the last manifest held, below.
  }
  const held = await data.match(MANIFEST, { ignoreVary: true });
  if (!held) return fetch(request);
  return new Response(held.body, { status: 203, headers: held.headers });
}

/** Keep the chunks of the current manifest and of this build's pages; the rest is no one's.
 * A manifest of another shape (a newer schema) is no one's to prune by. */
async function forgetOtherVersions(data, manifest) {
  if (!manifest || !Array.isArray(manifest.chunks)) return;
  const keep = new Set(
    [...DATA, `data/manifests/${manifest.version}.json`, ...manifest.chunks.map((c) => c.path)].map((p) => new URL(p, SCOPE).href),
  );
  const search = manifest.search && typeof manifest.search.dir === "string" ? new URL(`${manifest.search.dir}/`, SCOPE).href : null;
  for (const request of await data.keys()) {
    const current = keep.has(request.url) || (search && request.url.startsWith(search));
    if (NAMED_BY_CONTENT.test(request.url) && !current) await data.delete(request);
  }
}

/** A chunk or a version's manifest: answered from the cache by its name. While the current
 * data is small, every chunk is kept; beyond that, a chunk is kept when the app asks (the
 * kommuner visited, followed or saved from, or all of them when the visitor chose so), and the
 * chunks a search loads are the HTTP cache's, so a visit keeps no more than it reads. A
 * version's manifest is small and always kept. */
async function namedByContent(request) {
  const data = await caches.open(DATA_CACHE);
  const cached = await data.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  const keep =
    request.headers.get("X-Keep-Offline") === "yes" || request.url.includes("/data/manifests/") || (await dataIsSmall(data));
  if (response.ok && keep) await data.put(request.url, response.clone());
  return response;
}

/** Whether the current manifest's chunks, all together, are within KEEP_ALL_UP_TO bytes. */
async function dataIsSmall(data) {
  const held = await data.match(MANIFEST, { ignoreVary: true });
  const manifest = held && (await held.json().catch(() => null));
  if (!manifest || !Array.isArray(manifest.chunks)) return false;
  return manifest.chunks.reduce((sum, chunk) => sum + (Number(chunk.bytes) || 0), 0) <= KEEP_ALL_UP_TO;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = request.url.split(/[?#]/)[0];
  if (url === MANIFEST) return event.respondWith(currentManifest(request));
  if (NAMED_BY_CONTENT.test(url)) return event.respondWith(namedByContent(request));
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page of the app is its rendered file (`/kommun/eslov` is kommun/eslov/index.html,
      // whatever the query), or the shell where this version keeps none: never the network's,
      // which may already be the next version. A file (a source text, the open data: a name
      // with an extension) is itself.
      const path = new URL(request.url).pathname;
      const route = request.mode === "navigate" && !/\.[a-z0-9]+$/i.test(path);
      // (The server varies on Accept-Encoding; the cache's copy is right for any.)
      const exact = { ignoreVary: true };
      let cached;
      if (route) {
        const page = new URL(`${path.replace(/\/?$/, "/")}index.html`, SCOPE).href;
        cached = (await cache.match(page, exact)) || (await cache.match(SHELL, exact));
      } else {
        cached = await cache.match(request, exact);
      }
      return cached || fetch(request);
    })(),
  );
});
