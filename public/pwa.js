// Loaded with `defer`: the page is readable before it runs (index.html has the little that
// must happen before the first paint, inline).
// Registers the service worker and tells the app (through window events) when a new version
// is ready or the browser offers to install. Plain JS because these browser events can fire
// before the wasm has started; the app reads `window.medborgarloften` when it starts.
"use strict";
(() => {
  const state = (window.medborgarloften = { updateReady: false, installAvailable: false });
  const tell = (name) => window.dispatchEvent(new CustomEvent(`medborgarloften:${name}`));

  let installPrompt = null;
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    installPrompt = event;
    state.installAvailable = true;
    tell("install");
  });
  window.addEventListener("appinstalled", () => {
    installPrompt = null;
    state.installAvailable = false;
    tell("install");
  });
  state.install = () => {
    if (!installPrompt) return;
    installPrompt.prompt();
    installPrompt.userChoice.finally(() => {
      installPrompt = null;
      state.installAvailable = false;
      tell("install");
    });
  };

  // The kiosk's settings, as the app keeps them in this tab's sessionStorage (a JSON string;
  // earlier versions kept the plain query string).
  const KIOSK_KEY = "medborgarloften.kiosk";
  const RESTARTS_KEY = "medborgarloften.kiosk.restarts";
  // A failure that comes back at once on every start would reload the kiosk for ever: after
  // this many restarts within RESTART_WINDOW_MS, the kiosk shows the notice instead.
  const MAX_RESTARTS = 3;
  const RESTART_WINDOW_MS = 60 * 1000;
  const session = () => {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  };
  /** Reload a kiosk tab at its start and count the restart; false where this is no kiosk, or
   * where it keeps failing. */
  const restartKiosk = () => {
    const store = session();
    const kept = store && store.getItem(KIOSK_KEY);
    if (kept === null || kept === undefined || !document.documentElement.hasAttribute("data-kiosk")) return false;
    let query = kept;
    try {
      query = JSON.parse(kept);
    } catch {
      // plain text from an earlier version
    }
    query = typeof query === "string" ? query.replace(/^\?/, "") : "";
    let restarts = [];
    try {
      restarts = JSON.parse(store.getItem(RESTARTS_KEY) || "[]");
    } catch {
      restarts = [];
    }
    if (!Array.isArray(restarts)) restarts = [];
    const now = Date.now();
    const recent = restarts.filter((at) => typeof at === "number" && now - at < RESTART_WINDOW_MS);
    if (recent.length >= MAX_RESTARTS) return false;
    restarts.push(now);
    try {
      store.setItem(RESTARTS_KEY, JSON.stringify(restarts.slice(-100)));
    } catch {
      // Full storage: restart all the same, uncounted.
    }
    console.warn(`Medborgarlöften: the kiosk stopped and starts over (restart ${restarts.length} in this tab)`);
    const start = new URL("kiosk", new URL("./", document.baseURI));
    start.search = query;
    window.location.replace(start.href);
    return true;
  };

  // A failure inside the app is a wasm trap (release builds abort at a panic, after the hook has
  // written it to the console), after which the page no longer answers. Nothing else raises a
  // WebAssembly.RuntimeError. A kiosk holds nothing to lose and nobody there knows to reload,
  // so it starts over by itself; a resident is told, in the page's language, with a way on.
  const stopped = (error) => {
    if (typeof WebAssembly === "undefined" || !(error instanceof WebAssembly.RuntimeError)) return;
    if (document.getElementById("app-stopped")) return;
    if (restartKiosk()) return;
    const english = document.documentElement.lang === "en";
    const box = document.createElement("div");
    box.id = "app-stopped";
    box.className = "banner banner--stopped";
    box.setAttribute("role", "alert");
    const text = document.createElement("span");
    text.textContent = english
      ? "Something went wrong in the app. Reload the page to go on."
      : "Något gick fel i appen. Ladda om sidan för att fortsätta.";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = english ? "Reload" : "Ladda om";
    button.addEventListener("click", () => window.location.reload());
    box.append(text, button);
    document.body.prepend(box);
    button.focus();
  };
  window.addEventListener("error", (event) => stopped(event.error));
  window.addEventListener("unhandledrejection", (event) => stopped(event.reason));

  if (!("serviceWorker" in navigator)) return; // plain http, or an old browser
  const base = new URL("./", document.baseURI);
  // A page that was already controlled reloads when a new version takes over; a first visit
  // (nothing controlled it) does not.
  const wasControlled = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    tell("controlled");
    if (wasControlled && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });

  navigator.serviceWorker
    .register(new URL("sw.js", base), { scope: base.pathname })
    .then((registration) => {
      const announce = () => {
        if (registration.waiting && navigator.serviceWorker.controller) {
          state.updateReady = true;
          tell("update");
        }
      };
      announce();
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        if (worker) worker.addEventListener("statechange", () => worker.state === "installed" && announce());
      });
      state.applyUpdate = () => registration.waiting && registration.waiting.postMessage({ type: "SKIP_WAITING" });
      state.checkForUpdate = () => registration.update().catch(() => {});
      // Kiosks and installed apps stay open for hours: look for a new version now and then.
      setInterval(state.checkForUpdate, 30 * 60 * 1000);
      document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && state.checkForUpdate());
    })
    .catch((error) => console.warn("Medborgarlöften: no offline support:", error.message));
})();
