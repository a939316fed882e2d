// Writes a batch of planned rows in one transaction, together with the job's
// checkpoint (batch.ts): sources and imported annotators first, then one
// multi-row insert per table (articles, spans, review records, audit events).
// When the database refuses the batch, it is written again row by row, each
// row under a savepoint, so a bad row is rejected alone and the rest of the
// batch still commits with the checkpoint. A row is either wholly there, with
// its history, or not there at all; a refusal is reported in words, never with
// the database's own text.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import type { AnnotationRows } from "./annotations";
import { insertAnnotations, insertArticles, insertAuditEvents, insertGold } from "./bulk-insert";
import { sourceIdFor, type ImportContext, type StoredArticle } from "./context";
import type { PlannedRow, RowWrite } from "./planned";
import { isConnectionFailure } from "../connection-failure";

type Tx = Prisma.TransactionClient;

/** What became of a row: stored, refused by the database, stored a moment ago by someone else (its text), or failed unexpectedly. */
export type RowOutcome = { stored: true } | { refused: true } | { duplicateOf: StoredArticle } | { unexpected: unknown };

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

/** Every row of the batch in one insert per table; `sources` learns the ids of the sources found or created. */
async function writeAll(ctx: ImportContext, tx: Tx, writes: RowWrite[], sources: Map<string, string>): Promise<void> {
  const articles: Prisma.ArticleCreateManyInput[] = [];
  const events: Prisma.AuditEventCreateManyInput[] = [];
  const users = new Map<string, Prisma.UserCreateManyInput>();
  for (const w of writes) {
    if (w.article) {
      const { data, source } = w.article;
      let sourceId = sources.get(source.name);
      if (!sourceId) sources.set(source.name, (sourceId = await sourceIdFor(ctx, tx, source)));
      articles.push({ ...data, sourceId });
      events.push({ actorId: ctx.actor.id, action: "article.import", entityType: "Article", entityId: data.id, after: { title: data.title, sourceId } });
    }
    for (const u of w.rows.annotators) users.set(u.id!, u);
    events.push(...auditEvents(ctx, w.rows));
  }
  const all = <T>(pick: (rows: AnnotationRows) => T[]) => writes.flatMap((w) => pick(w.rows));
  // In this order for the foreign keys: people and articles, spans, what hangs on spans.
  if (users.size) await tx.user.createMany({ data: [...users.values()], skipDuplicates: true });
  await insertArticles(tx, articles);
  await insertAnnotations(tx, all((r) => r.annotations));
  await insertGold(tx, all((r) => r.gold));
  const goldSources = all((r) => r.record.goldSources);
  if (goldSources.length) await tx.goldSource.createMany({ data: goldSources });
  const reviews = all((r) => r.record.reviews);
  if (reviews.length) await tx.annotationReview.createMany({ data: reviews });
  const comments = all((r) => r.record.comments);
  if (comments.length) await tx.comment.createMany({ data: comments });
  await insertAuditEvents(tx, events);
}

/** A batch's transaction may run long on a slow machine; the checkpoint inside it is what makes that safe. */
const BATCH_TRANSACTION = { maxWait: 15_000, timeout: 120_000 } as const;

/**
 * Writes the rows and then runs `checkpoint` in the same transaction. Returns
 * each row's outcome (in order) and the sources used, for the caller's cache.
 */
export async function writeBatch(ctx: ImportContext, rows: PlannedRow[], checkpoint: (tx: Tx, outcomes: RowOutcome[]) => Promise<void>): Promise<{ outcomes: RowOutcome[]; sources: Map<string, string> }> {
  const { client } = ctx;
  const writes = rows.flatMap((r) => (r.write ? [r.write] : []));
  const allStored = (): RowOutcome[] => rows.map(() => ({ stored: true }));
  try {
    const sources = new Map<string, string>();
    const outcomes = allStored();
    await client.$transaction(async (tx) => {
      await writeAll(ctx, tx, writes, sources);
      await checkpoint(tx, outcomes);
    }, BATCH_TRANSACTION);
    return { outcomes, sources };
  } catch (error) {
    if (!isRowRefusal(error) || writes.length === 0) throw error;
  }
  return writeRowByRow(client, ctx, rows, checkpoint);
}

const SAVEPOINT = "import_row";

async function writeRowByRow(client: Db, ctx: ImportContext, rows: PlannedRow[], checkpoint: (tx: Tx, outcomes: RowOutcome[]) => Promise<void>) {
  let sources = new Map<string, string>();
  const outcomes: RowOutcome[] = [];
  await client.$transaction(async (tx) => {
    outcomes.length = 0;
    sources = new Map();
    for (const row of rows) {
      if (!row.write) {
        outcomes.push({ stored: true });
        continue;
      }
      // A source created under a savepoint that is rolled back is gone again: only kept ones are remembered.
      const rowSources = new Map(sources);
      await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
      try {
        await writeAll(ctx, tx, [row.write], rowSources);
        await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
        sources = rowSources;
        outcomes.push({ stored: true });
      } catch (error) {
        await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
        if (isConnectionFailure(error)) throw error;
        // Another import (or a colleague) stored the same text a moment ago.
        const hash = row.write.article?.data.contentHash;
        const raced = isUniqueViolation(error) && hash ? await tx.article.findUnique({ where: { contentHash: hash }, select: { id: true, title: true, body: true } }) : null;
        if (raced) outcomes.push({ duplicateOf: raced });
        else if (isRowRefusal(error)) outcomes.push({ refused: true });
        else outcomes.push({ unexpected: error });
      }
    }
    await checkpoint(tx, outcomes);
  }, BATCH_TRANSACTION);
  return { outcomes, sources };
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
