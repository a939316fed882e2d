// Stores one import row in one transaction: its source and article when new,
// the imported annotators its spans need, the spans, and an audit event for
// every span (a batched insert), so a row is either wholly there, with its
// history, or not there at all. A row the database refuses is reported in
// words, never with the database's own text.
import type { ImportContext } from "./context";
import { sourceIdFor } from "./context";
import type { AnnotationRows } from "./annotations";
import type { Prisma } from "../generated/client";

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
    ...rows.record.events,
  ];
}

/**
 * Writes the row; returns the article's source id when one was stored, for the
 * caller's cache. A source that already exists is looked up first, so the
 * common row is one batch of statements; only a row that brings a new source
 * needs an interactive transaction (the source must be created inside it).
 */
export async function writeRow(ctx: ImportContext, write: RowWrite): Promise<{ sourceId: string | null }> {
  const { client } = ctx;
  const { rows } = write;
  const events = auditEvents(ctx, rows);
  const spans = (tx: Prisma.TransactionClient | ImportContext["client"]) => [
    ...(rows.annotators.length ? [tx.user.createMany({ data: rows.annotators, skipDuplicates: true })] : []),
    ...(rows.annotations.length ? [tx.annotation.createMany({ data: rows.annotations })] : []),
    ...(rows.gold.length ? [tx.goldAnnotation.createMany({ data: rows.gold })] : []),
    ...(rows.record.goldSources.length ? [tx.goldSource.createMany({ data: rows.record.goldSources })] : []),
    ...(rows.record.reviews.length ? [tx.annotationReview.createMany({ data: rows.record.reviews })] : []),
    ...(rows.record.comments.length ? [tx.comment.createMany({ data: rows.record.comments })] : []),
  ];
  const articleEvent = (article: NewArticle, sourceId: string): Prisma.AuditEventCreateManyInput => ({ actorId: ctx.actor.id, action: "article.import", entityType: "Article", entityId: article.id, after: { title: article.title, sourceId } });
  if (!write.article) {
    await client.$transaction([...spans(client), ...(events.length ? [client.auditEvent.createMany({ data: events })] : [])]);
    return { sourceId: null };
  }
  const { data, source } = write.article;
  const known = ctx.sources.get(source.name) ?? (await client.source.findUnique({ where: { name: source.name }, select: { id: true } }))?.id;
  if (known) {
    await client.$transaction([client.article.create({ data: { ...data, sourceId: known }, select: { id: true } }), ...spans(client), client.auditEvent.createMany({ data: [articleEvent(data, known), ...events] })]);
    return { sourceId: known };
  }
  return client.$transaction(async (tx) => {
    const sourceId = await sourceIdFor(ctx, tx, source);
    await tx.article.create({ data: { ...data, sourceId }, select: { id: true } });
    for (const statement of spans(tx)) await statement;
    await tx.auditEvent.createMany({ data: [articleEvent(data, sourceId), ...events] });
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
