import { test, expect, ready } from "./fixtures/app";
import type { Page } from "@playwright/test";

// What comes from outside, made up at random: addresses (the query string, shared links, path
// segments) and what localStorage holds. Nothing may panic (the fixture fails a test on any
// "panicked at"), every page still answers, and a stored value the app cannot read is kept.
// The core's own property tests (crates/loften-core/tests/fuzz.rs) try far more inputs
// natively; these prove the same holds in the built app. FUZZ_RUNS=200 tries more, and
// FUZZ_SEED repeats a run (the seed is in each failure's message).

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// playwright.config.ts draws the seed once per run, so that every worker makes the same inputs.
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const KEY = "medborgarloften";

/** A small seeded generator (mulberry32), so a failure can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "narkotika", "jonkoping", "eslov", "06", "2018", "polisen", "gemensamt", "done", "ingen", "jonkoping-2020-a1",
  "å", "Ö", "é", "💥", "\u202e", "\u0000", " ", "+", "&", "=", "?", "#", "/", "..", "%", "%2", "%ZZ", "%C3", "%FF",
  "%00", "%E2%82", "%F0%9F%92%A5", "<script>", "\"", "'", "\\", "-1", "99999999999999999999", "NaN", "1e309", ",",
];
const KEYS = ["q", "kommun", "lan", "tema", "ar", "aktor", "status", "dela", "idle", "x", ""];

function pick<T>(rand: () => number, items: T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function junk(rand: () => number, max = 12): string {
  const length = Math.floor(rand() * max);
  let text = "";
  for (let i = 0; i < length; i++) text += rand() < 0.8 ? pick(rand, PIECES) : String.fromCharCode(Math.floor(rand() * 0x3000));
  // Now and then, something long (but within the 8 KB that nginx takes in a request line).
  return rand() < 0.05 ? text.repeat(20).slice(0, 1500) : text;
}

function queryString(rand: () => number): string {
  const pairs = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => `${pick(rand, KEYS)}=${junk(rand)}`);
  return pairs.join(pick(rand, ["&", "&&", ";"]));
}

/** An address of the app that a link or a typo could lead to. */
function address(rand: () => number): string {
  // A NUL in a path is refused by the server (400) before the app is asked: not the app's
  // to answer.
  const segment = () => encodeURIComponent(junk(rand, 4).replaceAll("\u0000", "")) || "x";
  switch (Math.floor(rand() * 6)) {
    case 0: return `/?${queryString(rand)}`;
    case 1: return `/sparade?dela=${junk(rand, 30)}`;
    case 2: return `/kommun/${segment()}`;
    case 3: return `/medborgarlofte/${segment()}?${queryString(rand)}`;
    case 4: return `/omrade/${segment()}/${segment()}`;
    default: return `/kommuner?${queryString(rand)}`;
  }
}

/** A stored value: a real envelope with parts changed, or junk. */
function storedValue(rand: () => number): string {
  const envelope = {
    version: pick(rand, [1, 2, 3, 4, -1, 1e9, "2", null]),
    state: {
      bookmarks: [{ id: pick(rand, ["jonkoping-2020-l1", junk(rand, 3)]), saved: pick(rand, ["2026-01-01T10:00:00Z", junk(rand, 2)]), note: junk(rand, 3) }],
      preferences: { lang: pick(rand, ["sv", "en", "xx", 7]), theme: pick(rand, ["dark", "light", junk(rand, 2)]), textSize: pick(rand, ["large", 0]) },
    },
  };
  const text = JSON.stringify(envelope);
  switch (Math.floor(rand() * 3)) {
    case 0: return text;
    case 1: {
      // Cut or damaged in the middle, as a full disk or a crash leaves it.
      const at = Math.floor(rand() * text.length);
      return text.slice(0, at) + junk(rand, 2) + text.slice(at + Math.floor(rand() * 5));
    }
    default: return junk(rand, 20);
  }
}

/** Every so many pages, collect the garbage of the pages left: Chromium frees a left page's
 * wasm memory only then, and a long run (FUZZ_RUNS=200) would otherwise run out of it. */
async function collectLeftPages(page: Page, run: number): Promise<void> {
  if (run > 0 && run % 40 === 0) {
    const session = await page.context().newCDPSession(page);
    await session.send("HeapProfiler.collectGarbage");
    await session.detach();
  }
}

async function answers(page: Page, what: string): Promise<void> {
  await expect(page.locator("html[data-ready]"), what).toHaveCount(1);
  await expect(page.locator("#app-loading"), what).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 }), what).toBeVisible();
}

test(`random addresses: every page answers`, async ({ page }) => {
  test.setTimeout(30_000 + RUNS * 3_000);
  const rand = random(SEED);
  for (let run = 0; run < RUNS; run++) {
    await collectLeftPages(page, run);
    const path = address(rand);
    await page.goto(path);
    await answers(page, `seed ${SEED}, run ${run}: ${path}`);
  }
});

test(`random kiosk settings: the kiosk starts and answers`, async ({ page }) => {
  test.setTimeout(30_000 + RUNS * 3_000);
  const rand = random(SEED + 1);
  for (let run = 0; run < RUNS; run++) {
    await collectLeftPages(page, run);
    const path = `/kiosk?${queryString(rand)}`;
    await page.goto(path);
    await answers(page, `seed ${SEED}, run ${run}: ${path}`);
    await expect(page.locator("html[data-kiosk]")).toHaveCount(1);
    await page.evaluate(() => sessionStorage.clear());
  }
});

test(`random stored values: the app starts, and what it cannot read is kept`, async ({ page }) => {
  test.setTimeout(30_000 + RUNS * 3_000);
  const rand = random(SEED + 2);
  await page.goto("/om");
  await ready(page);
  for (let run = 0; run < RUNS; run++) {
    await collectLeftPages(page, run);
    const stored = storedValue(rand);
    await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }, [KEY, stored]);
    await page.goto(pick(rand, ["/", "/sparade", "/medborgarlofte/jonkoping-2020"]));
    await answers(page, `seed ${SEED}, run ${run}: ${JSON.stringify(stored).slice(0, 200)}`);
    const kept = await page.evaluate(([key, value]) => {
      // Blank holds nothing: the app takes it for nothing stored (Unicode's white space,
      // which for Rust includes U+0085).
      if (/^[\s\u0085]*$/.test(value)) return true;
      // Kept as it was, or aside under a backup key (the very string, even cut mid-emoji).
      if (Object.keys(localStorage).some((k) => localStorage.getItem(k) === value)) return true;
      // Or read whole: every bookmark it held is in what the app wrote back.
      const bookmarks = (text: string | null): unknown[] | null => {
        try {
          const list = JSON.parse(text ?? "null")?.state?.bookmarks;
          return Array.isArray(list) ? list : null;
        } catch {
          return null;
        }
      };
      const held = bookmarks(value);
      const now = new Set((bookmarks(localStorage.getItem(key)) ?? []).map((b) => (b as { id?: unknown })?.id));
      return held !== null && held.every((b) => now.has((b as { id?: unknown })?.id));
    }, [KEY, stored]);
    expect(kept, `seed ${SEED}, run ${run}: ${JSON.stringify(stored).slice(0, 200)}`).toBe(true);
  }
});
