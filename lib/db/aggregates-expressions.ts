import { ATTRIBUTION, LOADED_LANGUAGE } from "../aggregates/figures";
import { db } from "./client";
import { NORMALIZED_QUOTE, NORMALIZED_SPEAKER, spanFrom, type SpanScope } from "./aggregates-spans";

// Under the all-annotators basis these count every annotator's span (two
// analysts tagging the same word count twice); `articles` counts articles.

export type LoadedExpression = { expression: string; spans: number; articles: number };
export type CitedAttribution = { speakerKey: string; speaker: string; kind: string; spans: number; articles: number };

export async function topLoadedExpressions(scope: SpanScope, limit = 15): Promise<LoadedExpression[]> {
  return db().$queryRaw<LoadedExpression[]>`
    SELECT ${NORMALIZED_QUOTE} AS expression, count(*)::int AS spans, count(DISTINCT x."articleId")::int AS articles
    ${spanFrom(scope)} AND l.key = ${LOADED_LANGUAGE}
    GROUP BY 1 ORDER BY spans DESC, articles DESC, expression LIMIT ${limit}`;
}

/** Speakers grouped by their normalized name and how they were cited; shown as first written. */
export async function topAttributions(scope: SpanScope, limit = 15): Promise<CitedAttribution[]> {
  return db().$queryRaw<CitedAttribution[]>`
    SELECT ${NORMALIZED_SPEAKER} AS "speakerKey", min(btrim(COALESCE(x.attributes->>'speaker', ''))) AS speaker,
           slant_kind(x.attributes) AS kind, count(*)::int AS spans, count(DISTINCT x."articleId")::int AS articles
    ${spanFrom(scope)} AND l.key = ${ATTRIBUTION}
    GROUP BY 1, 3 ORDER BY spans DESC, articles DESC, 1, 3 LIMIT ${limit}`;
}
