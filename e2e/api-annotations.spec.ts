import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { AccountName } from "./support/accounts";
import { signInRequest } from "./support/fixtures";

type Annotation = { id: string; version: number; label: string; quote: string; start: number; end: number };

async function as(account: AccountName, baseURL: string | undefined): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  await signInRequest(context, account);
  return context;
}

/** A fresh article (with emoji, so offsets are code points) owned by nobody else's tests. */
async function freshArticle(api: APIRequestContext) {
  const body = `👍🏽 Activists confirmed that so-called rebels, so-called, so-called. ${randomBytes(4).toString("hex")}`;
  const response = await api.post("/api/articles", { data: { source: { name: "E2E Annotations" }, title: "Annotated", body } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
const list = async (api: APIRequestContext, articleId: string, annotator = "me") =>
  (await (await api.get(`/api/articles/${articleId}/annotations?annotator=${annotator}`)).json()) as { items: Annotation[] };

test.describe("annotations API", () => {
  let owner: APIRequestContext;
  let other: APIRequestContext;
  let reviewer: APIRequestContext;
  test.beforeAll(async ({ baseURL }) => {
    [owner, other, reviewer] = await Promise.all([as("analyst1", baseURL), as("analyst2", baseURL), as("reviewer", baseURL)]);
  });
  test.afterAll(async () => Promise.all([owner, other, reviewer].map((c) => c.dispose())));

  test("creates with code point offsets (the second of three identical words), then edits and deletes", async () => {
    const articleId = await freshArticle(owner);
    // "👍🏽 " is 3 code points (4 UTF-16 units); the second "so-called" starts at code point 46.
    const created = await owner.post(`/api/articles/${articleId}/annotations`, {
      data: { label: "loaded_language", start: 46, end: 55, quote: "so-called", attributes: { connotation: "scare label" } },
    });
    expect(created.status()).toBe(201);
    const a = (await created.json()) as Annotation & { prefix: string; suffix: string };
    expect(a).toMatchObject({ start: 46, end: 55, quote: "so-called", version: 1 });
    expect(a.prefix.endsWith("so-called rebels, ")).toBe(true);
    expect(a.suffix.startsWith(", so-called.")).toBe(true);

    const patched = await owner.patch(`/api/annotations/${a.id}`, { data: { version: 1, note: "edited" } });
    expect(patched.status()).toBe(200);
    expect(((await patched.json()) as Annotation).version).toBe(2);
    expect((await owner.delete(`/api/annotations/${a.id}`)).status()).toBe(204);
    expect((await list(owner, articleId)).items).toHaveLength(0);
    expect((await owner.post(`/api/annotations/${a.id}/restore`)).status()).toBe(200);
    expect((await list(owner, articleId)).items).toHaveLength(1);
  });

  const invalid: [string, unknown, number][] = [
    ["a quote that is not the text at the offsets", { label: "claim", start: 0, end: 5, quote: "Activ" }, 422],
    ["offsets counted in UTF-16 units", { label: "claim", start: 5, end: 14, quote: "Activists" }, 422],
    ["an empty range", { label: "claim", start: 4, end: 4, quote: "A" }, 422],
    ["a reversed range", { label: "claim", start: 10, end: 4, quote: "Activists" }, 422],
    ["a range past the end", { label: "claim", start: 4, end: 9999, quote: "Activists" }, 422],
    ["a negative offset", { label: "claim", start: -1, end: 3, quote: "x" }, 422],
    ["an unknown label", { label: "propaganda", start: 3, end: 12, quote: "Activists" }, 422],
    ["an unknown field", { label: "claim", start: 3, end: 12, quote: "Activists", colour: "red" }, 422],
    ["attributes the label does not have", { label: "claim", start: 3, end: 12, quote: "Activists", attributes: { kind: "vague" } }, 422],
    ["a wrong attribute value", { label: "attribution", start: 3, end: 12, quote: "Activists", attributes: { kind: "rumour" } }, 422],
  ];
  for (const [name, data, status] of invalid) {
    test(`POST with ${name} → ${status} and nothing written`, async () => {
      const articleId = await freshArticle(owner);
      const response = await owner.post(`/api/articles/${articleId}/annotations`, { data });
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(5);
      expect((await list(owner, articleId)).items).toHaveLength(0);
    });
  }

  test("a stale version gets 409 with the current version; nothing is overwritten", async () => {
    const articleId = await freshArticle(owner);
    const a = (await (await owner.post(`/api/articles/${articleId}/annotations`, { data: { label: "claim", start: 3, end: 12, quote: "Activists" } })).json()) as Annotation;
    expect((await owner.patch(`/api/annotations/${a.id}`, { data: { version: 1, note: "tab one" } })).status()).toBe(200);
    const stale = await owner.patch(`/api/annotations/${a.id}`, { data: { version: 1, note: "tab two" } });
    expect(stale.status()).toBe(409);
    expect(((await stale.json()) as { details: { currentVersion: number } }).details.currentVersion).toBe(2);
    expect((await list(owner, articleId)).items[0]).toMatchObject({ version: 2, note: "tab one" });
  });

  test("other analysts may neither see, edit nor delete an analyst's annotations; reviewers may see them", async () => {
    const articleId = await freshArticle(owner);
    const a = (await (await owner.post(`/api/articles/${articleId}/annotations`, { data: { label: "claim", start: 3, end: 12, quote: "Activists" } })).json()) as Annotation;
    expect((await other.patch(`/api/annotations/${a.id}`, { data: { version: 1, note: "mine now" } })).status()).toBe(403);
    expect((await other.delete(`/api/annotations/${a.id}`)).status()).toBe(403);
    expect((await other.get(`/api/articles/${articleId}/annotations?annotator=all`)).status()).toBe(403);
    expect((await list(other, articleId)).items).toHaveLength(0);
    expect((await list(reviewer, articleId, "all")).items.map((x) => x.id)).toEqual([a.id]);
    expect((await reviewer.patch(`/api/annotations/${a.id}`, { data: { version: 1, note: "reviewer edit" } })).status()).toBe(403);
    expect((await list(owner, articleId)).items[0]).toMatchObject({ version: 1 });
  });

  test("the analyst marks an article done, and bad statuses are refused", async () => {
    const articleId = await freshArticle(owner);
    const done = await owner.put(`/api/articles/${articleId}/assignment`, { data: { status: "SUBMITTED" } });
    expect(done.status()).toBe(200);
    expect(((await done.json()) as { status: string }).status).toBe("SUBMITTED");
    expect((await owner.put(`/api/articles/${articleId}/assignment`, { data: { status: "FINISHED" } })).status()).toBe(422);
    expect((await owner.put(`/api/articles/00000000-0000-4000-8000-000000000000/assignment`, { data: { status: "SUBMITTED" } })).status()).toBe(404);
  });
});
