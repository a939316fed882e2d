import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createAnnotation, deleteAnnotation } from "../../lib/db/spans/annotations";
import { db } from "../../lib/db/client";
import { exportArticles } from "../../lib/db/export/datasets";
import { seedLabels } from "../../lib/db/seed";
import type { ExportArticle } from "../../lib/formats/model";
import type { ExportFilters } from "../../lib/schemas/datasets";
import { spanContext } from "../../lib/spans";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

const none: ExportFilters = { sourceId: [], label: [], annotator: [], gold: false, pseudonymize: false, annotationsOnly: false };
const SECRET = "a-test-secret-of-at-least-32-characters";

async function exported(actor: Actor, sourceId: string, pseudonymize = false): Promise<ExportArticle[]> {
  const out: ExportArticle[] = [];
  for await (const a of exportArticles({ actor, filters: { ...none, sourceId: [sourceId], pseudonymize }, pseudonymSecret: SECRET })) out.push(a);
  return out;
}

describe("an export is the whole dataset", () => {
  it("carries review decisions, gold provenance and comments to reviewers, pseudonymized with the rest, and none of it to analysts", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const [a1, a2, reviewer] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
    const source = unique("Source");
    const body = "The minister said the so-called reform worked.";
    const article = await makeArticle(a1, { source, body });
    const span = { label: "claim", start: 4, end: 12, quote: "minister" } as const;
    const first = await createAnnotation({ actor: a1, articleId: article.id, input: span });
    const second = await createAnnotation({ actor: a2, articleId: article.id, input: span });
    await db().annotationReview.create({ data: { annotationId: second.id, reviewerId: reviewer.id, decision: "REJECTED", reason: "Speaker missing" } });
    const labelId = (await db().label.findUniqueOrThrow({ where: { key: "claim" } })).id;
    const gold = await db().goldAnnotation.create({
      data: { articleId: article.id, labelId, adjudicatorId: reviewer.id, start: 4, end: 12, ...spanContext(body, 4, 12), sources: { create: [{ annotationId: first.id }, { annotationId: second.id }] } },
    });
    await db().comment.create({ data: { articleId: article.id, goldAnnotationId: gold.id, authorId: reviewer.id, body: "Kept Ana as the speaker." } });
    const sourceId = (await db().source.findUniqueOrThrow({ where: { name: source } })).id;

    const [forReviewer] = await exported(reviewer, sourceId);
    const byId = new Map(forReviewer!.annotations.map((a) => [a.id, a]));
    expect(byId.get(second.id)?.review).toMatchObject({ decision: "REJECTED", reason: "Speaker missing", reviewer: { id: reviewer.id, name: reviewer.name } });
    expect(byId.get(first.id)?.review).toBeUndefined();
    expect(byId.get(gold.id)?.goldFrom).toEqual([first.id, second.id].sort());
    expect(byId.get(gold.id)?.comments).toMatchObject([{ author: { id: reviewer.id }, body: "Kept Ana as the speaker." }]);
    expect(byId.get(gold.id)?.annotator.id).toBe(reviewer.id); // the adjudicator

    const [pseudonymized] = await exported(reviewer, sourceId, true);
    expect(JSON.stringify(pseudonymized)).not.toContain(reviewer.id);
    expect(JSON.stringify(pseudonymized)).not.toContain(reviewer.name);
    expect(pseudonymized!.annotations.find((a) => a.id === second.id)?.review?.reviewer.id).toMatch(/^annotator-/);

    // Emails: in the reviewer's export, so another Slant can match people; never pseudonymized, never to analysts.
    expect(byId.get(first.id)?.annotator).toEqual({ id: a1.id, name: a1.name, email: a1.email });
    expect(byId.get(second.id)?.review?.reviewer.email).toBe(reviewer.email);
    expect(JSON.stringify(pseudonymized)).not.toMatch(/"email"|@test\.example/);

    const [forAnalyst] = await exported(a1, sourceId);
    expect(JSON.stringify(forAnalyst)).not.toMatch(/"review"|"goldFrom"|"comments"|Speaker missing|Kept Ana|"email"/);

    // A source span deleted since is not in the file, so the gold span no longer names it.
    await deleteAnnotation({ actor: a1, id: first.id });
    const [afterDelete] = await exported(reviewer, sourceId);
    expect(afterDelete!.annotations.find((a) => a.id === gold.id)?.goldFrom).toEqual([second.id]);
  });
});
