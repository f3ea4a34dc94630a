// Look at pages as a person would: node screenshot.mjs BASE_URL OUT_DIR WxH path [path …]
// e.g. node screenshot.mjs http://127.0.0.1:8080 /tmp/shots 390x844 / /kommuner
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const [base, out, size, ...paths] = process.argv.slice(2);
const [width, height] = size.split("x").map(Number);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
const page = await browser.newPage({ viewport: { width, height }, hasTouch: width < 800 || width >= 1920, colorScheme: process.env.SCHEME ?? "light" });
for (const path of paths) {
  await page.goto(base + path);
  await page.waitForSelector("main h1");
  await page.waitForTimeout(200);
  const name = `${out}/${size}${path.replace(/[^a-z0-9]+/gi, "_") || "_root"}.png`;
  await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
  console.log(name);
}
await browser.close();
