import { CORPUS_LAYER } from "../../aggregates/layers";
import type { RollupRow } from "../../aggregates/figures";
import type { MonthBounds } from "./basis";
import { db } from "../client";
import { Prisma } from "../generated/client";

// Reads of the folded rollups (migrations 20261125070000_source_rollups and
// 20261125080000_rollup_deltas) plus slant_pending_figures(): what the deltas
// that writers appended since the last fold change. Both in one statement,
// so one snapshot: a saved span counts in the next read, folded or not, and
// a view reads a few hundred rows whatever the number of spans behind it.

export type SourceRollupRow = RollupRow & { sourceId: string; month: string | null };
export type CoverageRow = { sourceId: string; month: string | null; layer: string; articles: number; words: number };

/**
 * Folds what writers appended (up to `limit` articles) into the rollups: how many articles it folded,
 * or -1 at once when another fold is running. Only background jobs and scripts fold (lib/jobs/figures.ts).
 */
export async function foldRollups(limit = 1000): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT slant_fold_rollups(${limit}::int) AS n`;
  return row?.n ?? 0;
}

/**
 * Which rollup rows a figure sums: without a range, the all-time bucket
 * (month 'infinity'), or every month when the view is by month; with a range,
 * its months. The bucket is never summed with the months.
 */
export function rollupMonths(month: Prisma.Sql, bounds: MonthBounds, byMonth = false): Prisma.Sql {
  if (bounds.allTime) return byMonth ? Prisma.sql`${month} <> 'infinity'` : Prisma.sql`${month} = 'infinity'`;
  return Prisma.sql`${month} BETWEEN ${bounds.from}::date AND ${bounds.to}::date AND ${month} <> 'infinity'`;
}

/** The same range over rows keyed by real months (pending figures, articles). */
export function articleMonths(month: Prisma.Sql, bounds: MonthBounds): Prisma.Sql {
  return bounds.allTime ? Prisma.sql`TRUE` : Prisma.sql`${month} BETWEEN ${bounds.from}::date AND ${bounds.to}::date`;
}

export const oneSource = (column: Prisma.Sql, sourceId: string | undefined) => (sourceId ? Prisma.sql`AND ${column} = ${sourceId}::uuid` : Prisma.empty);

const monthColumn = (byMonth: boolean) =>
  byMonth ? Prisma.sql`CASE WHEN r.month = '-infinity' THEN NULL ELSE to_char(r.month, 'YYYY-MM') END` : Prisma.sql`NULL::text`;

type Scope = { layer: string; bounds: MonthBounds; sourceId?: string; byMonth?: boolean };

export async function readLabelRollup(args: Scope): Promise<SourceRollupRow[]> {
  const byMonth = args.byMonth ?? false;
  return db().$queryRaw<SourceRollupRow[]>`
    SELECT r."sourceId"::text AS "sourceId", ${monthColumn(byMonth)} AS month, l.key, r.kind,
           sum(r.spans)::float8 AS spans, sum(r.articles)::int AS articles
    FROM (
      SELECT r."sourceId", r.month, r."labelId", r.kind, r.spans, r.articles FROM "SourceLabelRollup" r
      WHERE r.layer = ${args.layer}::uuid AND ${rollupMonths(Prisma.sql`r.month`, args.bounds, byMonth)} ${oneSource(Prisma.sql`r."sourceId"`, args.sourceId)}
      UNION ALL
      SELECT p."sourceId", p.month, p."labelId", p.kind, p.spans, p.articles FROM slant_pending_figures() p
      WHERE p.target = 'l' AND p.layer = ${args.layer}::uuid AND ${articleMonths(Prisma.sql`p.month`, args.bounds)} ${oneSource(Prisma.sql`p."sourceId"`, args.sourceId)}
    ) r JOIN "Label" l ON l.id = r."labelId"
    GROUP BY 1, 2, 3, 4 HAVING sum(r.articles) <> 0 OR sum(r.spans) <> 0`;
}

/** Articles and words covered by the layer, and by the whole corpus (every article of the source). */
export async function readCoverage(args: Scope): Promise<CoverageRow[]> {
  const byMonth = args.byMonth ?? false;
  return db().$queryRaw<CoverageRow[]>`
    SELECT r."sourceId"::text AS "sourceId", ${monthColumn(byMonth)} AS month, r.layer::text AS layer,
           sum(r.articles)::int AS articles, sum(r.words)::float8 AS words
    FROM (
      SELECT r."sourceId", r.month, r.layer, r.articles, r.words FROM "SourceCoverageRollup" r
      WHERE r.layer IN (${args.layer}::uuid, ${CORPUS_LAYER}::uuid) AND ${rollupMonths(Prisma.sql`r.month`, args.bounds, byMonth)}
        ${oneSource(Prisma.sql`r."sourceId"`, args.sourceId)}
      UNION ALL
      SELECT p."sourceId", p.month, p.layer, p.articles, p.words FROM slant_pending_figures() p
      WHERE p.target = 'c' AND p.layer IN (${args.layer}::uuid, ${CORPUS_LAYER}::uuid) AND ${articleMonths(Prisma.sql`p.month`, args.bounds)}
        ${oneSource(Prisma.sql`p."sourceId"`, args.sourceId)}
    ) r
    GROUP BY 1, 2, 3 HAVING sum(r.articles) <> 0`;
}

export function coverageOf(rows: readonly CoverageRow[], layer: string, match: (row: CoverageRow) => boolean = () => true) {
  const picked = rows.filter((r) => r.layer === layer && match(r));
  return { articles: picked.reduce((s, r) => s + r.articles, 0), words: picked.reduce((s, r) => s + r.words, 0) };
}
