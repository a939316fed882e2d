// Unitizing alpha and pairwise span F1 over 1,000 articles × 3 annotators ×
// 50 spans each, as the agreement report computes them. Baseline in the same
// run: sorting the same spans per article, the least any span measure must do.
// Usage: npm run bench:agreement (BENCH_ARTICLES=n for a smaller corpus)
import { spanF1, unitizingAlpha } from "../lib/agreement";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000);
const RATERS = ["a", "b", "c"];
const SPANS = 50;
const LENGTH = 12_000;
const categories = ["claim", "attribution", "loaded_language", "unverified"];

/** Deterministic pseudo-random spans: raters mostly agree, with jittered boundaries and some misses. */
function corpus() {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: ARTICLES }, (_, article) =>
    RATERS.flatMap((rater) =>
      Array.from({ length: SPANS }, (_, i) => {
        const start = i * 230 + Math.floor(random() * 30);
        return { doc: `article-${article}`, rater, category: categories[Math.floor(random() * 4)]!, label: "", start, end: start + 20 + Math.floor(random() * 120) };
      }).map((s) => ({ ...s, label: s.category })),
    ),
  );
}

function timed<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

const articles = corpus();

const baseline = timed(() => articles.reduce((n, spans) => n + [...spans].sort((x, y) => x.start - y.start || x.end - y.end).length, 0));
const alpha = timed(() => articles.map((spans) => unitizingAlpha(spans, { start: 0, end: LENGTH }, { raters: RATERS }).value));
const f1 = timed(() =>
  articles.map((spans) => {
    const by = (r: string) => spans.filter((s) => s.rater === r);
    return [spanF1(by("a"), by("b")), spanF1(by("a"), by("c")), spanF1(by("b"), by("c"))].map((x) => x.partial.f1);
  }),
);
const peakRss = process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB

const defined = alpha.result.filter((v) => v !== null) as number[];
console.log(`\nAgreement over ${ARTICLES} articles × ${RATERS.length} annotators × ${SPANS} spans (${ARTICLES * RATERS.length * SPANS} spans)`);
console.log(`unitizing alpha (per article, 4 labels)  ${alpha.ms.toFixed(0).padStart(6)} ms   mean α ${(defined.reduce((a, b) => a + b, 0) / defined.length).toFixed(3)}`);
console.log(`span F1, 3 pairs per article             ${f1.ms.toFixed(0).padStart(6)} ms`);
console.log(`baseline: sort the same spans            ${baseline.ms.toFixed(0).padStart(6)} ms`);
console.log(`total ${(alpha.ms + f1.ms).toFixed(0)} ms (×${((alpha.ms + f1.ms) / baseline.ms).toFixed(1)} the baseline); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
console.log(`target < 2000 ms: ${alpha.ms + f1.ms < 2000 ? "met" : "NOT met"}`);

// ---------------------------------------------------------------------------------------------
// The agreement report as a reviewer asks for it (lib/db/figures/agreement-report.ts), on a fresh
// database (BENCH_DATABASE_URL's server, else embedded): 1,000 articles × 3 annotators × 50 spans,
// plus a second source of 670 articles of which 640 have a single annotator. Reported: a report
// right after the bulk write (answers with what is pending), the agreement queue computing and
// storing every article's figures on the worker thread (as it does after span writes in the app)
// with the event loop's worst stall meanwhile, the first report after it (reads them), again, and
// each source alone, against a baseline in the same run: one SQL scan of the same spans.
await reportBench();

async function reportBench() {
  const { openBenchDatabase } = await import("./support/common");
  const database = await openBenchDatabase();
  const { db } = await import("../lib/db/client");
  const { seedLabels } = await import("../lib/db/seed");
  const { loadSeeds } = await import("../seeds/load");
  const { agreementFiguresSettled, getAgreementReport } = await import("../lib/db/figures/agreement-report");
  const { refreshArticleAgreementsFor } = await import("../lib/db/figures/agreement");
  const { foldRollups } = await import("../lib/db/figures/rollups");
  const { longArticle } = await import("./support/corpus");
  try {
    await seedLabels(db(), (await loadSeeds()).labels);
    const client = db();
    const users = await client.$queryRaw<{ id: string }[]>`
      INSERT INTO "User" (email, name, "passwordHash", role, "updatedAt")
      SELECT 'bench' || i || '@example.org', 'Bench ' || i, 'x', (CASE WHEN i = 0 THEN 'REVIEWER' ELSE 'ANALYST' END)::"Role", now() FROM generate_series(0, 3) i
      RETURNING id::text AS id`;
    const [reviewerId, ...raterIds] = users.map((u) => u.id);
    const reviewer = { id: reviewerId!, email: "bench0@example.org", name: "Bench 0", role: "REVIEWER" as const };
    const text = longArticle(2_200, "bench").slice(0, LENGTH - 40);
    const sources = await client.$queryRaw<{ id: string }[]>`
      INSERT INTO "Source" (name, slug, "updatedAt") VALUES ('Bench three', 'bench-three', now()), ('Bench mostly one', 'bench-mostly-one', now()) RETURNING id::text AS id`;
    const makeArticles = (sourceId: string, count: number, tag: string) => client.$executeRaw`
      INSERT INTO "Article" ("sourceId", title, body, "contentHash", "wordCount", "updatedAt")
      SELECT ${sourceId}::uuid, ${tag} || i, ${text} || ' (' || ${tag} || i || ')', md5(${tag} || i), 2000, now() FROM generate_series(1, ${count}::int) i`;
    await makeArticles(sources[0]!.id, ARTICLES, "three-");
    await makeArticles(sources[1]!.id, 670, "mostly-one-");
    // Spans: 50 per annotator and article, jittered as in corpus() above; articles of the second
    // source get one annotator, except every 22nd (30 of them), which gets two.
    await client.$executeRaw`
      INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, "updatedAt")
      SELECT a.id, r.id, l.id, s.start, s.start + s.len, substr(a.body, s.start + 1, s.len), '', '', now()
      FROM "Article" a
      CROSS JOIN LATERAL (SELECT u, ord FROM unnest(${raterIds}::uuid[]) WITH ORDINALITY t(u, ord)) rr
      JOIN "User" r ON r.id = rr.u
      CROSS JOIN LATERAL (SELECT i * 230 + floor(random() * 30)::int AS start, 20 + floor(random() * 120)::int AS len, i FROM generate_series(0, ${SPANS - 1}::int) i) s
      CROSS JOIN LATERAL (SELECT id FROM "Label" ORDER BY key OFFSET floor(random() * 4)::int + 0 * s.i LIMIT 1) l
      WHERE a."sourceId" = ${sources[0]!.id}::uuid
         OR (rr.ord = 1 OR (rr.ord = 2 AND right(a.title, 2) ~ '^[0-9]+$' AND substring(a.title from '[0-9]+$')::int % 22 = 0))`;
    const spanCount = Number((await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Annotation"`)[0]!.n);

    const time = async <T>(fn: () => Promise<T>) => {
      const t0 = performance.now();
      const result = await fn();
      return { ms: performance.now() - t0, result };
    };
    const baseline = await time(() => client.$queryRaw`SELECT count(*), sum("end" - start) FROM "Annotation" x JOIN "Label" l ON l.id = x."labelId" WHERE x."deletedAt" IS NULL`);
    // The event loop's worst stall while agreement work runs (figures are computed on the worker thread).
    const { monitorEventLoopDelay } = await import("node:perf_hooks");
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const worstStall = () => (loop.max / 1e6).toFixed(0);
    loop.enable();
    // Right after the bulk write, before anything was computed: the report waits a moment, then says what is pending.
    const early = await time(() => getAgreementReport({ actor: reviewer, query: {} }));
    // What happens after span writes in the app: the agreement queue computes and stores every article's figures.
    const queued = await time(async () => {
      while (Number((await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "RollupDelta"`)[0]!.n) > 0) await foldRollups(10_000);
      await refreshArticleAgreementsFor(Infinity, 50);
      await agreementFiguresSettled();
    });
    const stallDuringQueue = worstStall();
    loop.reset();
    const cold = await time(() => getAgreementReport({ actor: reviewer, query: {} }));
    const warm = await time(() => getAgreementReport({ actor: reviewer, query: {} }));
    const three = await time(() => getAgreementReport({ actor: reviewer, query: { sourceId: sources[0]!.id } }));
    const mostlyOne = await time(() => getAgreementReport({ actor: reviewer, query: { sourceId: sources[1]!.id } }));
    const stallDuringReports = worstStall();
    loop.disable();
    const stored = Number((await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ArticleAgreementFigures"`)[0]!.n);

    console.log(`\nAgreement report (${database.kind} database): ${ARTICLES} articles × 3 annotators + 670 articles (640 single-annotator); ${spanCount} spans`);
    console.log(`baseline: one SQL scan of the spans        ${baseline.ms.toFixed(0).padStart(6)} ms`);
    console.log(`report before any figure is computed       ${early.ms.toFixed(0).padStart(6)} ms   compared ${early.result.articlesCompared}, pending ${early.result.articlesPending}, skipped ${early.result.articlesSkipped}`);
    console.log(`agreement queue after the writes (worker)  ${queued.ms.toFixed(0).padStart(6)} ms   worst event-loop stall meanwhile ${stallDuringQueue} ms`);
    console.log(`first report after the queue ran           ${cold.ms.toFixed(0).padStart(6)} ms   compared ${cold.result.articlesCompared}, pending ${cold.result.articlesPending}, skipped ${cold.result.articlesSkipped}   ×${(cold.ms / baseline.ms).toFixed(1)} the baseline`);
    console.log(`report again (stored figures)              ${warm.ms.toFixed(0).padStart(6)} ms   ×${(warm.ms / baseline.ms).toFixed(1)} the baseline`);
    console.log(`  source of ${ARTICLES} × 3 only`.padEnd(43) + `${three.ms.toFixed(0).padStart(6)} ms`);
    console.log(`  source of 670, mostly single-annotator  ${mostlyOne.ms.toFixed(0).padStart(6)} ms   compared ${mostlyOne.result.articlesCompared}, skipped ${mostlyOne.result.articlesSkipped}`);
    console.log(`worst event-loop stall during the reports  ${stallDuringReports.padStart(6)} ms`);
    console.log(`figures stored for ${stored} articles (single-annotator articles: none)`);
    console.log(`target < 500 ms (first report after the queue, and again): ${cold.ms < 500 && warm.ms < 500 ? "met" : "NOT met"}`);
  } finally {
    await db().$disconnect();
    await database.dispose();
  }
}
