import { expect, type Browser, type Page } from "@playwright/test";

/** Where screenshots go when E2E_SCREENSHOTS_DIR is set (to look at a page at 1024 px and on a phone); otherwise none are taken. */
const SCREENS = process.env.E2E_SCREENSHOTS_DIR;

/** The page at 1024 px and at a phone's width, then back to the default size. */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  for (const [width, label] of [[1024, "1024"], [390, "phone"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A new browser context signed in through the form as someone who is not a demo account. */
export async function signInWith(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  return page;
}
