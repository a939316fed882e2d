import { NO_AGREEMENT, type AgreementSums } from "../../aggregates/agreement";
import type { MonthBounds } from "./basis";
import { articleMonths, foldRollups, oneSource, rollupMonths } from "./rollups";
import type { ArticleFigures } from "../../agreement";
import { candidates, computeFigures, storeReportFigures, type Candidate } from "./agreement-report";
import type { ReportFigures } from "../../agreement/agreement-task";
import { db } from "../client";
import { FIGURES_FOLD_LOCK } from "../locks";
import { Prisma } from "../generated/client";

// Agreement per source (lib/aggregates/agreement.ts): the database keeps one
// current figure per article (ArticleAgreement) and their sums per source and
// month (SourceAgreementRollup); the fold takes an article's figure out and
// queues the article (AgreementQueue) when its spans, place or raters change.
// Computing alpha needs the spans and lib/agreement, so the app recomputes
// queued articles here, a batch at a time, in a background job after writes
// (lib/jobs/figures.ts), on the agreement worker thread; the
// same computation stores the agreement report's figures of each article
// (ArticleAgreementFigures), so that the report finds them ready.


type Stale = { id: string; version: number };

/**
 * The all-label alpha of those of `ids` that the agreement report compares (two or more raters,
 * a live span), from their stored report figures, computing and storing the figures that are
 * missing on the agreement worker: one computation fills both stores. Others (no span, or one
 * rater) need no tokenizing; the caller computes their trivial alpha itself.
 */
async function reportAlphas(ids: string[], labelKeys: string[]): Promise<Map<string, number | null>> {
  const { compared } = await candidates({ articleIds: ids }, labelKeys);
  const alphas = new Map<string, number | null>();
  const missing: Candidate[] = [];
  for (const c of compared) {
    const stored = c.figures === null ? undefined : (JSON.parse(c.figures) as ArticleFigures).alpha;
    if (stored === undefined) missing.push(c);
    else alphas.set(c.id, stored);
  }
  const computed = new Map<string, ReportFigures>();
  await computeFigures(missing, labelKeys, (id, f) => {
    alphas.set(id, f.alpha);
    computed.set(id, f);
  });
  await storeReportFigures(missing, computed);
  return alphas;
}

/** Recomputes up to `limit` queued article figures; returns how many it wrote (0 when none, or when a fold held the lock). */
export async function refreshArticleAgreements(limit = 100): Promise<number> {
  // The queue first, on its own: its statistics may still count the thousands a rebuild queued.
  const stale = await db().$queryRaw<Stale[]>`
    WITH queued AS MATERIALIZED (SELECT q."articleId", q.version FROM "AgreementQueue" q LIMIT ${limit})
    SELECT q."articleId"::text AS id, q.version FROM queued q JOIN "Article" a ON a.id = q."articleId"`;
  if (stale.length === 0) return 0;
  const ids = stale.map((s) => s.id);
  // Raters as the view "ArticleRater" defines them (decision 0014), as the report counts them.
  const [labels, raters] = await Promise.all([
    db().label.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true } }),
    db().$queryRaw<{ id: string; raters: number }[]>`
      SELECT t.id::text AS id, (SELECT count(*)::int FROM "ArticleRater" r WHERE r."articleId" = t.id) AS raters
      FROM unnest(${ids}::uuid[]) t(id)`,
  ]);
  const ratersOf = new Map(raters.map((r) => [r.id, r.raters]));
  // Only articles the report compares (a live span, two or more raters) can have an alpha: the
  // others' is null (nothing to compare, or one rater), without loading their spans.
  const alphas = await reportAlphas(ids, labels.map((l) => l.key));
  const figures = stale.map((s) => ({ raters: ratersOf.get(s.id) ?? 0, alpha: alphas.get(s.id) ?? null }));
  const [written] = await db().$queryRaw<{ n: number }[]>`
    WITH lock AS (
      SELECT pg_try_advisory_xact_lock(${FIGURES_FOLD_LOCK}) AS ok
    ), input AS (
      SELECT * FROM unnest(${ids}::uuid[], ${stale.map((s) => s.version)}::int[], ${figures.map((f) => f.raters)}::int[], ${figures.map((f) => f.alpha)}::float8[])
        AS t(id, version, raters, alpha)
      WHERE (SELECT ok FROM lock)
    ), done AS (
      DELETE FROM "AgreementQueue" q USING input i WHERE q."articleId" = i.id AND q.version = i.version
      RETURNING q."articleId", q."sourceId", q.month, i.raters, i.alpha
    ), stored AS (
      INSERT INTO "ArticleAgreement" ("articleId", "sourceId", "month", "raters", "alpha", "computedAt")
      SELECT d."articleId", d."sourceId", d.month, d.raters, d.alpha, now() FROM done d ORDER BY 1
    ), summed AS (
      INSERT INTO "SourceAgreementRollup" AS r ("sourceId", "month", "articles", "defined", "alphaSum")
      SELECT d."sourceId", b.month, count(*)::int, count(d.alpha)::int, COALESCE(sum(d.alpha), 0)
      FROM done d CROSS JOIN LATERAL (VALUES (d.month), ('infinity'::date)) b(month)
      WHERE d.raters >= 2 GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("sourceId", "month") DO UPDATE
      SET articles = r.articles + excluded.articles, defined = r.defined + excluded.defined, "alphaSum" = r."alphaSum" + excluded."alphaSum"
    )
    SELECT count(*)::int AS n FROM done`;
  return written?.n ?? 0;
}

/** Keeps recomputing for up to `budgetMs` (after a response; after a bulk load, with no budget). */
export async function refreshArticleAgreementsFor(budgetMs: number, batch = 500): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (Date.now() < deadline && (await refreshArticleAgreements(batch)) === batch);
}

type SumRow = AgreementSums & { sourceId: string };

/**
 * Per source: the sums over current figures in range, and how many articles wait to be recomputed. An
 * article changed since the last fold counts as waiting, not with its old figure, as the fold will count
 * it: a view never folds (a GET never writes), and never shows a figure its spans no longer support.
 */
export async function readAgreementSums(args: { bounds: MonthBounds; sourceId?: string }): Promise<Map<string, AgreementSums>> {
  const rows = await db().$queryRaw<SumRow[]>`
    WITH unfolded AS MATERIALIZED (
      SELECT d."articleId" FROM "RollupDelta" d EXCEPT SELECT q."articleId" FROM "AgreementQueue" q
    )
    SELECT x."sourceId"::text AS "sourceId", sum(x.articles)::int AS articles, sum(x.defined)::int AS defined,
           sum(x."alphaSum")::float8 AS "alphaSum", sum(x.pending)::int AS pending
    FROM (
      SELECT r."sourceId", r.articles, r.defined, r."alphaSum", 0 AS pending FROM "SourceAgreementRollup" r
      WHERE ${rollupMonths(Prisma.sql`r.month`, args.bounds)} ${oneSource(Prisma.sql`r."sourceId"`, args.sourceId)}
      UNION ALL
      SELECT q."sourceId", 0, 0, 0, 1 FROM "AgreementQueue" q
      WHERE ${articleMonths(Prisma.sql`q.month`, args.bounds)} ${oneSource(Prisma.sql`q."sourceId"`, args.sourceId)}
      UNION ALL
      SELECT g."sourceId", -1, -(g.alpha IS NOT NULL)::int, -COALESCE(g.alpha, 0), 0 FROM "ArticleAgreement" g JOIN unfolded u ON u."articleId" = g."articleId"
      WHERE g.raters >= 2 AND ${articleMonths(Prisma.sql`g.month`, args.bounds)} ${oneSource(Prisma.sql`g."sourceId"`, args.sourceId)}
      UNION ALL
      SELECT a."sourceId", 0, 0, 0, 1 FROM "Article" a JOIN unfolded u ON u."articleId" = a.id
      WHERE ${articleMonths(Prisma.sql`slant_month(a."publishedAt")`, args.bounds)} ${oneSource(Prisma.sql`a."sourceId"`, args.sourceId)}
    ) x GROUP BY 1`;
  return new Map(rows.map(({ sourceId, ...sums }) => [sourceId, sums]));
}

export const agreementOf = (sums: Map<string, AgreementSums>, sourceId: string): AgreementSums => sums.get(sourceId) ?? NO_AGREEMENT;

/** Articles waiting to have their agreement recomputed. */
export async function pendingAgreements(): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AgreementQueue"`;
  return row?.n ?? 0;
}

let refreshing: Promise<void> | null = null;
let again = false;

/**
 * Folds what the triggers appended, so that the article joins the queue, and recomputes queued figures, in this
 * process (scripts, tests, a finished import); the app's writes leave it to the jobs of lib/jobs/figures.ts. One run
 * at a time per process; a call during a run asks for one more run, so the last write is covered.
 */
export function refreshAgreementInBackground(budgetMs = 2000): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  const run = async () => {
    do {
      again = false;
      await foldRollups();
      await refreshArticleAgreementsFor(budgetMs, 50);
    } while (again);
  };
  refreshing = run()
    .catch((error: unknown) => console.error("[slant] agreement refresh:", error))
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}
