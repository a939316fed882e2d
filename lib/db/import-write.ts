// Stores one import row in one transaction: its source and article when new,
// the imported annotators its spans need, the spans, and an audit event for
// every span (a batched insert), so a row is either wholly there, with its
// history, or not there at all. A row the database refuses is reported in
// words, never with the database's own text.
import type { ImportContext } from "./import-context";
import { sourceIdFor } from "./import-context";
import type { AnnotationRows } from "./import-annotations";
import type { Prisma } from "./generated/client";

type NewArticle = Omit<Prisma.ArticleUncheckedCreateInput, "sourceId"> & { id: string };
type SourceRef = { name: string; id: string | null; slug: string | null };

export type RowWrite = { article?: { data: NewArticle; source: SourceRef }; rows: AnnotationRows };

function auditEvents(ctx: ImportContext, rows: AnnotationRows): Prisma.AuditEventCreateManyInput[] {
  const labelOf = new Map([...ctx.labels].map(([key, id]) => [id, key]));
  const view = (r: Prisma.AnnotationCreateManyInput | Prisma.GoldAnnotationCreateManyInput) => ({
    id: r.id,
    articleId: r.articleId,
    label: labelOf.get(r.labelId) ?? r.labelId,
    start: r.start,
    end: r.end,
    quote: r.quote,
    note: r.note ?? null,
    attributes: r.attributes as Prisma.InputJsonObject,
  });
  return [
    ...rows.annotations.map((r) => ({ actorId: ctx.actor.id, action: "annotation.import", entityType: "Annotation", entityId: r.id!, after: { ...view(r), annotatorId: r.annotatorId, externalId: r.externalId ?? null } })),
    ...rows.gold.map((r) => ({ actorId: ctx.actor.id, action: "gold.import", entityType: "GoldAnnotation", entityId: r.id!, after: { ...view(r), adjudicatorId: r.adjudicatorId } })),
  ];
}

/** Writes the row; returns the article's source id when one was stored, for the caller's cache. */
export async function writeRow(ctx: ImportContext, write: RowWrite): Promise<{ sourceId: string | null }> {
  const { rows } = write;
  return ctx.client.$transaction(async (tx) => {
    let sourceId: string | null = null;
    if (write.article) {
      sourceId = await sourceIdFor(ctx, tx, write.article.source);
      await tx.article.create({ data: { ...write.article.data, sourceId }, select: { id: true } });
      await tx.auditEvent.create({ data: { actorId: ctx.actor.id, action: "article.import", entityType: "Article", entityId: write.article.data.id, after: { title: write.article.data.title, sourceId } } });
    }
    if (rows.annotators.length) await tx.user.createMany({ data: rows.annotators, skipDuplicates: true });
    if (rows.annotations.length) await tx.annotation.createMany({ data: rows.annotations });
    if (rows.gold.length) await tx.goldAnnotation.createMany({ data: rows.gold });
    const events = auditEvents(ctx, rows);
    if (events.length) await tx.auditEvent.createMany({ data: events });
    return { sourceId };
  });
}

const SQLSTATE_CONNECTION = /^(08|57P)/;

/** A Prisma or Postgres refusal of this row's data (as opposed to a lost connection, which ends the job). */
export function isRowRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown }; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const code = String(e?.code ?? "");
  if (/^P2\d{3}$/.test(code)) return true;
  const sqlState = String(e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.cause?.code ?? code);
  return /^[0-9A-Z]{5}$/.test(sqlState) && !SQLSTATE_CONNECTION.test(sqlState);
}

export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/** What a report says when the database refused a row: no constraint names, no SQL. */
export const STORE_FAILED = "could not be stored: the database refused it (for instance a value out of range); nothing of this row was created";
export const UNEXPECTED_FAILURE = "could not be stored because of an unexpected error (the details are in the server log); nothing of this row was created";
