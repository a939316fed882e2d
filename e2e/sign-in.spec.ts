import { expect, test } from "./support/fixtures";

test("a page without a session redirects to sign-in, and back after signing in", async ({ page, signInAs }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Farticles/);
  await signInAs("analyst1");
  await expect(page).toHaveURL(/\/articles$/);
});

test("a wrong password shows a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("analyst2@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email or password is incorrect.");
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in/);
});

// On an account of its own: locking a demo account would lock it for every later test for 15 minutes.
test("repeated failures on one account are rate-limited", async ({ request }) => {
  const email = `locked-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
  let last = "";
  for (let i = 0; i < 6; i++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: `wrong-${i}`, json: "true" }, maxRedirects: 0 });
    last = response.headers()["location"] ?? (await response.text());
  }
  expect(decodeURIComponent(last)).toMatch(/Too many failed sign-in attempts/);
});

test("the analyst sees both seed articles under their sources and reads one", async ({ page, signInAs }) => {
  await signInAs("analyst1");
  const rows = page.getByRole("row");
  // Other tests add articles as they run, so look for the seeds source by source.
  await page.getByRole("combobox").selectOption({ label: "Al Mayadeen English (1)" });
  await expect(page).toHaveURL(/sourceId=/);
  await expect(rows.filter({ hasText: "Al Mayadeen English" }).filter({ hasText: "Supporters of armed groups attack Turkish checkpoints" })).toHaveCount(1);
  await page.getByRole("combobox").selectOption({ label: "South Front (1)" });
  await expect(rows.filter({ hasText: "South Front" }).filter({ hasText: "Has Damascus’ Time To Recapture Northern Syria Finally Arrived?" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Al Mayadeen English" })).toHaveCount(0);

  await page.getByRole("link", { name: "Has Damascus’ Time To Recapture Northern Syria Finally Arrived?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Has Damascus’ Time To Recapture Northern Syria Finally Arrived?");
  const body = page.getByTestId("article-body");
  await expect(body).toContainText("Chaos is brewing in the Aleppo countryside");
  await expect(body).toContainText("It comes down to speculation, but pro-Turkish groups");
  await expect(body.locator("p")).toHaveCount(14);
});

test("HTML in an article body is shown as text and never runs", async ({ page, signInAs }) => {
  await signInAs("analyst2");
  const payload = `<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <a href="javascript:window.__pwned=3">x</a> ${Date.now()}`;
  const response = await page.request.post("/api/articles", { data: { source: { name: "XSS Test" }, title: "Hostile body", body: payload } });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId("article-body")).toContainText('<img src=x onerror="window.__pwned=1">');
  expect(await page.getByTestId("article-body").locator("img, script, a").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("signing out ends the session", async ({ page, signInAs }) => {
  await signInAs("reviewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in/);
});
