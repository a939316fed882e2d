import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createAnnotation, deleteAnnotation, listAnnotations, listAnnotators, restoreAnnotation, updateAnnotation } from "../../lib/db/spans/annotations";
import { layersThatSawOthersWork, setAssignmentStatus } from "../../lib/db/articles/assignments";
import { db } from "../../lib/db/client";
import { countExport, exportArticles } from "../../lib/db/export/datasets";
import { seedLabels } from "../../lib/db/seed";
import { ExportCountQuery, ExportFilters } from "../../lib/schemas/datasets";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

// The blind rule (lib/auth/policy.ts) on the per-article paths, and
// submitting as a one-way door for analysts.

let analyst: Actor, other: Actor, reviewer: Actor;
beforeAll(async () => {
  await seedLabels(db(), (await loadSeeds()).labels);
  [analyst, other, reviewer] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
});

async function articleWithOthersSpan() {
  const body = `${unique("Blind")} The so-called council met.`;
  const article = await makeArticle(other, { body });
  const start = Array.from(body.slice(0, body.indexOf("so-called"))).length;
  await createAnnotation({ actor: other, articleId: article.id, input: { label: "loaded_language", start, end: start + 9, quote: "so-called", note: "planted" } });
  return article.id;
}

const all = { annotator: "all" } as const;

describe("reading others' layers on one article", () => {
  it("an analyst reads them only once they have submitted the article", async () => {
    const articleId = await articleWithOthersSpan();
    await expect(listAnnotations({ actor: analyst, articleId, query: all })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAnnotations({ actor: analyst, articleId, query: { annotator: other.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listAnnotators({ actor: analyst, articleId })).toEqual([]);
    await setAssignmentStatus({ actor: analyst, articleId, status: "IN_PROGRESS" });
    await expect(listAnnotations({ actor: analyst, articleId, query: all })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    expect((await listAnnotations({ actor: analyst, articleId, query: all })).map((a) => a.note)).toEqual(["planted"]);
    expect((await listAnnotators({ actor: analyst, articleId })).map((u) => u.id)).toContain(other.id);
  });

  it("reviewers read them whatever their own status", async () => {
    const articleId = await articleWithOthersSpan();
    expect(await listAnnotations({ actor: reviewer, articleId, query: all })).toHaveLength(1);
  });

  it("an analyst's export never holds others' work or gold, even of articles they submitted", async () => {
    const articleId = await articleWithOthersSpan();
    await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    await expect(countExport({ actor: analyst, filters: ExportCountQuery.parse({ annotator: other.id }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(countExport({ actor: analyst, filters: ExportCountQuery.parse({ gold: "1" }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an export is refused before it starts streaming (a W3C header must not go out with a 200 first)", () => {
    expect(() => exportArticles({ actor: analyst, filters: ExportFilters.parse({ annotator: other.id }) })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => exportArticles({ actor: analyst, filters: ExportFilters.parse({ gold: "1" }) })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});

describe("submitting is final for analysts", () => {
  it.each(["IN_PROGRESS", "ASSIGNED"] as const)("an analyst cannot move a submitted assignment back to %s", async (status) => {
    const articleId = await articleWithOthersSpan();
    await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    await expect(setAssignmentStatus({ actor: analyst, articleId, status })).rejects.toMatchObject({ code: "SUBMITTED_IS_FINAL" });
    const row = await db().assignment.findUniqueOrThrow({ where: { articleId_userId: { articleId, userId: analyst.id } } });
    expect(row).toMatchObject({ status: "SUBMITTED", seenOthersWorkAt: null });
    expect(row.submittedAt).not.toBeNull();
  });

  it("two tabs racing a submit and a reopen never leave the analyst reopened", async () => {
    const articleId = await articleWithOthersSpan();
    await Promise.allSettled([
      setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" }),
      setAssignmentStatus({ actor: analyst, articleId, status: "IN_PROGRESS" }),
    ]);
    const after = await setAssignmentStatus({ actor: analyst, articleId, status: "IN_PROGRESS" }).catch((e: unknown) => e);
    const row = await db().assignment.findUniqueOrThrow({ where: { articleId_userId: { articleId, userId: analyst.id } } });
    // Whatever the order, IN_PROGRESS after SUBMITTED was refused: the row ends SUBMITTED.
    expect(row.status).toBe("SUBMITTED");
    expect(after).toMatchObject({ code: "SUBMITTED_IS_FINAL" });
  });

  it("an analyst's layer no longer changes once submitted; after a reviewer reopens it, it does", async () => {
    const body = `${unique("Frozen")} Prices rose sharply, officials said.`;
    const { id: articleId } = await makeArticle(analyst, { body });
    const span = (quote: string) => {
      const start = Array.from(body.slice(0, body.indexOf(quote))).length;
      return { label: "claim", start, end: start + Array.from(quote).length, quote };
    };
    const kept = await createAnnotation({ actor: analyst, articleId, input: span("Prices rose") });
    const deleted = await createAnnotation({ actor: analyst, articleId, input: span("officials said") });
    await deleteAnnotation({ actor: analyst, id: deleted.id });
    await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    const final = { code: "SUBMITTED_IS_FINAL" };
    await expect(createAnnotation({ actor: analyst, articleId, input: span("sharply") })).rejects.toMatchObject(final);
    await expect(updateAnnotation({ actor: analyst, id: kept.id, input: { version: kept.version, note: "after seeing the others" } })).rejects.toMatchObject(final);
    await expect(deleteAnnotation({ actor: analyst, id: kept.id })).rejects.toMatchObject(final);
    await expect(restoreAnnotation({ actor: analyst, id: deleted.id })).rejects.toMatchObject(final);
    expect(await db().annotation.findMany({ where: { articleId }, select: { id: true, note: true, version: true, deletedAt: true }, orderBy: { start: "asc" } })).toEqual([
      { id: kept.id, note: null, version: 1, deletedAt: null },
      { id: deleted.id, note: null, version: 2, deletedAt: expect.any(Date) },
    ]);
    await setAssignmentStatus({ actor: reviewer, articleId, status: "IN_PROGRESS", userId: analyst.id });
    await expect(updateAnnotation({ actor: analyst, id: kept.id, input: { version: 1, note: "reopened" } })).resolves.toMatchObject({ note: "reopened" });
    await expect(createAnnotation({ actor: analyst, articleId, input: span("sharply") })).resolves.toMatchObject({ quote: "sharply" });
  });

  it("submitting again keeps the first submission time", async () => {
    const articleId = await articleWithOthersSpan();
    const first = await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    const second = await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    expect(second.submittedAt).toBe(first.submittedAt);
  });

  it("a reviewer reopens it: the layer is marked as having seen others' work, with an audit event, and is blind again", async () => {
    const articleId = await articleWithOthersSpan();
    await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    await expect(setAssignmentStatus({ actor: other, articleId, status: "IN_PROGRESS", userId: analyst.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reopened = await setAssignmentStatus({ actor: reviewer, articleId, status: "IN_PROGRESS", userId: analyst.id });
    expect(reopened).toMatchObject({ userId: analyst.id, status: "IN_PROGRESS", submittedAt: null });
    expect(reopened.seenOthersWorkAt).not.toBeNull();
    expect((await layersThatSawOthersWork({ actor: reviewer, articleId })).map((u) => u.id)).toEqual([analyst.id]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "assignment.reopen", actorId: reviewer.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ userId: analyst.id, status: "IN_PROGRESS" });
    await expect(listAnnotations({ actor: analyst, articleId, query: all })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Submitting again keeps the mark.
    await setAssignmentStatus({ actor: analyst, articleId, status: "SUBMITTED" });
    expect((await layersThatSawOthersWork({ actor: reviewer, articleId })).map((u) => u.id)).toEqual([analyst.id]);
  });

  it("a reviewer names an unknown user: 422, nothing written", async () => {
    const articleId = await articleWithOthersSpan();
    await expect(setAssignmentStatus({ actor: reviewer, articleId, status: "IN_PROGRESS", userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db().assignment.count({ where: { articleId, userId: "00000000-0000-4000-8000-000000000000" } })).toBe(0);
  });
});
