import type { ArticleMatrix } from "../../aggregates/bootstrap";
import { ALL_ANNOTATORS_LAYER, GOLD_LAYER } from "../../aggregates/layers";
import type { MonthBounds } from "./basis";
import { db } from "../client";
import { Prisma } from "../generated/client";

// One row per article of a source covered by the basis, with its span count
// per label: what the bootstrap resamples and the article table lists. Under
// the all-annotators basis a count is the mean over the article's raters
// ("ArticleRater", decision 0014: one who marked nothing counts as zero), and
// a rater's article with no spans is a row of zeros.
// Counts come from ArticleSpanCount (as folded, read by source) plus the
// unfolded deltas, never from the spans; they leave as a typed matrix for the
// bootstrap.

export type ArticleInfo = { id: string; title: string; publishedAt: string | null; month: string | null; words: number };
export type ArticleCountMatrix = { articles: ArticleInfo[]; matrix: ArticleMatrix };

type Row = ArticleInfo & { labels: number[]; spans: number[] };

/** Articles newest first (the bootstrap's draws depend on this order); matrix columns follow `labelIds`. */
export async function readArticleCounts(args: { layer: string; bounds: MonthBounds; sourceId: string; labelIds: readonly string[] }): Promise<ArticleCountMatrix> {
  const layerOf = (alias: string) => {
    const column = Prisma.raw(`${alias}.layer`);
    return args.layer === ALL_ANNOTATORS_LAYER ? Prisma.sql`${column} <> ${GOLD_LAYER}::uuid` : Prisma.sql`${column} = ${args.layer}::uuid`;
  };
  const raterOf = (alias: string) => {
    const column = Prisma.raw(`${alias}."raterId"`);
    return args.layer === ALL_ANNOTATORS_LAYER ? Prisma.sql`TRUE` : Prisma.sql`${column} = ${args.layer}::uuid`;
  };
  const rows = await db().$queryRaw<Row[]>`
    WITH articles AS MATERIALIZED (
      SELECT a.id, a.title, a."publishedAt", a."wordCount" FROM "Article" a
      WHERE a."sourceId" = ${args.sourceId}::uuid AND slant_month(a."publishedAt") BETWEEN ${args.bounds.from}::date AND ${args.bounds.to}::date
    ), touched AS MATERIALIZED (
      SELECT DISTINCT d."articleId" FROM "RollupDelta" d
    ), spans AS (
      SELECT x."articleId", x.layer, x."labelId", sum(x.spans) AS spans FROM (
        SELECT c."articleId", c.layer, c."labelId", c.spans FROM "ArticleSpanCount" c
        WHERE c."sourceId" = ${args.sourceId}::uuid AND ${layerOf("c")}
        UNION ALL -- folded under another source, moved here since
        SELECT c."articleId", c.layer, c."labelId", c.spans FROM "ArticleSpanCount" c
        WHERE c."articleId" = ANY (ARRAY(SELECT "articleId" FROM touched)) AND c."sourceId" <> ${args.sourceId}::uuid AND ${layerOf("c")}
        UNION ALL
        SELECT d."articleId", d.layer, d."labelId", d.delta FROM "RollupDelta" d WHERE ${layerOf("d")}
      ) x JOIN articles a ON a.id = x."articleId"
      GROUP BY 1, 2, 3 HAVING sum(x.spans) > 0
    ), rated AS ( -- the basis's raters of each article: as folded, or now for articles with unfolded changes
      SELECT s."articleId", r.layer FROM "ArticleRollupState" s JOIN articles a ON a.id = s."articleId" CROSS JOIN LATERAL unnest(s.raters) r(layer)
      WHERE s."articleId" <> ALL (ARRAY(SELECT "articleId" FROM touched)) AND ${layerOf("r")}
      UNION ALL
      SELECT r."articleId", r."raterId" FROM "ArticleRater" r JOIN articles a ON a.id = r."articleId"
      WHERE r."articleId" = ANY (ARRAY(SELECT "articleId" FROM touched)) AND ${raterOf("r")}
    ), annotators AS (
      SELECT x."articleId", count(DISTINCT x.layer)::float8 AS n FROM (
        SELECT s."articleId", s.layer FROM spans s UNION ALL SELECT r."articleId", r.layer FROM rated r
      ) x GROUP BY 1
    ), per_label AS (
      SELECT s."articleId", array_position(${args.labelIds as string[]}::uuid[], s."labelId") AS label, sum(s.spans)::float8 / n.n AS spans
      FROM spans s JOIN annotators n USING ("articleId")
      GROUP BY 1, 2, n.n
    )
    SELECT a.id::text AS id, a.title, to_char(a."publishedAt", 'YYYY-MM-DD') AS "publishedAt",
           to_char(a."publishedAt", 'YYYY-MM') AS month, a."wordCount" AS words,
           array_agg(p.label) AS labels, array_agg(p.spans) AS spans
    FROM annotators n JOIN articles a ON a.id = n."articleId" LEFT JOIN per_label p ON p."articleId" = n."articleId"
    GROUP BY a.id, a.title, a."publishedAt", a."wordCount"
    ORDER BY a."publishedAt" DESC NULLS LAST, a.id`;
  const width = args.labelIds.length;
  const matrix: ArticleMatrix = { words: new Float64Array(rows.length), counts: new Float64Array(rows.length * width), labels: width };
  const articles = rows.map(({ labels, spans, ...article }, i) => {
    matrix.words[i] = article.words;
    labels.forEach((label, k) => {
      if (label !== null) matrix.counts[i * width + label - 1] = spans[k]!; // a label missing from labelIds (deleted) does not count
    });
    return article;
  });
  return { articles, matrix };
}
