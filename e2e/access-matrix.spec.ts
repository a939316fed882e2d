import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { signInRequest } from "./support/fixtures";

// Every API route × method × role → the status it must answer, run against the
// real app. The route files are enumerated, so a new route without a row here
// fails the suite until someone decides who may call it.

type Role = "anonymous" | "owner" | "other" | "reviewer" | "admin";
const ROLES: Role[] = ["anonymous", "owner", "other", "reviewer", "admin"];
type Ids = { articleId: string; annotationId: string; goldId: string; sourceId: string; unique: string; ownedId?: string };
type Row = {
  route: string;
  method: string;
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** A raw (non-JSON) body and its content type. */
  raw?: { contentType: string; body: (ids: Ids) => string };
  deleted?: boolean;
  /** Something the owner (or, for admin tools, the admin) creates first (an import job, a token, an account): its id becomes `ownedId`. */
  owned?: (owner: APIRequestContext, ids: Ids, admin: APIRequestContext) => Promise<string>;
  expect: [number, number, number, number, number];
};

const readers: Row["expect"] = [401, 200, 200, 200, 200];
const creators: Row["expect"] = [401, 201, 201, 201, 201];
const authorOrAdmin = (ok: number): Row["expect"] => [401, ok, 403, 403, ok];
const reviewers = (ok: number): Row["expect"] => [401, 403, 403, ok, ok];
const admins = (ok: number): Row["expect"] => [401, 403, 403, 403, ok];

const rows: Row[] = [
  { route: "/api/health", method: "GET", url: () => "/api/health", expect: [200, 200, 200, 200, 200] },
  { route: "/api/labels", method: "GET", url: () => "/api/labels", expect: readers },
  { route: "/api/labels", method: "POST", url: () => "/api/labels", body: (i) => ({ key: `matrix_${i.unique}`, name: "Matrix", color: "#2563eb" }), expect: [401, 403, 403, 403, 201] },
  // Claim keeps its place (sortOrder 1): the admin's change is a no-op every other test can ignore.
  { route: "/api/labels/[id]", method: "PATCH", url: (i) => `/api/labels/${i.ownedId}`, owned: claimLabel, body: () => ({ sortOrder: 1 }), expect: [401, 403, 403, 403, 200] },
  { route: "/api/sources", method: "GET", url: () => "/api/sources", expect: readers },
  { route: "/api/articles", method: "GET", url: () => "/api/articles", expect: readers },
  { route: "/api/articles", method: "POST", url: () => "/api/articles", body: (i) => ({ source: { name: "Matrix" }, title: "Matrix", body: `matrix ${i.unique}` }), expect: creators },
  { route: "/api/articles/[id]", method: "GET", url: (i) => `/api/articles/${i.articleId}`, expect: readers },
  { route: "/api/articles/[id]/annotations", method: "GET", url: (i) => `/api/articles/${i.articleId}/annotations`, expect: readers },
  { route: "/api/articles/[id]/annotations", method: "POST", url: (i) => `/api/articles/${i.articleId}/annotations`, body: () => ({ label: "claim", start: 0, end: 9, quote: "Observers" }), expect: creators },
  { route: "/api/articles/[id]/assignment", method: "PUT", url: (i) => `/api/articles/${i.articleId}/assignment`, body: () => ({ status: "SUBMITTED" }), expect: readers },
  { route: "/api/annotations/[id]", method: "PATCH", url: (i) => `/api/annotations/${i.annotationId}`, body: () => ({ version: 1, note: "matrix" }), expect: authorOrAdmin(200) },
  { route: "/api/annotations/[id]", method: "DELETE", url: (i) => `/api/annotations/${i.annotationId}`, expect: authorOrAdmin(204) },
  { route: "/api/annotations/[id]/restore", method: "POST", url: (i) => `/api/annotations/${i.annotationId}/restore`, deleted: true, expect: authorOrAdmin(200) },
  { route: "/api/annotations/[id]/review", method: "PUT", url: (i) => `/api/annotations/${i.annotationId}/review`, body: () => ({ decision: "REJECTED", reason: "matrix" }), expect: reviewers(200) },
  { route: "/api/articles/[id]/agreement", method: "GET", url: (i) => `/api/articles/${i.articleId}/agreement`, expect: reviewers(200) },
  { route: "/api/articles/[id]/gold", method: "GET", url: (i) => `/api/articles/${i.articleId}/gold`, expect: reviewers(200) },
  { route: "/api/articles/[id]/gold", method: "POST", url: (i) => `/api/articles/${i.articleId}/gold`, body: (i) => ({ annotationIds: [i.annotationId] }), expect: reviewers(201) },
  { route: "/api/articles/[id]/gold/accept-agreed", method: "POST", url: (i) => `/api/articles/${i.articleId}/gold/accept-agreed`, expect: reviewers(200) },
  { route: "/api/articles/[id]/gold-status", method: "PUT", url: (i) => `/api/articles/${i.articleId}/gold-status`, body: () => ({ status: "ADJUDICATED", override: { reason: "matrix" } }), expect: reviewers(200) },
  { route: "/api/articles/[id]/comments", method: "GET", url: (i) => `/api/articles/${i.articleId}/comments`, expect: reviewers(200) },
  { route: "/api/articles/[id]/comments", method: "POST", url: (i) => `/api/articles/${i.articleId}/comments`, body: (i) => ({ annotationId: i.annotationId, body: "matrix" }), expect: reviewers(201) },
  { route: "/api/gold/[id]", method: "PATCH", url: (i) => `/api/gold/${i.goldId}`, body: () => ({ version: 1, note: "matrix" }), expect: reviewers(200) },
  { route: "/api/gold/[id]", method: "DELETE", url: (i) => `/api/gold/${i.goldId}`, expect: reviewers(204) },
  { route: "/api/agreement", method: "GET", url: () => "/api/agreement", expect: reviewers(200) },
  { route: "/api/sources", method: "POST", url: () => "/api/sources", body: (i) => ({ name: `Matrix source ${i.unique}` }), expect: creators },
  { route: "/api/sources/stats", method: "GET", url: () => "/api/sources/stats", expect: readers },
  { route: "/api/sources/[id]", method: "GET", url: (i) => `/api/sources/${i.sourceId}`, expect: readers },
  // Editing and deleting sources are admin tools (the sources admin, issue #14).
  { route: "/api/sources/[id]", method: "PATCH", url: (i) => `/api/sources/${i.sourceId}`, body: (i) => ({ description: `edited ${i.unique}` }), expect: admins(200) },
  { route: "/api/sources/[id]", method: "DELETE", url: (i) => `/api/sources/${i.ownedId}`, owned: source, expect: admins(204) },
  { route: "/api/guidelines", method: "GET", url: () => "/api/guidelines", expect: readers },
  // Each cell saves on top of the latest version, read just before.
  // The text saved is the latest unchanged, so a spec running alongside keeps the guideline it wrote.
  { route: "/api/guidelines", method: "PUT", url: () => "/api/guidelines", body: (i) => ({ markdown: latestOf(i).markdown, baseVersion: latestOf(i).number }), owned: latestGuideline, expect: admins(201) },
  { route: "/api/guidelines/versions", method: "GET", url: () => "/api/guidelines/versions", expect: readers },
  { route: "/api/guidelines/diff", method: "GET", url: (i) => `/api/guidelines/diff?from=${latestOf(i).number}&to=${latestOf(i).number}`, owned: savedGuideline, expect: readers },
  { route: "/api/sources/[id]/stats", method: "GET", url: (i) => `/api/sources/${i.sourceId}/stats`, expect: readers },
  { route: "/api/sources/[id]/merge", method: "POST", url: (i) => `/api/sources/${i.ownedId}/merge`, owned: source, body: (i) => ({ intoId: i.sourceId }), expect: [401, 403, 403, 403, 200] },
  // Signed in, a too-short new password is refused before anything is checked or counted (the demo accounts keep theirs).
  { route: "/api/profile/password", method: "PUT", url: () => "/api/profile/password", body: () => ({ currentPassword: "not the password", newPassword: "short" }), expect: [401, 422, 422, 422, 422] },
  { route: "/api/sources/[id]/evidence", method: "GET", url: (i) => `/api/sources/${i.sourceId}/evidence?label=loaded_language`, expect: readers },
  { route: "/api/export", method: "GET", url: (i) => `/api/export?format=jsonl&sourceId=${i.sourceId}`, expect: readers },
  { route: "/api/export/count", method: "GET", url: (i) => `/api/export/count?sourceId=${i.sourceId}`, expect: readers },
  { route: "/api/import", method: "GET", url: () => "/api/import", expect: readers },
  { route: "/api/import", method: "POST", url: () => "/api/import?kind=articles&format=csv&filename=matrix.csv", raw: { contentType: "text/csv", body: (i) => `title,source,body\r\nImported,Matrix,imported ${i.unique}\r\n` }, expect: [401, 202, 202, 202, 202] },
  { route: "/api/import/[id]", method: "GET", url: (i) => `/api/import/${i.ownedId}`, owned: importJob, expect: [401, 200, 404, 200, 200] },
  // Running or already ended, the answer is the job: the owner and admins may cancel, reviewers only look.
  { route: "/api/import/[id]/cancel", method: "POST", url: (i) => `/api/import/${i.ownedId}/cancel`, owned: importJob, expect: [401, 200, 404, 403, 200] },
  { route: "/api/tokens", method: "GET", url: () => "/api/tokens", expect: readers },
  { route: "/api/tokens", method: "POST", url: () => "/api/tokens", body: (i) => ({ name: `matrix ${i.unique}` }), expect: creators },
  { route: "/api/tokens/[id]", method: "DELETE", url: (i) => `/api/tokens/${i.ownedId}`, owned: token, expect: [401, 204, 404, 404, 404] },
  // The admin console: each admin cell acts on an account made for it, never on the demo accounts.
  { route: "/api/admin/users", method: "GET", url: () => "/api/admin/users", expect: admins(200) },
  { route: "/api/admin/users", method: "POST", url: () => "/api/admin/users", body: (i) => ({ email: `matrix-${i.unique}@example.org`, name: "Matrix", role: "ANALYST" }), expect: admins(201) },
  { route: "/api/admin/users/[id]", method: "PATCH", url: (i) => `/api/admin/users/${i.ownedId}`, owned: account, body: () => ({ role: "REVIEWER", active: false }), expect: admins(200) },
  { route: "/api/admin/users/[id]/password-reset", method: "POST", url: (i) => `/api/admin/users/${i.ownedId}/password-reset`, owned: account, body: () => ({}), expect: admins(200) },
  { route: "/api/admin/users/[id]/unlock", method: "POST", url: (i) => `/api/admin/users/${i.ownedId}/unlock`, owned: account, expect: admins(200) },
  { route: "/api/admin/invitations", method: "POST", url: () => "/api/admin/invitations", body: (i) => ({ email: `invited-${i.unique}@example.org` }), expect: admins(201) },
  // The link is the credential: anyone holding a fresh one may use it, signed in or not.
  { route: "/api/invitations/[token]", method: "POST", url: (i) => `/api/invitations/${i.ownedId}`, owned: invitation, body: () => ({ name: "Invited", password: "invited password" }), expect: [201, 201, 201, 201, 201] },
  { route: "/api/admin/profile-fields", method: "GET", url: () => "/api/admin/profile-fields", expect: reviewers(200) },
  { route: "/api/admin/profile-fields", method: "POST", url: () => "/api/admin/profile-fields", body: (i) => ({ key: `m_${i.unique}`, name: "Matrix", type: "TEXT" }), expect: admins(201) },
  { route: "/api/admin/audit", method: "GET", url: () => "/api/admin/audit?entity=user", expect: admins(200) },
  // Campaigns: reviewers and admins run them; only the pool's members pull from a dynamic one (outside analysts get a 404).
  { route: "/api/campaigns", method: "GET", url: () => "/api/campaigns", expect: reviewers(200) },
  { route: "/api/campaigns", method: "POST", url: () => "/api/campaigns", owned: ownerId, body: (i) => ({ name: `Matrix ${i.unique}`, articleIds: [i.articleId], annotatorIds: [i.ownedId], overlap: 1, assignment: "dynamic" }), expect: reviewers(201) },
  { route: "/api/campaigns/[id]", method: "GET", url: (i) => `/api/campaigns/${i.ownedId}`, owned: draftCampaign, expect: reviewers(200) },
  { route: "/api/campaigns/[id]", method: "PATCH", url: (i) => `/api/campaigns/${i.ownedId}`, owned: draftCampaign, body: (i) => ({ description: `edited ${i.unique}` }), expect: reviewers(200) },
  { route: "/api/campaigns/[id]/start", method: "POST", url: (i) => `/api/campaigns/${i.ownedId}/start`, owned: draftCampaign, expect: reviewers(200) },
  { route: "/api/campaigns/[id]/next", method: "POST", url: (i) => `/api/campaigns/${i.ownedId}/next`, owned: runningCampaign, expect: [401, 200, 404, 403, 403] },
  { route: "/api/campaigns/[id]/dashboard", method: "GET", url: (i) => `/api/campaigns/${i.ownedId}/dashboard`, owned: draftCampaign, expect: reviewers(200) },
  { route: "/api/review-queue", method: "GET", url: () => "/api/review-queue", expect: reviewers(200) },
  { route: "/api/work", method: "GET", url: () => "/api/work", expect: readers },
  // The demo accounts keep their names: an empty one is refused before anything is written.
  { route: "/api/profile", method: "PATCH", url: () => "/api/profile", body: () => ({ name: " " }), expect: [401, 422, 422, 422, 422] },
  { route: "/api/profile/sessions", method: "GET", url: () => "/api/profile/sessions", expect: readers },
  // Signing out the demo accounts' sessions would sign out parallel tests; e2e/admin-people.spec.ts ends a real one.
  { route: "/api/profile/sessions/[id]", method: "DELETE", url: () => "/api/profile/sessions/00000000-0000-4000-8000-000000000000", expect: [401, 404, 404, 404, 404] },
];

async function importJob(owner: APIRequestContext, ids: Ids): Promise<string> {
  const response = await owner.post("/api/import?kind=articles&format=csv&filename=owned.csv", { headers: { "content-type": "text/csv" }, data: Buffer.from(`title,source,body\r\nOwned,Matrix,owned ${ids.unique}\r\n`) });
  return ((await response.json()) as { id: string }).id;
}
async function source(owner: APIRequestContext, ids: Ids): Promise<string> {
  const response = await owner.post("/api/sources", { data: { name: `Matrix merge ${ids.unique}` } });
  return ((await response.json()) as { id: string }).id;
}
async function claimLabel(owner: APIRequestContext): Promise<string> {
  const { items } = (await (await owner.get("/api/labels")).json()) as { items: { id: string; key: string }[] };
  return items.find((l) => l.key === "claim")!.id;
}
async function account(_owner: APIRequestContext, ids: Ids, admin: APIRequestContext): Promise<string> {
  const response = await admin.post("/api/admin/users", { data: { email: `owned-${ids.unique}@example.org`, name: "Owned", role: "ADMIN" } });
  return ((await response.json()) as { user: { id: string } }).user.id;
}
async function invitation(_owner: APIRequestContext, ids: Ids, admin: APIRequestContext): Promise<string> {
  const response = await admin.post("/api/admin/invitations", { data: { email: `owned-invite-${ids.unique}@example.org` } });
  return new URL(((await response.json()) as { url: string }).url).pathname.split("/").pop()!;
}
/** The latest guideline version (number 0 before the first), as the owned value: the base a save must name. */
async function latestGuideline(owner: APIRequestContext): Promise<string> {
  const { number, markdown } = (await (await owner.get("/api/guidelines")).json()) as { number: number; markdown: string };
  return JSON.stringify({ number, markdown });
}
const latestOf = (ids: Ids) => JSON.parse(ids.ownedId ?? "{}") as { number: number; markdown: string };
/** The admin's request context, for fixtures only an admin can make. */
let adminRequest: APIRequestContext | undefined;
/** A version that exists: the latest, saved by the admin first when there is none yet. */
async function savedGuideline(owner: APIRequestContext, ids: Ids): Promise<string> {
  if (latestOf({ ...ids, ownedId: await latestGuideline(owner) }).number > 0) return latestGuideline(owner);
  await adminRequest!.put("/api/guidelines", { data: { markdown: `# Matrix ${ids.unique}`, baseVersion: 0 } });
  return latestGuideline(owner);
}
/** The owner's user id (from the span the fixture made as the owner). */
async function ownerId(owner: APIRequestContext, ids: Ids): Promise<string> {
  const { items } = (await (await owner.get(`/api/articles/${ids.articleId}/annotations?annotator=me`)).json()) as { items: { annotator: { id: string } }[] };
  return items[0]!.annotator.id;
}
/** A draft dynamic campaign (k = 1) over the fixture's article with the owner as its pool, made by the admin. */
async function draftCampaign(owner: APIRequestContext, ids: Ids, admin: APIRequestContext): Promise<string> {
  const response = await admin.post("/api/campaigns", { data: { name: `Matrix ${ids.unique}`, articleIds: [ids.articleId], annotatorIds: [await ownerId(owner, ids)], overlap: 1, assignment: "dynamic" } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
async function runningCampaign(owner: APIRequestContext, ids: Ids, admin: APIRequestContext): Promise<string> {
  const id = await draftCampaign(owner, ids, admin);
  expect((await admin.post(`/api/campaigns/${id}/start`)).status()).toBe(200);
  return id;
}
async function token(owner: APIRequestContext, ids: Ids): Promise<string> {
  const response = await owner.post("/api/tokens", { data: { name: `owned ${ids.unique}` } });
  return ((await response.json()) as { id: string }).id;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}
const implemented = routeFiles("app/api").flatMap((file) => {
  const route = "/" + path.dirname(file).split(path.sep).slice(1).join("/");
  if (route === "/api/auth/[...nextauth]") return []; // next-auth's own endpoints, with their CSRF token
  return [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${route}`);
});

test("every API route and method has a row in the access matrix", () => {
  const covered = new Set(rows.map((r) => `${r.method} ${r.route}`));
  expect(implemented.filter((r) => !covered.has(r))).toEqual([]);
  expect([...covered].filter((r) => !implemented.includes(r))).toEqual([]);
});

test.describe("access matrix", () => {
  const contexts = {} as Record<Role, APIRequestContext>;
  test.beforeAll(async ({ baseURL }) => {
    const accounts = { owner: "analyst1", other: "analyst2", reviewer: "reviewer", admin: "admin" } as const;
    for (const role of ROLES) {
      contexts[role] = await playwrightRequest.newContext({ baseURL });
      if (role !== "anonymous") await signInRequest(contexts[role], accounts[role]);
    }
    adminRequest = contexts.admin;
  });
  test.afterAll(async () => Promise.all(ROLES.map((r) => contexts[r].dispose())));

  /** A fresh article with one annotation by the owner and one gold span, so every cell starts clean. */
  async function fixture(row: Row): Promise<Ids> {
    const unique = randomBytes(6).toString("hex");
    const created = await contexts.owner.post("/api/articles", { data: { source: { name: "Matrix" }, title: `Matrix ${unique}`, body: `Observers said the so-called council met. ${unique}` } });
    const { id: articleId, source } = (await created.json()) as { id: string; source: { id: string } };
    const annotationId = (await annotate(contexts.owner, articleId, "loaded_language", "so-called")).id;
    const gold = await contexts.reviewer.post(`/api/articles/${articleId}/gold`, { data: { annotationIds: [annotationId] } });
    const goldId = ((await gold.json()) as { id: string }).id;
    if (row.deleted) expect((await contexts.owner.delete(`/api/annotations/${annotationId}`)).status()).toBe(204);
    const ids: Ids = { articleId, annotationId, goldId, sourceId: source.id, unique };
    if (row.owned) ids.ownedId = await row.owned(contexts.owner, ids, contexts.admin);
    return ids;
  }

  for (const row of rows) {
    test(`${row.method} ${row.route}`, async () => {
      const answered: Record<string, number> = {};
      for (const role of ROLES) {
        const ids = await fixture(row);
        const response = row.raw
          ? await contexts[role].fetch(row.url(ids), { method: row.method, headers: { "content-type": row.raw.contentType }, data: Buffer.from(row.raw.body(ids)) })
          : await contexts[role].fetch(row.url(ids), { method: row.method, data: row.body?.(ids) });
        answered[role] = response.status();
      }
      expect(answered).toEqual(Object.fromEntries(ROLES.map((role, i) => [role, row.expect[i]])));
    });
  }
});

const pages: [string, (ids: Ids) => string, Record<Exclude<Role, "anonymous">, number>][] = [
  ["articles", () => "/articles", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["an article", (i) => `/articles/${i.articleId}`, { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["the compare view", (i) => `/articles/${i.articleId}/compare`, { owner: 403, other: 403, reviewer: 200, admin: 200 }],
  ["the agreement report", () => "/agreement", { owner: 403, other: 403, reviewer: 200, admin: 200 }],
  ["the sources", () => "/sources", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["export", () => "/export", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["import", () => "/import", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["the profile", () => "/profile", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["the labels admin", () => "/admin/labels", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["the admin console", () => "/admin", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["people", () => "/admin/people", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["profile fields", () => "/admin/profile-fields", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["the audit log", () => "/admin/audit", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["the guideline", () => "/guidelines", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
  ["the guideline editor", () => "/admin/guidelines", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["the sources admin", () => "/admin/sources", { owner: 403, other: 403, reviewer: 403, admin: 200 }],
  ["campaigns", () => "/campaigns", { owner: 403, other: 403, reviewer: 200, admin: 200 }],
  ["a campaign", (i) => `/campaigns/${i.ownedId}`, { owner: 403, other: 403, reviewer: 200, admin: 200 }],
  ["the review queue", () => "/review", { owner: 403, other: 403, reviewer: 200, admin: 200 }],
  ["my work", () => "/work", { owner: 200, other: 200, reviewer: 200, admin: 200 }],
];

test("pages: anonymous visitors are sent to sign-in; roles get the page or a 403 page", async ({ browser, baseURL }) => {
  const owner = await playwrightRequest.newContext({ baseURL });
  await signInRequest(owner, "analyst1");
  const created = await owner.post("/api/articles", { data: { source: { name: "Matrix" }, title: "Pages", body: `pages ${randomBytes(6).toString("hex")}` } });
  const ids: Ids = { articleId: ((await created.json()) as { id: string }).id, annotationId: "", goldId: "", sourceId: "", unique: "" };
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin");
  await annotate(owner, ids.articleId, "claim", "pages");
  ids.ownedId = await draftCampaign(owner, ids, admin);
  await admin.dispose();
  const anonymous = await browser.newPage();
  for (const [, url] of pages) {
    await anonymous.goto(url(ids));
    await expect(anonymous).toHaveURL(/\/sign-in\?callbackUrl=/);
  }
  const accounts = { owner: "analyst1", other: "analyst2", reviewer: "reviewer", admin: "admin" } as const;
  for (const role of ["owner", "other", "reviewer", "admin"] as const) {
    const context = await playwrightRequest.newContext({ baseURL });
    await signInRequest(context, accounts[role]);
    for (const [name, url, expected] of pages) {
      expect((await context.get(url(ids))).status(), `${role} on ${name}`).toBe(expected[role]);
    }
    await context.dispose();
  }
  await owner.dispose();
});
