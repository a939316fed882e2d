import { CORPUS_LAYER } from "../aggregates/layers";
import type { RollupRow } from "../aggregates/figures";
import type { MonthBounds } from "./aggregates-basis";
import { db } from "./client";
import { Prisma } from "./generated/client";

// Reads of the trigger-maintained rollups (migration 20261125070000_source_rollups):
// a few hundred rows per view, whatever the number of spans behind them.

export type SourceRollupRow = RollupRow & { sourceId: string; month: string | null };
export type CoverageRow = { sourceId: string; month: string | null; layer: string; articles: number; words: number };

const monthColumn = (byMonth: boolean) =>
  byMonth ? Prisma.sql`CASE WHEN r.month = '-infinity' THEN NULL ELSE to_char(r.month, 'YYYY-MM') END` : Prisma.sql`NULL::text`;
const oneSource = (sourceId: string | undefined) => (sourceId ? Prisma.sql`AND r."sourceId" = ${sourceId}::uuid` : Prisma.empty);

export async function readLabelRollup(args: { layer: string; bounds: MonthBounds; sourceId?: string; byMonth?: boolean }): Promise<SourceRollupRow[]> {
  return db().$queryRaw<SourceRollupRow[]>`
    SELECT r."sourceId"::text AS "sourceId", ${monthColumn(args.byMonth ?? false)} AS month, l.key, r.kind,
           sum(r.spans)::float8 AS spans, sum(r.articles)::int AS articles
    FROM "SourceLabelRollup" r JOIN "Label" l ON l.id = r."labelId"
    WHERE r.layer = ${args.layer}::uuid AND r.month BETWEEN ${args.bounds.from}::date AND ${args.bounds.to}::date ${oneSource(args.sourceId)}
    GROUP BY 1, 2, 3, 4 HAVING sum(r.articles) <> 0 OR sum(r.spans) <> 0`;
}

/** Articles and words covered by the layer, and by the whole corpus (every article of the source). */
export async function readCoverage(args: { layer: string; bounds: MonthBounds; sourceId?: string; byMonth?: boolean }): Promise<CoverageRow[]> {
  return db().$queryRaw<CoverageRow[]>`
    SELECT r."sourceId"::text AS "sourceId", ${monthColumn(args.byMonth ?? false)} AS month, r.layer::text AS layer,
           sum(r.articles)::int AS articles, sum(r.words)::float8 AS words
    FROM "SourceCoverageRollup" r
    WHERE r.layer IN (${args.layer}::uuid, ${CORPUS_LAYER}::uuid) AND r.month BETWEEN ${args.bounds.from}::date AND ${args.bounds.to}::date
      ${oneSource(args.sourceId)}
    GROUP BY 1, 2, 3 HAVING sum(r.articles) <> 0`;
}

export function coverageOf(rows: readonly CoverageRow[], layer: string, match: (row: CoverageRow) => boolean = () => true) {
  const picked = rows.filter((r) => r.layer === layer && match(r));
  return { articles: picked.reduce((s, r) => s + r.articles, 0), words: picked.reduce((s, r) => s + r.words, 0) };
}
