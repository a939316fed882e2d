import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { refreshAgreementInBackground } from "../../lib/db/figures/agreement";
import { agreementFiguresSettled, getAgreementReport } from "../../lib/db/figures/agreement-report";
import { createAnnotation } from "../../lib/db/spans/annotations";
import { db } from "../../lib/db/client";
import { checkDatabase } from "../../lib/db/health";
import { seedLabels } from "../../lib/db/seed";
import { agreementPool } from "../../lib/runtime/agreement-pool";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

// Agreement work runs on the worker thread (docs/decisions/0010): a health
// check answers while an article's figures are computed; a report that does
// not wait says how many articles are pending; the agreement queue stores the
// report's figures after span writes, so that the report only reads them.

const words = "The minister said the reform would be delayed until spring. ";
/** Past 65,536 UTF-16 units with one character above U+00FF: the text that held the event loop. */
const longBody = (tag: string) => `${words.repeat(Math.ceil(65_600 / words.length)).slice(0, 65_600)} Turkey’s end ${tag}.`;
const storedFigures = (articleId: string) => db().articleAgreementFigures.findUnique({ where: { articleId } });

let a: Actor, b: Actor, reviewer: Actor;
beforeAll(async () => {
  await seedLabels(db(), (await loadSeeds()).labels);
  [a, b, reviewer] = await Promise.all([makeUser("ANALYST"), makeUser("ANALYST"), makeUser("REVIEWER")]);
});

/** An article of `body` in `source` where both analysts marked "minister". */
async function twoRaterArticle(source: string, body: string) {
  const article = await makeArticle(a, { source, body });
  for (const actor of [a, b]) await createAnnotation({ actor, articleId: article.id, input: { label: "claim", start: 4, end: 12, quote: "minister" } });
  return article;
}

describe("agreement off the event loop", () => {
  it("answers a health check sent while a long article's figures are computed before they are done", async () => {
    const source = unique("Long source");
    const article = await twoRaterArticle(source, longBody(unique("l")));
    let finished = false;
    const report = getAgreementReport({ actor: reviewer, query: { sourceId: article.source.id }, waitMs: Infinity }).finally(() => (finished = true));
    // Wait (a loop turn at a time) for the state where the article is on the worker.
    while (agreementPool.backlog === 0 && !finished) await new Promise((resolve) => setImmediate(resolve));
    expect(finished, "the report finished without handing its article to the worker").toBe(false);
    const computedBefore = agreementPool.completed;
    expect(await checkDatabase()).toBe(true);
    expect(agreementPool.completed, "health answered only after the article's figures were computed").toBe(computedBefore);
    expect(await report).toMatchObject({ articlesCompared: 1, articlesPending: 0 });
  });

  it("shows articles whose figures are not computed yet as pending, and counts them once they are computed", async () => {
    const source = unique("Pending source");
    const articles = await Promise.all([1, 2, 3].map((n) => twoRaterArticle(source, `The minister said ${n} he resigned. ${unique("p")}`)));
    const query = { sourceId: articles[0]!.source.id };
    const early = await getAgreementReport({ actor: reviewer, query, waitMs: 0 });
    expect(early).toMatchObject({ articlesCompared: 0, articlesPending: 3 });
    await agreementFiguresSettled();
    const later = await getAgreementReport({ actor: reviewer, query, waitMs: 0 });
    expect(later).toMatchObject({ articlesCompared: 3, articlesPending: 0 });
    expect(later).toEqual(await getAgreementReport({ actor: reviewer, query, waitMs: Infinity }));
  });

  it("stores an article's report figures from the agreement queue after span writes, with the per-source alpha", async () => {
    const source = unique("Queue source");
    const article = await twoRaterArticle(source, `The minister said so. ${unique("q")}`);
    expect(await storedFigures(article.id)).toBeNull();
    await refreshAgreementInBackground(Infinity);
    const stored = await storedFigures(article.id);
    expect(stored).not.toBeNull();
    const [agreement] = await db().$queryRaw<{ alpha: number | null }[]>`SELECT alpha FROM "ArticleAgreement" WHERE "articleId" = ${article.id}::uuid`;
    expect((stored!.figures as { alpha?: number | null }).alpha).toBe(agreement!.alpha);
    // The report finds them current: it reads them and computes nothing.
    const completed = agreementPool.completed;
    expect(await getAgreementReport({ actor: reviewer, query: { sourceId: article.source.id }, waitMs: 0 })).toMatchObject({ articlesCompared: 1, articlesPending: 0 });
    expect(agreementPool.completed).toBe(completed);
    expect((await storedFigures(article.id))!.computedAt).toEqual(stored!.computedAt);
  });
});
