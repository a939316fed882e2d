import { expect, test } from "@playwright/test";
import { decodeSessionToken, encodeSessionToken } from "../lib/auth/session-token";
import { E2E_AUTH_SECRET } from "./support/accounts";
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

test("sessions expire: a session past its eight hours is refused, the same one within them is accepted", async ({ request, baseURL }) => {
  const signedIn = await signInRequest(request, "analyst1");
  const sessionCookie = (await request.storageState()).cookies.find((c) => c.name === "next-auth.session-token")!;
  expect(signedIn.ok()).toBe(true);
  const hoursLeft = (sessionCookie.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(7.9);
  expect(hoursLeft).toBeLessThanOrEqual(8);

  const claims = await decodeSessionToken({ token: sessionCookie.value, secret: E2E_AUTH_SECRET });
  const session = (now: Date) => encodeSessionToken({ token: { id: claims!.id, role: claims!.role, sid: claims!.sid }, secret: E2E_AUTH_SECRET, maxAgeSeconds: 8 * 60 * 60, now });
  const withCookie = async (token: string) => (await fetch(`${baseURL}/api/labels`, { headers: { cookie: `next-auth.session-token=${token}` } })).status;

  expect(await withCookie(await session(new Date(Date.now() - 7 * 3_600_000)))).toBe(200);
  expect(await withCookie(await session(new Date(Date.now() - 8 * 3_600_000 - 60_000)))).toBe(401);
  const page = await fetch(`${baseURL}/articles`, { headers: { cookie: `next-auth.session-token=${await session(new Date(Date.now() - 9 * 3_600_000))}` }, redirect: "manual" });
  expect(page.status).toBeGreaterThanOrEqual(300);
  expect(page.headers.get("location")).toMatch(/\/sign-in/);
});
