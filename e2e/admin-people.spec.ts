import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signInPage } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";

const ARTICLE = "Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo";
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");

test("an admin invites an analyst, who opens the link, sets a password and annotates; the link then works no more", async ({ browser }, testInfo) => {
  const email = `invitee-${randomBytes(4).toString("hex")}@example.org`;
  const admin = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
  await signInPage(admin, "admin");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "People" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "People" })).toBeVisible();

  await admin.getByLabel("Email to invite").fill(email);
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByText(email)).toBeVisible();
  await invitee.screenshot({ path: testInfo.outputPath("invite.png") });
  await invitee.getByLabel("Your name").fill("Ines Invited");
  await invitee.getByLabel("Choose a password").fill("ines's own password");
  await invitee.getByLabel("Password again").fill("ines's own password");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByTestId("signed-in-user")).toContainText("Ines Invited");
  await expect(invitee.getByTestId("signed-in-user")).toContainText("analyst");
  await expect(invitee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);

  await invitee.goto("/articles");
  await invitee.getByRole("link", { name: ARTICLE }).click();
  await selectTextWithMouse(invitee, invitee.getByTestId("article-body"), "so-called");
  await expect(invitee.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
  await invitee.keyboard.press("3");
  await saved(invitee);

  // The admin sees the new person with the span they made and their sign-in.
  await admin.reload();
  const row = admin.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Ines Invited");
  await expect(row.getByRole("cell").nth(4)).toHaveText("1");
  await expect(row).not.toContainText("never");

  // A second use of the link is refused with a reason.
  const later = await (await browser.newContext()).newPage();
  await later.goto(link);
  await expect(later.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();

  // Screenshots of the people page at 1024 px and phone width, to look at.
  await admin.screenshot({ path: testInfo.outputPath("admin-people-1024.png"), fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  // Regression: the table's visually hidden "Actions" header once widened the whole page on phones.
  await expect.poll(() => admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.screenshot({ path: testInfo.outputPath("admin-people-phone.png"), fullPage: true });
  await admin.setViewportSize({ width: 1024, height: 900 });

  // The audit log has the invitation and the account it made, filtered by action, and as CSV.
  await admin.goto("/admin/audit");
  await admin.getByLabel("Action").selectOption("invitation.create");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/action=invitation\.create/);
  await expect(admin.getByRole("listitem").filter({ hasText: email })).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: "user.create" })).toHaveCount(0);
  await admin.screenshot({ path: testInfo.outputPath("admin-audit-1024.png"), fullPage: true });
  const csv = await admin.request.get("/api/admin/audit?format=csv&action=invitation.create");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(email);
});

test("an admin creates an account with a temporary password, then resets it: the person's sessions end", async ({ browser, baseURL }) => {
  const email = `created-${randomBytes(4).toString("hex")}@example.org`;
  const admin = await (await browser.newContext()).newPage();
  await signInPage(admin, "admin");
  await admin.goto("/admin/people");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Name", { exact: true }).fill("Carl Created");
  await admin.getByRole("button", { name: "Create account" }).click();
  const temporary = await admin.getByLabel("Temporary password", { exact: true }).inputValue();

  const carl = await (await browser.newContext()).newPage();
  await carl.goto("/sign-in");
  await carl.getByLabel("Email").fill(email);
  await carl.getByLabel("Password").fill(temporary);
  await carl.getByRole("button", { name: "Sign in" }).click();
  await expect(carl.getByTestId("signed-in-user")).toContainText("Carl Created");
  // Carl replaces the temporary password on his profile (the old one is needed).
  await carl.goto("/profile");
  await expect(carl.getByText("this session")).toBeVisible();
  await carl.getByLabel("Current password").fill(temporary);
  await carl.getByLabel("New password", { exact: true }).fill("carl's own password");
  await carl.getByLabel("New password again").fill("carl's own password");
  await carl.getByRole("button", { name: "Change password" }).click();
  await expect(carl.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  // A profile field, set on Carl's row.
  const key = `lean_${randomBytes(3).toString("hex")}`;
  await admin.goto("/admin/profile-fields");
  await admin.getByLabel("Name").fill(`Leaning ${key}`);
  await admin.getByLabel("Key").fill(key);
  await admin.getByLabel("Options (comma-separated)").fill("left, centre, right");
  await admin.getByRole("button", { name: "Add field" }).click();
  await expect(admin.getByRole("cell", { name: key, exact: true })).toBeVisible();
  await admin.goto("/admin/people");
  await admin.getByRole("button", { name: "Profile of Carl Created" }).click();
  await admin.getByRole("form", { name: "Profile of Carl Created" }).getByLabel(`Leaning ${key}`).selectOption("centre");
  await admin.getByRole("button", { name: "Save profile" }).click();
  await expect(admin.getByRole("row").filter({ hasText: email })).toContainText(`Leaning ${key}: centre`);

  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Reset password of Carl Created" }).click();
  await expect(admin.getByLabel("New temporary password")).not.toHaveValue("");
  await expect(admin.getByRole("status").filter({ hasText: "1 session(s) ended" })).toBeVisible();
  await carl.reload();
  await expect(carl).toHaveURL(/\/sign-in/);

  // The last-admin rule cannot be exercised here (other tests need the demo admin and make admins of
  // their own); tests/integration/people.int.test.ts pins it, under concurrency. An unknown account is 404.
  const response = await admin.request.patch(`${baseURL}/api/admin/users/00000000-0000-4000-8000-000000000000`, { data: { role: "ANALYST" } });
  expect(response.status()).toBe(404);
});

test("reviewers and analysts get the forbidden page on the admin console and no Admin link", async ({ browser }) => {
  for (const account of ["reviewer", "analyst1"] as const) {
    const page = await (await browser.newContext()).newPage();
    await signInPage(page, account);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    for (const url of ["/admin", "/admin/people", "/admin/profile-fields", "/admin/audit"]) {
      const response = await page.goto(url);
      expect(response?.status(), `${account} on ${url}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
  }
});
