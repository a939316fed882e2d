import http from "node:http";
import { randomBytes } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { expect, signInRequest, test } from "./support/fixtures";

// Browsers reach the server from different addresses; on one machine the
// loopback range stands in for them (every 127.x.y.z is this host).
const port = Number(process.env.E2E_PORT ?? 3100);
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function call(from: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, localAddress: from, path, method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

type Outcome = "signed-in" | "wrong" | "too-many";
/** One sign-in through next-auth's own endpoints, from the address `from`, as a browser does it. */
async function signInFrom(from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const csrf = await call(from, "/api/auth/csrf", { headers });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await call(from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const said = decodeURIComponent(`${answer.headers.location ?? ""} ${answer.body}`);
  if (/Too many failed sign-in attempts/.test(said)) return "too-many";
  if (/incorrect/.test(said)) return "wrong";
  expect((answer.headers["set-cookie"] ?? []).some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
  return "signed-in";
}
const stranger = () => `nobody-${randomBytes(5).toString("hex")}@example.org`;
const address = () => `127.${1 + (randomBytes(1)[0]! % 200)}.${randomBytes(1)[0]}.${2 + (randomBytes(1)[0]! % 250)}`;

test.describe("sign-in cannot be turned against users", () => {
  test("one address's failed sign-ins do not lock out another, whatever headers it sends", async () => {
    const attacker = address();
    const spoofs = () => ({ "x-forwarded-for": address(), "x-slant-peer": address() });
    for (let i = 0; i < 30; i++) expect(await signInFrom(attacker, stranger(), "guess", spoofs())).toBe("wrong");
    expect(await signInFrom(attacker, stranger(), "guess", spoofs())).toBe("too-many");
    expect(await signInFrom(address(), accounts.analyst2, DEMO_PASSWORD)).toBe("signed-in");
  });

  test("a parallel burst from one address checks no more passwords than the limit", async () => {
    const from = address();
    const outcomes = await Promise.all(Array.from({ length: 60 }, () => signInFrom(from, stranger(), "guess")));
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(30);
    expect(outcomes.filter((o) => o === "too-many")).toHaveLength(30);
  });

  test("a copied session cookie stops working once its owner signs out", async ({ page, signInAs, baseURL }) => {
    await signInAs("reviewer");
    const copy = await playwrightRequest.newContext({ baseURL, storageState: await page.context().storageState() });
    expect((await copy.get("/api/sources")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await copy.get("/api/sources")).status()).toBe(401);
    await copy.dispose();
  });

  test("signing out returns to the host the person used", async ({ page }) => {
    const host = `http://127.0.0.1:${port}`;
    await page.goto(`${host}/sign-in`);
    await page.getByLabel("Email").fill(accounts.analyst1);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${host}/sign-in`);
  });
});

test.describe("dates out of range are a 422, never a 500", () => {
  for (const [date, month] of [
    ["0000-01-01", "0000-01"],
    ["10000-01-01", "10000-01"],
    ["2021-02-30", "2021-13"],
  ]) {
    test(`publishedAt ${date}, stats ${month} and export ranges`, async ({ request }) => {
      await signInRequest(request, "analyst1");
      const article = await request.post("/api/articles", { data: { source: { name: "Dates" }, title: `Dated ${date}`, body: `A body ${randomBytes(6).toString("hex")}.`, publishedAt: date } });
      expect(article.status()).toBe(422);
      expect(JSON.stringify(await article.json())).toMatch(/between 0001-01-01 and 9999-12-31/);
      expect((await request.get(`/api/export?format=jsonl&from=${date}`)).status()).toBe(422);
      expect((await request.get(`/api/export/count?to=${date}`)).status()).toBe(422);
      const stats = await request.get(`/api/sources/stats?from=${month}`);
      expect(stats.status()).toBe(422);
      expect(JSON.stringify(await stats.json())).toMatch(/between 0001-01 and 9999-12/);
    });
  }
});

test("a source name in another spelling is the same source", async ({ request }) => {
  await signInRequest(request, "analyst1");
  const name = `Spelling ${randomBytes(4).toString("hex")}`;
  const created = await request.post("/api/sources", { data: { name } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const again = await request.post("/api/sources", { data: { name: `${name.toUpperCase()}.` } });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ code: "CONFLICT", details: { existing: { id } } });
  const article = await request.post("/api/articles", { data: { source: { name: ` ${name.toLowerCase()} ` }, title: name, body: `Body of ${name}.` } });
  expect(((await article.json()) as { source: { id: string } }).source.id).toBe(id);
});
