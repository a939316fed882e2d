import pg from "pg";
import { keyUnkeyedSpans } from "../../lib/db/span-keys";

// Fills a fresh database with a synthetic corpus in a few INSERT … SELECT
// generate_series statements. The rollup triggers are off during the load and
// the spans keyed by the migration runner's key step (the TypeScript keys every
// writer stores, lib/aggregates/normalize.ts) and the rollups rebuilt set-based
// afterwards (what the runner does after it keys spans).
// Bodies are long enough to hold every span, so agreement can be computed.
// Label mix roughly as analysts tag news: 35% claims, 25% attributions (half
// vague, a quarter anonymous), 25% loaded language, 15% unverified.

export type CorpusSize = { sources: number; articles: number; annotations: number; annotators: number };

// USER: the rollup triggers, whatever their names; foreign keys stay checked.
const TABLES = ["Article", "Annotation"] as const;

async function timed(label: string, run: () => Promise<unknown>) {
  const t0 = performance.now();
  await run();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
}

export async function fillCorpus(url: string, size: CorpusSize) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const q = (sql: string) => c.query(sql);
  for (const table of TABLES) await q(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
  await timed(`${size.annotators} annotators, ${size.sources} sources`, async () => {
    await q(`INSERT INTO "User" (email, name, "passwordHash", "updatedAt") SELECT 'bench' || i || '@bench.example', 'Annotator ' || i, 'x', now() FROM generate_series(1, ${size.annotators}) i`);
    await q(`INSERT INTO "Source" (name, slug, "updatedAt") SELECT 'Outlet ' || i, 'outlet-' || i, now() FROM generate_series(1, ${size.sources}) i`);
    await q(`CREATE TABLE bench_source AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "Source"`);
    await q(`CREATE TABLE bench_user AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "User" WHERE email LIKE 'bench%'`);
  });
  await timed(`${size.articles} articles`, () =>
    q(`INSERT INTO "Article" ("sourceId", title, body, "contentHash", "wordCount", "publishedAt", "updatedAt")
       SELECT s.id, 'Article ' || i, 'Body of article ' || i || '. ' || repeat('Lorem ipsum dolor sit amet. ', 22), md5('bench' || i), 250 + (i * 7919) % 1500,
              CASE WHEN i % 20 = 0 THEN NULL ELSE DATE '2021-01-01' + (i * 37) % 1461 END, now()
       FROM generate_series(0, ${size.articles - 1}) i JOIN bench_source s ON s.n = i % ${size.sources}`),
  );
  await q(`CREATE TABLE bench_article AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "Article"; CREATE UNIQUE INDEX ON bench_article (n)`);
  await timed(`${size.annotations} annotations`, () =>
    q(`WITH labels AS (SELECT key, id FROM "Label")
       INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, attributes, "updatedAt")
       SELECT a.id, u.id, l.id, (i * 13 + (i / ${size.articles}) * 41) % 500, (i * 13 + (i / ${size.articles}) * 41) % 500 + 5 + i % 40,
              CASE WHEN pick.key = 'loaded_language' THEN (ARRAY['regime','terrorists','so-called','militants','occupation','Regime','massacre','thugs'])[1 + i % 8] ELSE 'span ' || i END,
              '', '',
              CASE WHEN pick.key = 'attribution' THEN jsonb_build_object('speaker', 'Speaker ' || (i % 50), 'kind', (ARRAY['vague','vague','anonymous','named'])[1 + (i / 7) % 4]) ELSE '{}'::jsonb END,
              now()
       FROM generate_series(0, ${size.annotations - 1}) i
       CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 < 7 THEN 'claim' WHEN i % 20 < 12 THEN 'attribution' WHEN i % 20 < 17 THEN 'loaded_language' ELSE 'unverified' END AS key) pick
       JOIN labels l ON l.key = pick.key
       JOIN bench_article a ON a.n = i % ${size.articles}
       JOIN bench_user u ON u.n = (i % ${size.articles} + (i / ${size.articles}) % 3) % ${size.annotators}`),
  );
  for (const table of TABLES) await q(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
  await timed("key spans (TypeScript)", async () => {
    await q("BEGIN");
    await keyUnkeyedSpans(c);
    await q("COMMIT");
  });
  await timed("rebuild rollups", () => q(`SELECT slant_rebuild_source_rollups()`));
  await q(`DROP TABLE bench_source, bench_user, bench_article`);
  await timed("vacuum analyze", () => q(`VACUUM ANALYZE`)); // VACUUM refuses to run inside a multi-statement query
  await c.end();
}
