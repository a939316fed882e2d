import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "../../lib/db/spans/annotations";
import { getArticle, listArticles } from "../../lib/db/articles/articles";
import { db } from "../../lib/db/client";
import { getCompareData } from "../../lib/db/spans/compare";
import { acceptAgreed, acceptIntoGold, listGold, reviewAnnotation, updateGold } from "../../lib/db/spans/gold";
import { setGoldStatus } from "../../lib/db/spans/gold-status";
import { migrate } from "../../lib/db/migrate";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { freshDatabase } from "../support/fresh-database";
import { makeArticle, makeUser, unique } from "../support/factories";

// Issue #12: gold keeps disagreements visible, adjudication stays true, one gold span per article, label and range.

const BODY = "Activists said the so-called council met. Officials denied it.";

async function scene() {
  await seedLabels(db(), (await loadSeeds()).labels);
  const [a, b, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("ANALYST"), makeUser("REVIEWER")]);
  const article = await makeArticle(a, { body: `${BODY} ${unique("x")}` });
  const tag = (actor: typeof a, label: string, start: number, end: number, quote: string, extra: { attributes?: Record<string, unknown>; note?: string } = {}) =>
    createAnnotation({ actor, articleId: article.id, input: { label, start, end, quote, ...extra } });
  return { a, b, reviewer, article, tag };
}

const auditCount = (entityId: string, action?: string) => db().auditEvent.count({ where: { entityId, ...(action ? { action } : {}) } });

describe("gold keeps disagreements visible", () => {
  it("same range and label with another speaker or kind is an attributes disagreement, and accept-all-agreed leaves it out", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    const x = await tag(a, "attribution", 0, 9, "Activists", { attributes: { speaker: "Activists", kind: "vague" } });
    const y = await tag(b, "attribution", 0, 9, "Activists", { attributes: { speaker: "Activists", kind: "named" } });
    const data = await getCompareData({ actor: reviewer, articleId: article.id });
    const { classifySpans } = await import("../../lib/compare/disagreements");
    const kinds = classifySpans(data.annotations.map((s) => ({ ...s, rater: s.annotatorId })), data.raters.map((r) => r.id));
    expect([kinds.get(x.id), kinds.get(y.id)]).toEqual(["attributes", "attributes"]);
    expect(data.annotations.find((s) => s.id === x.id)?.attributes).toEqual({ speaker: "Activists", kind: "vague" });

    expect(await acceptAgreed({ actor: reviewer, articleId: article.id })).toEqual({ accepted: 0, notesLeftOut: 0, keptExisting: 0 });
    expect(await listGold({ actor: reviewer, articleId: article.id })).toEqual([]);
  });

  it("accepting spans whose attributes differ needs the reviewer's choice; nothing is written without it", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    const x = await tag(a, "attribution", 0, 9, "Activists", { attributes: { speaker: "Activists", kind: "vague" } });
    const y = await tag(b, "attribution", 0, 9, "Activists", { attributes: { speaker: "Activists", kind: "named" } });
    await expect(acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id, y.id] })).rejects.toMatchObject({
      code: "ATTRIBUTES_DIFFER",
      details: { annotations: expect.arrayContaining([expect.objectContaining({ id: x.id, attributes: { speaker: "Activists", kind: "vague" } })]) },
    });
    expect(await listGold({ actor: reviewer, articleId: article.id })).toEqual([]);

    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id, y.id], choice: { attributes: { speaker: "Activists", kind: "vague" }, note: "vague: no one named" } });
    expect(gold).toMatchObject({ attributes: { speaker: "Activists", kind: "vague" }, note: "vague: no one named" });
    expect(gold.fromAnnotationIds.sort()).toEqual([x.id, y.id].sort());
    expect(await auditCount(gold.id, "gold.accept")).toBe(1);
  });

  it("a span accepted from one analyst does not silently absorb another's differing values", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    const x = await tag(a, "attribution", 0, 9, "Activists", { attributes: { speaker: "Activists" } });
    const y = await tag(b, "attribution", 0, 9, "Activists", { attributes: { speaker: "Officials" } });
    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    await expect(acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [y.id] })).rejects.toMatchObject({ code: "ATTRIBUTES_DIFFER", details: { gold: { speaker: "Activists" } } });
    const chosen = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [y.id], choice: { attributes: { speaker: "Officials" } } });
    expect(chosen).toMatchObject({ id: gold.id, attributes: { speaker: "Officials" }, version: 2 });
  });

  it("accept all agreed takes no one analyst's note when the notes differ, and says so", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    await tag(a, "loaded_language", 19, 28, "so-called", { note: "sneer quotes" });
    await tag(b, "loaded_language", 19, 28, "so-called", { note: "delegitimising" });
    await tag(a, "claim", 42, 62, "Officials denied it.", { note: "same" });
    await tag(b, "claim", 42, 62, "Officials denied it.", { note: "same" });
    expect(await acceptAgreed({ actor: reviewer, articleId: article.id })).toEqual({ accepted: 2, notesLeftOut: 1, keptExisting: 0 });
    const gold = await listGold({ actor: reviewer, articleId: article.id });
    expect(gold.map((g) => [g.label, g.note])).toEqual([
      ["loaded_language", null],
      ["claim", "same"],
    ]);
  });

  it("a gold span's attributes can be edited, checked against its label", async () => {
    const { a, reviewer, article, tag } = await scene();
    const x = await tag(a, "attribution", 0, 9, "Activists", { attributes: { speaker: "Activists" } });
    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    await expect(updateGold({ actor: reviewer, id: gold.id, input: { version: 1, attributes: { kind: "loud" } } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await updateGold({ actor: reviewer, id: gold.id, input: { version: 1, attributes: { speaker: "Activists", kind: "vague" } } })).toMatchObject({ version: 2, attributes: { speaker: "Activists", kind: "vague" } });
  });
});

describe("adjudication stays true", () => {
  it("ADJUDICATED is refused while spans are undecided, writing nothing; an override is recorded with its reason", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    const x = await tag(a, "loaded_language", 19, 28, "so-called");
    const y = await tag(b, "loaded_language", 19, 28, "so-called");
    const lone = await tag(b, "claim", 42, 62, "Officials denied it.");
    await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });

    const audits = await auditCount(article.id);
    await expect(setGoldStatus({ actor: reviewer, articleId: article.id, status: "ADJUDICATED" })).rejects.toMatchObject({
      code: "ADJUDICATION_INCOMPLETE",
      details: { undecided: [y.id, lone.id] },
    });
    expect((await getArticle({ actor: reviewer, id: article.id }))?.goldStatus).toBe("IN_PROGRESS");
    expect(await auditCount(article.id)).toBe(audits);
    expect((await getCompareData({ actor: reviewer, articleId: article.id })).undecided).toEqual([y.id, lone.id]);

    await expect(setGoldStatus({ actor: reviewer, articleId: article.id, status: "ADJUDICATED", override: { reason: "claim is out of scope for this round" } })).resolves.toMatchObject({
      goldStatus: "ADJUDICATED",
      undecidedOverridden: 2,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: article.id, action: "article.gold-status.override" } });
    expect(event.after).toMatchObject({ goldStatus: "ADJUDICATED", override: { reason: "claim is out of scope for this round", undecided: [y.id, lone.id] } });
  });

  it("once every span is in gold or reviewed, ADJUDICATED needs no override", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    const x = await tag(a, "loaded_language", 19, 28, "so-called");
    await tag(b, "loaded_language", 19, 28, "so-called");
    const lone = await tag(b, "claim", 42, 62, "Officials denied it.");
    await acceptAgreed({ actor: reviewer, articleId: article.id });
    await reviewAnnotation({ actor: reviewer, annotationId: lone.id, input: { decision: "REJECTED", reason: "not a claim" } });
    await expect(setGoldStatus({ actor: reviewer, articleId: article.id, status: "ADJUDICATED" })).resolves.toMatchObject({ goldStatus: "ADJUDICATED" });
    expect(x.id).toBeTruthy();
  });

  it("a span whose gold was removed is undecided again", async () => {
    const { a, reviewer, article, tag } = await scene();
    const x = await tag(a, "loaded_language", 19, 28, "so-called");
    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    const { deleteGold } = await import("../../lib/db/spans/gold");
    await deleteGold({ actor: reviewer, id: gold.id });
    await expect(setGoldStatus({ actor: reviewer, articleId: article.id, status: "ADJUDICATED" })).rejects.toMatchObject({ code: "ADJUDICATION_INCOMPLETE" });
  });

  it.each(["create", "edit", "delete"] as const)("an analyst's %s after adjudication marks the article changed since adjudication, wherever gold status shows", async (change) => {
    const { a, reviewer, article, tag } = await scene();
    const x = await tag(a, "loaded_language", 19, 28, "so-called");
    await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    await setGoldStatus({ actor: reviewer, articleId: article.id, status: "ADJUDICATED" });
    const changed = async () => ({
      article: (await getArticle({ actor: reviewer, id: article.id }))?.changedSinceAdjudication,
      compare: (await getCompareData({ actor: reviewer, articleId: article.id })).article.changedSinceAdjudicationAt !== null,
      list: (await listArticles({ actor: reviewer, query: { limit: 100 } })).items.find((i) => i.id === article.id)?.changedSinceAdjudication,
    });
    expect(await changed()).toEqual({ article: false, compare: false, list: false });

    if (change === "create") await tag(a, "claim", 42, 62, "Officials denied it.");
    if (change === "edit") await updateAnnotation({ actor: a, id: x.id, input: { version: x.version, note: "on reflection, quoted" } });
    if (change === "delete") await deleteAnnotation({ actor: a, id: x.id });
    expect(await changed()).toEqual({ article: true, compare: true, list: true });

    // Adjudicating again (here with an override, as the change may be undecided) clears the mark.
    await setGoldStatus({ actor: reviewer, articleId: article.id, status: "ADJUDICATED", override: { reason: "re-checked" } });
    expect(await changed()).toEqual({ article: false, compare: false, list: false });
  });

  it("gold work before adjudication does not mark anything", async () => {
    const { a, reviewer, article, tag } = await scene();
    await tag(a, "loaded_language", 19, 28, "so-called");
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).changedSinceAdjudicationAt).toBeNull();
    expect(reviewer.id).toBeTruthy();
  });
});

describe("one gold span per article, label and range", () => {
  it("20 parallel accepts of one span make exactly 1 gold span", async () => {
    const { a, b, reviewer, article, tag } = await scene();
    const x = await tag(a, "loaded_language", 19, 28, "so-called");
    const y = await tag(b, "loaded_language", 19, 28, "so-called");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [i % 2 ? x.id : y.id] })));
    const gold = await db().goldAnnotation.findMany({ where: { articleId: article.id, deletedAt: null } });
    expect(gold).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([gold[0]!.id]));
    expect(await db().goldSource.count({ where: { goldAnnotationId: gold[0]!.id } })).toBe(2);
    expect(await auditCount(gold[0]!.id, "gold.accept")).toBe(1);
  });

  it("a removed gold span does not block accepting the span again", async () => {
    const { a, reviewer, article, tag } = await scene();
    const x = await tag(a, "loaded_language", 19, 28, "so-called");
    const first = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    const { deleteGold } = await import("../../lib/db/spans/gold");
    await deleteGold({ actor: reviewer, id: first.id });
    const again = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    expect(again.id).not.toBe(first.id);
  });

  it("moving a gold span onto another gold span of the same label is a 409, not a second copy", async () => {
    const { a, reviewer, article, tag } = await scene();
    const x = await tag(a, "claim", 0, 9, "Activists");
    const y = await tag(a, "claim", 42, 62, "Officials denied it.");
    await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [x.id] });
    const other = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [y.id] });
    await expect(updateGold({ actor: reviewer, id: other.id, input: { version: 1, start: 0, end: 9, quote: "Activists" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the migration merges existing duplicates into the oldest copy, keeping provenance and comments", async () => {
    const database = await freshDatabase({ migrated: false });
    const dir = await mkdtemp(path.join(tmpdir(), "slant-migrations-"));
    try {
      await cp("prisma/migrations", dir, { recursive: true });
      // The database as it was before this migration (and any later one).
      for (const name of await readdir(dir)) if (/^\d/.test(name) && name >= "20261126020000_gold_unique_adjudication") await rm(path.join(dir, name), { recursive: true });
      await migrate(database.url, { dir });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Record<string, string>[];
        const [user] = await q(`INSERT INTO "User" (email, name, "passwordHash", "updatedAt") VALUES ('r@x.example', 'R', 'x', now()) RETURNING id`);
        const [label] = await q(`INSERT INTO "Label" (key, name, color, "updatedAt") VALUES ('claim', 'Claim', '#000000', now()) RETURNING id`);
        const [source] = await q(`INSERT INTO "Source" (name, slug, "updatedAt") VALUES ('S', 's', now()) RETURNING id`);
        const [article] = await q(`INSERT INTO "Article" ("sourceId", title, body, "contentHash", "wordCount", "updatedAt") VALUES ($1, 'T', 'Hello world', 'h', 2, now()) RETURNING id`, [source!.id]);
        const annotation = async () => (await q(`INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, "updatedAt") VALUES ($1, $2, $3, 0, 5, 'Hello', '', ' world', now()) RETURNING id`, [article!.id, user!.id, label!.id]))[0]!.id;
        const gold = async (createdAt: string) => (await q(`INSERT INTO "GoldAnnotation" ("articleId", "labelId", start, "end", quote, prefix, suffix, "adjudicatorId", "createdAt", "updatedAt") VALUES ($1, $2, 0, 5, 'Hello', '', ' world', $3, $4, now()) RETURNING id`, [article!.id, label!.id, user!.id, createdAt]))[0]!.id;
        const [keep, copy1, copy2] = [await gold("2026-01-01"), await gold("2026-01-02"), await gold("2026-01-03")];
        const [n1, n2] = [await annotation(), await annotation()];
        await q(`INSERT INTO "GoldSource" VALUES ($1, $3), ($2, $3), ($2, $4)`, [keep, copy1, n1, n2]);
        await q(`INSERT INTO "Comment" ("articleId", "goldAnnotationId", "authorId", body) VALUES ($1, $2, $3, 'why?')`, [article!.id, copy2, user!.id]);

        await migrate(database.url);
        expect(await q(`SELECT id FROM "GoldAnnotation" WHERE "deletedAt" IS NULL`)).toEqual([{ id: keep }]);
        expect((await q(`SELECT "annotationId" FROM "GoldSource" WHERE "goldAnnotationId" = $1 ORDER BY 1`, [keep])).map((r) => r.annotationId)).toEqual([n1, n2].sort());
        expect(await q(`SELECT "goldAnnotationId" FROM "Comment"`)).toEqual([{ goldAnnotationId: keep }]);
        expect((await q(`SELECT "entityId" FROM "AuditEvent" WHERE action = 'gold.dedupe' ORDER BY 1`)).map((r) => r.entityId)).toEqual([copy1, copy2].sort());
        await expect(gold("2026-01-04")).rejects.toThrow(/GoldAnnotation_live_span_key/);
      } finally {
        await client.end();
      }
    } finally {
      await database.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
