import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { AccountName } from "./support/accounts";
import { annotate } from "./support/annotate-api";
import { signInRequest } from "./support/fixtures";

async function as(account: AccountName, baseURL: string | undefined): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  await signInRequest(context, account);
  return context;
}

test.describe("adjudication API", () => {
  let analyst: APIRequestContext;
  let reviewer: APIRequestContext;
  let articleId: string;
  let annotationId: string;
  let goldId: string;

  test.beforeAll(async ({ baseURL }) => {
    [analyst, reviewer] = await Promise.all([as("analyst1", baseURL), as("reviewer", baseURL)]);
    const body = `Observers said the so-called council met. ${randomBytes(4).toString("hex")}`;
    articleId = ((await (await analyst.post("/api/articles", { data: { source: { name: "E2E Gold" }, title: "Gold", body } })).json()) as { id: string }).id;
    annotationId = (await annotate(analyst, articleId, "loaded_language", "so-called")).id;
    const gold = await reviewer.post(`/api/articles/${articleId}/gold`, { data: { annotationIds: [annotationId] } });
    expect(gold.status()).toBe(201);
    goldId = ((await gold.json()) as { id: string }).id;
  });
  test.afterAll(async () => Promise.all([analyst.dispose(), reviewer.dispose()]));

  const reviewerOnly: [string, string, (ids: { articleId: string; annotationId: string; goldId: string }) => string, unknown][] = [
    ["GET", "agreement", (i) => `/api/articles/${i.articleId}/agreement`, undefined],
    ["GET", "gold", (i) => `/api/articles/${i.articleId}/gold`, undefined],
    ["POST", "accept into gold", (i) => `/api/articles/${i.articleId}/gold`, "annotation"],
    ["POST", "accept all agreed", (i) => `/api/articles/${i.articleId}/gold/accept-agreed`, undefined],
    ["PUT", "gold status", (i) => `/api/articles/${i.articleId}/gold-status`, { status: "ADJUDICATED" }],
    ["GET", "comments", (i) => `/api/articles/${i.articleId}/comments`, undefined],
    ["POST", "comment", (i) => `/api/articles/${i.articleId}/comments`, "comment"],
    ["PATCH", "gold edit", (i) => `/api/gold/${i.goldId}`, { version: 1, note: "x" }],
    ["DELETE", "gold delete", (i) => `/api/gold/${i.goldId}`, undefined],
    ["PUT", "review", (i) => `/api/annotations/${i.annotationId}/review`, { decision: "REJECTED", reason: "no" }],
  ];
  for (const [method, name, url, body] of reviewerOnly) {
    test(`an analyst gets 403 on ${name} (${method}) and nothing changes`, async () => {
      const data = body === "annotation" ? { annotationIds: [annotationId] } : body === "comment" ? { annotationId, body: "hi" } : body;
      const before = await (await reviewer.get(`/api/articles/${articleId}/gold`)).text();
      const response = await analyst.fetch(url({ articleId, annotationId, goldId }), { method, data });
      expect(response.status()).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/reviewer role/);
      expect(await (await reviewer.get(`/api/articles/${articleId}/gold`)).text()).toBe(before);
    });
  }

  const malformed: [string, string, string, unknown, number][] = [
    ["no annotation ids", "POST", "gold", { annotationIds: [] }, 422],
    ["an id that is not a UUID", "POST", "gold", { annotationIds: ["x"] }, 422],
    ["an annotation of another article", "POST", "gold", { annotationIds: ["00000000-0000-4000-8000-000000000000"] }, 422],
    ["an unknown gold status", "PUT", "gold-status", { status: "DONE" }, 422],
    ["a rejection without a reason", "PUT", "review", { decision: "REJECTED" }, 422],
    ["a gold edit with a stale version", "PATCH", "gold-edit", { version: 99, note: "late" }, 409],
    ["a gold edit with a wrong quote", "PATCH", "gold-edit", { version: 1, start: 0, end: 3, quote: "xyz" }, 422],
    ["a comment on no span", "POST", "comments", { body: "hello" }, 422],
  ];
  for (const [name, method, target, data, status] of malformed) {
    test(`a reviewer sending ${name} gets ${status} and nothing changes`, async () => {
      const url =
        target === "gold-edit" ? `/api/gold/${goldId}` : target === "review" ? `/api/annotations/${annotationId}/review` : `/api/articles/${articleId}/${target}`;
      const before = await (await reviewer.get(`/api/articles/${articleId}/gold`)).text();
      const response = await reviewer.fetch(url, { method, data });
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(5);
      expect(await (await reviewer.get(`/api/articles/${articleId}/gold`)).text()).toBe(before);
    });
  }

  test("the gold annotation keeps where it came from and who adjudicated it", async () => {
    const { items } = (await (await reviewer.get(`/api/articles/${articleId}/gold`)).json()) as { items: { id: string; fromAnnotationIds: string[]; adjudicator: { name: string } }[] };
    expect(items).toEqual([expect.objectContaining({ id: goldId, fromAnnotationIds: [annotationId], adjudicator: expect.objectContaining({ name: "Rhea Reviewer" }) })]);
  });
});
