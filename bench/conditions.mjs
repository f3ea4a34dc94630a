// The conditions every browser measurement of bench/ runs under (DESIGN.md's budgets): an old
// phone on a slow network, in Debian's Chromium; and the first keystroke, which measure.mjs
// times and waterfall.mjs takes apart.
import { devices } from "playwright-core";

// Slow 4G as DESIGN.md states it: 150 ms round trip, 1.6 Mbit/s both ways (bytes per second).
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8, connectionType: "cellular4g" };
export const CPU_SLOWDOWN = 4;
export const PHONE = { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, locale: "sv-SE", timezoneId: "Europe/Stockholm" };

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

// The first keystroke as the budget has it: the start page opened, and "p" pressed in the
// search field as soon as it shows, as a person does. It is answered when the results' live
// region (`[role=status].results-count`) says how many matches there are (`ANSWERED`).
export const ANSWERED = "träff";

/// Open `base`'s start page and press the first key; the moment the field showed.
export async function pressFirstKey(page, base) {
  await page.goto(base + "/", { waitUntil: "commit", timeout: 120_000 });
  const field = page.getByLabel("Sök", { exact: true });
  await field.waitFor({ state: "visible", timeout: 120_000 });
  const fieldAt = await page.evaluate(() => performance.now());
  await field.press("p");
  return fieldAt;
}
