import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSource, updateSource } from "../../lib/db/articles/sources";
import { db } from "../../lib/db/client";
import { getAgreementReport } from "../../lib/db/figures/agreement-report";
import { diffGuidelineVersions, getGuideline, listGuidelineVersions, saveGuideline } from "../../lib/db/guidelines/guidelines";
import { seedLabels } from "../../lib/db/seed";
import { acceptIntoGold } from "../../lib/db/spans/gold";
import { createAnnotation, listAnnotations } from "../../lib/db/spans/annotations";
import { createSource } from "../../lib/db/articles/sources";
import { loadSeeds } from "../../seeds/load";
import type { Actor } from "../../lib/auth/policy";
import { makeArticle, makeUser, rowCounts, unique } from "../support/factories";

// The guideline is one document for the whole database, and the integration run shares one
// database: every save here is made on top of whatever version is latest when the test runs.

let admin: Actor;
beforeAll(async () => {
  await seedLabels(db(), (await loadSeeds()).labels);
  admin = await makeUser("ADMIN");
});
// Later files' spans would otherwise record a version they never asked for.
afterAll(() => db().$executeRaw`TRUNCATE "GuidelineVersion"`);

const latest = async () => (await getGuideline()).number;
const save = async (markdown: string, baseVersion?: number, note?: string) =>
  saveGuideline({ actor: admin, input: { markdown, baseVersion: baseVersion ?? (await latest()), ...(note ? { note } : {}) } });

describe("guideline versions", () => {
  it("each save is a new numbered version; a save from an older version is refused and writes nothing", async () => {
    const base = await latest();
    const first = await save("# Guideline\n\n## Loaded language\nOld wording.\n", base, "first draft");
    expect(first).toMatchObject({ number: base + 1, note: "first draft", author: { id: admin.id, name: admin.name } });
    const second = await save("# Guideline\n\n## Loaded language\nNew wording.\n", first.number);
    expect(second.number).toBe(base + 2);

    const before = await rowCounts();
    await expect(save("stale edit", first.number)).rejects.toMatchObject({ code: "CONFLICT", details: { baseVersion: first.number, latest: second.number } });
    expect(await rowCounts()).toEqual(before);
    expect((await getGuideline()).markdown).toContain("New wording.");

    expect((await getGuideline({ version: first.number })).markdown).toContain("Old wording.");
    await expect(getGuideline({ version: second.number + 100 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listGuidelineVersions()).slice(0, 2).map((v) => [v.number, v.note])).toEqual([[second.number, null], [first.number, "first draft"]]);
    expect(await diffGuidelineVersions({ from: first.number, to: second.number })).toMatchObject({
      added: 1,
      removed: 1,
      lines: expect.arrayContaining([{ kind: "removed", text: "Old wording." }, { kind: "added", text: "New wording." }]) as unknown,
    });
    const audit = await db().auditEvent.findFirst({ where: { action: "guideline.update", entityId: String(second.number) } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "Guideline" });
  });

  it("two saves of the same version at once: exactly one is kept, the other is a 409", async () => {
    const base = await latest();
    const results = await Promise.allSettled([save("admin one's text", base), save("admin two's text", base)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await latest()).toBe(base + 1);
  });

  it("only admins save; a stored version cannot be changed", async () => {
    const [analyst, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("REVIEWER")]);
    for (const actor of [analyst, reviewer]) {
      await expect(saveGuideline({ actor, input: { markdown: "mine", baseVersion: await latest() } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await save("immutable");
    await expect(db().$executeRaw`UPDATE "GuidelineVersion" SET markdown = 'rewritten' WHERE number = ${await latest()}`).rejects.toThrow(/immutable/);
  });
});

describe("spans record the guideline in force", () => {
  it("a span and a gold span record the latest version when made; the API returns it", async () => {
    const [analyst, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("REVIEWER")]);
    const article = await makeArticle(analyst, { body: `The so-called council met. ${unique("x")}` });
    const v1 = await save("## Loaded language\nv-a");
    const early = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "loaded_language", start: 4, end: 13, quote: "so-called" } });
    const v2 = await save("## Loaded language\nv-b");
    const late = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start: 14, end: 21, quote: "council" } });
    expect([early.guidelineVersion, late.guidelineVersion]).toEqual([v1.number, v2.number]);
    const listed = await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } });
    expect(listed.map((a) => a.guidelineVersion).sort()).toEqual([v1.number, v2.number].sort());
    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [early.id] });
    expect(await db().goldAnnotation.findUnique({ where: { id: gold.id }, select: { guidelineVersion: true } })).toEqual({ guidelineVersion: v2.number });
  });
});

describe("agreement split by guideline version", () => {
  it("counts an article for a version only when all its spans were made under it", async () => {
    const [a, b, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("ANALYST"), makeUser("REVIEWER")]);
    const source = unique("Guideline split");
    const body = "The so-called council met. Activists said so.";
    const [underOld, underNew, mixed] = await Promise.all([1, 2, 3].map((n) => makeArticle(a, { source, body: `${body} ${unique(String(n))}` })));
    const tag = (actor: Actor, articleId: string, start = 4, end = 13, quote = "so-called") => createAnnotation({ actor, articleId, input: { label: "loaded_language", start, end, quote } });

    const old = await save("## Loaded language\nold");
    await tag(a, underOld!.id);
    await tag(b, underOld!.id, 4, 8, "so-c");
    await tag(a, mixed!.id);
    const fresh = await save("## Loaded language\nnew");
    await tag(a, underNew!.id);
    await tag(b, underNew!.id);
    await tag(b, mixed!.id);

    const report = (guidelineVersion?: number) =>
      getAgreementReport({ actor: reviewer, query: { sourceId: underOld!.source.id, ...(guidelineVersion ? { guidelineVersion } : {}) }, waitMs: Infinity });
    const f1 = async (version?: number) => (await report(version)).byLabel.find((r) => r.key === "loaded_language")?.f1Exact;
    expect((await report()).articlesCompared).toBe(3);
    expect(await report(old.number)).toMatchObject({ articlesCompared: 1 });
    expect(await f1(old.number)).toMatchObject({ mean: 0, defined: 1 });
    expect(await report(fresh.number)).toMatchObject({ articlesCompared: 1 });
    expect(await f1(fresh.number)).toMatchObject({ mean: 1, defined: 1 });
  });
});

describe("sources admin", () => {
  it("a source with articles is not deleted (409, nothing written); one without is, audited; only admins delete or edit", async () => {
    const [analyst, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("REVIEWER")]);
    const withArticles = (await makeArticle(admin, { source: unique("Busy source") })).source;
    const empty = await createSource({ actor: admin, input: { name: unique("Empty source"), homepage: "https://empty.example/" } });

    const before = await rowCounts();
    await expect(deleteSource({ actor: admin, id: withArticles.id })).rejects.toMatchObject({ code: "CONFLICT", details: { articleCount: 1 } });
    expect(await rowCounts()).toEqual(before);
    for (const actor of [analyst, reviewer]) {
      await expect(deleteSource({ actor, id: empty.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateSource({ actor, id: empty.id, input: { description: "mine" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    expect(await updateSource({ actor: admin, id: empty.id, input: { domain: "empty.example" } })).toMatchObject({ domain: "empty.example" });
    await deleteSource({ actor: admin, id: empty.id });
    expect(await db().source.findUnique({ where: { id: empty.id } })).toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { action: "source.delete", entityId: empty.id } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { name: empty.name, domain: "empty.example" } });
    await expect(deleteSource({ actor: admin, id: empty.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
