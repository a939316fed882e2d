import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { EXPORT_FORMAT_KEYS } from "../lib/schemas/datasets";
import { annotate, spanOf } from "./support/annotate-api";
import { signInRequest } from "./support/fixtures";

// Blind means blind, on every path (issue #12 §3). Analyst A plants a span
// with a recognisable quote, speaker, connotation and note (and a reviewer
// puts it into gold and discusses it); analyst B, in each state in which B
// may still annotate the article, asks every API route and every page for
// everything it can name, and no answer may contain what A planted. The
// routes and pages are enumerated from app/, so a new one without a row here
// fails the suite until someone decides what B sends it.
//
// The quote itself is in the article text B reads, so it is planted in mixed
// case and looked for as the figures key it: lower-cased (top expressions,
// evidence filters). Speakers are looked for as written and lower-cased.

type Plant = {
  unique: string;
  articleId: string;
  sourceId: string;
  /** A second source, for the compare page. */
  otherSourceId: string;
  annotationIds: string[];
  goldId: string;
  aId: string;
  bId: string;
  reviewerId: string;
  importJobId: string;
  secrets: string[];
};
type Req = { method: string; url: string; data?: unknown; raw?: { contentType: string; body: string } };

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return search.size ? `?${search}` : "";
};
/** Every basis B can name: the default, the pooled ones, B, A and the reviewer. */
const bases = (p: Plant) => [undefined, "all", "gold", p.bId, p.aId, p.reviewerId];
const get = (url: string): Req => ({ method: "GET", url });
/** A campaign id that names none: B is refused before the campaign is looked up, or told it does not exist. */
const NO_CAMPAIGN = "00000000-0000-4000-8000-00000000ca4e";

const exportFilters = (p: Plant) => [{}, { sourceId: p.sourceId }, { annotator: p.aId }, { annotator: p.bId }, { gold: "1" }, { pseudonymize: "1" }, { label: "attribution" }];
const evidenceFilters = (p: Plant) => [
  {},
  { label: "loaded_language" },
  { label: "attribution" },
  { articleId: p.articleId },
  { label: "loaded_language", expression: p.secrets[0] },
  { label: "attribution", speaker: p.secrets[1] },
  { label: "attribution", kind: "named" },
];

/** What B sends each route: reads with every variant, writes aimed at A's work (all must be refused). */
const apiRequests: Record<string, (p: Plant) => Req[]> = {
  "GET /api/health": () => [get("/api/health")],
  "GET /api/labels": () => [get("/api/labels")],
  "POST /api/labels": () => [{ method: "POST", url: "/api/labels", data: { key: "leak_probe", name: "Leak probe", color: "#1d4ed8" } }],
  "PATCH /api/labels/[id]": (p) => [{ method: "PATCH", url: `/api/labels/${p.aId}`, data: { name: "x" } }],
  "GET /api/sources": () => [get("/api/sources")],
  "POST /api/sources": () => [{ method: "POST", url: "/api/sources", data: {} }],
  "GET /api/sources/stats": (p) => bases(p).flatMap((basis) => [get(`/api/sources/stats${query({ basis })}`), get(`/api/sources/stats${query({ basis, from: "2000-01", to: "2100-12" })}`)]),
  "GET /api/sources/[id]": (p) => [get(`/api/sources/${p.sourceId}`)],
  "PATCH /api/sources/[id]": (p) => [{ method: "PATCH", url: `/api/sources/${p.sourceId}`, data: {} }],
  "DELETE /api/sources/[id]": (p) => [{ method: "DELETE", url: `/api/sources/${p.sourceId}` }],
  "GET /api/guidelines": () => [get("/api/guidelines"), get("/api/guidelines?version=1")],
  "PUT /api/guidelines": () => [{ method: "PUT", url: "/api/guidelines", data: {} }],
  "GET /api/guidelines/versions": () => [get("/api/guidelines/versions")],
  "GET /api/guidelines/diff": () => [get("/api/guidelines/diff?from=1&to=2")],
  "POST /api/sources/[id]/merge": (p) => [{ method: "POST", url: `/api/sources/${p.sourceId}/merge`, data: { intoId: p.otherSourceId } }],
  "GET /api/sources/[id]/stats": (p) => bases(p).flatMap((basis) => [get(`/api/sources/${p.sourceId}/stats${query({ basis })}`), get(`/api/sources/${p.sourceId}/stats${query({ basis, from: "2000-01" })}`)]),
  "GET /api/sources/[id]/evidence": (p) => bases(p).flatMap((basis) => evidenceFilters(p).map((f) => get(`/api/sources/${p.sourceId}/evidence${query({ basis, ...f })}`))),
  "GET /api/articles": (p) => [get("/api/articles"), get(`/api/articles?sourceId=${p.sourceId}`)],
  "POST /api/articles": () => [{ method: "POST", url: "/api/articles", data: {} }],
  "GET /api/articles/[id]": (p) => [get(`/api/articles/${p.articleId}`)],
  "GET /api/articles/[id]/annotations": (p) => ["me", "all", p.aId, p.reviewerId].map((annotator) => get(`/api/articles/${p.articleId}/annotations?annotator=${annotator}`)),
  "POST /api/articles/[id]/annotations": (p) => [{ method: "POST", url: `/api/articles/${p.articleId}/annotations`, data: { label: "claim", start: 0, end: 3, quote: "not the text" } }],
  "PUT /api/articles/[id]/assignment": (p) => [
    { method: "PUT", url: `/api/articles/${p.articleId}/assignment`, data: { status: "BOGUS" } },
    { method: "PUT", url: `/api/articles/${p.articleId}/assignment`, data: { status: "SUBMITTED", userId: p.aId } },
  ],
  "GET /api/articles/[id]/agreement": (p) => [get(`/api/articles/${p.articleId}/agreement`)],
  "GET /api/articles/[id]/gold": (p) => [get(`/api/articles/${p.articleId}/gold`)],
  "POST /api/articles/[id]/gold": (p) => [{ method: "POST", url: `/api/articles/${p.articleId}/gold`, data: { annotationIds: p.annotationIds } }],
  "POST /api/articles/[id]/gold/accept-agreed": (p) => [{ method: "POST", url: `/api/articles/${p.articleId}/gold/accept-agreed` }],
  "PUT /api/articles/[id]/gold-status": (p) => [{ method: "PUT", url: `/api/articles/${p.articleId}/gold-status`, data: { status: "ADJUDICATED" } }],
  "GET /api/articles/[id]/comments": (p) => [get(`/api/articles/${p.articleId}/comments`)],
  "POST /api/articles/[id]/comments": (p) => [{ method: "POST", url: `/api/articles/${p.articleId}/comments`, data: { annotationId: p.annotationIds[0], body: "b" } }],
  "PATCH /api/annotations/[id]": (p) => p.annotationIds.map((id) => ({ method: "PATCH", url: `/api/annotations/${id}`, data: { version: 1, note: "b" } })),
  "DELETE /api/annotations/[id]": (p) => p.annotationIds.map((id) => ({ method: "DELETE", url: `/api/annotations/${id}` })),
  "POST /api/annotations/[id]/restore": (p) => p.annotationIds.map((id) => ({ method: "POST", url: `/api/annotations/${id}/restore` })),
  "PUT /api/annotations/[id]/review": (p) => [{ method: "PUT", url: `/api/annotations/${p.annotationIds[0]}/review`, data: { decision: "ACCEPTED" } }],
  "PATCH /api/gold/[id]": (p) => [{ method: "PATCH", url: `/api/gold/${p.goldId}`, data: { version: 1, note: "b" } }],
  "DELETE /api/gold/[id]": (p) => [{ method: "DELETE", url: `/api/gold/${p.goldId}` }],
  "GET /api/agreement": (p) => [get("/api/agreement"), get(`/api/agreement?sourceId=${p.sourceId}`), get("/api/agreement?guidelineVersion=1")],
  "GET /api/export": (p) =>
    EXPORT_FORMAT_KEYS.flatMap((format) => [...exportFilters(p), { annotationsOnly: "1" }, { csvSafe: "0" }].map((f) => get(`/api/export${query({ format, ...f })}`))),
  "GET /api/export/count": (p) => exportFilters(p).map((f) => get(`/api/export/count${query(f)}`)),
  "GET /api/import": () => [get("/api/import")],
  "POST /api/import": () => [{ method: "POST", url: "/api/import?kind=bogus&format=csv&filename=b.csv", raw: { contentType: "text/csv", body: "title,source,body\r\n" } }],
  "GET /api/import/[id]": (p) => [get(`/api/import/${p.importJobId}`)],
  "POST /api/import/[id]/cancel": (p) => [{ method: "POST", url: `/api/import/${p.importJobId}/cancel` }],
  "PUT /api/profile/password": () => [{ method: "PUT", url: "/api/profile/password", data: {} }],
  "GET /api/tokens": () => [get("/api/tokens")],
  "POST /api/tokens": () => [{ method: "POST", url: "/api/tokens", data: {} }],
  "DELETE /api/tokens/[id]": () => [{ method: "DELETE", url: "/api/tokens/00000000-0000-4000-8000-000000000000" }],
  "PATCH /api/profile": () => [{ method: "PATCH", url: "/api/profile", data: {} }],
  "GET /api/profile/sessions": () => [get("/api/profile/sessions")],
  "DELETE /api/profile/sessions/[id]": () => [{ method: "DELETE", url: "/api/profile/sessions/00000000-0000-4000-8000-000000000000" }],
  // The admin console: every read B might try (the audit log holds A's spans before and after), every write aimed at A.
  "GET /api/admin/users": () => [get("/api/admin/users")],
  "POST /api/admin/users": () => [{ method: "POST", url: "/api/admin/users", data: {} }],
  "PATCH /api/admin/users/[id]": (p) => [{ method: "PATCH", url: `/api/admin/users/${p.aId}`, data: { active: false } }],
  "POST /api/admin/users/[id]/password-reset": (p) => [{ method: "POST", url: `/api/admin/users/${p.aId}/password-reset`, data: {} }],
  "POST /api/admin/users/[id]/unlock": (p) => [{ method: "POST", url: `/api/admin/users/${p.aId}/unlock` }],
  "POST /api/admin/invitations": () => [{ method: "POST", url: "/api/admin/invitations", data: {} }],
  "POST /api/invitations/[token]": () => [{ method: "POST", url: `/api/invitations/${"x".repeat(43)}`, data: { name: "B", password: "b's password" } }],
  "GET /api/admin/profile-fields": () => [get("/api/admin/profile-fields")],
  "POST /api/admin/profile-fields": () => [{ method: "POST", url: "/api/admin/profile-fields", data: {} }],
  // Campaigns: B is in none of them; every write is refused, the reads are reviewers' or B's own.
  "GET /api/campaigns": () => [get("/api/campaigns")],
  "POST /api/campaigns": (p) => [{ method: "POST", url: "/api/campaigns", data: { name: "B's", articleIds: [p.articleId], annotatorIds: [p.bId], overlap: 1, assignment: "static" } }],
  "GET /api/campaigns/[id]": () => [get(`/api/campaigns/${NO_CAMPAIGN}`)],
  "PATCH /api/campaigns/[id]": () => [{ method: "PATCH", url: `/api/campaigns/${NO_CAMPAIGN}`, data: { description: "b" } }],
  "POST /api/campaigns/[id]/start": () => [{ method: "POST", url: `/api/campaigns/${NO_CAMPAIGN}/start` }],
  "POST /api/campaigns/[id]/next": () => [{ method: "POST", url: `/api/campaigns/${NO_CAMPAIGN}/next` }],
  "GET /api/campaigns/[id]/dashboard": () => [get(`/api/campaigns/${NO_CAMPAIGN}/dashboard`)],
  "GET /api/review-queue": () => [get("/api/review-queue"), get(`/api/review-queue?campaignId=${NO_CAMPAIGN}`)],
  "GET /api/work": () => [get("/api/work")],
  "GET /api/admin/audit": (p) => [get("/api/admin/audit"), get(`/api/admin/audit?actor=${p.aId}`), get(`/api/admin/audit?entity=annotation&format=csv`)],
};

/** Every page, with every basis B can name (the source pages' CSV downloads and charts are built from what the page carries). */
const pageRequests: Record<string, (p: Plant) => string[]> = {
  "/": () => ["/"],
  "/sign-in": () => ["/sign-in"],
  "/articles": (p) => ["/articles", `/articles?sourceId=${p.sourceId}`],
  "/articles/[articleId]": (p) => [`/articles/${p.articleId}`],
  "/articles/[articleId]/compare": (p) => [`/articles/${p.articleId}/compare`],
  "/agreement": (p) => ["/agreement", `/agreement?sourceId=${p.sourceId}`],
  "/sources": (p) => bases(p).map((basis) => `/sources${query({ basis })}`),
  "/sources/[sourceId]": (p) => bases(p).map((basis) => `/sources/${p.sourceId}${query({ basis })}`),
  "/sources/compare": (p) => bases(p).map((basis) => `/sources/compare${query({ ids: `${p.sourceId},${p.otherSourceId}`, basis })}`),
  "/export": () => ["/export"],
  "/import": () => ["/import"],
  "/profile": () => ["/profile"],
  "/admin": () => ["/admin"],
  "/admin/people": () => ["/admin/people"],
  "/admin/profile-fields": () => ["/admin/profile-fields"],
  "/admin/audit": (p) => ["/admin/audit", `/admin/audit?actor=${p.aId}`],
  "/admin/labels": () => ["/admin/labels"],
  "/invite/[token]": () => [`/invite/${"x".repeat(43)}`],
  "/guidelines": () => ["/guidelines", "/guidelines?version=1"],
  "/admin/guidelines": () => ["/admin/guidelines"],
  "/admin/sources": () => ["/admin/sources"],
  "/campaigns": () => ["/campaigns"],
  "/campaigns/[id]": () => [`/campaigns/${NO_CAMPAIGN}`],
  "/work": () => ["/work"],
  "/review": () => ["/review"],
};

function files(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, name) : entry === name ? [full] : [];
  });
}
const segments = (file: string) => path.dirname(file).split(path.sep).slice(1).filter((s) => !/^\(.*\)$/.test(s));
const apiRoutes = files("app/api", "route.ts").flatMap((file) => {
  const route = "/" + ["api", ...segments(file).slice(1)].join("/");
  if (route === "/api/auth/[...nextauth]") return []; // next-auth's own endpoints: sign-in, session, csrf
  return [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${route}`);
});
const pages = files("app", "page.tsx").map((file) => "/" + segments(file).join("/"));

test("every API route and page has its row in the leak test", () => {
  expect(apiRoutes.filter((r) => !(r in apiRequests))).toEqual([]);
  expect(Object.keys(apiRequests).filter((r) => !apiRoutes.includes(r))).toEqual([]);
  expect(pages.filter((p) => !(p in pageRequests))).toEqual([]);
  expect(Object.keys(pageRequests).filter((p) => !pages.includes(p))).toEqual([]);
});

/** The text of a response: zips (brat) unpacked, so that nothing hides in compression. */
async function textOf(response: APIResponse): Promise<string> {
  const body = await response.body();
  if (response.headers()["content-type"]?.startsWith("application/zip") && response.status() === 200) {
    return Object.entries(unzipSync(new Uint8Array(body))).map(([name, data]) => `${name}\n${strFromU8(data)}`).join("\n");
  }
  return body.toString("utf8");
}

type Counts = Record<string, number>;

test.describe("blind: analyst B never reads analyst A's work on an article B may still annotate", () => {
  test.describe.configure({ timeout: 240_000 });
  let a: APIRequestContext, b: APIRequestContext, reviewer: APIRequestContext;
  let bId = "", otherSourceId = "", importJobId = "";

  test.beforeAll(async ({ baseURL }) => {
    a = await playwrightRequest.newContext({ baseURL });
    b = await playwrightRequest.newContext({ baseURL });
    reviewer = await playwrightRequest.newContext({ baseURL });
    await signInRequest(a, "analyst1");
    await signInRequest(b, "analyst2");
    await signInRequest(reviewer, "reviewer");
    // B's own work elsewhere: B has a layer (and we learn B's id), on another source.
    const unique = randomBytes(4).toString("hex");
    const scratch = await b.post("/api/articles", { data: { source: { name: `Blind elsewhere ${unique}` }, title: `Elsewhere ${unique}`, body: `Elsewhere ${unique}: markets rallied on Monday.` } });
    const { id: scratchId, source } = (await scratch.json()) as { id: string; source: { id: string } };
    otherSourceId = source.id;
    const mine = await b.post(`/api/articles/${scratchId}/annotations`, { data: { label: "claim", ...(await spanOf(b, scratchId, "markets rallied")) } });
    bId = ((await mine.json()) as { annotator: { id: string } }).annotator.id;
    const job = await a.post(`/api/import?kind=articles&format=csv&filename=a.csv`, { headers: { "content-type": "text/csv" }, data: Buffer.from(`title,source,body\r\nA's import ${unique},Blind elsewhere ${unique},imported ${unique}\r\n`) });
    importJobId = ((await job.json()) as { id: string }).id;
  });
  test.afterAll(async () => Promise.all([a, b, reviewer].map((c) => c.dispose())));

  async function plant(): Promise<Plant> {
    const unique = randomBytes(5).toString("hex");
    const quote = `Glorpish Wobbleness ${unique}`;
    const speaker = `Quxley Vantablack ${unique}`;
    const body = `Blind probe ${unique}. The ${quote} spread fast, according to officials in the capital. Prices rose.`;
    const created = await a.post("/api/articles", { data: { source: { name: `Blind ${unique}` }, title: `Blind probe ${unique}`, body, publishedAt: "2024-05-06" } });
    expect(created.status()).toBe(201);
    const { id: articleId, source } = (await created.json()) as { id: string; source: { id: string } };
    const post = async (label: string, text: string, extra: object) => {
      const response = await a.post(`/api/articles/${articleId}/annotations`, { data: { label, ...(await spanOf(a, articleId, text)), ...extra } });
      expect(response.status()).toBe(201);
      return (await response.json()) as { id: string; annotator: { id: string } };
    };
    const loaded = await post("loaded_language", quote, { note: `Plant note ${unique}`, attributes: { connotation: `Plant connotation ${unique}` } });
    const cited = await post("attribution", "according to officials", { note: `Plant note two ${unique}`, attributes: { speaker, kind: "named" } });
    const gold = await reviewer.post(`/api/articles/${articleId}/gold`, { data: { annotationIds: [cited.id] } });
    expect(gold.status()).toBe(201);
    const { id: goldId, adjudicator } = (await gold.json()) as { id: string; adjudicator: { id: string } };
    expect((await reviewer.post(`/api/articles/${articleId}/comments`, { data: { annotationId: loaded.id, body: `Plant comment ${unique}` } })).status()).toBe(201);
    const secrets = [quote.toLowerCase(), speaker, speaker.toLowerCase(), `Plant note ${unique}`, `Plant note two ${unique}`, `Plant connotation ${unique}`, `Plant comment ${unique}`, loaded.id, cited.id, goldId];
    return { unique, articleId, sourceId: source.id, otherSourceId, annotationIds: [loaded.id, cited.id], goldId, aId: loaded.annotator.id, bId, reviewerId: adjudicator.id, importJobId, secrets };
  }

  /** B asks everything; nothing may carry a planted string, answer with a 500, or count A's spans on the article. */
  async function expectNothingLeaks(p: Plant, bOwnCounts: Counts | null) {
    const leaks: string[] = [];
    const check = async (what: string, response: APIResponse) => {
      const text = await textOf(response);
      if (response.status() >= 500) leaks.push(`${what}: ${response.status()}`);
      for (const secret of p.secrets) if (text.includes(secret)) leaks.push(`${what}: contains "${secret}"`);
      return text;
    };
    for (const [route, requests] of Object.entries(apiRequests)) {
      for (const r of requests(p)) {
        const sent = r.raw
          ? b.fetch(r.url, { method: r.method, headers: { "content-type": r.raw.contentType }, data: Buffer.from(r.raw.body) })
          : b.fetch(r.url, { method: r.method, ...(r.data === undefined ? {} : { data: r.data }) });
        // A stream cut short (a refusal after the headers went out) is a failure too, and must not hide the rest.
        const response = await sent.catch((error: unknown) => `${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
        if (typeof response === "string") {
          leaks.push(`${r.method} ${r.url}: ${response}`);
          continue;
        }
        const text = await check(`${r.method} ${r.url}`, response);
        if (r.method !== "GET" && response.status() < 400) leaks.push(`${r.method} ${r.url}: B's attempt on A's work answered ${response.status()}`);
        if (route === "GET /api/sources/[id]/stats" && response.status() === 200) {
          const row = (JSON.parse(text) as { articleRows: { id: string; counts: Counts }[] }).articleRows.find((x) => x.id === p.articleId);
          if (JSON.stringify(row?.counts ?? null) !== JSON.stringify(bOwnCounts)) leaks.push(`${r.url}: counts on the article ${JSON.stringify(row?.counts)} are not B's own`);
        }
      }
    }
    for (const urls of Object.values(pageRequests)) {
      for (const url of urls(p)) await check(`page ${url}`, await b.get(url));
    }
    expect(leaks).toEqual([]);
  }

  test("while B has not started the article", async () => {
    const p = await plant();
    await expectNothingLeaks(p, null);
  });

  test("while B is at work on it", async () => {
    const p = await plant();
    await annotate(b, p.articleId, "claim", "Prices rose");
    await expectNothingLeaks(p, { claim: 1 });
  });

  test("after submitting, B cannot reopen; after a reviewer reopens, B is blind again and compare says so", async () => {
    const p = await plant();
    await annotate(b, p.articleId, "claim", "Prices rose");
    expect((await b.put(`/api/articles/${p.articleId}/assignment`, { data: { status: "SUBMITTED" } })).status()).toBe(200);
    for (const status of ["IN_PROGRESS", "ASSIGNED"]) {
      const attempt = await b.put(`/api/articles/${p.articleId}/assignment`, { data: { status } });
      expect(attempt.status()).toBe(409);
      expect(await attempt.json()).toMatchObject({ code: "SUBMITTED_IS_FINAL" });
    }
    expect((await b.put(`/api/articles/${p.articleId}/assignment`, { data: { status: "IN_PROGRESS", userId: p.bId } })).status()).toBe(409);
    // Nor can B's layer change any more: what B may now read cannot flow back into it.
    const late = await b.post(`/api/articles/${p.articleId}/annotations`, { data: { label: "claim", ...(await spanOf(b, p.articleId, "spread fast")) } });
    expect(late.status()).toBe(409);
    expect(await late.json()).toMatchObject({ code: "SUBMITTED_IS_FINAL" });
    // Submitted, B may now read A's layer on this article (and only there).
    expect(JSON.stringify(await (await b.get(`/api/articles/${p.articleId}/annotations?annotator=all`)).json())).toContain(p.secrets[1]!);

    const reopened = await reviewer.put(`/api/articles/${p.articleId}/assignment`, { data: { status: "IN_PROGRESS", userId: p.bId } });
    expect(reopened.status()).toBe(200);
    expect(await reopened.json()).toMatchObject({ status: "IN_PROGRESS", userId: p.bId, seenOthersWorkAt: expect.any(String) });
    expect(await (await reviewer.get(`/articles/${p.articleId}/compare`)).text()).toContain('data-testid="seen-others-work"');
    await expectNothingLeaks(p, { claim: 1 });
  });
});

test("a page asked for a basis the analyst may not see is the 403 page, never a 500; an unknown one is 404", async ({ baseURL }) => {
  const analyst = await playwrightRequest.newContext({ baseURL });
  const reviewer = await playwrightRequest.newContext({ baseURL });
  await signInRequest(analyst, "analyst1");
  await signInRequest(reviewer, "reviewer");
  const { items } = (await (await analyst.get("/api/sources")).json()) as { items: { id: string }[] };
  const [first, second] = items;
  const reviewerId = await idOf(reviewer);
  const unknown = "00000000-0000-4000-8000-000000000000";
  for (const basis of ["all", "gold", reviewerId]) {
    for (const url of [`/sources?basis=${basis}`, `/sources/${first!.id}?basis=${basis}`, `/sources/compare?ids=${first!.id},${second!.id}&basis=${basis}`]) {
      const response = await analyst.get(url);
      expect(response.status(), url).toBe(403);
      expect(await response.text()).toContain("Not allowed");
    }
  }
  for (const url of [`/sources?basis=${unknown}`, `/sources/${first!.id}?basis=${unknown}`, `/sources/${unknown}`]) {
    expect((await reviewer.get(url)).status(), url).toBe(404);
  }
  expect((await analyst.get(`/sources/${first!.id}`)).status()).toBe(200);
  await Promise.all([analyst.dispose(), reviewer.dispose()]);
});

/** The signed-in user's id. */
async function idOf(api: APIRequestContext): Promise<string> {
  return ((await (await api.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
}

test("in the browser, an analyst's Mark as done asks first, and offers no Reopen afterwards", async ({ browser, baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  await signInRequest(api, "analyst2");
  const unique = randomBytes(4).toString("hex");
  const created = await api.post("/api/articles", { data: { source: { name: `Blind done ${unique}` }, title: `Done ${unique}`, body: `Done ${unique}: the vote passed.` } });
  const { id } = (await created.json()) as { id: string };
  const page = await browser.newPage({ baseURL });
  await page.context().addCookies((await api.storageState()).cookies);
  await page.goto(`/articles/${id}`);
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByRole("button", { name: "Mark as done" })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByText("Done ✓")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Done ✓")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
  expect(((await (await api.put(`/api/articles/${id}/assignment`, { data: { status: "IN_PROGRESS" } })).json()) as { code: string }).code).toBe("SUBMITTED_IS_FINAL");
  await page.close();
  await api.dispose();
});
