import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInPage, signInRequest } from "./support/fixtures";

test("a personal API token works on its own as Authorization: Bearer, and stops working when revoked", async ({ request, playwright, baseURL }) => {
  await signInRequest(request, "analyst2");
  const created = await request.post("/api/tokens", { data: { name: `e2e ${randomBytes(3).toString("hex")}` } });
  expect(created.status()).toBe(201);
  const { id, token, prefix } = (await created.json()) as { id: string; token: string; prefix: string };
  expect(token.startsWith(prefix)).toBe(true);

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    expect((await script.get("/api/articles")).status()).toBe(200);
    const exported = await script.get("/api/export?format=csv");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toMatch(/^text\/csv/);
    const body = `title,source,body\nBy token,E2E token source,${randomBytes(8).toString("hex")} body`;
    const started = await script.post("/api/import?kind=articles&format=csv&filename=token.csv", { headers: { "content-type": "text/csv" }, data: body });
    expect(started.status()).toBe(202);
    const jobId = ((await started.json()) as { id: string }).id;
    await expect.poll(async () => ((await (await script.get(`/api/import/${jobId}`)).json()) as { status: string }).status).toBe("SUCCEEDED");
    expect((await script.get("/api/tokens")).status()).toBe(403); // tokens cannot manage tokens

    const listed = (await (await request.get("/api/tokens")).json()) as { items: { id: string; lastUsedAt: string | null }[] };
    expect(listed.items.find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
    expect((await request.delete(`/api/tokens/${id}`)).status()).toBe(204);
    const refused = await script.get("/api/articles");
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/revoked/);
  } finally {
    await script.dispose();
  }
});

test("a token is managed from the profile page: created, shown once, listed by prefix, revoked", async ({ page }) => {
  await signInPage(page, "analyst1");
  await page.goto("/profile");
  const name = `laptop ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = await page.getByLabel("New token").inputValue();
  expect(shown).toMatch(/^slant_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(shown.slice(0, 12));
  await page.reload();
  await expect(page.getByLabel("New token")).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
});
