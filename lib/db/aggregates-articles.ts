import { ALL_ANNOTATORS_LAYER, GOLD_LAYER } from "../aggregates/layers";
import type { MonthBounds } from "./aggregates-basis";
import { db } from "./client";
import { Prisma } from "./generated/client";

// One row per article of a source covered by the basis, with its span count
// per label: what the bootstrap resamples and the article table lists. Under
// the all-annotators basis a count is the mean over the article's annotators.

export type ArticleFigureRow = { id: string; title: string; publishedAt: string | null; month: string | null; words: number; counts: Record<string, number> };

export async function readArticleCounts(args: { layer: string; bounds: MonthBounds; sourceId: string }): Promise<ArticleFigureRow[]> {
  const layerFilter = args.layer === ALL_ANNOTATORS_LAYER ? Prisma.sql`c.layer <> ${GOLD_LAYER}::uuid` : Prisma.sql`c.layer = ${args.layer}::uuid`;
  return db().$queryRaw<ArticleFigureRow[]>`
    WITH spans AS (
      SELECT c."articleId", c.layer, c."labelId", sum(c.spans) AS spans
      FROM "ArticleSpanCount" c JOIN "Article" a ON a.id = c."articleId"
      WHERE a."sourceId" = ${args.sourceId}::uuid AND ${layerFilter}
        AND slant_month(a."publishedAt") BETWEEN ${args.bounds.from}::date AND ${args.bounds.to}::date
      GROUP BY 1, 2, 3
    ), annotators AS (
      SELECT "articleId", count(DISTINCT layer)::float8 AS n FROM spans GROUP BY 1
    ), per_label AS (
      SELECT s."articleId", l.key, sum(s.spans)::float8 / n.n AS spans
      FROM spans s JOIN annotators n USING ("articleId") JOIN "Label" l ON l.id = s."labelId"
      GROUP BY 1, 2, n.n
    )
    SELECT a.id::text AS id, a.title, to_char(a."publishedAt", 'YYYY-MM-DD') AS "publishedAt",
           to_char(a."publishedAt", 'YYYY-MM') AS month, a."wordCount" AS words, jsonb_object_agg(p.key, p.spans) AS counts
    FROM per_label p JOIN "Article" a ON a.id = p."articleId"
    GROUP BY a.id
    ORDER BY a."publishedAt" DESC NULLS LAST, a.id`;
}
