// The statements of an export, built with Prisma.sql like every other
// statement, so values are always parameters. They run on plain pg (rows as
// arrays, lib/db/raw.ts; decision 0001) or through $queryRaw for a count.
// Lists travel as one array parameter (= ANY(…)), never one placeholder per value.
import type { ExportFilters } from "../../schemas/datasets";
import { Prisma } from "../generated/client";
import { IMPORTED_EMAIL_DOMAIN } from "../import/annotators";
import { blindSql } from "../campaigns/outlet-blind";

const { sql, raw, join, empty } = Prisma;

type Layer = { alias: Prisma.Sql; table: Prisma.Sql; who: Prisma.Sql; gold: boolean };
const ANNOTATORS: Layer = { alias: raw("an"), table: raw(`"Annotation" an`), who: raw(`an."annotatorId"`), gold: false };
// A gold annotation's annotator is the reviewer who adjudicated it.
const GOLD: Layer = { alias: raw("g"), table: raw(`"GoldAnnotation" g`), who: raw(`g."adjudicatorId"`), gold: true };
const layersOf = (f: ExportFilters) => (f.gold ? [GOLD] : [ANNOTATORS, GOLD]);

function annotationConditions(f: ExportFilters, l: Layer): Prisma.Sql {
  const conditions = [sql`${l.alias}."deletedAt" IS NULL`];
  if (f.label.length) conditions.push(sql`${l.alias}."labelId" IN (SELECT id FROM "Label" WHERE key = ANY(${f.label}::text[]))`);
  if (f.annotator.length) conditions.push(sql`${l.who} = ANY(${f.annotator}::uuid[])`);
  return join(conditions, " AND ");
}

/**
 * `blindReader`: an analyst who may read some articles outlet-blind (decision 0025). A filter by
 * source or date would tell them those articles' outlet or date: such a filter leaves them out.
 */
function articleConditions(f: ExportFilters, blindReader: string | null): Prisma.Sql {
  const conditions = [sql`TRUE`];
  if (blindReader && (f.sourceId.length || f.from || f.to)) conditions.push(sql`NOT ${blindSql(blindReader, sql`a.id`)}`);
  if (f.sourceId.length) conditions.push(sql`a."sourceId" = ANY(${f.sourceId}::uuid[])`);
  if (f.from) conditions.push(sql`a."publishedAt" >= ${f.from}::date`);
  if (f.to) conditions.push(sql`a."publishedAt" <= ${f.to}::date`);
  // With an annotation filter, articles without a matching annotation are left out.
  if (f.gold || f.label.length > 0 || f.annotator.length > 0) {
    const matches = layersOf(f).map((l) => sql`EXISTS (SELECT 1 FROM ${l.table} WHERE ${l.alias}."articleId" = a.id AND ${annotationConditions(f, l)})`);
    conditions.push(sql`(${join(matches, " OR ")})`);
  }
  return join(conditions, " AND ");
}

/**
 * The next `limit` articles after `after` (in id order), with their source: id, title, sourceId, sourceName, sourceSlug, byline, url,
 * publishedAt, text, contentHash, and for a blind reader: blind, the source's domain and homepage, and the body (for masking quotes).
 */
export function articleBatch(f: ExportFilters, after: string | null, limit: number, blindReader: string | null = null): Prisma.Sql {
  const blind = blindReader ? sql`, ${blindSql(blindReader, sql`a.id`)} AS blind, s.domain, s.homepage, a.body AS "blindBody"` : empty;
  return sql`SELECT a.id, a.title, s.id AS "sourceId", s.name AS "sourceName", s.slug AS "sourceSlug", a.byline, a.url,
      to_char(a."publishedAt", 'YYYY-MM-DD') AS "publishedAt", ${raw(f.annotationsOnly ? "NULL::text" : "a.body")} AS text, a."contentHash"${blind}
    FROM "Article" a JOIN "Source" s ON s.id = a."sourceId"
    WHERE ${articleConditions(f, blindReader)}${after ? sql` AND a.id > ${after}::uuid` : empty}
    ORDER BY a.id LIMIT ${limit}`;
}

/** A person's email, except the placeholder of an imported account (it names nobody). */
const emailOf = (user: Prisma.Sql) => sql`CASE WHEN ${user}.email LIKE ${`%${IMPORTED_EMAIL_DOMAIN}`} THEN NULL ELSE ${user}.email END`;
const USER = raw("u");

/**
 * Timestamps as the text Date.toISOString() gives, formatted by the database
 * rather than built into Date objects here. Outside years 1–9999 (where
 * to_char and toISOString differ) the epoch milliseconds are sent instead.
 */
const isoText = (column: Prisma.Sql) =>
  sql`CASE WHEN ${column} BETWEEN '0001-01-01 00:00:00Z' AND '9999-12-31 23:59:59.999Z' THEN to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ELSE (extract(epoch FROM ${column}) * 1000)::bigint::text END`;

/**
 * The selected annotations of these articles, every layer: articleId, id,
 * start, end, label, quote, prefix, suffix, note, attributes, annotatorId,
 * annotatorName, gold, createdAt, updatedAt, annotatorEmail, guidelineVersion. Plain columns: building JSON
 * in Postgres (json_agg) measured over twice the database's work for no gain
 * over pg decoding rows; attributes come as JSON text, mostly "{}".
 */
export function annotationBatch(f: ExportFilters, articleIds: string[]): Prisma.Sql {
  const selects = layersOf(f).map((l) => {
    const t = l.alias;
    return sql`SELECT ${t}."articleId", ${t}.id, ${t}.start, ${t}."end", l.key AS label, ${t}.quote, ${t}.prefix, ${t}.suffix, ${t}.note, ${t}.attributes::text AS attributes,
        u.id AS "annotatorId", u.name AS "annotatorName", ${raw(l.gold ? "TRUE" : "FALSE")} AS gold, ${isoText(sql`${t}."createdAt"`)} AS "createdAt", ${isoText(sql`${t}."updatedAt"`)} AS "updatedAt", ${emailOf(USER)} AS "annotatorEmail",
        ${t}."guidelineVersion"
      FROM ${l.table} JOIN "Label" l ON l.id = ${t}."labelId" JOIN "User" u ON u.id = ${l.who}
      WHERE ${t}."articleId" = ANY(${articleIds}::uuid[]) AND ${annotationConditions(f, l)}`;
  });
  return join(selects, " UNION ALL ");
}

/** How many articles and annotations an export with these filters holds. */
export function exportCount(f: ExportFilters, blindReader: string | null = null): Prisma.Sql {
  const selected = sql`SELECT a.id FROM "Article" a WHERE ${articleConditions(f, blindReader)}`;
  const counts = layersOf(f).map((l) => sql`(SELECT count(*) FROM ${l.table} WHERE ${l.alias}."articleId" IN (${selected}) AND ${annotationConditions(f, l)})`);
  return sql`SELECT (SELECT count(*) FROM (${selected}) x)::int AS articles, (${join(counts, " + ")})::int AS annotations`;
}

/**
 * Review decisions, gold provenance and comments on these articles' spans, as
 * three statements over the same article ids: reviews (annotationId, decision,
 * reason, reviewerId, reviewerName, at, reviewerEmail); gold sources (goldAnnotationId,
 * annotationId); comments (annotationId, goldAnnotationId, id, authorId,
 * authorName, body, createdAt, authorEmail), oldest first.
 */
export function provenanceBatch(articleIds: string[]): { reviews: Prisma.Sql; goldSources: Prisma.Sql; comments: Prisma.Sql } {
  return {
    reviews: sql`SELECT r."annotationId", r.decision::text, r.reason, u.id, u.name, ${isoText(sql`r."updatedAt"`)}, ${emailOf(USER)}
        FROM "AnnotationReview" r JOIN "Annotation" an ON an.id = r."annotationId" JOIN "User" u ON u.id = r."reviewerId"
        WHERE an."articleId" = ANY(${articleIds}::uuid[]) AND an."deletedAt" IS NULL`,
    // Only live spans: a deleted one is not in the file, so naming it would point nowhere.
    goldSources: sql`SELECT gs."goldAnnotationId", gs."annotationId" FROM "GoldSource" gs JOIN "GoldAnnotation" g ON g.id = gs."goldAnnotationId"
          JOIN "Annotation" an ON an.id = gs."annotationId"
        WHERE g."articleId" = ANY(${articleIds}::uuid[]) AND g."deletedAt" IS NULL AND an."deletedAt" IS NULL ORDER BY gs."goldAnnotationId", gs."annotationId"`,
    comments: sql`SELECT c."annotationId", c."goldAnnotationId", c.id, u.id, u.name, c.body, ${isoText(sql`c."createdAt"`)}, ${emailOf(USER)}
        FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
        WHERE c."articleId" = ANY(${articleIds}::uuid[]) AND (c."annotationId" IS NOT NULL OR c."goldAnnotationId" IS NOT NULL)
        ORDER BY c."createdAt", c.id`,
  };
}
