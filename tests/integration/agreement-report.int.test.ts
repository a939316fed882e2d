import { describe, expect, it } from "vitest";
import { createAnnotation, updateAnnotation } from "../../lib/db/spans/annotations";
import { fillReportFigures, getAgreementReport } from "../../lib/db/figures/agreement-report";
import { agreementPool } from "../../lib/runtime/agreement-pool";
import { db } from "../../lib/db/client";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

const storedFigures = (articleId: string) => db().articleAgreementFigures.findUnique({ where: { articleId } });

describe("agreement report", () => {
  it("computes only articles with two or more raters, never writes, reads figures the background stored, and recomputes one when its spans change", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const [a, b, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("ANALYST"), makeUser("REVIEWER")]);
    const source = unique("Report source");
    const body = "The so-called council met. Activists said so.";
    const [shared, single] = await Promise.all([makeArticle(a, { source, body: `${body} ${unique("s")}` }), makeArticle(a, { source, body: `${body} ${unique("t")}` })]);
    const tag = (actor: typeof a, articleId: string, start: number, end: number, quote: string) => createAnnotation({ actor, articleId, input: { label: "loaded_language", start, end, quote } });
    const mine = await tag(a, shared.id, 4, 13, "so-called");
    await tag(b, shared.id, 4, 13, "so-called");
    await tag(a, single.id, 4, 13, "so-called");

    const query = { sourceId: shared.source.id };
    const first = await getAgreementReport({ actor: reviewer, query, waitMs: Infinity });
    expect(first).toMatchObject({ articlesCompared: 1, articlesSkipped: 1 });
    const loaded = first.byLabel.find((r) => r.key === "loaded_language")!;
    expect(loaded).toMatchObject({ articles: 1, f1Exact: { mean: 1, defined: 1 }, f1Pooled: { exact: 1, partial: 1, pairs: 1, oneSided: 0 } });
    // A GET writes nothing: the figures it computed are not stored by it.
    expect(await storedFigures(shared.id)).toBeNull();
    // The background fill stores them; none for the single-annotator article.
    expect(await fillReportFigures()).toBeGreaterThanOrEqual(1);
    expect(await storedFigures(single.id)).toBeNull();
    const kept = await storedFigures(shared.id);
    expect(kept).not.toBeNull();

    // Unchanged: the stored figures are read, not recomputed.
    const completed = agreementPool.completed;
    expect(await getAgreementReport({ actor: reviewer, query })).toEqual(first);
    expect(agreementPool.completed).toBe(completed);
    expect((await storedFigures(shared.id))?.computedAt).toEqual(kept!.computedAt);

    // An analyst moves a span: the article's fingerprint moves, so its figures are recomputed (and still not stored by the report).
    await updateAnnotation({ actor: a, id: mine.id, input: { version: mine.version, start: 4, end: 8, quote: "so-c" } });
    const after = await getAgreementReport({ actor: reviewer, query, waitMs: Infinity });
    expect(after.byLabel.find((r) => r.key === "loaded_language")).toMatchObject({ f1Exact: { mean: 0 }, f1Pooled: { exact: 0 } });
    expect((await storedFigures(shared.id))?.fingerprint).toBe(kept!.fingerprint);
    await fillReportFigures();
    expect((await storedFigures(shared.id))?.fingerprint).not.toBe(kept!.fingerprint);

    // A label filter narrows the rows, from the same figures.
    const claimOnly = await getAgreementReport({ actor: reviewer, query: { ...query, label: "claim" } });
    expect(claimOnly.byLabel.map((r) => r.key)).toEqual(["claim"]);
  });
});
