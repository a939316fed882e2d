// Source views at scale: a generated corpus (default 200 sources, 200,000
// articles, 5,000,000 annotations; BENCH_SOURCES / BENCH_ARTICLES /
// BENCH_ANNOTATIONS / BENCH_ANNOTATORS to change), loaded with the triggers
// off, then the rollups rebuilt and every article's agreement computed (what a
// deployment does after the migration). Then the sources index and a source
// page timed as the app runs them (lib/db, in process: fold, rollups + pending
// deltas, per-article counts, bootstrap, expression lists, agreement), each
// next to the cheapest query for the same figures (one aggregate over the
// folded rollup table) and the naive one (the same figures straight from the
// spans). Last, how long a new annotation takes to show in the figures, before
// and after it is folded.
// Usage: BENCH_DATABASE_URL=postgresql://… npm run bench:sources
import pg from "pg";
import { ALL_ANNOTATORS_LAYER } from "../lib/aggregates/layers";
import { openBenchDatabase, percentile } from "./support/common";
import { fillCorpus } from "./support/sources-corpus";

const size = {
  sources: Number(process.env.BENCH_SOURCES ?? 200),
  articles: Number(process.env.BENCH_ARTICLES ?? 200_000),
  annotations: Number(process.env.BENCH_ANNOTATIONS ?? 5_000_000),
  annotators: Number(process.env.BENCH_ANNOTATORS ?? 30),
};
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const database = await openBenchDatabase();
const { db } = await import("../lib/db/client");
const { seedLabels } = await import("../lib/db/seed");
const { loadSeeds } = await import("../seeds/load");
const { createUser } = await import("../lib/db/accounts/users");
const { sourcesIndexStats } = await import("../lib/db/figures/sources-index");
const { sourceStats } = await import("../lib/db/figures/source");
const { SourceViewQuery } = await import("../lib/schemas/sources");
const { refreshArticleAgreementsFor } = await import("../lib/db/figures/agreement");
const { readLabelRollup } = await import("../lib/db/figures/rollups");
const { monthBounds } = await import("../lib/db/figures/basis");

async function time(runs: number, op: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await op();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

try {
  console.log(`\nSource views on a fresh ${database.kind} database: ${JSON.stringify(size)}`);
  await seedLabels(db(), (await loadSeeds()).labels);
  await fillCorpus(database.url, size);
  const agreementStarted = performance.now();
  await refreshArticleAgreementsFor(Infinity, 2000);
  console.log(`  ${"agreement of every article".padEnd(34)} ${((performance.now() - agreementStarted) / 1000).toFixed(1).padStart(6)} s`);
  const actor = await createUser({ email: "bench-reviewer@bench.example", name: "Bench reviewer", role: "REVIEWER", password: "bench password 1" });
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  const sourceIds = (await raw.query<{ id: string }>(`SELECT id FROM "Source" ORDER BY name`)).rows.map((r) => r.id);
  const query = SourceViewQuery.parse({});
  let n = 0;
  const nextSource = () => sourceIds[n++ % sourceIds.length]!;
  const all = `'${ALL_ANNOTATORS_LAYER}'`;

  const rows: [string, { p50: number; p95: number }, number?][] = [];
  const index = await time(RUNS, () => sourcesIndexStats({ actor, query }));
  const indexFloor = await time(RUNS, () => raw.query(`SELECT "sourceId", "labelId", sum(spans) FROM "SourceLabelRollup" WHERE layer = ${all} AND kind = '*' AND month = 'infinity' GROUP BY 1, 2`));
  const indexNaive = await time(3, () => raw.query(`SELECT a."sourceId", x."labelId", count(*) FROM "Annotation" x JOIN "Article" a ON a.id = x."articleId" WHERE x."deletedAt" IS NULL GROUP BY 1, 2`));
  rows.push(["sources index (all annotators)", index], ["  floor: one aggregate over the rollup", indexFloor], ["  naive: count the spans (raw counts only)", indexNaive, 3]);
  const page = await time(RUNS, () => sourceStats({ actor, sourceId: nextSource(), query }));
  const pageFloor = await time(RUNS, () => raw.query(`SELECT "labelId", month, sum(spans) FROM "SourceLabelRollup" WHERE layer = ${all} AND "sourceId" = $1 AND month <> 'infinity' GROUP BY 1, 2`, [nextSource()]));
  const pageNaive = await time(3, () => raw.query(`SELECT x."labelId", count(*) FROM "Annotation" x JOIN "Article" a ON a.id = x."articleId" WHERE a."sourceId" = $1 AND x."deletedAt" IS NULL GROUP BY 1`, [nextSource()]));
  rows.push(["source page (all annotators, bootstrap)", page], ["  floor: one aggregate over the rollup", pageFloor], ["  naive: count the source's spans", pageNaive, 3]);

  console.log(`\n${"query".padEnd(44)}${"p50".padStart(10)}${"p95".padStart(10)}   runs`);
  for (const [name, t, runs] of rows) console.log(`${name.padEnd(44)}${t.p50.toFixed(1).padStart(8)} ms${t.p95.toFixed(1).padStart(8)} ms   ${runs ?? RUNS}`);
  console.log(`\nindex p95 ×${(index.p95 / indexFloor.p95).toFixed(1)} the floor; source page p95 ×${(page.p95 / pageFloor.p95).toFixed(1)} the floor`);
  console.log(`target p95 < 150 ms: index ${index.p95 < 150 ? "met" : "NOT met"}, source page ${page.p95 < 150 ? "met" : "NOT met"}`);

  // Freshness: insert a span, then read the figures under the inserting annotator's basis (under
  // "all annotators" a new annotator changes the article's mean, so the figure may go either way):
  // first straight from rollups + pending deltas (no fold), then as a page does (fold first).
  const target = (await raw.query<{ id: string; sourceId: string; labelId: string }>(
    `SELECT a.id, a."sourceId", (SELECT id FROM "Label" WHERE key = 'claim') AS "labelId" FROM "Article" a WHERE a."publishedAt" IS NOT NULL LIMIT 1`,
  )).rows[0]!;
  const mine = SourceViewQuery.parse({ basis: actor.id });
  const unfolded = async () => (await readLabelRollup({ layer: actor.id, bounds: monthBounds(mine), sourceId: target.sourceId })).find((r) => r.key === "claim" && r.kind === "*")?.spans ?? 0;
  const claims = async () => (await sourceStats({ actor, sourceId: target.sourceId, query: mine })).labels.find((l) => l.key === "claim")!.count;
  const before = await claims();
  const t0 = performance.now();
  await raw.query(`INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, "updatedAt") VALUES ($1, $2, $3, 0, 4, 'Body', '', '', now())`, [target.id, actor.id, target.labelId]);
  const insertMs = performance.now() - t0;
  const pending = Number((await raw.query<{ n: string }>(`SELECT count(*) AS n FROM "RollupDelta"`)).rows[0]!.n);
  const early = await unfolded();
  const earlyMs = performance.now() - t0;
  const after = await claims();
  const seen = (x: number) => (x > before ? "visible" : "NOT visible");
  console.log(`\nfreshness: insert with triggers ${insertMs.toFixed(1)} ms (${pending} delta row(s) pending); claims ${before.toFixed(2)} → ${early.toFixed(2)} before any fold (${seen(early)}, ${earlyMs.toFixed(0)} ms from insert) → ${after.toFixed(2)} on the page, folded (${seen(after)}, ${(performance.now() - t0).toFixed(0)} ms from insert)`);
  await raw.end();
} finally {
  await db().$disconnect();
  await database.dispose();
}
