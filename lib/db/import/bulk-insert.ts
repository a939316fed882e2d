// Multi-row inserts for the tables an import fills by the thousand: one
// INSERT … SELECT FROM unnest(<one array per column>) per table and batch, so
// a batch costs one statement per table whatever its size (docs/decisions/0013:
// Prisma 7's createMany took 20 s for 2,000 annotations here, this 1.8 s, both
// with the tables' triggers). A column added to these tables and set by the
// import is added here too.
import { spanKeys, type SpanKeys } from "../../aggregates/normalize";
import { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;
const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

export async function insertArticles(tx: Tx, rows: Prisma.ArticleCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (r: Prisma.ArticleCreateManyInput) => T) => rows.map(pick);
  await tx.$executeRaw`
    INSERT INTO "Article" (id, "sourceId", title, byline, url, "publishedAt", body, "contentHash", "wordCount", "importedById", "createdAt", "updatedAt")
    SELECT * FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.sourceId)}::uuid[], ${col((r) => r.title)}::text[], ${col((r) => r.byline ?? null)}::text[],
      ${col((r) => r.url ?? null)}::text[], ${col((r) => iso(r.publishedAt)?.slice(0, 10) ?? null)}::date[], ${col((r) => r.body)}::text[], ${col((r) => r.contentHash)}::text[],
      ${col((r) => r.wordCount)}::int[], ${col((r) => r.importedById ?? null)}::uuid[], ${col((r) => iso(r.createdAt) ?? new Date().toISOString())}::timestamptz[], ${col((r) => iso(r.updatedAt) ?? new Date().toISOString())}::timestamptz[])`;
}

type Span = Prisma.AnnotationCreateManyInput | Prisma.GoldAnnotationCreateManyInput;
/** The span's figure keys (decision 0016), from the one function that computes them for every writer. */
const keysOf = (r: Span): SpanKeys => spanKeys({ quote: r.quote, attributes: r.attributes });
const keyColumns = (keys: SpanKeys[]) => ({
  attributionKind: keys.map((k) => k.attributionKind), quoteKey: keys.map((k) => k.quoteKey), speakerKey: keys.map((k) => k.speakerKey), speakerName: keys.map((k) => k.speakerName),
});
const spanColumns = (rows: Span[]) => {
  const col = <T>(pick: (r: Span) => T) => rows.map(pick);
  return {
    id: col((r) => r.id), articleId: col((r) => r.articleId), labelId: col((r) => r.labelId), start: col((r) => r.start), end: col((r) => r.end),
    quote: col((r) => r.quote), prefix: col((r) => r.prefix), suffix: col((r) => r.suffix), note: col((r) => r.note ?? null), attributes: col((r) => json(r.attributes) ?? "{}"),
    createdAt: col((r) => iso(r.createdAt) ?? new Date().toISOString()), updatedAt: col((r) => iso(r.updatedAt) ?? new Date().toISOString()),
    ...keyColumns(rows.map(keysOf)),
    guidelineVersion: col((r) => r.guidelineVersion ?? null),
  };
};

export async function insertAnnotations(tx: Tx, rows: Prisma.AnnotationCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  const c = spanColumns(rows);
  await tx.$executeRaw`
    INSERT INTO "Annotation" (id, "articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, note, attributes, "externalId", "createdAt", "updatedAt", "attributionKind", "quoteKey", "speakerKey", "speakerName", "guidelineVersion")
    SELECT * FROM unnest(${c.id}::uuid[], ${c.articleId}::uuid[], ${rows.map((r) => r.annotatorId)}::uuid[], ${c.labelId}::uuid[], ${c.start}::int[], ${c.end}::int[],
      ${c.quote}::text[], ${c.prefix}::text[], ${c.suffix}::text[], ${c.note}::text[], ${c.attributes}::jsonb[], ${rows.map((r) => r.externalId ?? null)}::text[],
      ${c.createdAt}::timestamptz[], ${c.updatedAt}::timestamptz[], ${c.attributionKind}::text[], ${c.quoteKey}::text[], ${c.speakerKey}::text[], ${c.speakerName}::text[],
      ${c.guidelineVersion}::int[])`;
}

export async function insertGold(tx: Tx, rows: Prisma.GoldAnnotationCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  const c = spanColumns(rows);
  await tx.$executeRaw`
    INSERT INTO "GoldAnnotation" (id, "articleId", "adjudicatorId", "labelId", start, "end", quote, prefix, suffix, note, attributes, "createdAt", "updatedAt", "attributionKind", "quoteKey", "speakerKey", "speakerName", "guidelineVersion")
    SELECT * FROM unnest(${c.id}::uuid[], ${c.articleId}::uuid[], ${rows.map((r) => r.adjudicatorId)}::uuid[], ${c.labelId}::uuid[], ${c.start}::int[], ${c.end}::int[],
      ${c.quote}::text[], ${c.prefix}::text[], ${c.suffix}::text[], ${c.note}::text[], ${c.attributes}::jsonb[], ${c.createdAt}::timestamptz[], ${c.updatedAt}::timestamptz[],
      ${c.attributionKind}::text[], ${c.quoteKey}::text[], ${c.speakerKey}::text[], ${c.speakerName}::text[], ${c.guidelineVersion}::int[])`;
}

export async function insertAuditEvents(tx: Tx, rows: Prisma.AuditEventCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after)
    SELECT * FROM unnest(${rows.map((r) => r.actorId ?? null)}::uuid[], ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entityType)}::text[],
      ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => json(r.before))}::jsonb[], ${rows.map((r) => json(r.after))}::jsonb[])`;
}
