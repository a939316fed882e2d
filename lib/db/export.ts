// Streams the export model out of the database one batch of articles at a
// time (keyset pagination on the article id), so an export of any size holds
// at most BATCH articles and their annotations in memory. Raw SQL because the
// row volume (a million annotations) makes per-row ORM overhead the cost.
import { hasRole, type Actor } from "../auth/permissions";
import { pseudonymFor } from "../datasets/pseudonym";
import { AppError } from "../errors";
import type { ExportAnnotation, ExportArticle } from "../formats/model";
import type { ExportFilters } from "../schemas/datasets";
import { db, type Db } from "./client";
import { Prisma } from "./generated/client";

const BATCH = 200;
const { sql, join, empty } = Prisma;

type ArticleRow = { id: string; title: string; sourceId: string; sourceName: string; sourceSlug: string; byline: string | null; url: string | null; publishedAt: string | null; text: string | null; contentHash: string };

/** Analysts export only their own layer, as they only see their own layer; gold is the reviewers' work. */
function scopedFilters(actor: Actor, filters: ExportFilters): ExportFilters {
  if (hasRole(actor, "REVIEWER")) return filters;
  if (filters.gold) throw new AppError("FORBIDDEN", "Exporting the gold standard needs the reviewer role.");
  if (filters.annotator.some((id) => id !== actor.id)) throw new AppError("FORBIDDEN", "Analysts export only their own annotations.");
  return { ...filters, annotator: [actor.id] };
}

type Layer = { alias: "an" | "g"; from: Prisma.Sql; who: Prisma.Sql; gold: boolean };
const ANNOTATORS: Layer = { alias: "an", from: sql`"Annotation" an`, who: sql`an."annotatorId"`, gold: false };
// A gold annotation's annotator is the reviewer who adjudicated it.
const GOLD: Layer = { alias: "g", from: sql`"GoldAnnotation" g`, who: sql`g."adjudicatorId"`, gold: true };
const layersOf = (f: ExportFilters) => (f.gold ? [GOLD] : [ANNOTATORS, GOLD]);
const uuids = (ids: string[]) => join(ids.map((id) => sql`${id}::uuid`));

function annotationConditions(f: ExportFilters, layer: Layer) {
  const t = Prisma.raw(layer.alias);
  return sql`${t}."deletedAt" IS NULL
    ${f.label.length ? sql`AND ${t}."labelId" IN (SELECT id FROM "Label" WHERE key IN (${join(f.label)}))` : empty}
    ${f.annotator.length ? sql`AND ${layer.who} IN (${uuids(f.annotator)})` : empty}`;
}

function articleConditions(f: ExportFilters) {
  // With an annotation filter, articles without a matching annotation are left out.
  const narrowed = f.gold || f.label.length > 0 || f.annotator.length > 0;
  const matches = layersOf(f).map((l) => sql`EXISTS (SELECT 1 FROM ${l.from} WHERE ${Prisma.raw(l.alias)}."articleId" = a.id AND ${annotationConditions(f, l)})`);
  return sql`TRUE
    ${f.sourceId.length ? sql`AND a."sourceId" IN (${uuids(f.sourceId)})` : empty}
    ${f.from ? sql`AND a."publishedAt" >= ${f.from}::date` : empty}
    ${f.to ? sql`AND a."publishedAt" <= ${f.to}::date` : empty}
    ${narrowed ? sql`AND (${join(matches, " OR ")})` : empty}`;
}

type AnnotationRow = Omit<ExportAnnotation, "annotator" | "attributes" | "createdAt" | "updatedAt"> & {
  articleId: string;
  annotatorId: string;
  annotatorName: string;
  attributes: unknown;
  createdAt: Date;
  updatedAt: Date;
};

// Plain columns: building JSON in Postgres (json_agg) measured several times slower than decoding rows here.
function annotationQuery(f: ExportFilters, articleIds: string[]) {
  const selects = layersOf(f).map((l) => {
    const t = Prisma.raw(l.alias);
    return sql`SELECT ${t}.id, ${t}."articleId", ${t}.start, ${t}."end", l.key AS label, ${t}.quote, ${t}.prefix, ${t}.suffix, ${t}.note, ${t}.attributes,
        u.id AS "annotatorId", u.name AS "annotatorName", ${l.gold ? sql`TRUE` : sql`FALSE`} AS gold, ${t}."createdAt", ${t}."updatedAt"
      FROM ${l.from} JOIN "Label" l ON l.id = ${t}."labelId" JOIN "User" u ON u.id = ${l.who}
      WHERE ${t}."articleId" IN (${uuids(articleIds)}) AND ${annotationConditions(f, l)}`;
  });
  return join(selects, " UNION ALL ");
}

export type ExportSource = { actor: Actor; filters: ExportFilters; client?: Db; /** Required when filters.pseudonymize. */ pseudonymSecret?: string | undefined };

/** annotator → a stable pseudonym (name too: names identify people as well as ids do), computed once per person. */
function pseudonymizer(secret: string) {
  const cache = new Map<string, { id: string; name: string }>();
  return (id: string) => {
    let pseudonym = cache.get(id);
    if (!pseudonym) {
      const value = pseudonymFor(id, secret);
      cache.set(id, (pseudonym = { id: value, name: value }));
    }
    return pseudonym;
  };
}

export async function* exportArticles(args: ExportSource): AsyncGenerator<ExportArticle> {
  const client = args.client ?? db();
  const f = scopedFilters(args.actor, args.filters);
  if (f.pseudonymize && !args.pseudonymSecret) throw new Error("exportArticles: pseudonymize needs a secret");
  const pseudonymize = f.pseudonymize && args.pseudonymSecret ? pseudonymizer(args.pseudonymSecret) : null;
  let cursor: string | null = null;
  for (;;) {
    const articles: ArticleRow[] = await client.$queryRaw<ArticleRow[]>`
      SELECT a.id, a.title, s.id AS "sourceId", s.name AS "sourceName", s.slug AS "sourceSlug", a.byline, a.url,
        to_char(a."publishedAt", 'YYYY-MM-DD') AS "publishedAt", ${f.annotationsOnly ? sql`NULL::text` : sql`a.body`} AS text, a."contentHash"
      FROM "Article" a JOIN "Source" s ON s.id = a."sourceId"
      WHERE ${articleConditions(f)} ${cursor ? sql`AND a.id > ${cursor}::uuid` : empty}
      ORDER BY a.id LIMIT ${BATCH}`;
    if (articles.length === 0) return;
    const rows = await client.$queryRaw<AnnotationRow[]>(annotationQuery(f, articles.map((a) => a.id)));
    const byArticle = new Map<string, ExportAnnotation[]>();
    for (const { articleId, annotatorId, annotatorName, attributes, createdAt, updatedAt, ...r } of rows) {
      const annotator = pseudonymize ? pseudonymize(annotatorId) : { id: annotatorId, name: annotatorName };
      const annotation = { ...r, attributes: (attributes ?? {}) as Record<string, unknown>, annotator, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
      const list = byArticle.get(articleId);
      if (list) list.push(annotation);
      else byArticle.set(articleId, [annotation]);
    }
    for (const a of articles) {
      const source = { id: a.sourceId, name: a.sourceName, slug: a.sourceSlug };
      yield { id: a.id, title: a.title, source, byline: a.byline, url: a.url, publishedAt: a.publishedAt, text: a.text, contentHash: a.contentHash, annotations: byArticle.get(a.id) ?? [] };
    }
    if (articles.length < BATCH) return;
    cursor = articles[articles.length - 1]!.id;
  }
}

/** What exportArticles would yield, counted in the database: the export page shows it before starting. */
export async function countExport(args: Omit<ExportSource, "pseudonymSecret">): Promise<{ articles: number; annotations: number }> {
  const client = args.client ?? db();
  const f = scopedFilters(args.actor, args.filters);
  const selected = sql`SELECT a.id FROM "Article" a WHERE ${articleConditions(f)}`;
  const counts = layersOf(f).map((l) => sql`(SELECT count(*) FROM ${l.from} WHERE ${Prisma.raw(l.alias)}."articleId" IN (${selected}) AND ${annotationConditions(f, l)})`);
  const [row] = await client.$queryRaw<{ articles: number; annotations: number }[]>`
    SELECT (SELECT count(*) FROM (${selected}) x)::int AS articles, (${join(counts, " + ")})::int AS annotations`;
  return row ?? { articles: 0, annotations: 0 };
}

/** Whom the export page offers as annotator filters: everyone who annotated, or just yourself for an analyst. */
export async function exportAnnotatorOptions(args: { actor: Actor; client?: Db }): Promise<{ id: string; name: string }[]> {
  if (!hasRole(args.actor, "REVIEWER")) return [{ id: args.actor.id, name: args.actor.name }];
  return (args.client ?? db()).user.findMany({
    where: { OR: [{ annotations: { some: { deletedAt: null } } }, { adjudicated: { some: { deletedAt: null } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
