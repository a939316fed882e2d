import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { spanKeys, spanKeysSet, withSpanKeys } from "../../lib/db/spans/keys";
import { refreshArticleAgreementsFor } from "../../lib/db/figures/agreement";
import { monthBounds } from "../../lib/db/figures/basis";
import { readArticleCounts } from "../../lib/db/figures/articles";
import { topAttributions, topLoadedExpressions } from "../../lib/db/figures/expressions";
import { foldRollups, readCoverage, readLabelRollup } from "../../lib/db/figures/rollups";
import { db } from "../../lib/db/client";
import { FIGURES_FOLD_LOCK } from "../../lib/db/locks";
import { listLabels } from "../../lib/db/labels/list";
import { seedLabels } from "../../lib/db/seed";
import { ALL_ANNOTATORS_LAYER, GOLD_LAYER } from "../../lib/aggregates/layers";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

// The write path of the source figures: triggers append to RollupDelta, folds
// move the deltas into the rollups, readers add what is not folded yet. Every
// test ends by checking that the folded tables (and the agreement figures of
// the queued articles) equal what slant_rebuild_source_rollups() computes from
// the spans.

type Row = { key: string; value: number[] };
const TABLES: Record<string, string> = {
  label: `SELECT concat_ws(' ', layer, "sourceId", month, "labelId", kind) AS key, ARRAY[spans, articles] AS value FROM "SourceLabelRollup"`,
  coverage: `SELECT concat_ws(' ', layer, "sourceId", month) AS key, ARRAY[articles, words]::float8[] AS value FROM "SourceCoverageRollup"`,
  expression: `SELECT concat_ws(' ', layer, "sourceId", month, "labelId", kind, expression) AS key, ARRAY[spans, articles]::float8[] AS value FROM "SourceExpressionRollup"`,
  speaker: `SELECT concat_ws(' ', layer, "sourceId", month, "labelId", kind, speaker) AS key, ARRAY[spans]::float8[] AS value FROM "SourceSpeakerRollup"`,
  spanCounts: `SELECT concat_ws(' ', "articleId", "sourceId", layer, "labelId", kind) AS key, ARRAY[spans]::float8[] AS value FROM "ArticleSpanCount"`,
  expressionCounts: `SELECT concat_ws(' ', "articleId", layer, "labelId", kind, hash, expression, speaker) AS key, ARRAY[spans]::float8[] AS value FROM "ArticleExpressionCount"`,
  places: `SELECT concat_ws(' ', "articleId", "sourceId", month) AS key, ARRAY[words]::float8[] AS value FROM "ArticleRollupState"`,
  agreement: `SELECT concat_ws(' ', "sourceId", month) AS key, ARRAY[articles, defined, "alphaSum"]::float8[] AS value FROM "SourceAgreementRollup"`,
  articleAgreement: `SELECT concat_ws(' ', "articleId", "sourceId", month) AS key, ARRAY[raters, COALESCE(alpha, -99)]::float8[] AS value FROM "ArticleAgreement"`,
};

/** Folds every delta and recomputes every queued agreement figure. */
async function foldAll() {
  for (let i = 0; i < 100; i++) {
    await foldRollups(10_000);
    await refreshArticleAgreementsFor(Infinity);
    const [left] = await db().$queryRaw<{ n: number }[]>`SELECT (SELECT count(*) FROM "RollupDelta") + (SELECT count(*) FROM "AgreementQueue") AS n`;
    if (Number(left!.n) === 0) return;
  }
  throw new Error("the deltas never drained");
}

/** Every folded table, without rows that hold nothing (a fold may leave a key at zero; a rebuild never writes one). */
async function snapshot(): Promise<Record<string, Map<string, number[]>>> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(async ([name, sql]) => {
      const rows = await db().$queryRawUnsafe<Row[]>(`SELECT key, value FROM (${sql}) t ORDER BY key`);
      return [name, new Map(rows.filter((r) => r.value.some((v) => Math.abs(v) > 1e-9)).map((r) => [r.key, r.value]))] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function expectFoldedEqualsRebuilt() {
  await foldAll();
  const folded = await snapshot();
  await db().$executeRaw`SELECT slant_rebuild_source_rollups()`;
  await foldAll();
  const rebuilt = await snapshot();
  for (const [table, rows] of Object.entries(rebuilt)) {
    expect([...folded[table]!.keys()], table).toEqual([...rows.keys()]);
    for (const [key, value] of rows) {
      folded[table]!.get(key)!.forEach((v, i) => expect(v, `${table} ${key}`).toBeCloseTo(value[i]!, 9));
    }
  }
}

let labels: Awaited<ReturnType<typeof listLabels>>;
const labelId = (key: string) => labels.find((l) => l.key === key)!.id;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

// Raw writes store the figure keys as every writer does (lib/db/spans/keys.ts): SQL only groups by them.
async function insertSpan(articleId: string, annotator: Actor, label: string, start: number, attributes: Record<string, unknown> = {}, quote = "word") {
  const keys = spanKeys({ quote, attributes });
  const [row] = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, attributes, "updatedAt", "attributionKind", "quoteKey", "speakerKey", "speakerName")
    VALUES (${articleId}::uuid, ${annotator.id}::uuid, ${labelId(label)}::uuid, ${start}, ${start + 4}, ${quote}, '', '', ${JSON.stringify(attributes)}::jsonb, now(),
            ${keys.attributionKind}, ${keys.quoteKey}, ${keys.speakerKey}, ${keys.speakerName})
    RETURNING id::text`;
  return row!.id;
}

beforeAll(async () => {
  await seedLabels(db(), (await loadSeeds()).labels);
  labels = await listLabels();
});

describe("the delta log and the fold", () => {
  it("a span is one appended row, and readers count it before any fold", async () => {
    const u = await makeUser("ANALYST");
    const article = await makeArticle(u, { body: words(50), publishedAt: "2024-03-05" });
    await foldAll();
    const scope = { sourceId: article.source.id, layer: ALL_ANNOTATORS_LAYER, bounds: monthBounds({}) };
    const read = async () => ({
      labels: (await readLabelRollup(scope)).sort((a, b) => `${a.key}${a.kind}`.localeCompare(`${b.key}${b.kind}`)),
      monthly: (await readLabelRollup({ ...scope, byMonth: true })).length,
      coverage: (await readCoverage(scope)).sort((a, b) => a.layer.localeCompare(b.layer)),
      counts: await readArticleCounts({ ...scope, labelIds: labels.map((l) => l.id) }),
      loaded: await topLoadedExpressions(scope),
      attributions: await topAttributions(scope),
    });

    await insertSpan(article.id, u, "loaded_language", 0, {}, " Regime ");
    await insertSpan(article.id, u, "attribution", 5, { speaker: "Activists ", kind: "vague" });
    const [log] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "RollupDelta" WHERE "articleId" = ${article.id}::uuid`;
    expect(log!.n).toBe(2);
    const unfolded = await read();
    expect(unfolded.loaded).toEqual([{ expression: "regime", spans: 1, articles: 1 }]);
    expect(unfolded.attributions).toEqual([{ speakerKey: "activists", speaker: "Activists", kind: "vague", spans: 1, articles: 1 }]);
    expect(unfolded.counts.articles.map((a) => a.id)).toEqual([article.id]);
    expect(unfolded.labels.map((l) => [l.key, l.kind, l.spans, l.articles])).toEqual([
      ["attribution", "*", 1, 1],
      ["attribution", "vague", 1, 1],
      ["loaded_language", "*", 1, 1],
    ]);

    await foldAll();
    expect(await read()).toEqual(unfolded);
  });

  it("concurrent writers and folds end where a rebuild from the spans does", async () => {
    const [u1, u2, reviewer] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
    const source = unique("Delta source");
    const articles: Awaited<ReturnType<typeof makeArticle>>[] = [];
    for (const [i, publishedAt] of ["2024-01-10", "2024-01-20", "2024-02-03", null].entries()) {
      articles.push(await makeArticle(u1, { source, body: `${i} ${words(120)}`, publishedAt }));
    }
    const other = await makeArticle(u1, { body: words(80), publishedAt: "2023-12-01" });
    const kinds = ["named", "anonymous", "vague", undefined];
    const write = async (writer: number) => {
      const annotator = writer % 2 ? u2 : u1;
      const ids: string[] = [];
      for (let n = 0; n < 12; n++) {
        const article = articles[(writer + n) % articles.length]!;
        const label = ["claim", "attribution", "loaded_language", "unverified"][(writer * 3 + n) % 4]!;
        const attributes = label === "attribution" ? { speaker: ["Tahir", " tahir", "Officials"][n % 3], kind: kinds[n % 4] } : {};
        ids.push(await insertSpan(article.id, annotator, label, (n * 7) % 100, attributes, ["Regime", "regime ", "so-called"][n % 3]));
        if (n % 4 === 3) await db().$executeRaw`UPDATE "Annotation" SET "deletedAt" = now() WHERE id = ${ids.shift()!}::uuid`;
        if (n % 5 === 4) {
          const moved = { speaker: "Moved", kind: "named" };
          const [quote] = await db().$queryRaw<{ quote: string }[]>`SELECT quote FROM "Annotation" WHERE id = ${ids[0]!}::uuid`;
          await db().$executeRaw`UPDATE "Annotation" SET "labelId" = ${labelId("attribution")}::uuid, attributes = ${JSON.stringify(moved)}::jsonb,
            ${spanKeysSet(spanKeys({ quote: quote!.quote, attributes: moved }))} WHERE id = ${ids[0]!}::uuid`;
        }
      }
    };
    const fold = async () => {
      for (let n = 0; n < 15; n++) await foldRollups(3);
    };
    await Promise.all([...Array.from({ length: 6 }, (_, w) => write(w)), fold(), fold()]);
    await foldAll(); // so that the moves below move folded figures

    // Gold, an article moved to another month and another source, one deleted, an assignment.
    await db().goldAnnotation.create({
      data: withSpanKeys({ articleId: articles[0]!.id, labelId: labelId("loaded_language"), start: 0, end: 4, quote: "Regime", prefix: "", suffix: "", adjudicatorId: reviewer.id }),
    });
    await db().article.update({ where: { id: articles[1]!.id }, data: { publishedAt: new Date("2024-02-28T00:00:00Z") } });
    await db().article.update({ where: { id: articles[2]!.id }, data: { sourceId: other.source.id } });
    await db().assignment.upsert({
      where: { articleId_userId: { articleId: articles[3]!.id, userId: reviewer.id } },
      create: { articleId: articles[3]!.id, userId: reviewer.id, status: "IN_PROGRESS" },
      update: { status: "IN_PROGRESS" },
    });
    await db().article.delete({ where: { id: articles[3]!.id } });
    const scope = { sourceId: other.source.id, layer: ALL_ANNOTATORS_LAYER, bounds: monthBounds({}) };
    const moved = async () => [await readArticleCounts({ ...scope, labelIds: labels.map((l) => l.id) }), await topAttributions(scope)];
    const beforeFold = await moved();
    expect((beforeFold[0] as { articles: { id: string }[] }).articles.map((a) => a.id)).toContain(articles[2]!.id);
    await foldAll();
    expect(await moved()).toEqual(beforeFold);
    await expectFoldedEqualsRebuilt();
  });

  it("an annotator's first span changes every label's all-annotators mean on the article", async () => {
    const [u1, u2] = [await makeUser("ANALYST"), await makeUser("ANALYST")];
    const article = await makeArticle(u1, { body: words(40), publishedAt: "2024-05-01" });
    await insertSpan(article.id, u1, "claim", 0);
    await insertSpan(article.id, u1, "claim", 10);
    await foldAll();
    await insertSpan(article.id, u2, "unverified", 20); // u2 joins: u1's 2 claims are now averaged over 2 annotators
    const scope = { sourceId: article.source.id, layer: ALL_ANNOTATORS_LAYER, bounds: monthBounds({}) };
    const byKey = async () => Object.fromEntries((await readLabelRollup(scope)).filter((r) => r.kind === "*").map((r) => [r.key, r.spans]));
    expect(await byKey()).toEqual({ claim: 1, unverified: 0.5 });
    await foldAll();
    expect(await byKey()).toEqual({ claim: 1, unverified: 0.5 });
    expect((await readLabelRollup({ ...scope, layer: GOLD_LAYER })).length).toBe(0);
    await expectFoldedEqualsRebuilt();
  });

  it("a fold that cannot take the lock returns at once; figures still count the new span", async ({ skip }) => {
    if (process.env.SLANT_DATABASE_MODE === "embedded") skip("one PGlite session: an advisory lock cannot block another connection");
    const u = await makeUser("ANALYST");
    const article = await makeArticle(u, { body: words(20), publishedAt: "2024-06-01" });
    const scope = { sourceId: article.source.id, layer: u.id, bounds: monthBounds({}) };
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIGURES_FOLD_LOCK})`; // another fold in progress
      await insertSpan(article.id, u, "claim", 0);
      const started = performance.now();
      const [result] = await db().$queryRaw<{ folded: number }[]>`SELECT slant_fold_rollups(100) AS folded`;
      expect(result!.folded).toBe(-1);
      expect(performance.now() - started).toBeLessThan(1000);
      expect((await readLabelRollup(scope)).map((r) => [r.key, r.spans])).toEqual([["claim", 1]]);
    });
    await expectFoldedEqualsRebuilt();
  });

  it("a writer never folds: a long run of appends stays in the log until a background fold (decision 0016)", async () => {
    const u = await makeUser("ANALYST");
    const article = await makeArticle(u, { body: `no fold ${Date.now()} ${words(20)}`, publishedAt: "2024-07-01" });
    await foldAll();
    // More appends than the old every-1,024th-delta fold inside the writer's statement allowed, counted in the
    // writer's own transaction: a background fold elsewhere cannot see (or fold) them before they commit.
    const logged = async (client: Pick<ReturnType<typeof db>, "$queryRaw">) =>
      (await client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "RollupDelta" WHERE "articleId" = ${article.id}::uuid`)[0]!.n;
    const inWriter = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT count(*)::int FROM (SELECT slant_append_delta(${article.id}::uuid, NULL, NULL, NULL, NULL, NULL, NULL, 0) FROM generate_series(1, 1100)) x`;
      return logged(tx);
    });
    expect(inWriter).toBe(1100);
    await foldAll();
    expect(await logged(db())).toBe(0);
  });
});
