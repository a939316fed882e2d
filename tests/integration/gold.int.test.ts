import { describe, expect, it } from "vitest";
import { createAnnotation } from "../../lib/db/spans/annotations";
import { db } from "../../lib/db/client";
import { getCompareData } from "../../lib/db/spans/compare";
import { acceptAgreed, acceptIntoGold, deleteGold, listGold, reviewAnnotation, updateGold } from "../../lib/db/spans/gold";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, rowCounts, unique } from "../support/factories";

async function twoAnalystsDisagree() {
  await seedLabels(db(), (await loadSeeds()).labels);
  const [a, b, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("ANALYST"), makeUser("REVIEWER")]);
  const article = await makeArticle(a, { body: `The so-called council, activists said. ${unique("x")}` });
  const tag = (actor: typeof a, label: string, start: number, end: number, quote: string) => createAnnotation({ actor, articleId: article.id, input: { label, start, end, quote } });
  const agreedA = await tag(a, "loaded_language", 4, 13, "so-called");
  const agreedB = await tag(b, "loaded_language", 4, 13, "so-called");
  const onlyA = await tag(a, "attribution", 23, 32, "activists");
  return { a, b, reviewer, article, agreedA, agreedB, onlyA };
}

describe("gold standard", () => {
  it("accepts all agreed spans once, with provenance, and marks the article in progress", async () => {
    const { reviewer, article, agreedA, agreedB } = await twoAnalystsDisagree();
    expect(await acceptAgreed({ actor: reviewer, articleId: article.id })).toEqual({ accepted: 1, notesLeftOut: 0, keptExisting: 0 });
    const gold = await listGold({ actor: reviewer, articleId: article.id });
    expect(gold).toHaveLength(1);
    expect(gold[0]).toMatchObject({ label: "loaded_language", quote: "so-called", adjudicator: { id: reviewer.id } });
    expect(gold[0]!.fromAnnotationIds.sort()).toEqual([agreedA.id, agreedB.id].sort());
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).goldStatus).toBe("IN_PROGRESS");

    // Accepting the same span again links, it does not duplicate.
    await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [agreedA.id] });
    expect(await listGold({ actor: reviewer, articleId: article.id })).toHaveLength(1);
  });

  it("the compare data counts both annotators, classifies spans and computes agreement", async () => {
    const { reviewer, article, a, b } = await twoAnalystsDisagree();
    const data = await getCompareData({ actor: reviewer, articleId: article.id });
    expect(data.raters.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const loaded = data.agreement.find((x) => x.label === "loaded_language")!;
    expect(loaded.f1.exact).toBe(1);
    expect(loaded.counts).toEqual({ [a.id]: 1, [b.id]: 1 });
    const attribution = data.agreement.find((x) => x.label === "attribution")!;
    expect(attribution.f1.exact).toBeNull();
    expect(attribution.warnings).toContain("1 annotator(s) made no attribution span");
  });

  it("refuses analysts, different spans in one accept, and stale gold edits — writing nothing", async () => {
    const { a, reviewer, article, agreedA, onlyA } = await twoAnalystsDisagree();
    const before = await rowCounts();
    await expect(acceptAgreed({ actor: a, articleId: article.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [agreedA.id, onlyA.id] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await rowCounts()).toEqual(before);

    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [onlyA.id] });
    const moved = await updateGold({ actor: reviewer, id: gold.id, input: { version: 1, label: "unverified", start: 23, end: 36, quote: "activists sai" } });
    expect(moved).toMatchObject({ version: 2, label: "unverified", quote: "activists sai" });
    await expect(updateGold({ actor: reviewer, id: gold.id, input: { version: 1, note: "stale" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await deleteGold({ actor: reviewer, id: gold.id });
    expect(await listGold({ actor: reviewer, articleId: article.id })).toEqual([]);
  });

  it("records a rejection with its reason", async () => {
    const { reviewer, onlyA } = await twoAnalystsDisagree();
    await expect(reviewAnnotation({ actor: reviewer, annotationId: onlyA.id, input: { decision: "REJECTED", reason: "not an attribution" } })).resolves.toMatchObject({
      decision: "REJECTED",
      reason: "not an attribution",
    });
    expect(await db().auditEvent.count({ where: { entityId: onlyA.id, action: "annotation.review" } })).toBe(1);
  });
});
