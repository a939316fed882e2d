import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedArticleOf } from "./support/annotate-api";
import { signInRequest } from "./support/fixtures";

const unique = (s: string) => `${s} ${randomBytes(4).toString("hex")}`;

/** Articles in the source the bad requests name: only this file uses it, so parallel tests can't move it. */
const BAD_SOURCE = "E2E bad input";
async function articleTotal(request: APIRequestContext): Promise<number> {
  const { items } = (await (await request.get("/api/sources")).json()) as { items: { name: string; articleCount: number }[] };
  return items.find((s) => s.name === BAD_SOURCE)?.articleCount ?? 0;
}

test.describe("articles API as an analyst", () => {
  test.beforeEach(async ({ request }) => {
    await signInRequest(request, "analyst1");
  });

  test("lists the seed articles under their sources", async ({ request }) => {
    for (const source of ["Al Mayadeen English", "South Front"]) {
      const seed = await seedArticleOf(request, source);
      const response = await request.get(`/api/articles?sourceId=${seed.sourceId}`);
      expect(response.status()).toBe(200);
      const { items } = (await response.json()) as { items: { title: string; source: { name: string }; wordCount: number }[] };
      expect(items).toEqual([expect.objectContaining({ source: expect.objectContaining({ name: source }), wordCount: expect.any(Number) })]);
      expect(items[0]!.wordCount).toBeGreaterThan(100);
    }
  });

  test("creates an article (201), reads it back with its body, and refuses the same text again (409)", async ({ request }) => {
    const body = `${unique("A test article")}\r\n\r\nWith <script>alert(1)</script> in it 👍🏽.`;
    const created = await request.post("/api/articles", { data: { source: { name: "E2E Wire" }, title: "E2E article", body } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = (await (await request.get(`/api/articles/${id}`)).json()) as { body: string; source: { name: string } };
    expect(read.body).toBe(body.replace(/\r\n/g, "\n"));
    expect(read.source.name).toBe("E2E Wire");

    const again = await request.post("/api/articles", { data: { source: { name: "Elsewhere" }, title: "Copy", body } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { details: { existingArticleId: string } }).details.existingArticleId).toBe(id);
  });

  const badRequests: [string, { data?: unknown; body?: string; headers?: Record<string, string> }, number][] = [
    ["malformed JSON", { body: '{"title": ', headers: { "content-type": "application/json" } }, 400],
    ["not JSON at all", { body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415],
    ["an unknown field", { data: { source: { name: BAD_SOURCE }, title: "T", body: unique("b"), extra: 1 } }, 422],
    ["an empty title", { data: { source: { name: BAD_SOURCE }, title: "   ", body: unique("b") } }, 422],
    ["an empty body", { data: { source: { name: BAD_SOURCE }, title: "T", body: " \n " } }, 422],
    ["a body over the size limit", { data: { source: { name: BAD_SOURCE }, title: "T", body: "x".repeat(500_001) } }, 422],
    ["a request over 4 MB", { data: { source: { name: BAD_SOURCE }, title: "T", body: "x".repeat(4_200_000) } }, 413],
    ["an unknown source id", { data: { source: { id: "00000000-0000-4000-8000-000000000000" }, title: "T", body: unique("b") } }, 422],
    ["a non-http url", { data: { source: { name: BAD_SOURCE }, title: "T", body: unique("b"), url: "javascript:alert(1)" } }, 422],
    ["a bad date", { data: { source: { name: BAD_SOURCE }, title: "T", body: unique("b"), publishedAt: "12/08/2021" } }, 422],
  ];
  for (const [name, request_, status] of badRequests) {
    test(`POST /api/articles with ${name} → ${status}, a JSON error, nothing written`, async ({ request }) => {
      const before = await articleTotal(request);
      const response = await request.post("/api/articles", request_.data !== undefined ? { data: request_.data } : { data: Buffer.from(request_.body ?? ""), headers: request_.headers });
      expect(response.status()).toBe(status);
      const body = (await response.json()) as { error: string; code: string; details: unknown };
      expect(body.error.length).toBeGreaterThan(3);
      expect(body.code).toMatch(/^[A-Z_]+$/);
      expect(body).toHaveProperty("details");
      expect(await articleTotal(request)).toBe(before);
    });
  }

  test("bad list queries are refused with 422", async ({ request }) => {
    expect((await request.get("/api/articles?sourceId=not-a-uuid")).status()).toBe(422);
    expect((await request.get("/api/articles?limit=0")).status()).toBe(422);
    expect((await request.get("/api/articles?bogus=1")).status()).toBe(422);
    expect((await request.get("/api/articles/not-a-uuid")).status()).toBe(422);
    expect((await request.get("/api/articles/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  });
});
