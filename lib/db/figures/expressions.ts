import type { LabelRole } from "../../aggregates/figures";
import { db } from "../client";
import { articleMonths, rollupMonths } from "./rollups";
import type { SpanScope } from "./spans";
import { Prisma } from "../generated/client";

// The top expressions (of the label whose role is EXPRESSIONS: loaded
// language) and cited speakers (role ATTRIBUTIONS) of a source, from their
// rollups (grouped by the spans' stored keys, so a row opens exactly its
// evidence) plus the unfolded deltas. Under the all-annotators basis these
// count every annotator's span (two analysts tagging the same word count
// twice); `articles` counts articles.

export type LoadedExpression = { expression: string; spans: number; articles: number };
export type CitedAttribution = { speakerKey: string; speaker: string; kind: string; spans: number; articles: number };

/** Rollup rows of one source, layer and label in range, with the pending ones of the same target. */
function rows(scope: SpanScope, table: "SourceExpressionRollup" | "SourceSpeakerRollup", role: LabelRole) {
  const target = table === "SourceExpressionRollup" ? "e" : "s";
  const articles = target === "e" ? Prisma.sql`r.articles` : Prisma.sql`0`;
  const speaker = target === "s" ? Prisma.sql`r.speaker` : Prisma.sql`NULL::text`;
  return Prisma.sql`
    SELECT r.expression, r.kind, ${speaker} AS speaker, r.spans, ${articles} AS articles FROM ${Prisma.raw(`"${table}"`)} r
    WHERE r.layer = ${scope.layer}::uuid AND r."sourceId" = ${scope.sourceId}::uuid AND r."labelId" = (SELECT id FROM "Label" WHERE role = ${role}::"LabelRole")
      AND ${rollupMonths(Prisma.sql`r.month`, scope.bounds)}
    UNION ALL
    SELECT p.expression, p.kind, p.speaker, p.spans::int, p.articles FROM slant_pending_figures() p
    WHERE p.target = ${target} AND p.layer = ${scope.layer}::uuid AND p."sourceId" = ${scope.sourceId}::uuid
      AND p."labelId" = (SELECT id FROM "Label" WHERE role = ${role}::"LabelRole") AND ${articleMonths(Prisma.sql`p.month`, scope.bounds)}`;
}

export async function topLoadedExpressions(scope: SpanScope, limit = 15): Promise<LoadedExpression[]> {
  return db().$queryRaw<LoadedExpression[]>`
    SELECT x.expression, sum(x.spans)::int AS spans, sum(x.articles)::int AS articles
    FROM (${rows(scope, "SourceExpressionRollup", "EXPRESSIONS")}) x
    GROUP BY 1 HAVING sum(x.spans) > 0 ORDER BY spans DESC, articles DESC, expression LIMIT ${limit}`;
}

/** Speakers grouped by their normalized name and how they were cited; shown as first written in sort order. */
export async function topAttributions(scope: SpanScope, limit = 15): Promise<CitedAttribution[]> {
  return db().$queryRaw<CitedAttribution[]>`
    WITH top AS (
      SELECT x.expression AS "speakerKey", x.kind, sum(x.spans)::int AS spans, sum(x.articles)::int AS articles
      FROM (${rows(scope, "SourceExpressionRollup", "ATTRIBUTIONS")}) x
      GROUP BY 1, 2 HAVING sum(x.spans) > 0 ORDER BY spans DESC, articles DESC, 1, 2 LIMIT ${limit}
    ), names AS MATERIALIZED (
      SELECT x.expression, x.kind, x.speaker FROM (${rows(scope, "SourceSpeakerRollup", "ATTRIBUTIONS")}) x
      WHERE (x.expression, x.kind) IN (SELECT "speakerKey", kind FROM top)
      GROUP BY 1, 2, 3 HAVING sum(x.spans) > 0
    )
    SELECT t."speakerKey", (SELECT min(n.speaker) FROM names n WHERE n.expression = t."speakerKey" AND n.kind = t.kind) AS speaker,
           t.kind, t.spans, t.articles
    FROM top t ORDER BY t.spans DESC, t.articles DESC, 1, 3`;
}
