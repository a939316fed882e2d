// Multi-row inserts for the tables an import fills by the thousand: one
// statement per table and batch, whatever its size (docs/decisions/0013:
// Prisma 7's createMany took 20 s for 2,000 annotations here). The rows travel
// as one JSON text that json_to_recordset turns back into typed columns: one
// native JSON.stringify instead of one escaped array per column (a quarter
// faster per batch of 10,000 spans, and one parameter instead of eighteen).
// A column added to these tables and set by the import is added here too.
import { spanKeys } from "../../aggregates/normalize";
import { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;
type Row = Record<string, unknown>;
const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
const now = () => new Date().toISOString();

/** INSERT INTO table (columns) from `rows`, each an object with a value per column; `columns` maps each column to its SQL type. */
async function insertRows(tx: Tx, table: string, columns: Record<string, string>, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns).map((c) => `"${c}"`);
  const types = Object.entries(columns).map(([c, type]) => `"${c}" ${type}`);
  // Table and column names are this module's constants, never input.
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}" (${names.join(", ")})`)} SELECT ${Prisma.raw(names.join(", "))}
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(${Prisma.raw(types.join(", "))})`;
}

export async function insertArticles(tx: Tx, rows: Prisma.ArticleCreateManyInput[]): Promise<void> {
  const columns = {
    id: "uuid", sourceId: "uuid", title: "text", byline: "text", url: "text", publishedAt: "date", body: "text", contentHash: "text", wordCount: "int",
    importedById: "uuid", createdAt: "timestamptz", updatedAt: "timestamptz",
  };
  await insertRows(tx, "Article", columns, rows.map((r) => ({
    id: r.id, sourceId: r.sourceId, title: r.title, byline: r.byline ?? null, url: r.url ?? null, publishedAt: iso(r.publishedAt)?.slice(0, 10) ?? null, body: r.body,
    contentHash: r.contentHash, wordCount: r.wordCount, importedById: r.importedById ?? null, createdAt: iso(r.createdAt) ?? now(), updatedAt: iso(r.updatedAt) ?? now(),
  })));
}

type Span = Prisma.AnnotationCreateManyInput | Prisma.GoldAnnotationCreateManyInput;
const SPAN_COLUMNS = {
  id: "uuid", articleId: "uuid", labelId: "uuid", start: "int", end: "int", quote: "text", prefix: "text", suffix: "text", note: "text", attributes: "jsonb",
  createdAt: "timestamptz", updatedAt: "timestamptz", attributionKind: "text", quoteKey: "text", speakerKey: "text", speakerName: "text", guidelineVersion: "int",
};
/** A span's columns, with its figure keys (decision 0016) from the one function that computes them for every writer. */
const spanRow = (r: Span): Row => ({
  id: r.id, articleId: r.articleId, labelId: r.labelId, start: r.start, end: r.end, quote: r.quote, prefix: r.prefix, suffix: r.suffix, note: r.note ?? null,
  attributes: r.attributes ?? {}, createdAt: iso(r.createdAt) ?? now(), updatedAt: iso(r.updatedAt) ?? now(), ...spanKeys({ quote: r.quote, attributes: r.attributes }),
  guidelineVersion: r.guidelineVersion ?? null,
});

export async function insertAnnotations(tx: Tx, rows: Prisma.AnnotationCreateManyInput[]): Promise<void> {
  await insertRows(tx, "Annotation", { ...SPAN_COLUMNS, annotatorId: "uuid", externalId: "text" }, rows.map((r) => ({ ...spanRow(r), annotatorId: r.annotatorId, externalId: r.externalId ?? null })));
}

export async function insertGold(tx: Tx, rows: Prisma.GoldAnnotationCreateManyInput[]): Promise<void> {
  await insertRows(tx, "GoldAnnotation", { ...SPAN_COLUMNS, adjudicatorId: "uuid" }, rows.map((r) => ({ ...spanRow(r), adjudicatorId: r.adjudicatorId })));
}

export async function insertAuditEvents(tx: Tx, rows: Prisma.AuditEventCreateManyInput[]): Promise<void> {
  const columns = { actorId: "uuid", action: "text", entityType: "text", entityId: "text", before: "jsonb", after: "jsonb" };
  await insertRows(tx, "AuditEvent", columns, rows.map((r) => ({ actorId: r.actorId ?? null, action: r.action, entityType: r.entityType, entityId: r.entityId, before: r.before ?? null, after: r.after ?? null })));
}
