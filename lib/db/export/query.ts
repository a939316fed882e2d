// The statements of an export as text and positional parameters, so that the
// same SQL runs on a plain pg connection (lib/db/raw.ts) or through Prisma's
// $queryRawUnsafe (the embedded database). Lists travel as one array
// parameter (= ANY($n)), never as one placeholder per value.
import type { ExportFilters } from "../../schemas/datasets";
import { IMPORTED_EMAIL_DOMAIN } from "../import/annotators";

export type Statement = { text: string; values: unknown[] };

class Params {
  readonly values: unknown[] = [];
  /** The placeholder of a new parameter. */
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

type Layer = { alias: "an" | "g"; table: string; who: string; gold: boolean };
const ANNOTATORS: Layer = { alias: "an", table: `"Annotation" an`, who: `an."annotatorId"`, gold: false };
// A gold annotation's annotator is the reviewer who adjudicated it.
const GOLD: Layer = { alias: "g", table: `"GoldAnnotation" g`, who: `g."adjudicatorId"`, gold: true };
const layersOf = (f: ExportFilters) => (f.gold ? [GOLD] : [ANNOTATORS, GOLD]);

function annotationConditions(f: ExportFilters, l: Layer, p: Params): string {
  let sql = `${l.alias}."deletedAt" IS NULL`;
  if (f.label.length) sql += ` AND ${l.alias}."labelId" IN (SELECT id FROM "Label" WHERE key = ANY(${p.add(f.label)}::text[]))`;
  if (f.annotator.length) sql += ` AND ${l.who} = ANY(${p.add(f.annotator)}::uuid[])`;
  return sql;
}

function articleConditions(f: ExportFilters, p: Params): string {
  let sql = "TRUE";
  if (f.sourceId.length) sql += ` AND a."sourceId" = ANY(${p.add(f.sourceId)}::uuid[])`;
  if (f.from) sql += ` AND a."publishedAt" >= ${p.add(f.from)}::date`;
  if (f.to) sql += ` AND a."publishedAt" <= ${p.add(f.to)}::date`;
  // With an annotation filter, articles without a matching annotation are left out.
  if (f.gold || f.label.length > 0 || f.annotator.length > 0) {
    const matches = layersOf(f).map((l) => `EXISTS (SELECT 1 FROM ${l.table} WHERE ${l.alias}."articleId" = a.id AND ${annotationConditions(f, l, p)})`);
    sql += ` AND (${matches.join(" OR ")})`;
  }
  return sql;
}

/** The next `limit` articles after `after` (in id order), with their source: id, title, sourceId, sourceName, sourceSlug, byline, url, publishedAt, text, contentHash. */
export function articleBatch(f: ExportFilters, after: string | null, limit: number): Statement {
  const p = new Params();
  const text = `SELECT a.id, a.title, s.id AS "sourceId", s.name AS "sourceName", s.slug AS "sourceSlug", a.byline, a.url,
      to_char(a."publishedAt", 'YYYY-MM-DD') AS "publishedAt", ${f.annotationsOnly ? "NULL::text" : "a.body"} AS text, a."contentHash"
    FROM "Article" a JOIN "Source" s ON s.id = a."sourceId"
    WHERE ${articleConditions(f, p)}${after ? ` AND a.id > ${p.add(after)}::uuid` : ""}
    ORDER BY a.id LIMIT ${p.add(limit)}`;
  return { text, values: p.values };
}

/** A person's email, except the placeholder of an imported account (it names nobody). */
const emailOf = (user: string) => `CASE WHEN ${user}.email LIKE '%${IMPORTED_EMAIL_DOMAIN}' THEN NULL ELSE ${user}.email END`;

/**
 * Timestamps as the text Date.toISOString() gives, formatted by the database
 * rather than built into Date objects here. Outside years 1–9999 (where
 * to_char and toISOString differ) the epoch milliseconds are sent instead.
 */
const isoText = (column: string) =>
  `CASE WHEN ${column} BETWEEN '0001-01-01 00:00:00Z' AND '9999-12-31 23:59:59.999Z' THEN to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ELSE (extract(epoch FROM ${column}) * 1000)::bigint::text END`;

/**
 * The selected annotations of these articles, every layer: articleId, id,
 * start, end, label, quote, prefix, suffix, note, attributes, annotatorId,
 * annotatorName, gold, createdAt, updatedAt, annotatorEmail. Plain columns: building JSON
 * in Postgres (json_agg) measured over twice the database's work for no gain
 * over pg decoding rows; attributes come as JSON text, mostly "{}".
 */
export function annotationBatch(f: ExportFilters, articleIds: string[]): Statement {
  const p = new Params();
  const ids = p.add(articleIds);
  const selects = layersOf(f).map((l) => {
    const t = l.alias;
    return `SELECT ${t}."articleId", ${t}.id, ${t}.start, ${t}."end", l.key AS label, ${t}.quote, ${t}.prefix, ${t}.suffix, ${t}.note, ${t}.attributes::text AS attributes,
        u.id AS "annotatorId", u.name AS "annotatorName", ${l.gold ? "TRUE" : "FALSE"} AS gold, ${isoText(`${t}."createdAt"`)} AS "createdAt", ${isoText(`${t}."updatedAt"`)} AS "updatedAt", ${emailOf("u")} AS "annotatorEmail"
      FROM ${l.table} JOIN "Label" l ON l.id = ${t}."labelId" JOIN "User" u ON u.id = ${l.who}
      WHERE ${t}."articleId" = ANY(${ids}::uuid[]) AND ${annotationConditions(f, l, p)}`;
  });
  return { text: selects.join(" UNION ALL "), values: p.values };
}

/** How many articles and annotations an export with these filters holds. */
export function exportCount(f: ExportFilters): Statement {
  const p = new Params();
  const selected = `SELECT a.id FROM "Article" a WHERE ${articleConditions(f, p)}`;
  const counts = layersOf(f).map((l) => `(SELECT count(*) FROM ${l.table} WHERE ${l.alias}."articleId" IN (${selected}) AND ${annotationConditions(f, l, p)})`);
  return { text: `SELECT (SELECT count(*) FROM (${selected}) x)::int AS articles, (${counts.join(" + ")})::int AS annotations`, values: p.values };
}

/**
 * Review decisions, gold provenance and comments on these articles' spans, as
 * three statements over the same article ids: reviews (annotationId, decision,
 * reason, reviewerId, reviewerName, at, reviewerEmail); gold sources (goldAnnotationId,
 * annotationId); comments (annotationId, goldAnnotationId, id, authorId,
 * authorName, body, createdAt, authorEmail), oldest first.
 */
export function provenanceBatch(articleIds: string[]): { reviews: Statement; goldSources: Statement; comments: Statement } {
  const values = [articleIds];
  return {
    reviews: {
      text: `SELECT r."annotationId", r.decision::text, r.reason, u.id, u.name, ${isoText(`r."updatedAt"`)}, ${emailOf("u")}
        FROM "AnnotationReview" r JOIN "Annotation" an ON an.id = r."annotationId" JOIN "User" u ON u.id = r."reviewerId"
        WHERE an."articleId" = ANY($1::uuid[]) AND an."deletedAt" IS NULL`,
      values,
    },
    goldSources: {
      // Only live spans: a deleted one is not in the file, so naming it would point nowhere.
      text: `SELECT gs."goldAnnotationId", gs."annotationId" FROM "GoldSource" gs JOIN "GoldAnnotation" g ON g.id = gs."goldAnnotationId"
          JOIN "Annotation" an ON an.id = gs."annotationId"
        WHERE g."articleId" = ANY($1::uuid[]) AND g."deletedAt" IS NULL AND an."deletedAt" IS NULL ORDER BY gs."goldAnnotationId", gs."annotationId"`,
      values,
    },
    comments: {
      text: `SELECT c."annotationId", c."goldAnnotationId", c.id, u.id, u.name, c.body, ${isoText(`c."createdAt"`)}, ${emailOf("u")}
        FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
        WHERE c."articleId" = ANY($1::uuid[]) AND (c."annotationId" IS NOT NULL OR c."goldAnnotationId" IS NOT NULL)
        ORDER BY c."createdAt", c.id`,
      values,
    },
  };
}
