import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { signInRequest } from "./support/fixtures";

// Property-based fuzzing of every JSON API: each generated request is broken
// in at least one way (missing or extra fields, wrong types, hostile text,
// bad offsets, unknown labels, malformed or oversized bodies), often next to
// SQL and HTML in the other fields. Every one must get a 4xx with a JSON error,
// never a 5xx, and the data must be exactly as before. Seeded: reproducible.

const SEED = 20261125;
const RUNS_PER_ENDPOINT = 560; // × 9 endpoints, plus the query strings: over 5,000 requests per run

type Ids = { articleId: string; annotationId: string; goldId: string; sourceId: string };
type Spec = {
  name: string;
  method: "POST" | "PUT" | "PATCH";
  as: "analyst" | "reviewer";
  url: (ids: Ids) => string;
  valid: (ids: Ids) => Record<string, unknown>;
  required: string[];
  texts?: string[];
  ints?: string[];
  enums?: string[];
};

const specs: Spec[] = [
  { name: "create article", method: "POST", as: "analyst", url: () => "/api/articles", valid: () => ({ source: { name: "Fuzz target" }, title: "Fuzz", body: "fuzz body" }), required: ["source", "title", "body"], texts: ["title", "body"] },
  { name: "create annotation", method: "POST", as: "analyst", url: (i) => `/api/articles/${i.articleId}/annotations`, valid: () => ({ label: "claim", start: 0, end: 9, quote: "Observers" }), required: ["label", "start", "end", "quote"], texts: ["quote", "note"], ints: ["start", "end"], enums: ["label"] },
  { name: "edit annotation", method: "PATCH", as: "analyst", url: (i) => `/api/annotations/${i.annotationId}`, valid: () => ({ version: 1, note: "n" }), required: ["version"], texts: ["note"], ints: ["version"] },
  { name: "assignment", method: "PUT", as: "analyst", url: (i) => `/api/articles/${i.articleId}/assignment`, valid: () => ({ status: "SUBMITTED" }), required: ["status"], enums: ["status"] },
  { name: "accept into gold", method: "POST", as: "reviewer", url: (i) => `/api/articles/${i.articleId}/gold`, valid: (i) => ({ annotationIds: [i.annotationId] }), required: ["annotationIds"] },
  { name: "edit gold", method: "PATCH", as: "reviewer", url: (i) => `/api/gold/${i.goldId}`, valid: () => ({ version: 1, note: "n" }), required: ["version"], texts: ["note"], ints: ["version"] },
  { name: "review", method: "PUT", as: "reviewer", url: (i) => `/api/annotations/${i.annotationId}/review`, valid: () => ({ decision: "REJECTED", reason: "r" }), required: ["decision", "reason"], texts: ["reason"], enums: ["decision"] },
  { name: "gold status", method: "PUT", as: "reviewer", url: (i) => `/api/articles/${i.articleId}/gold-status`, valid: () => ({ status: "IN_PROGRESS" }), required: ["status"], enums: ["status"] },
  { name: "comment", method: "POST", as: "reviewer", url: (i) => `/api/articles/${i.articleId}/comments`, valid: (i) => ({ annotationId: i.annotationId, body: "b" }), required: ["body"], texts: ["body"] },
];

const sqlAndHtml = fc.constantFrom(`'; DROP TABLE "Annotation"; --`, `" OR 1=1 --`, "<script>alert(1)</script>", `<img src=x onerror="alert(1)">`, "javascript:alert(1)", "{{7*7}}", "${7*7}", "../../etc/passwd");
const invalidText = fc.oneof(
  fc.string().map((s) => `${s}\ud800${s}`),
  fc.string().map((s) => `\udfff${s}`),
  fc.string().map((s) => `${s}\u0000`),
  fc.integer({ min: 500_001, max: 520_000 }).map((n) => "x".repeat(n)),
);
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
const invalidInt = fc.oneof(fc.constantFrom(-1, 1.5, 1e12, -1e12, null, "3", true), fc.double({ noInteger: true }), fc.string());
const deepNesting = fc.integer({ min: 200, max: 4000 }).map((depth) => {
  let v: unknown = "deep";
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
});

type Broken = { body: Buffer | Record<string, unknown>; contentType: string };

function brokenRequests(spec: Spec, ids: Ids): fc.Arbitrary<Broken> {
  const base = spec.valid(ids);
  const json = (body: Record<string, unknown>): Broken => ({ body, contentType: "application/json" });
  // The other fields may carry SQL and HTML: valid text, so they alone would be stored.
  const withHostileNeighbours = (body: Record<string, unknown>) =>
    fc.tuple(fc.constant(body), sqlAndHtml).map(([b, payload]) => {
      const text = (spec.texts ?? []).find((t) => t in b && typeof b[t] === "string");
      return text ? { ...b, [text]: payload } : b;
    });
  const options: fc.Arbitrary<Broken>[] = [
    fc.subarray(spec.required, { minLength: 1 }).chain((drop) => withHostileNeighbours(Object.fromEntries(Object.entries(base).filter(([k]) => !drop.includes(k))))).map(json),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in base) && k !== "__proto__"), fc.oneof(fc.anything(), deepNesting, invalidText)).map(([k, v]) => json({ ...base, [k]: v })),
    fc.tuple(fc.constantFrom(...spec.required), notAString).map(([k, v]) => json({ ...base, [k]: typeof base[k] === "number" ? String(v) : v })),
    fc.constant(Buffer.from('{"broken": ')).map((body) => ({ body, contentType: "application/json" })),
    fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])).map((body) => ({ body, contentType: "application/json" })),
    fc.constant(Buffer.from("a=1&b=2")).map((body) => ({ body, contentType: "application/x-www-form-urlencoded" })),
    fc.constant(null).map(() => json({ ...base, padding: "x".repeat(4_300_000) })),
  ];
  if (spec.texts?.length) options.push(fc.tuple(fc.constantFrom(...spec.texts), invalidText).map(([k, v]) => json({ ...base, [k]: v })));
  if (spec.ints?.length) options.push(fc.tuple(fc.constantFrom(...spec.ints), invalidInt).map(([k, v]) => json({ ...base, [k]: v })));
  if (spec.enums?.length) options.push(fc.tuple(fc.constantFrom(...spec.enums), fc.oneof(fc.string(), sqlAndHtml)).map(([k, v]) => json({ ...base, [k]: `${v}!` })));
  if (spec.ints?.includes("start")) {
    options.push(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 })).map(([s, len]) => json({ ...base, start: s + len, end: s, quote: "x" })));
    options.push(fc.integer({ min: 1_000, max: 5_000_000 }).map((s) => json({ ...base, start: s, end: s + 3, quote: "abc" })));
  }
  // Oversized bodies are costly to send: a small share of the cases.
  return fc.oneof(...options.map((arbitrary, i) => ({ arbitrary, weight: i === 6 ? 1 : 10 })));
}

async function fingerprint(reviewer: APIRequestContext, ids: Ids): Promise<string> {
  const parts = await Promise.all(
    // Only this file writes to the target article and its source, so parallel tests cannot move the fingerprint.
    [`/api/articles/${ids.articleId}/annotations?annotator=all`, `/api/articles/${ids.articleId}/gold`, `/api/articles/${ids.articleId}/comments`, `/api/articles/${ids.articleId}`, `/api/articles?sourceId=${ids.sourceId}&limit=100`].map(async (url) => (await reviewer.get(url)).text()),
  );
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

test.describe("hostile input", () => {
  test.describe.configure({ timeout: 300_000 });
  let analyst: APIRequestContext;
  let reviewer: APIRequestContext;
  let ids: Ids;

  test.beforeAll(async ({ baseURL }) => {
    analyst = await playwrightRequest.newContext({ baseURL });
    reviewer = await playwrightRequest.newContext({ baseURL });
    await signInRequest(analyst, "analyst2");
    await signInRequest(reviewer, "reviewer");
    const body = `Observers said the so-called council met. ${randomBytes(4).toString("hex")}`;
    const { id: articleId, source } = (await (await analyst.post("/api/articles", { data: { source: { name: "Fuzz target" }, title: "Fuzz target", body } })).json()) as { id: string; source: { id: string } };
    const annotationId = (await annotate(analyst, articleId, "loaded_language", "so-called")).id;
    const goldId = ((await (await reviewer.post(`/api/articles/${articleId}/gold`, { data: { annotationIds: [annotationId] } })).json()) as { id: string }).id;
    // Versions move past 1 so that the valid-looking "version: 1" of the generated edits is stale as well.
    await analyst.patch(`/api/annotations/${annotationId}`, { data: { version: 1, note: "v2" } });
    await reviewer.patch(`/api/gold/${goldId}`, { data: { version: 1, note: "v2" } });
    ids = { articleId, annotationId, goldId, sourceId: source.id };
  });
  test.afterAll(async () => Promise.all([analyst.dispose(), reviewer.dispose()]));

  for (const spec of specs) {
    test(`${spec.name}: ${RUNS_PER_ENDPOINT} broken requests, every one a 4xx JSON error, nothing changed`, async () => {
      const client = spec.as === "analyst" ? analyst : reviewer;
      const before = await fingerprint(reviewer, ids);
      await fc.assert(
        fc.asyncProperty(brokenRequests(spec, ids), async ({ body, contentType }) => {
          const response = await client.fetch(spec.url(ids), { method: spec.method, headers: { "content-type": contentType }, data: Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)) });
          const status = response.status();
          const payload = (await response.json().catch(() => null)) as { error?: unknown } | null;
          return status >= 400 && status < 500 && typeof payload?.error === "string" && payload.error.length > 0;
        }),
        { seed: SEED, numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
      );
      expect(await fingerprint(reviewer, ids)).toBe(before);
    });
  }

  test("hostile query strings get a 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("sourceId", "cursor", "limit", "annotator", "label", "from", "to", "x"), fc.oneof(fc.string(), sqlAndHtml), { minKeys: 1 }), async (params) => {
        const query = new URLSearchParams(params as Record<string, string>).toString();
        for (const url of [`/api/articles?${query}`, `/api/articles/${ids.articleId}/annotations?${query}`, `/api/agreement?${query}`]) {
          const status = (await reviewer.get(url)).status();
          if (status >= 500) return false;
        }
        return true;
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
