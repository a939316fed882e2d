import { expect, test } from "@playwright/test";
import { signInRequest } from "./support/fixtures";

test("pages carry a nonce-based Content-Security-Policy and the usual security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1];
  expect(await response.text()).toContain(`nonce="${nonce}"`);
});

test("a cross-site state-changing request is refused and writes nothing", async ({ request }) => {
  await signInRequest(request, "analyst1");
  const count = async () => ((await (await request.get("/api/sources")).json()) as { items: { articleCount: number }[] }).items.reduce((n, s) => n + s.articleCount, 0);
  const before = await count();
  const response = await request.post("/api/articles", {
    headers: { origin: "https://evil.example" },
    data: { source: { name: "CSRF" }, title: "Forged", body: `forged ${Date.now()}` },
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: string }).error).toMatch(/Cross-site request refused/);
  expect(await count()).toBe(before);
});

test("the same request from Slant's own origin goes through", async ({ request, baseURL }) => {
  await signInRequest(request, "analyst1");
  const response = await request.post("/api/articles", {
    headers: { origin: new URL(baseURL!).origin },
    data: { source: { name: "Same origin" }, title: "Fine", body: `same-origin ${Date.now()}` },
  });
  expect(response.status()).toBe(201);
});
