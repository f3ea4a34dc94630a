// The conditions every browser measurement of bench/ runs under (DESIGN.md's budgets): an old
// phone on a slow network, in Debian's Chromium.
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
