import { GOLD_LAYER, ALL_ANNOTATORS_LAYER } from "../../aggregates/layers";
import type { MonthBounds } from "./basis";
import { Prisma } from "../generated/client";

// The live spans of one source under a basis, as SQL pieces for the evidence
// behind any figure. Alias x is the span table (Annotation, or GoldAnnotation
// for gold), a the article, l the label. Filters compare the span's stored
// figure keys (lib/aggregates/normalize.ts), the ones the rollups group by, so
// an expression or speaker in a top list opens exactly its spans.

export type SpanScope = { sourceId: string; layer: string; bounds: MonthBounds };

export function spanTable(scope: SpanScope) {
  return scope.layer === GOLD_LAYER ? Prisma.raw(`"GoldAnnotation"`) : Prisma.raw(`"Annotation"`);
}

export function spanAuthor(scope: SpanScope) {
  return scope.layer === GOLD_LAYER ? Prisma.raw(`x."adjudicatorId"`) : Prisma.raw(`x."annotatorId"`);
}

export function spanFrom(scope: SpanScope, withAuthor = false) {
  const author = withAuthor ? Prisma.sql`JOIN "User" u ON u.id = ${spanAuthor(scope)}` : Prisma.empty;
  const layer = scope.layer === GOLD_LAYER || scope.layer === ALL_ANNOTATORS_LAYER ? Prisma.empty : Prisma.sql`AND x."annotatorId" = ${scope.layer}::uuid`;
  return Prisma.sql`
    FROM ${spanTable(scope)} x JOIN "Article" a ON a.id = x."articleId" JOIN "Label" l ON l.id = x."labelId" ${author}
    WHERE a."sourceId" = ${scope.sourceId}::uuid AND x."deletedAt" IS NULL ${layer}
      AND slant_month(a."publishedAt") BETWEEN ${scope.bounds.from}::date AND ${scope.bounds.to}::date`;
}
