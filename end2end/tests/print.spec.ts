import { test, expect, open } from "./fixtures/app";

test("an agreement prints as a clean document with its source and address", async ({ page }) => {
  await open(page, "/medborgarlofte/eslov-2016");
  await page.emulateMedia({ media: "print" });
  for (const hidden of [page.getByRole("banner"), page.getByRole("navigation"), page.locator(".preferences"), page.getByRole("button").first()]) {
    await expect(hidden).toBeHidden();
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".print-address")).toBeVisible();
  await expect(page.locator(".print-address")).toContainText(`${new URL(page.url()).origin}/medborgarlofte/eslov-2016`);
  await expect(page.getByText("Lokalpolisområde Eslöv och Eslövs kommun lovar att genomföra gemensamma trygghetsvandringar")).toBeVisible();
  await expect(page.locator(".source")).toBeVisible();
  // Links' addresses are printed, since paper cannot be clicked.
  await expect(page.locator(".source")).toContainText(`${new URL(page.url()).origin}/data/sources/003_9d60ccaea8afeb8d.txt`);
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(pdf.length).toBeGreaterThan(10_000);
});
