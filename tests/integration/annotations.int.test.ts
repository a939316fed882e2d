import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSpan } from "../../lib/annotations/span-check";
import { createAnnotation, deleteAnnotation, listAnnotations, restoreAnnotation, updateAnnotation } from "../../lib/db/spans/annotations";
import { db } from "../../lib/db/client";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, rowCounts, unique } from "../support/factories";

const body = () => `${unique("Intro")}. Supporters of the so-called Turkish-backed army 👍🏽 said so-called things, so-called.`;
const codePointIndex = (text: string, needle: string, from = 0) => Array.from(text.slice(0, text.indexOf(needle, from))).length;

async function setup() {
  await seedLabels(db(), (await loadSeeds()).labels);
  const analyst = await makeUser("ANALYST");
  const text = body();
  const article = await makeArticle(analyst, { body: text });
  return { analyst, article, text };
}

describe("annotations", () => {
  it("creates with quote, 32-code-point context, validated attributes, an audit event and IN_PROGRESS status", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "so-called", text.indexOf("👍🏽"));
    const created = await createAnnotation({
      actor: analyst,
      articleId: article.id,
      input: { label: "loaded_language", start, end: start + 9, quote: "so-called", attributes: { connotation: " delegitimizes " } },
    });
    expect(created).toMatchObject({ label: "loaded_language", quote: "so-called", version: 1, attributes: { connotation: "delegitimizes" } });
    expect(created.prefix.endsWith("army 👍🏽 said ")).toBe(true);
    expect(Array.from(created.prefix)).toHaveLength(32);
    expect(created.suffix).toBe(" things, so-called.");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(audit).toMatchObject({ action: "annotation.create", actorId: analyst.id });
    const assignment = await db().assignment.findFirstOrThrow({ where: { articleId: article.id, userId: analyst.id } });
    expect(assignment.status).toBe("IN_PROGRESS");
  });

  it.each([
    ["a quote that is not the text there", { start: 0, end: 5, quote: "wrong" }, /quote does not match/],
    ["an empty range", { start: 3, end: 3, quote: "x" }, /empty/],
    ["a range past the end", { start: 0, end: 100_000, quote: "x" }, /outside the article text/],
    ["an unknown label", { label: "propaganda", start: 0, end: 1, quote: "I" }, /Unknown label/],
    ["attributes of another label", { label: "claim", start: 0, end: 1, quote: "I", attributes: { speaker: "x" } }, /Invalid attributes/],
  ])("rejects %s and writes nothing", async (_name, input, message) => {
    const { analyst, article } = await setup();
    const before = await rowCounts();
    await expect(createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", ...input } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(message),
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("updates with the current version, refuses a stale one with the current state, and refuses other analysts", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "Supporters");
    const a = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    const updated = await updateAnnotation({ actor: analyst, id: a.id, input: { version: 1, note: "first tab", label: "attribution" } });
    expect(updated).toMatchObject({ version: 2, note: "first tab", label: "attribution", attributes: {} });

    await expect(updateAnnotation({ actor: analyst, id: a.id, input: { version: 1, note: "second tab" } })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { currentVersion: 2, current: { note: "first tab" } },
    });
    const other = await makeUser("ANALYST");
    await expect(updateAnnotation({ actor: other, id: a.id, input: { version: 2, note: "not mine" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteAnnotation({ actor: other, id: a.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await makeUser("ADMIN");
    await expect(updateAnnotation({ actor: admin, id: a.id, input: { version: 2, note: "admin edit" } })).resolves.toMatchObject({ version: 3 });
  });

  it("two concurrent saves of the same version: exactly one wins, the other gets a conflict", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "Supporters");
    const a = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    const results = await Promise.allSettled([
      updateAnnotation({ actor: analyst, id: a.id, input: { version: 1, note: "tab A" } }),
      updateAnnotation({ actor: analyst, id: a.id, input: { version: 1, note: "tab B" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
  });

  it("lists exactly what create and update answered, and audits the views before and after", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "army");
    const created = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "attribution", start, end: start + 4, quote: "army", note: "line\n\"quoted\" 👍🏽", attributes: { speaker: "Tahir al-Omar", kind: "named" } } });
    expect(await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } })).toEqual([created]);
    const stored = await db().annotation.findUniqueOrThrow({ where: { id: created.id } });
    expect(created.createdAt).toBe(stored.createdAt.toISOString());

    const updated = await updateAnnotation({ actor: analyst, id: created.id, input: { version: 1, note: null, attributes: { speaker: "Activists", kind: "vague" } } });
    expect(await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } })).toEqual([updated]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "annotation.update" } });
    expect(audit.before).toEqual(created);
    expect(audit.after).toEqual(updated);
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
  });

  it("a delete racing an edit still deletes, after the edit, and both are audited", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "Supporters");
    const a = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    await Promise.all([updateAnnotation({ actor: analyst, id: a.id, input: { version: 1, note: "edited" } }), deleteAnnotation({ actor: analyst, id: a.id })]).catch(() => {});
    const row = await db().annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.deletedAt).not.toBeNull();
    const audits = await db().auditEvent.findMany({ where: { entityId: a.id }, orderBy: { id: "asc" } });
    expect(audits.map((e) => e.action)).toContain("annotation.delete");
    expect(audits.at(-1)!.action).toBe("annotation.delete");
    expect((audits.at(-1)!.before as { version: number }).version).toBe(row.version - 1);
  });

  it("the database accepts exactly the spans checkSpan accepts (emoji, combining marks, CJK, RTL, repeats)", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const analyst = await makeUser("ANALYST");
    const text = `${unique("Start")} 👨‍👩‍👧 café (cafe\u0301) 東京で会議 مرحبا بالعالم so-called so-called so-called 👍🏽 end.`;
    const article = await makeArticle(analyst, { body: text });
    const stored = (await db().article.findUniqueOrThrow({ where: { id: article.id }, select: { body: true } })).body; // normalized on the way in
    const chars = Array.from(stored);
    const n = chars.length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -2, max: n + 2 }), fc.integer({ min: -2, max: n + 2 }), fc.boolean(), async (start, end, truthful) => {
        const actual = start >= 0 && end > start && end <= n ? chars.slice(start, end).join("") : "x";
        const quote = truthful ? actual : `${actual}?`;
        const input = { label: "claim", start: Math.max(0, start), end: Math.max(0, end), quote };
        const expected = checkSpan(input, { bodyLength: n, offset: 0, text: stored });
        const outcome = await createAnnotation({ actor: analyst, articleId: article.id, input }).then(
          (view) => ({ ok: true as const, view }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        expect(outcome.ok).toBe(expected.ok);
        if (outcome.ok && expected.ok) expect(outcome.view).toMatchObject({ quote: expected.quote, prefix: expected.prefix, suffix: expected.suffix });
        if (!outcome.ok) expect(outcome.error).toMatchObject({ code: "INVALID_INPUT" });
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it("moves boundaries only with a matching quote, and re-computes the context", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "so-called");
    const a = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "loaded_language", start, end: start + 9, quote: "so-called" } });
    const wider = await updateAnnotation({ actor: analyst, id: a.id, input: { version: 1, start: start - 4, end: start + 9, quote: "the so-called" } });
    expect(wider).toMatchObject({ start: start - 4, quote: "the so-called" });
    await expect(updateAnnotation({ actor: analyst, id: a.id, input: { version: 2, start, end: start + 2, quote: "xx" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("soft-deletes (hidden, audited) and restores", async () => {
    const { analyst, article, text } = await setup();
    const start = codePointIndex(text, "Supporters");
    const a = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    await deleteAnnotation({ actor: analyst, id: a.id });
    expect(await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } })).toEqual([]);
    expect(await db().annotation.count({ where: { id: a.id } })).toBe(1);
    await expect(deleteAnnotation({ actor: analyst, id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const restored = await restoreAnnotation({ actor: analyst, id: a.id });
    expect(restored.id).toBe(a.id);
    const actions = (await db().auditEvent.findMany({ where: { entityId: a.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["annotation.create", "annotation.delete", "annotation.restore"]);
  });

  it("lists the author's own deleted annotations, newest deletion first, restorable at any time; never another's", async () => {
    const { analyst, article, text } = await setup();
    const other = await makeUser("ANALYST");
    const admin = await makeUser("ADMIN");
    const start = codePointIndex(text, "Supporters");
    const first = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    const second = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "unverified", start, end: start + 10, quote: "Supporters", note: "kept" } });
    const theirs = await createAnnotation({ actor: other, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    await deleteAnnotation({ actor: analyst, id: first.id });
    await deleteAnnotation({ actor: analyst, id: second.id });
    await deleteAnnotation({ actor: other, id: theirs.id });

    const deleted = (actor: typeof analyst) => listAnnotations({ actor, articleId: article.id, query: { annotator: "me", deleted: "1" } });
    const mine = await deleted(analyst);
    expect(mine.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(mine[0]).toMatchObject({ note: "kept", deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await deleted(other)).map((a) => a.id)).toEqual([theirs.id]);
    expect(await deleted(admin)).toEqual([]);
    await expect(listAnnotations({ actor: admin, articleId: article.id, query: { annotator: "all", deleted: "1" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAnnotations({ actor: analyst, articleId: other.id, query: { annotator: "me", deleted: "1" } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await restoreAnnotation({ actor: analyst, id: first.id });
    expect((await deleted(analyst)).map((a) => a.id)).toEqual([second.id]);
    expect((await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } })).map((a) => a.id)).toEqual([first.id]);
  });

  it("analysts see only their own layer; reviewers see any layer or all", async () => {
    const { analyst, article, text } = await setup();
    const other = await makeUser("ANALYST");
    const reviewer = await makeUser("REVIEWER");
    const start = codePointIndex(text, "Supporters");
    await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start, end: start + 10, quote: "Supporters" } });
    await createAnnotation({ actor: other, articleId: article.id, input: { label: "unverified", start, end: start + 10, quote: "Supporters" } });

    expect((await listAnnotations({ actor: other, articleId: article.id, query: { annotator: "me" } })).map((a) => a.label)).toEqual(["unverified"]);
    await expect(listAnnotations({ actor: other, articleId: article.id, query: { annotator: "all" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAnnotations({ actor: other, articleId: article.id, query: { annotator: analyst.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listAnnotations({ actor: reviewer, articleId: article.id, query: { annotator: "all" } })).toHaveLength(2);
    expect((await listAnnotations({ actor: reviewer, articleId: article.id, query: { annotator: analyst.id } })).map((a) => a.label)).toEqual(["claim"]);
  });
});
