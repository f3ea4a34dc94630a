// Medborgarlöften's service worker. A template: scripts/write_sw.py fills in VERSION (a hash
// of everything below) and PRECACHE (the build's exact files) and writes dist/sw.js.
//
// Every response comes from this version's own cache, so a page never mixes two versions:
// a new version installs beside the old one, waits until the person taps "Uppdatera", and
// only then takes over (and the page reloads onto it).
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `medborgarloften-${VERSION}`;
const SCOPE = self.registration.scope;
// The page for paths that have none of their own: the app mounts there (scripts/build.sh).
const SHELL = new URL("shell.html", SCOPE).href;

// A content-hashed file's name fixes its content, so the copy the page just downloaded (in the
// HTTP cache) is the right one; anything else is fetched afresh, so that it is this deployment's.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  // waitUntil takes a promise: the install fails (and is retried later) unless every file
  // is cached.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? "default" : "reload" })),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("medborgarloften-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
  if (event.data && event.data.type === "VERSION") event.source.postMessage({ type: "VERSION", version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
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
