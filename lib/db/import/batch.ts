// Runs an import's records in batches (docs/decisions/0013). A batch is read,
// its lookups are made in bulk (texts, ids), its rows are planned one by one
// (a row that needs to see rows planned before it waits: the batch is written
// first), and it is written in one transaction together with the job's
// checkpoint: records done and the report so far. So after a crash the job
// resumes after the last committed batch, with every row exactly once.
import { addRecordCounts, addToReport, emptyReport, type ImportReport } from "../../datasets/import-report";
import type { ImportRecord } from "../../datasets/import-records";
import { yieldToRequests } from "../../datasets/time-slices";
import type { Prisma } from "../generated/client";
import { lookUpSpanIds } from "./annotations";
import { planAnnotationRecord } from "./annotations-record";
import { lookUpArticles, planArticleRecord } from "./articles";
import { emptyBatch, isUuid, type ImportContext } from "./context";
import { WAIT_FOR_BATCH, type PlannedRow, type Planning } from "./planned";
import { STORE_FAILED, UNEXPECTED_FAILURE, writeBatch, type RowOutcome } from "./write";
import { isConnectionFailure } from "../connection-failure";
import { forgetQueryHistory } from "../query-history";

/**
 * A batch ends at whichever comes first: enough to make one transaction worth
 * it, small enough to hold the database briefly. The embedded database has one
 * connection for everything (a health check waits for the batch), so its batches are smaller.
 */
export const BATCH_LIMITS = {
  postgres: { records: 1_000, spans: 10_000, planningMs: 1_000 },
  embedded: { records: 250, spans: 2_500, planningMs: 250 },
} as const;
export type BatchLimits = (typeof BATCH_LIMITS)[keyof typeof BATCH_LIMITS];
/** How many rows refused while reading a batch may hold per record it may hold. */
const UNREADABLE_PER_RECORD = 40;

/** Another process moved the job on (or it was cancelled or finished): this run stops without writing. */
export class LostJob extends Error {
  override name = "LostJob";
}

export type BatchRun = {
  ctx: ImportContext;
  jobId: string;
  kind: "articles" | "annotations";
  /** Records already done: skipped on a resume. */
  processed: number;
  report: ImportReport;
  limits: BatchLimits;
  /** Checked between batches. */
  cancelled: () => Promise<boolean>;
  /** Called after each committed batch (the crash test listens). */
  onCheckpoint?: ((processed: number) => void | Promise<void>) | undefined;
};

const spansOf = (r: ImportRecord) => (!r.ok ? 0 : r.kind === "article" ? r.article.annotations.length : r.annotations.length);

/** Merges what one row's planning reported into the job's report, keeping the lists' caps. */
function mergeReport(into: ImportReport, from: ImportReport): void {
  into.created.articles += from.created.articles;
  into.created.annotations += from.created.annotations;
  into.anchored += from.anchored;
  for (const key of ["reanchored", "orphaned", "duplicates", "rejected", "annotators"] as const) {
    for (const entry of from[key]) addToReport(into, key, entry as never);
    const unlisted = (from.counts?.[key] ?? from[key].length) - from[key].length;
    if (unlisted > 0 && into.counts) into.counts[key] += unlisted;
    into.omitted += Math.max(0, unlisted);
  }
  addRecordCounts(into.records.created, from.records.created);
  addRecordCounts(into.records.existing, from.records.existing);
  addRecordCounts(into.records.ignored, from.records.ignored);
  into.records.unlinked += from.records.unlinked;
}

function applyOutcome(report: ImportReport, row: PlannedRow, outcome: RowOutcome, jobId: string): void {
  if (row.planned) mergeReport(report, row.planned);
  if ("stored" in outcome) row.stored(report);
  else if ("refused" in outcome) addToReport(report, "rejected", { line: row.line, reason: STORE_FAILED });
  else if ("duplicateOf" in outcome) addToReport(report, "duplicates", { line: row.line, what: "article", existingId: outcome.duplicateOf.id, title: outcome.duplicateOf.title });
  else {
    console.error(`import ${jobId}, line ${row.line}:`, outcome.unexpected);
    addToReport(report, "rejected", { line: row.line, reason: UNEXPECTED_FAILURE });
  }
}

async function planRecord(run: BatchRun, record: ImportRecord): Promise<Planning> {
  const { ctx } = run;
  // A function: past the listed ones, a rejected row's reason is never worded (see rejectedRow).
  if (!record.ok) return { line: record.line, planned: null, write: null, stored: (r) => addToReport(r, "rejected", () => ({ line: record.line, reason: record.reason })) };
  ctx.report = emptyReport();
  try {
    if (record.kind === "article" && run.kind === "articles") return await planArticleRecord(ctx, record.line, record.article);
    if (record.kind === "annotations") return await planAnnotationRecord(ctx, record.line, record.target, record.annotations);
    return { line: record.line, planned: null, write: null, stored: () => undefined };
  } catch (error) {
    if (isConnectionFailure(error)) throw error;
    // The database's own words (constraint names, SQL) stay in the server log, never in a report.
    console.error(`import ${run.jobId}, line ${record.line}:`, error);
    return { line: record.line, planned: ctx.report, write: null, stored: (r) => addToReport(r, "rejected", { line: record.line, reason: UNEXPECTED_FAILURE }) };
  }
}

/** Writes the planned rows with the checkpoint; on success the run's report and count move on. */
async function flush(run: BatchRun, rows: PlannedRow[]): Promise<void> {
  const { ctx } = run;
  if (rows.length === 0) return;
  let next = run.report;
  const checkpoint = async (tx: Prisma.TransactionClient, outcomes: RowOutcome[]) => {
    next = structuredClone(run.report);
    rows.forEach((row, i) => applyOutcome(next, row, outcomes[i]!, run.jobId));
    const moved = await tx.importJob.updateMany({
      where: { id: run.jobId, processed: run.processed, status: "RUNNING" },
      data: { processed: run.processed + rows.length, report: next as unknown as Prisma.InputJsonObject },
    });
    if (moved.count !== 1) throw new LostJob(`import ${run.jobId} was moved on by another run`);
  };
  const { outcomes, sources } = await writeBatch(ctx, rows, checkpoint);
  forgetQueryHistory();
  run.report = next;
  run.processed += rows.length;
  for (const [name, id] of sources) ctx.sources.set(name, id);
  // What this batch stored is what the next batch's lookups would now find.
  rows.forEach((row, i) => {
    const article = row.write?.article?.data;
    if (!article || !("stored" in outcomes[i]!)) return;
    ctx.batch.byHash.set(article.contentHash, { id: article.id, title: article.title, body: article.body });
    ctx.batch.takenArticleIds.add(article.id);
  });
  const kept = ctx.batch;
  ctx.batch = { ...emptyBatch(), byHash: kept.byHash, checkedArticleIds: kept.checkedArticleIds, takenArticleIds: kept.takenArticleIds };
  await run.onCheckpoint?.(run.processed);
}

/** Bulk lookups for the batch's records, so planning rows makes (almost) no queries of its own. */
async function lookUpBatch(ctx: ImportContext, records: ImportRecord[]): Promise<void> {
  ctx.batch.byHash = new Map();
  ctx.batch.checkedArticleIds = new Set();
  ctx.batch.takenArticleIds = new Set();
  const articles = records.flatMap((r) => (r.ok && r.kind === "article" ? [r.article] : []));
  const entries = records.flatMap((r) => (!r.ok ? [] : r.kind === "article" ? r.article.annotations : r.annotations));
  const spanIds = [...new Set(entries.flatMap((a) => ("id" in a && isUuid(a.id) ? [a.id.toLowerCase()] : [])))];
  await Promise.all([lookUpArticles(ctx, articles), lookUpSpanIds(ctx, spanIds)]);
}

/** Runs the records from `run.processed` on; returns "cancelled" when a cancel request stopped it between batches. */
export async function runBatches(run: BatchRun, records: AsyncIterable<ImportRecord>): Promise<"done" | "cancelled"> {
  const iterator = records[Symbol.asyncIterator]();
  for (let skipped = 0; skipped < run.processed; skipped++) {
    if ((await iterator.next()).done) break;
    await yieldToRequests();
  }
  for (;;) {
    if (await run.cancelled()) return "cancelled";
    const batch: ImportRecord[] = [];
    let spans = 0;
    const started = performance.now();
    let done = false;
    const { limits } = run;
    // Rows refused while reading write nothing but their line in the report: they count towards the
    // batch's time and a generous ceiling, not its records, so a file of a million bad lines makes
    // a few dozen checkpoints (each writes the report) instead of thousands.
    let readable = 0;
    while (readable < limits.records && batch.length < limits.records * UNREADABLE_PER_RECORD && spans < limits.spans && performance.now() - started < limits.planningMs) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      batch.push(next.value);
      if (next.value.ok) readable++;
      spans += spansOf(next.value);
      // Rejected rows touch no database, so without this a file of bad rows would never let a request in.
      await yieldToRequests();
    }
    if (batch.some((r) => r.ok)) await lookUpBatch(run.ctx, batch);
    let rows: PlannedRow[] = [];
    for (const record of batch) {
      await yieldToRequests();
      let planned = await planRecord(run, record);
      if (planned === WAIT_FOR_BATCH) {
        await flush(run, rows);
        rows = [];
        planned = await planRecord(run, record);
        if (planned === WAIT_FOR_BATCH) throw new Error("a row waited for an empty batch");
      }
      rows.push(planned);
    }
    await flush(run, rows);
    if (done) return "done";
  }
}
