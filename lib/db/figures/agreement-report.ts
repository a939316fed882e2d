import { summarizeReport, type ArticleFigures, type FiguredArticle } from "../../agreement";
import { authorize, type Actor } from "../../auth/policy";
import type { ReportFigures } from "../../agreement/agreement-task";
import { runAgreementTask, runBackgroundReportTask } from "../../runtime/agreement-pool";
import type { AgreementReportQuery } from "../../schemas/gold";
import { db } from "../client";
import { prepared } from "../raw";
import { Prisma } from "../generated/client";

// The agreement report reads per-article figures kept in ArticleAgreementFigures
// (migration 20261126020000) under a fingerprint of everything they depend on:
// the text (content hash), the label set, the raters and the spans. Only
// articles with two or more raters are ever looked at: single-annotator articles
// are counted in SQL and neither loaded nor tokenized. An article whose
// fingerprint moved is recomputed (its body loaded and tokenized only then) on
// the agreement worker thread. A report never writes: what it computes is kept
// in this process's memory for the next report, and stored by the background
// jobs only: the agreement queue (lib/db/figures/agreement.ts) after span
// writes, and the report-figures fill (fillReportFigures) for what changed
// otherwise (the label set, the figures' version). So a report usually only
// reads (docs/decisions/0010).

/** Bump when the figures' computation changes, so that stored figures are recomputed. */
const FIGURES_VERSION = "4";
/** How long a report waits for figures being computed before it answers with them counted as pending. */
export const REPORT_WAIT_MS = 250;
/** More missing figures than this (a bulk import the queue has not reached) cannot be ready in a moment: the report does not wait. */
const REPORT_WAITS_FOR_AT_MOST = 20;
const WRITE_BATCH = 100;

export type Candidate = { id: string; sourceId: string; raters: string[]; fingerprint: string; figures: string | null };
type Stats = { compared: number; skipped: number };

const { sql, empty } = Prisma;

/**
 * The split by guideline version filters articles, not spans: an article counts for version N
 * when every live span on it was made under N. Its figures are then the article's own figures,
 * the stored ones, and the measures see whole articles (an annotator who marked nothing still
 * counts); articles annotated across a guideline change are left out of every version's figure.
 */
function guidelineFilter(version: number | undefined): Prisma.Sql {
  if (version === undefined) return empty;
  return sql`AND NOT EXISTS (SELECT 1 FROM "Annotation" v WHERE v."articleId" = a.id AND v."deletedAt" IS NULL AND v."guidelineVersion" IS DISTINCT FROM ${version}::int)`;
}

function articleFilter(query: AgreementReportQuery & { articleIds?: string[] }): Prisma.Sql {
  const { sourceId, from, to, articleIds, guidelineVersion } = query;
  return sql`${sourceId ? sql`AND a."sourceId" = ${sourceId}::uuid` : empty} ${articleIds ? sql`AND a.id = ANY (${articleIds}::uuid[])` : empty}
    ${from ? sql`AND a."publishedAt" >= ${from}::date` : empty} ${to ? sql`AND a."publishedAt" <= ${to}::date` : empty} ${guidelineFilter(guidelineVersion)}`;
}

/** Articles with a live span that match the filters: those with ≥ 2 raters with fingerprint and any stored figures; the others only counted. */
export async function candidates(query: AgreementReportQuery & { articleIds?: string[] }, labelKeys: string[]): Promise<{ compared: Candidate[]; stats: Stats }> {
  // Plain pg (decision 0001): a thousand rows of stored figures cost Prisma's raw-query mapping more than the database.
  const rows = await prepared<Candidate & { skipped: number }>(db(), candidatesSql(query, labelKeys));
  const skipped = rows.find((r) => r.id === null)?.skipped ?? 0;
  const compared = rows.filter((r) => r.id !== null);
  return { compared, stats: { compared: compared.length, skipped } };
}

/**
 * One pass over the filtered articles' spans (hash aggregates, no sort): a fingerprint of each
 * article's spans, and its raters ("ArticleRater", decision 0014). Every write to a span goes through `version` (+1 on each update, delete or restore) or
 * adds a row, so the row count and the sum of versions, with the latest `updatedAt` and the live
 * spans' offsets, change whenever the spans do, without hashing every span on every report.
 */
export function candidatesSql(query: AgreementReportQuery & { articleIds?: string[] }, labelKeys: string[]): Prisma.Sql {
  // The label set enters the fingerprint as a set: reordering labels in the picker changes no figure.
  return sql`
    WITH filtered AS MATERIALIZED (
      SELECT a.id, a."sourceId", a."contentHash" FROM "Article" a WHERE true ${articleFilter(query)}
    ), per_annotator AS (
      SELECT x."articleId", x."annotatorId", count(*) FILTER (WHERE x."deletedAt" IS NULL) AS live, count(*) AS rows,
        sum(x.version) AS versions, max(x."updatedAt") AS latest,
        sum(x.start) FILTER (WHERE x."deletedAt" IS NULL) AS starts, sum(x."end") FILTER (WHERE x."deletedAt" IS NULL) AS ends
      FROM "Annotation" x JOIN filtered f ON f.id = x."articleId" GROUP BY 1, 2
    ), per_article AS MATERIALIZED (
      SELECT "articleId",
        concat_ws(':', sum(live), sum(rows), sum(versions), max(latest), sum(starts), sum(ends)) AS spans
      FROM per_annotator GROUP BY 1 HAVING sum(live) > 0
    ), rated AS MATERIALIZED (
      SELECT p."articleId" AS id, p.spans,
        array(SELECT r."raterId"::text FROM "ArticleRater" r WHERE r."articleId" = p."articleId" ORDER BY 1) AS raters
      FROM per_article p
    ), fingerprinted AS (
      SELECT r.id, r.raters, f."sourceId",
        md5(concat_ws('|', ${FIGURES_VERSION}::text, f."contentHash", ${[...labelKeys].sort().join(",")}::text, array_to_string(r.raters, ','), r.spans)) AS fingerprint
      FROM rated r JOIN filtered f ON f.id = r.id WHERE cardinality(r.raters) >= 2
    )
    SELECT p.id::text AS id, p."sourceId"::text AS "sourceId", p.raters, p.fingerprint,
      CASE WHEN g.fingerprint = p.fingerprint THEN g.figures::text END AS figures, 0 AS skipped
    FROM fingerprinted p LEFT JOIN "ArticleAgreementFigures" g ON g."articleId" = p.id
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, (SELECT count(*)::int FROM rated WHERE cardinality(raters) < 2)`;
}

/** Loads the candidates' texts and live spans and computes their figures on the agreement worker. */
async function computeBatch(batch: Candidate[], labelKeys: string[], background: boolean): Promise<Map<string, ReportFigures>> {
  const ids = batch.map((c) => c.id);
  // Plain pg, and each article's spans as one JSON text that the worker parses: thousands of span
  // rows mapped here would hold the event loop longer than the figures take on the worker.
  const rows = await prepared<{ id: string; body: string; spans: string }>(db(), sql`
    SELECT a.id::text AS id, a.body, COALESCE((
      SELECT json_agg(json_build_object('rater', x."annotatorId", 'label', l.key, 'start', x.start, 'end', x."end"))::text
      FROM "Annotation" x JOIN "Label" l ON l.id = x."labelId" WHERE x."articleId" = a.id AND x."deletedAt" IS NULL
    ), '[]') AS spans
    FROM "Article" a WHERE a.id = ANY (${ids}::uuid[])`);
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const results = await Promise.all(
    batch.map((c) => {
      const task = { kind: "report" as const, body: rowOf.get(c.id)?.body ?? "", raters: c.raters, labels: labelKeys, spans: rowOf.get(c.id)?.spans ?? "[]" };
      return background ? runBackgroundReportTask(task) : runAgreementTask(task);
    }),
  );
  return new Map(batch.map((c, i) => [c.id, results[i]!]));
}

/** Stores computed figures under the fingerprints they were computed for (background jobs only: a report never writes). */
export async function storeReportFigures(batch: Candidate[], computed: ReadonlyMap<string, ReportFigures>): Promise<void> {
  for (let offset = 0; offset < batch.length; offset += WRITE_BATCH) {
    const part = batch.slice(offset, offset + WRITE_BATCH).filter((c) => computed.has(c.id));
    if (part.length === 0) continue;
    const stored = part.map((c) => ({ ...computed.get(c.id)!.figures, alpha: computed.get(c.id)!.alpha }));
    await db().$executeRaw`
      INSERT INTO "ArticleAgreementFigures" ("articleId", fingerprint, figures, "computedAt")
      SELECT * FROM unnest(${part.map((c) => c.id)}::uuid[], ${part.map((c) => c.fingerprint)}::text[], ${stored.map((f) => JSON.stringify(f))}::jsonb[], ${part.map(() => new Date())}::timestamptz[])
      ON CONFLICT ("articleId") DO UPDATE SET fingerprint = EXCLUDED.fingerprint, figures = EXCLUDED.figures, "computedAt" = EXCLUDED."computedAt"`;
  }
}

/** Figures being computed, by article and fingerprint: a second report (or the queue) joins the computation under way. */
const inFlight = new Map<string, Promise<ReportFigures>>();

/**
 * Figures computed in this process and not stored (yet), by article and fingerprint: a report
 * computes but never writes, so the next report finds them here. Bounded: the oldest go first.
 */
const computedHere = new Map<string, ReportFigures>();
const COMPUTED_HERE_MAX = 10_000;

function remember(key: string, figures: ReportFigures): void {
  computedHere.delete(key);
  computedHere.set(key, figures);
  if (computedHere.size > COMPUTED_HERE_MAX) computedHere.delete(computedHere.keys().next().value!);
}

/**
 * Computes the figures of articles whose stored ones are missing or stale, a batch at a time on
 * the agreement worker (or finds them computed here before). `onFigures` sees each article's
 * figures as they arrive; the promise settles when all are computed. Nothing is stored.
 */
export function computeFigures(missing: Candidate[], labelKeys: string[], onFigures?: (id: string, figures: ReportFigures) => void, options: { background?: boolean } = {}): Promise<void> {
  const keyOf = (c: Candidate) => `${c.id}:${c.fingerprint}`;
  const known = missing.filter((c) => computedHere.has(keyOf(c)));
  for (const c of known) onFigures?.(c.id, computedHere.get(keyOf(c))!);
  if (known.length === missing.length) return Promise.resolve();
  missing = missing.filter((c) => !computedHere.has(keyOf(c)));
  const fresh = missing.filter((c) => !inFlight.has(keyOf(c)));
  let previous: Promise<unknown> = Promise.resolve();
  for (let offset = 0; offset < fresh.length; offset += WRITE_BATCH) {
    const batch = fresh.slice(offset, offset + WRITE_BATCH);
    // One batch's texts in memory at a time: the next loads when the previous is stored.
    const done = previous.then(() => computeBatch(batch, labelKeys, options.background === true));
    previous = done.catch(() => undefined);
    for (const c of batch) {
      const one = done.then((m) => {
        remember(keyOf(c), m.get(c.id)!);
        return m.get(c.id)!;
      });
      one.catch(() => undefined);
      inFlight.set(keyOf(c), one);
      void one.finally(() => inFlight.delete(keyOf(c))).catch(() => undefined);
    }
  }
  const all = missing.map((c) => inFlight.get(keyOf(c))!.then((figures) => onFigures?.(c.id, figures)));
  return Promise.all(all).then(() => undefined);
}

/**
 * The per-article figures of the articles matching the filters (two or more raters), stored or
 * computed on the worker (see figuresOf). Used by the report; the campaign dashboard asks
 * candidates and figuresOf apart, to skip reading figures it holds already.
 */
export async function figuredArticles(query: AgreementReportQuery & { articleIds?: string[] }, labelKeys: string[], waitMs?: number) {
  const { compared, stats } = await candidates(query, labelKeys);
  return { ...(await figuresOf(compared, labelKeys, waitMs)), skipped: stats.skipped };
}

/**
 * The candidates' figures: stored ones parsed, missing ones computed on the worker. `waitMs`: how
 * long to wait for missing figures before counting them as pending (0: not at all; Infinity: for
 * all of them, as a script or test wants); by default a moment when only a few are missing.
 */
export async function figuresOf(compared: Candidate[], labelKeys: string[], waitMs?: number): Promise<{ articles: FiguredArticle[]; pending: number }> {
  const { articles, pending } = await unparsedFiguresOf(compared, labelKeys, waitMs);
  return { articles: articles.map((a) => ({ ...a, figures: typeof a.figures === "string" ? (JSON.parse(a.figures) as ArticleFigures) : a.figures })), pending };
}

/** As figuresOf, with stored figures left as their JSON text: for a caller that hands them to the worker, which parses them there. */
export async function unparsedFiguresOf(compared: Candidate[], labelKeys: string[], waitMs?: number) {
  // Missing figures are computed on the worker; the caller waits for them a moment, then shows
  // what it has and how many are still pending (they go on being computed and stored).
  const computed = new Map<string, ArticleFigures>();
  const missing = compared.filter((c) => c.figures === null);
  const all = computeFigures(missing, labelKeys, (id, f) => computed.set(id, f.figures));
  all.catch((error: unknown) => console.error("[slant] agreement figures:", error));
  const wait = waitMs ?? (missing.length <= REPORT_WAITS_FOR_AT_MOST ? REPORT_WAIT_MS : 0);
  if (missing.length > 0 && wait > 0) await (wait === Infinity ? all : Promise.race([all, new Promise((resolve) => setTimeout(resolve, wait).unref())]));
  const articles: { id: string; sourceId: string; figures: string | ArticleFigures }[] = [];
  for (const c of compared) {
    const figures = c.figures ?? computed.get(c.id);
    if (figures) articles.push({ id: c.id, sourceId: c.sourceId, figures });
  }
  return { articles, pending: compared.length - articles.length };
}

/** The label keys the stored figures are computed for (all labels: they enter the fingerprint). */
export async function figureLabelKeys(): Promise<string[]> {
  return (await db().label.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true } })).map((l) => l.key);
}

/**
 * Agreement across the articles matching the filters: per label, per source, per annotator pair.
 * `waitMs` as for figuredArticles.
 */
export async function getAgreementReport(args: { actor: Actor; query: AgreementReportQuery; waitMs?: number }) {
  authorize(args.actor, "agreement-report:read");
  const labelKeys = await figureLabelKeys();
  const { articles, skipped, pending } = await figuredArticles(args.query, labelKeys, args.waitMs);
  const labels = args.query.label ? [args.query.label] : labelKeys;
  const report = summarizeReport({ articles, skipped, labels });
  const ids = [...new Set(report.byPair.flatMap((p) => p.raters))];
  const [users, sources] = await Promise.all([
    db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db().source.findMany({ where: { id: { in: report.bySource.map((s) => s.sourceId) } }, select: { id: true, name: true } }),
  ]);
  return { filters: args.query, ...report, articlesPending: pending, names: Object.fromEntries([...users, ...sources].map((x) => [x.id, x.name])) };
}
export type AgreementReportView = Awaited<ReturnType<typeof getAgreementReport>>;

/**
 * Computes and stores the report figures of every article whose stored ones are missing or stale
 * (one scan, then a batch at a time): the background job for what span writes do not queue, such
 * as a change of the label set or of FIGURES_VERSION. Returns how many it stored.
 */
export async function fillReportFigures(options: { signal?: AbortSignal } = {}): Promise<number> {
  const labelKeys = (await db().label.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true } })).map((l) => l.key);
  const missing = (await candidates({}, labelKeys)).compared.filter((c) => c.figures === null);
  let stored = 0;
  for (let offset = 0; offset < missing.length && !options.signal?.aborted; offset += WRITE_BATCH) {
    const batch = missing.slice(offset, offset + WRITE_BATCH);
    const computed = new Map<string, ReportFigures>();
    // Behind every other agreement task: nobody waits on a refill.
    await computeFigures(batch, labelKeys, (id, figures) => computed.set(id, figures), { background: true });
    await storeReportFigures(batch, computed);
    stored += computed.size;
  }
  return stored;
}

/** Settles when every figure being computed now is computed (for scripts and tests that wait for a state). */
export async function agreementFiguresSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
}
