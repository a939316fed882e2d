import { beforeAll, describe, expect, it } from "vitest";
import { bootstrapDensityIntervals } from "../../lib/aggregates/bootstrap";
import type { Actor } from "../../lib/auth/policy";
import { sourcesIndexStats } from "../../lib/db/figures/sources-index";
import { sourceEvidence } from "../../lib/db/figures/evidence";
import { sourceStats } from "../../lib/db/figures/source";
import { articleAlpha, formatAgreement, HIDDEN_AGREEMENT } from "../../lib/aggregates/agreement";
import { createAnnotation, deleteAnnotation } from "../../lib/db/spans/annotations";
import { setAssignmentStatus } from "../../lib/db/articles/assignments";
import { db } from "../../lib/db/client";
import { withSpanKeys } from "../../lib/db/spans/keys";
import { refreshAgreementInBackground } from "../../lib/db/figures/agreement";
import { listLabels } from "../../lib/db/labels/list";
import { seedLabels } from "../../lib/db/seed";
import { EvidenceQuery, SourceViewQuery } from "../../lib/schemas/sources";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

// A hand-built corpus: three annotated articles and one that nobody read.
//   A1 (2024-01) analyst 1: loaded "Regime", loaded "regime", attribution (vague, Activists), unverified
//                analyst 2: loaded "Regime", attribution (named, Tahir al-Omar); gold: loaded "Regime"
//   A2 (2024-02) analyst 1: claim      A3 (undated) analyst 2: loaded "so-called"      A4 (2024-02) nothing
const cp = (text: string, needle: string, from = 0) => Array.from(text.slice(0, text.indexOf(needle, from))).length;
const stats = (actor: Actor, sourceId: string, raw: Record<string, string> = {}) => sourceStats({ actor, sourceId, query: SourceViewQuery.parse(raw) });
const evidence = (actor: Actor, sourceId: string, raw: Record<string, string>) => sourceEvidence({ actor, sourceId, query: EvidenceQuery.parse(raw) });
const figure = <T extends { key: string }>(s: { labels: T[] }, key: string): T => s.labels.find((l) => l.key === key)!;

let c: Awaited<ReturnType<typeof corpus>>;

async function corpus() {
  await seedLabels(db(), (await loadSeeds()).labels);
  const [u1, u2, reviewer] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
  const source = unique("Aggregates source");
  const t1 = `${unique("A1")} Regime forces shelled the town, activists said, and Tahir al-Omar confirmed it. The regime denies everything, reportedly.`;
  const t3 = `${unique("A3")} The so-called opposition met again.`;
  const a1 = await makeArticle(u1, { source, body: t1, publishedAt: "2024-01-10" });
  const a2 = await makeArticle(u1, { source, body: `${unique("A2")} Prices rose by ten percent in one month.`, publishedAt: "2024-02-03" });
  const a3 = await makeArticle(u1, { source, body: t3 });
  const a4 = await makeArticle(u1, { source, body: `${unique("A4")} Nothing to see in this short article.`, publishedAt: "2024-02-20" });
  const span = (actor: Actor, articleId: string, text: string, label: string, quote: string, from = 0, attributes?: Record<string, unknown>) =>
    createAnnotation({ actor, articleId, input: { label, start: cp(text, quote, from), end: cp(text, quote, from) + Array.from(quote).length, quote, ...(attributes ? { attributes } : {}) } });
  await span(u1, a1.id, t1, "loaded_language", "Regime");
  await span(u1, a1.id, t1, "loaded_language", "regime");
  await span(u1, a1.id, t1, "attribution", "activists said", 0, { speaker: "Activists", kind: "vague" });
  await span(u1, a1.id, t1, "unverified", "reportedly");
  await span(u2, a1.id, t1, "loaded_language", "Regime");
  await span(u2, a1.id, t1, "attribution", "Tahir al-Omar confirmed", 0, { speaker: " Tahir al-Omar", kind: "named" });
  const claimText = (await db().article.findUniqueOrThrow({ where: { id: a2.id } })).body;
  await span(u1, a2.id, claimText, "claim", "Prices rose by ten percent");
  await span(u2, a3.id, t3, "loaded_language", "so-called");
  const loaded = await db().label.findUniqueOrThrow({ where: { key: "loaded_language" } });
  await db().goldAnnotation.create({
    data: withSpanKeys({ articleId: a1.id, labelId: loaded.id, start: cp(t1, "Regime"), end: cp(t1, "Regime") + 6, quote: "Regime", prefix: "", suffix: "", adjudicatorId: reviewer.id }),
  });
  const words = Object.fromEntries(
    (await db().article.findMany({ where: { id: { in: [a1.id, a2.id, a3.id, a4.id] } } })).map((a) => [a.id, a.wordCount]),
  );
  const sourceId = a1.source.id;
  return { u1, u2, reviewer, sourceId, a1, a2, a3, a4, t1, w: (a: { id: string }) => words[a.id]!, labels: (await listLabels()).map((l) => l.key) };
}

beforeAll(async () => {
  c = await corpus();
});

describe("source figures under the all-annotators basis", () => {
  it("averages each article over its annotators and divides by the words of annotated articles", async () => {
    const s = await stats(c.reviewer, c.sourceId);
    const words = c.w(c.a1) + c.w(c.a2) + c.w(c.a3);
    expect(s).toMatchObject({ articles: 3, words, corpus: { articles: 4, words: words + c.w(c.a4) } });
    const expected = { claim: 1, attribution: 1, loaded_language: 1.5 + 1, unverified: 0.5 };
    for (const [key, count] of Object.entries(expected)) {
      expect(figure(s, key).count).toBeCloseTo(count, 10);
      expect(figure(s, key).per1kWords).toBeCloseTo((count / words) * 1000, 10);
    }
    expect(s.unverifiedArticleShare).toBeCloseTo(1 / 3, 10);
    expect(s.attributionKinds).toMatchObject({ named: 0.5, anonymous: 0, vague: 0.5, anonymousOrVagueShare: 0.5 });
  });

  it("bootstraps intervals over the articles, reproducibly; one article in a month gives a point", async () => {
    const s = await stats(c.reviewer, c.sourceId);
    const perArticle: Record<string, Record<string, number>> = {
      [c.a1.id]: { loaded_language: 1.5, attribution: 1, unverified: 0.5 },
      [c.a2.id]: { claim: 1 },
      [c.a3.id]: { loaded_language: 1 },
    };
    const pairs = [c.a1, c.a2, c.a3].map((a) => ({ words: c.w(a), counts: c.labels.map((k) => perArticle[a.id]![k] ?? 0) }));
    const intervals = bootstrapDensityIntervals(pairs, c.labels.length);
    c.labels.forEach((key, i) => expect(figure(s, key).ci95).toEqual(intervals[i]));
    const january = s.monthly.find((m) => m.month === "2024-01")!;
    const d = (1.5 / c.w(c.a1)) * 1000;
    expect(figure(january, "loaded_language")).toMatchObject({ count: 1.5, ci95: [d, d] });
    expect(s.monthly.map((m) => [m.month, m.articles])).toEqual([["2024-01", 1], ["2024-02", 1]]);
  });

  it("lists normalized loaded expressions and cited speakers with their articles", async () => {
    const s = await stats(c.reviewer, c.sourceId);
    expect(s.topLoaded).toEqual([{ expression: "regime", spans: 3, articles: 1 }, { expression: "so-called", spans: 1, articles: 1 }]);
    expect(s.topAttributions).toEqual([
      { speakerKey: "activists", speaker: "Activists", kind: "vague", spans: 1, articles: 1 },
      { speakerKey: "tahir al-omar", speaker: "Tahir al-Omar", kind: "named", spans: 1, articles: 1 },
    ]);
  });

  it("the index shows the same figures for the source", async () => {
    const index = await sourcesIndexStats({ actor: c.reviewer, query: SourceViewQuery.parse({}) });
    const item = index.items.find((i) => i.source.id === c.sourceId)!;
    const s = await stats(c.reviewer, c.sourceId);
    expect(item).toMatchObject({ articles: s.articles, words: s.words, corpus: s.corpus, unverifiedArticleShare: s.unverifiedArticleShare });
    expect(item.labels.map((l) => l.per1kWords)).toEqual(s.labels.map((l) => l.per1kWords));
  });
});

/** What the background jobs do after writes (lib/jobs/figures.ts): fold the deltas, recompute queued agreement. Views only read. */
const settle = () => refreshAgreementInBackground(Infinity);

describe("agreement per source", () => {
  const spansOf = async (articleId: string) =>
    (await db().annotation.findMany({ where: { articleId, deletedAt: null }, select: { annotatorId: true, start: true, end: true, label: { select: { key: true } } } }))
      .map((a) => ({ rater: a.annotatorId, label: a.label.key, start: a.start, end: a.end }));

  it("the index and the source page show the mean uα over articles with two or more raters", async () => {
    const expected = articleAlpha({ length: Array.from(c.t1).length, raters: [c.u1.id, c.u2.id].sort(), labels: c.labels, spans: await spansOf(c.a1.id) });
    expect(expected).not.toBeNull();
    await settle();
    const index = await sourcesIndexStats({ actor: c.reviewer, query: SourceViewQuery.parse({}) });
    const item = index.items.find((i) => i.source.id === c.sourceId)!;
    expect(item.agreement).toMatchObject({ measure: "unitizing alpha", shown: true, articles: 1, defined: 1, pending: 0, note: null });
    expect(item.agreement.mean).toBeCloseTo(expected!, 12);
    expect((await stats(c.reviewer, c.sourceId)).agreement).toEqual(item.agreement);
    const january = await sourcesIndexStats({ actor: c.reviewer, query: SourceViewQuery.parse({ from: "2024-02", to: "2024-02" }) });
    expect(january.items.find((i) => i.source.id === c.sourceId)!.agreement).toMatchObject({ mean: null, articles: 0, note: /no article has two/ });
  });

  it("analysts do not see it, as they do not see the agreement report", async () => {
    const index = await sourcesIndexStats({ actor: c.u1, query: SourceViewQuery.parse({}) });
    expect(index.items.find((i) => i.source.id === c.sourceId)!.agreement).toEqual(HIDDEN_AGREEMENT);
    expect((await stats(c.u1, c.sourceId)).agreement).toEqual(HIDDEN_AGREEMENT);
  });

  it("says n/a and why; a second annotator, or one who starts and marks nothing, makes an article count", async () => {
    const [u1, u2, u3] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("ANALYST")];
    const body = `${unique("Agree")} The regime said the talks failed, officials said.`;
    const article = await makeArticle(u1, { body, publishedAt: "2024-04-02" });
    const tag = (actor: Actor, quote: string, label = "loaded_language") =>
      createAnnotation({ actor, articleId: article.id, input: { label, start: cp(body, quote), end: cp(body, quote) + Array.from(quote).length, quote } });
    const unsettled = async () => (await sourcesIndexStats({ actor: c.reviewer, query: SourceViewQuery.parse({}) })).items.find((i) => i.source.id === article.source.id)!.agreement;
    const agreement = async () => {
      await settle();
      return unsettled();
    };
    const deltas = async () => (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "RollupDelta"`)[0]!.n;

    await tag(u1, "regime");
    expect(await agreement()).toMatchObject({ mean: null, articles: 0, defined: 0, note: "no article has two or more annotators yet" });
    expect(formatAgreement(await agreement())).toBe("n/a");

    await tag(u2, "regime");
    // Before the fold: the view folds nothing (a GET never writes) and says the article is being recomputed.
    const before = await deltas();
    expect(before).toBeGreaterThan(0);
    expect(await unsettled()).toMatchObject({ mean: null, articles: 0, pending: 1, note: expect.stringContaining("being recomputed") });
    expect(await deltas()).toBe(before);
    expect(await agreement()).toMatchObject({ mean: 1, articles: 1, defined: 1, pending: 0 }); // identical spans
    const loaded = async () => figure(await stats(c.reviewer, article.source.id), "loaded_language").count;
    expect(await loaded()).toBeCloseTo(2 / 2, 12);

    await setAssignmentStatus({ actor: u3, articleId: article.id, status: "IN_PROGRESS" }); // read it, marked nothing
    // Not folded yet: its old figure (1) no longer counts, and it waits.
    expect(await unsettled()).toMatchObject({ mean: null, articles: 0, defined: 0, pending: 1 });
    const withSilent = articleAlpha({ length: Array.from(body).length, raters: [u1.id, u2.id, u3.id].sort(), labels: c.labels, spans: await spansOf(article.id) });
    const now = await agreement();
    expect(now).toMatchObject({ articles: 1, defined: 1 });
    expect(now.mean).toBeCloseTo(withSilent!, 12);
    expect(now.mean).toBeLessThan(1);
    // The same raters divide the all-annotators mean (decision 0014): two spans over three raters.
    expect(await loaded()).toBeCloseTo(2 / 3, 12);
  });
});

describe("other bases and filters", () => {
  it("one annotator: that annotator's spans and articles only", async () => {
    const s = await stats(c.u1, c.sourceId, { basis: c.u1.id });
    expect(s).toMatchObject({ articles: 2, words: c.w(c.a1) + c.w(c.a2), unverifiedArticleShare: 0.5 });
    expect(figure(s, "loaded_language").count).toBe(2);
    expect(s.basis.description).toContain(c.u1.name);
  });

  it("gold only", async () => {
    const s = await stats(c.reviewer, c.sourceId, { basis: "gold" });
    expect(s).toMatchObject({ articles: 1, words: c.w(c.a1) });
    expect(figure(s, "loaded_language")).toMatchObject({ count: 1, per1kWords: (1 / c.w(c.a1)) * 1000 });
    expect(s.topLoaded).toEqual([{ expression: "regime", spans: 1, articles: 1 }]);
  });

  it("a month range leaves out other months and undated articles", async () => {
    const s = await stats(c.reviewer, c.sourceId, { from: "2024-02", to: "2024-02" });
    expect(s).toMatchObject({ articles: 1, words: c.w(c.a2), corpus: { articles: 2 } });
    expect(figure(s, "claim").count).toBe(1);
  });

  it.each([["another annotator's", "u2"], ["the all-annotators", "all"], ["the gold", "gold"]] as const)(
    "analysts may not see %s figures (the blind rule); reviewers may",
    async (_, which) => {
      const basis = which === "u2" ? c.u2.id : which;
      await expect(stats(c.u1, c.sourceId, { basis })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sourcesIndexStats({ actor: c.u1, query: SourceViewQuery.parse({ basis }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(evidence(c.u1, c.sourceId, { basis })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(stats(c.reviewer, c.sourceId, { basis })).resolves.toMatchObject({ basis: { key: basis } });
    },
  );

  it("without a basis, analysts see their own layer and reviewers all annotators", async () => {
    const mine = await stats(c.u1, c.sourceId);
    expect(mine.basis.key).toBe(c.u1.id);
    expect(mine).toMatchObject({ articles: 2, words: c.w(c.a1) + c.w(c.a2) });
    expect(mine.topAttributions.map((a) => a.speaker)).toEqual(["Activists"]);
    expect((await stats(c.reviewer, c.sourceId)).basis.key).toBe("all");
  });
});

describe("evidence", () => {
  it.each([
    ["a label", { label: "loaded_language" }, 4],
    ["a label in a month", { label: "loaded_language", month: "2024-01" }, 3],
    ["undated articles", { month: "undated" }, 1],
    ["an expression, normalized", { label: "loaded_language", expression: " REGIME" }, 3],
    ["anonymous or vague attributions", { label: "attribution", kind: "anonymous_or_vague" }, 1],
    ["a speaker", { label: "attribution", speaker: "tahir al-omar" }, 1],
  ])("%s", async (_, filters, count) => {
    const page = await evidence(c.reviewer, c.sourceId, filters);
    expect(page.items).toHaveLength(count);
    expect(page.items.every((i) => i.href === `/articles/${i.articleId}#annotation-${i.id}`)).toBe(true);
  });

  it("pages with a cursor", async () => {
    const first = await evidence(c.reviewer, c.sourceId, { limit: "5" });
    const second = await evidence(c.reviewer, c.sourceId, { limit: "5", cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.id)).toHaveLength(8);
    expect(second.nextCursor).toBeNull();
  });

  it("an analyst sees only their own spans, on articles they never started too", async () => {
    const page = await evidence(c.u1, c.sourceId, { label: "loaded_language" });
    expect(page.items.map((i) => [i.annotatorId, i.articleId]).sort()).toEqual([[c.u1.id, c.a1.id], [c.u1.id, c.a1.id]].sort());
  });
});

describe("freshness: the triggers keep the figures current", () => {
  it("a new annotation counts at once, a deleted one no longer; a rebuild agrees with the triggers", async () => {
    const t2 = (await db().article.findUniqueOrThrow({ where: { id: c.a4.id } })).body;
    const quote = "Nothing";
    const created = await createAnnotation({ actor: c.u2, articleId: c.a4.id, input: { label: "claim", start: cp(t2, quote), end: cp(t2, quote) + 7, quote } });
    const after = await stats(c.reviewer, c.sourceId);
    expect(after.articles).toBe(4);
    expect(figure(after, "claim").count).toBe(2);
    await deleteAnnotation({ actor: c.u2, id: created.id });
    expect(figure(await stats(c.reviewer, c.sourceId), "claim").count).toBe(1);

    const read = () => db().$queryRaw<{ key: string; spans: number }[]>`
      SELECT concat_ws(' ', layer, month, "labelId", kind) AS key, spans FROM "SourceLabelRollup" WHERE "sourceId" = ${c.sourceId}::uuid AND (spans <> 0 OR articles <> 0) ORDER BY 1`;
    await settle(); // the fold job, which runs after writes
    const byTriggers = await read();
    await db().$executeRaw`SELECT slant_rebuild_source_rollups()`;
    const rebuilt = await read();
    expect(rebuilt.map((r) => r.key)).toEqual(byTriggers.map((r) => r.key));
    rebuilt.forEach((r, i) => expect(r.spans).toBeCloseTo(byTriggers[i]!.spans, 9));
  });

  it("moving an article to another month moves its figures", async () => {
    await db().article.update({ where: { id: c.a2.id }, data: { publishedAt: new Date("2024-01-25T00:00:00Z") } });
    const s = await stats(c.reviewer, c.sourceId);
    // A4 (2024-02) counts: u2 started it (a span made and deleted above) and so rated it, with nothing marked (decision 0014).
    expect(s.monthly.map((m) => [m.month, m.articles])).toEqual([["2024-01", 2], ["2024-02", 1]]);
    expect(figure(s.monthly[0]!, "claim").count).toBe(1);
  });
});
