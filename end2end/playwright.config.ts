import { defineConfig, devices } from "@playwright/test";

// The release build in ../dist, served by nginx with the production server block
// (scripts/serve.sh), driven in Debian's Chromium (no browser download on these machines).
const port = Number(process.env.E2E_PORT ?? 4173);
// tests/hostile-input.spec.ts makes up new inputs each run from this seed; its failures name it,
// and FUZZ_SEED=… repeats them. Set here, once, so every worker draws the same ones.
process.env.FUZZ_SEED ??= String(Date.now() % 1_000_000);

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "off",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Mobile first: every spec runs at phone size with touch.
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } } },
    // Specs tagged @wide also run on a desktop and a 1920×1080 kiosk screen.
    { name: "desktop", grep: /@wide/, use: { viewport: { width: 1280, height: 800 } } },
    { name: "kiosk", grep: /@wide/, use: { viewport: { width: 1920, height: 1080 }, hasTouch: true } },
  ],
  webServer: [
    {
      command: `bash ../scripts/serve.sh ../dist ${port} /`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The same app built for a sub-path (make test builds dist-sub with --public-url).
      command: `bash ../scripts/serve.sh ../dist-sub ${port + 1} /medborgarloften/`,
      url: `http://127.0.0.1:${port + 1}/medborgarloften/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
