import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { accounts, DEMO_PASSWORD, type AccountName } from "./accounts";

/** Signs an API context in through next-auth's own endpoints, as a script would. */
export async function signInRequest(request: APIRequestContext, account: AccountName, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: accounts[account], password, json: "true" },
    maxRedirects: 0,
  });
  return response;
}

export async function signInPage(page: Page, account: AccountName) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(accounts[account]);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

type Fixtures = { signInAs: (account: AccountName) => Promise<void> };

export const test = base.extend<Fixtures>({
  signInAs: async ({ page }, provide) => {
    await provide((account) => signInPage(page, account));
  },
});
export { expect };
