// Import jobs run in the server process after the upload's response has been
// sent, so closing the tab does not stop them; the job row is their progress
// bar and, when they end, their report. A job shares the process with every
// request, so it works in short slices: it yields to other requests between
// records (and its readers between pieces of the file), and its re-anchoring
// draws on one bounded allowance per file.
import { authorize, can, type Actor } from "../../auth/policy";
import { addToReport, emptyReport, reportCount, type ImportReport } from "../../datasets/import-report";
import type { OpenedImport } from "../../datasets/import-records";
import { openImport, type ImportFile } from "../../datasets/open-import";
import { withAnchoringBudget } from "../../datasets/place-annotations";
import { yieldToRequests } from "../../datasets/time-slices";
import { notFound } from "../../errors";
import type { ImportJobListQuery } from "../../schemas/import-jobs";
import { recordAudit } from "../audit";
import { db, type Db } from "../client";
import { isConnectionFailure } from "../connection-failure";
import type { ImportJob, Prisma } from "../generated/client";
import { importAnnotationRecord } from "./annotations-record";
import { importArticleRecord } from "./articles";
import { importContext } from "./context";
import { UNEXPECTED_FAILURE } from "./write";

/** Progress is written at most this often: often enough for a progress bar, rarely enough not to slow the import. */
const PROGRESS_INTERVAL_MS = 500;
/** A job that has not moved for this long was cut off (the server stopped); it is shown as failed. */
const STALE_AFTER_MS = 10 * 60_000;

import type { ImportJobSummary, ImportJobView } from "../../schemas/responses/import-jobs";
export type { ImportJobSummary, ImportJobView };

/** A report stored before `counts` existed has whole lists: without counts, reportCount reads their lengths. */
function reportOf(stored: unknown): ImportReport {
  const report = { ...emptyReport(), ...(stored as Partial<ImportReport>) };
  if (!(stored as Partial<ImportReport> | null)?.counts) delete report.counts;
  return report;
}

const toView = (job: ImportJob): ImportJobView => ({
  id: job.id,
  kind: job.kind,
  format: job.format,
  filename: job.filename,
  status: job.status,
  total: job.total,
  processed: job.processed,
  error: job.error,
  report: reportOf(job.report),
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

async function runJob(client: Db, actor: Actor, jobId: string, kind: ImportFile["kind"], opened: OpenedImport) {
  const report = emptyReport();
  let processed = 0;
  let lastWrite = 0;
  const save = (data: Prisma.ImportJobUpdateInput) => client.importJob.update({ where: { id: jobId }, data: { processed, report: report as unknown as Prisma.InputJsonObject, ...data } });
  try {
    await save({ status: "RUNNING" });
    // Counting may mean parsing the whole file: it is done here, off the upload's request.
    if (typeof opened.total === "function") await save({ total: await opened.total() });
    const ctx = await importContext(client, actor, report);
    for await (const record of opened.records) {
      // Rejected rows touch no database, so without this a file of bad rows would never let a request in.
      await yieldToRequests();
      try {
        // A function: past the listed ones, a rejected row's reason is never worded (see rejectedRow).
        if (!record.ok) addToReport(report, "rejected", () => ({ line: record.line, reason: record.reason }));
        else if (record.kind === "article" && kind === "articles") await importArticleRecord(ctx, record.line, record.article);
        else if (record.kind === "annotations") await importAnnotationRecord(ctx, record.line, record.target, record.annotations);
      } catch (error) {
        if (isConnectionFailure(error)) throw error;
        // The database's own words (constraint names, SQL) stay in the server log, never in a report.
        console.error(`import ${jobId}, line ${record.line}:`, error);
        addToReport(report, "rejected", { line: record.line, reason: UNEXPECTED_FAILURE });
      }
      processed++;
      if (Date.now() - lastWrite > PROGRESS_INTERVAL_MS) {
        lastWrite = Date.now();
        await save({});
      }
    }
    await client.$transaction(async (tx) => {
      await tx.importJob.update({ where: { id: jobId }, data: { processed, report: report as unknown as Prisma.InputJsonObject, status: "SUCCEEDED", finishedAt: new Date() } });
      await recordAudit(tx, { actorId: actor.id, action: "import.finish", entityType: "ImportJob", entityId: jobId, after: { created: report.created, rejected: reportCount(report, "rejected") } });
    });
  } catch (error) {
    await save({ status: "FAILED", error: (error as Error).message, finishedAt: new Date() }).catch(() => undefined);
  }
}

/**
 * Checks the file (a 4xx AppError, and no job, when it is unreadable), creates
 * the job and starts it; what takes long (counting, parsing) happens in the job. `finished` resolves when the job ends; the API does
 * not wait for it, the CLI and tests do.
 */
export async function startImport(args: { actor: Actor; file: ImportFile; client?: Db }): Promise<{ id: string; finished: Promise<void> }> {
  const client = args.client ?? db();
  const opened = await openImport(args.file);
  const job = await client.importJob.create({
    data: { userId: args.actor.id, kind: args.file.kind, format: opened.format, filename: args.file.filename, total: typeof opened.total === "number" ? opened.total : 0 },
    select: { id: true },
  });
  const finished = withAnchoringBudget(() => runJob(client, args.actor, job.id, args.file.kind, opened));
  return { id: job.id, finished };
}


const staleWhere = () => ({ status: { in: ["RUNNING" as const, "QUEUED" as const] }, updatedAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } });
const INTERRUPTED = "The import was interrupted (the server stopped); rows reported as created were kept.";

/**
 * Import jobs newest first: an analyst's own, everyone's for a reviewer or an
 * admin (who import on others' behalf and oversee the data). `nextCursor` is
 * the id to pass back for the next page.
 */
export async function listImportJobs(args: { actor: Actor; query: ImportJobListQuery; client?: Db }): Promise<{ items: ImportJobSummary[]; nextCursor: string | null }> {
  const client = args.client ?? db();
  const { cursor, limit } = args.query;
  const mine = can(args.actor, "import-job:list-everyone") ? {} : { userId: args.actor.id };
  await client.importJob.updateMany({ where: { ...mine, ...staleWhere() }, data: { status: "FAILED", error: INTERRUPTED, finishedAt: new Date() } });
  const rows = await client.importJob.findMany({
    where: mine,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor } } : {}),
    include: { user: { select: { id: true, name: true } } },
  });
  const items = rows.slice(0, limit).map(({ user, ...job }): ImportJobSummary => {
    const { report, ...view } = toView(job);
    return { ...view, user, created: report.created, rejected: reportCount(report, "rejected") };
  });
  return { items, nextCursor: rows.length > limit ? (rows[limit]?.id ?? null) : null };
}

/** The owner's job, or any job for reviewers and admins; to another analyst it is "not found". */
export async function getImportJob(args: { actor: Actor; id: string; client?: Db }): Promise<ImportJobView> {
  const client = args.client ?? db();
  const job = await client.importJob.findUnique({ where: { id: args.id } });
  if (!job) throw notFound("Import job");
  authorize(args.actor, "import-job:read", job);
  const stale = (job.status === "RUNNING" || job.status === "QUEUED") && Date.now() - job.updatedAt.getTime() > STALE_AFTER_MS;
  if (!stale) return toView(job);
  const failed = await client.importJob.update({ where: { id: job.id }, data: { status: "FAILED", error: INTERRUPTED, finishedAt: new Date() } });
  return toView(failed);
}
