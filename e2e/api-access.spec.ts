import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Walks app/api so that a new route is covered the day it is added.
type RouteCase = { file: string; url: string; method: string };
// Accepting an invitation needs no session: the link is the credential (e2e/access-matrix.spec.ts pins it).
const PUBLIC = new Set(["/api/health", "/api/auth/[...nextauth]", "/api/invitations/[token]"]);
const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

const cases: RouteCase[] = routeFiles("app/api").flatMap((file) => {
  const pattern = "/" + path.dirname(file).split(path.sep).slice(1).join("/");
  if (PUBLIC.has(pattern)) return [];
  const url = pattern.replace(/\[[^\]]+\]/g, SAMPLE_ID);
  const source = readFileSync(file, "utf8");
  const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
  return methods.map((method) => ({ file, url, method }));
});

test("the API has routes to check", () => {
  expect(cases.length).toBeGreaterThanOrEqual(4);
});

for (const { file, url, method } of cases) {
  test(`anonymous ${method} ${url} gets 401 with a JSON error (${file})`, async ({ request }) => {
    const response = await request.fetch(url, { method, data: method === "GET" ? undefined : {} });
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/sign in/i);
  });
}

test("GET /api/health answers without a session", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; database: string };
  expect(body.status).toBe("ok");
  expect(["embedded", "postgres"]).toContain(body.database);
});
