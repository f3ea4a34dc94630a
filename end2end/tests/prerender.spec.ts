import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test, expect, open, ready } from "./fixtures/app";
import { Frame } from "./fixtures/frame";
import { SearchPage } from "./fixtures/search-page";
import type { Page } from "@playwright/test";

const ROOT = resolve(__dirname, "../..");

/** One page of each kind the build renders, with a heading and a piece of content it shows. */
const PAGES = [
  { path: "/", title: "Medborgarlöften", heading: "Sök bland medborgarlöften", content: "Medborgarlöfte 2020" },
  { path: "/kommuner", title: "Alla kommuner · Medborgarlöften", heading: "Alla kommuner", content: "Jönköping" },
  { path: "/kommun/jonkoping", title: "Jönköpings kommun · Medborgarlöften", heading: "Jönköpings kommun", content: "Medborgarlöfte 2020" },
  {
    path: "/medborgarlofte/jonkoping-2020",
    title: "Medborgarlöfte 2020 – Jönköping · Medborgarlöften",
    heading: "Medborgarlöfte 2020",
    content: "Kommunen och Polisen ska genomföra gemensamma krogtillsyner vid minst fyra tillfällen.",
  },
  { path: "/omraden", title: "Områden · Medborgarlöften", heading: "Områden", content: "Öxnehaga" },
  { path: "/omrade/jonkoping/oxnehaga", title: "Öxnehaga · Medborgarlöften", heading: "Öxnehaga", content: "Medborgarlöfte 2020" },
  { path: "/om", title: "Om Medborgarlöften · Medborgarlöften", heading: "Om Medborgarlöften", content: "Vad är ett medborgarlöfte?" },
];

/** `/?kommun=jonkoping&tema=narkotika`'s results, in English: the query and language applied. */
const FILTERED_IN_ENGLISH = "3 agreements, 5 matching promises and activities";

/** A page's heading as the build writes it (a text node may be followed by a marker, `<!>`). */
const HEADING = (text: string) => new RegExp(`<h1[^>]*>${text}(<!>)?</h1>`);

/** Console lines that are not the app's: Trunk's wasm preload tag carries an integrity attribute. */
const NOT_OURS = /integrity. attribute is currently ignored for preload/;

/** Every console warning and error, and uncaught errors, from now on. */
function consoleTrouble(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (m) => {
    if ((m.type() === "error" || m.type() === "warning") && !NOT_OURS.test(m.text())) found.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => found.push(`pageerror: ${e.message}`));
  return found;
}

/** The elements counted before and after hydration: all of the page's own, but what the app
 * adds once it runs, which the build leaves out: the filters' options (see FilterSelect) and
 * the buttons that follow a kommun (they answer only with the app). */
const COUNTED = "main *:not(select > :not(option[value='']), optgroup > option, .follow, .follow *)";

/** Before any script of the page runs, remember the nodes the server sent, to find them again. */
async function rememberServerNodes(page: Page): Promise<void> {
  await page.addInitScript((COUNTED) => {
    document.addEventListener("DOMContentLoaded", () => {
      const w = window as any;
      w.__beforeApp = !document.documentElement.hasAttribute("data-ready");
      w.__serverNodes = [...document.querySelectorAll("body > *, main h1, main p, main li, main a, footer p")];
      w.__serverCount = document.querySelectorAll(COUNTED).length;
    });
  }, COUNTED);
}

/** Whether the nodes remembered are all still in the document, and as many as before. */
async function serverNodesKept(page: Page) {
  return page.evaluate((COUNTED) => {
    const w = window as any;
    return {
      before: w.__beforeApp === true,
      remembered: (w.__serverNodes as Element[]).length,
      kept: (w.__serverNodes as Element[]).every((n) => n.isConnected),
      sameCount: w.__serverCount === document.querySelectorAll(COUNTED).length,
    };
  }, COUNTED);
}

test("every rendered page can be read without JavaScript, and its links lead on", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  for (const { path, title, heading, content } of PAGES) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.getByText(content).first(), path).toBeVisible();
    await expect(page.locator("#app-loading"), path).toHaveCount(0);
  }
  // Controls only the app answers are not offered: they would do nothing.
  await page.goto("/medborgarlofte/jonkoping-2020");
  await expect(page.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  // Search and filters say that they need scripts, and point to the kommun list.
  await page.goto("/");
  await expect(page.getByRole("searchbox")).toBeHidden();
  const note = page.getByText("Sökningen och filtren behöver JavaScript.");
  await expect(note).toBeVisible();
  await note.getByRole("link", { name: "listan över alla kommuner" }).click();
  await expect(page).toHaveURL(/\/kommuner$/);
  // From the list to a kommun, to its agreement, to an area it names: plain links.
  await page.getByRole("link", { name: "Jönköping", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jönköpings kommun");
  await page.getByRole("link", { name: "Medborgarlöfte 2020" }).first().click();
  await expect(page).toHaveURL(/\/medborgarlofte\/jonkoping-2020$/);
  await expect(page.getByText(PAGES[3].content)).toBeVisible();
  await new Frame(page).navLink("Om").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Om Medborgarlöften");
  await context.close();
});

test("with scripts, the note for readers without them is hidden", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByText("Sökningen och filtren behöver JavaScript.")).toBeHidden();
});

for (const { path, heading } of PAGES) {
  test(`${path}: the app takes over the rendered page, keeps its nodes, and answers @wide`, async ({ page }) => {
    const trouble = consoleTrouble(page);
    await rememberServerNodes(page);
    await open(page, path);
    const nodes = await serverNodesKept(page);
    expect(nodes.before, "the nodes were remembered before the app started").toBe(true);
    expect(nodes.remembered).toBeGreaterThan(5);
    expect(nodes, "hydration kept the server's nodes").toMatchObject({ kept: true, sameCount: true });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    // It answers: the language switch rebuilds the page in English.
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(trouble).toEqual([]);
  });
}

test("on a rendered page, Spara and the filters work once the app has taken over @wide", async ({ page }) => {
  const trouble = consoleTrouble(page);
  await open(page, "/medborgarlofte/jonkoping-2020");
  const frame = new Frame(page);
  const save = frame.saveButton("Kommunen och Polisen ska genomföra gemensamma krogtillsyner");
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await expect(frame.saved).toContainText("1");
  await open(page, "/");
  await new SearchPage(page).choose("Kommun", "jonkoping");
  await expect(page).toHaveURL(/\?kommun=jonkoping$/);
  await expect(page.getByRole("status").filter({ hasText: /^\d+ medborgarlöften?/ })).toContainText("3 medborgarlöften");
  expect(trouble).toEqual([]);
});

test("a rendered page opened with a query, bookmarks and English shows the visitor's own @wide", async ({ page }) => {
  const trouble = consoleTrouble(page);
  await page.addInitScript(() => {
    if (!localStorage.getItem("medborgarloften")) {
      const bookmark = { id: "jonkoping-2020-l1", saved: "2026-01-01T00:00:00.000Z" };
      localStorage.setItem("medborgarloften", JSON.stringify({ version: 2, state: { bookmarks: [bookmark], preferences: { lang: "en", theme: "dark" } } }));
    }
  });
  await rememberServerNodes(page);
  await open(page, "/?kommun=jonkoping&tema=narkotika");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the citizen promises");
  await expect(page).toHaveURL(/\/\?kommun=jonkoping&tema=narkotika$/);
  await expect(page.getByLabel("Municipality", { exact: true })).toHaveValue("jonkoping");
  await expect(page.locator(".results-count")).toHaveText(FILTERED_IN_ENGLISH);
  await expect(page.locator(".nav-count")).toHaveText("1");
  await open(page, "/medborgarlofte/jonkoping-2020");
  await expect(page.locator("#jonkoping-2020-l1 [aria-pressed=true]")).toHaveCount(1);
  await expect(page.locator("[aria-pressed=true]")).toHaveCount(1);
  expect(trouble).toEqual([]);
});

test("each rendered page describes itself: title, description, canonical link, Open Graph", async ({ request }) => {
  for (const { path, title } of PAGES) {
    const html = await (await request.get(path)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    const meta = (attribute: string, name: string) => head.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`))?.[1];
    expect(head.match(/<title>([^<]*)<\/title>/)?.[1], path).toBe(title.replace(/&/g, "&amp;"));
    expect(head.match(/<title>/g), path).toHaveLength(1);
    const description = meta("name", "description");
    expect(description?.length, path).toBeGreaterThan(20);
    expect(head.match(/<link rel="canonical" href="([^"]*)">/)?.[1], path).toBe(path);
    expect(meta("property", "og:title"), path).toBe(title);
    expect(meta("property", "og:description"), path).toBe(description);
    expect(meta("property", "og:type"), path).toBe(path.startsWith("/medborgarlofte/") ? "article" : "website");
    // Without the public origin, no address-bound tags.
    expect(meta("property", "og:url"), path).toBeUndefined();
    expect(meta("property", "og:image"), path).toBeUndefined();
    expect(html).toMatch(/<html lang="sv">/);
  }
});

test("told its public origin, the build writes absolute canonical, og:url and og:image", () => {
  const site = mkdtempSync(join(tmpdir(), "medborgarloften-origin-"));
  try {
    cpSync(join(ROOT, "dist"), site, { recursive: true });
    execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--", site, "/"], {
      cwd: ROOT,
      env: { ...process.env, SITE_URL: "https://medborgarloften.example/" },
    });
    const html = readFileSync(join(site, "medborgarlofte/jonkoping-2020/index.html"), "utf8");
    expect(html).toContain('<link rel="canonical" href="https://medborgarloften.example/medborgarlofte/jonkoping-2020">');
    expect(html).toContain('<meta property="og:url" content="https://medborgarloften.example/medborgarlofte/jonkoping-2020">');
    expect(html).toContain('<meta property="og:image" content="https://medborgarloften.example/icons/icon-512.png">');
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test("nginx answers each path with its own page, and with the shell where there is none", async ({ request }) => {
  const body = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain("text/html");
    expect(response.headers()["cache-control"], path).toBe("no-cache");
    return response.text();
  };
  expect(await body("/kommun/eslov")).toMatch(HEADING("Eslövs kommun"));
  // A query is the app's to apply: the page is the same.
  expect(await body("/?kommun=eslov&q=krog")).toBe(await body("/"));
  for (const shell of ["/sparade", "/kiosk?kommun=jonkoping", "/medborgarlofte/finns-inte", "/finns-inte"]) {
    const html = await body(shell);
    expect(html, shell).toContain('id="app-loading"');
    expect(html, shell).not.toContain("<main");
  }
});

test("where the build rendered no page, the app renders it in the shell", async ({ page }) => {
  const trouble = consoleTrouble(page);
  await open(page, "/medborgarlofte/finns-inte");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  expect(trouble).toEqual([]);
});

test("offline, kept pages are the build's own and the rest open in the shell", async ({ page, context }) => {
  await open(page, "/");
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller));
  await context.setOffline(true);
  const trouble = consoleTrouble(page);
  await rememberServerNodes(page);
  // The lists are kept: their own pages, taken over in place.
  const kept = await page.goto("/kommuner");
  expect(await kept!.text()).toMatch(HEADING("Alla kommuner"));
  await ready(page);
  expect(await serverNodesKept(page)).toMatchObject({ before: true, kept: true });
  // A kommun's page is not: the shell, where the app renders it from the kept data.
  const shell = await page.goto("/kommun/eslov");
  expect(await shell!.text()).toContain('id="app-loading"');
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eslövs kommun");
  await expect(page.getByRole("link", { name: "Medborgarlöften i Eslövs kommun 2016" })).toBeVisible();
  expect(trouble.filter((t) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(t))).toEqual([]);
  await context.setOffline(false);
});
