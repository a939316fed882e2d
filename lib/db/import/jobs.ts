// Import jobs (docs/decisions/0013). The upload is checked, stored in the
// database with the job row, and the job runs it batch by batch: each batch's
// rows and the job's checkpoint commit together, so a job cut off by a crash
// resumes after its last batch (runImportJob is idempotent and resumable, and
// is what the job queue runs: lib/jobs/imports.ts). The job row is its
// progress bar and, when it ends, its report. On the embedded database the
// job shares the process with requests, so it works in short slices
// (yieldToRequests) and its re-anchoring draws on one bounded allowance per run.
import { authorize, can, type Actor } from "../../auth/policy";
import { emptyReport, reportCount, type ImportReport } from "../../datasets/import-report";
import { openImport, openLineByLine, type ImportFile } from "../../datasets/open-import";
import { withAnchoringBudget } from "../../datasets/place-annotations";
import { notFound } from "../../errors";
import type { ImportJobListQuery } from "../../schemas/import-jobs";
import { ImportKind, ImportFormat } from "../../schemas/datasets";
import { recordAudit } from "../audit";
import { db, poolOf, type Db } from "../client";
import type { ImportJob, Prisma } from "../generated/client";
import { BATCH_LIMITS, LostJob, runBatches } from "./batch";
import { importContext } from "./context";
import { deleteFile, readFile, readFileChunks, storeFile } from "./stored-file";
import { forgetQueryHistory } from "../query-history";

/** A running job writes its checkpoint at least every batch; one that has not moved for this long was cut off (the process stopped). */
const STALE_AFTER_MS = 10 * 60_000;
const INTERRUPTED = "The import was interrupted (the server stopped); rows reported as created were kept, and running the job again resumes after them.";

import type { ImportJobSummary, ImportJobView } from "../../schemas/responses/import-jobs";
export type { ImportJobSummary, ImportJobView };

/** A report stored before `counts` existed has whole lists: without counts, reportCount reads their lengths. */
function reportOf(stored: unknown): ImportReport {
  const written = stored as Partial<ImportReport> | null;
  // A job that has not written its report yet starts from an empty one, counts and all.
  if (!written?.created) return emptyReport();
  const report = { ...emptyReport(), ...written };
  if (!written.counts) delete report.counts;
  return report;
}

const isUnfinished = (job: Pick<ImportJob, "status">) => job.status === "RUNNING" || job.status === "QUEUED";
const isStale = (job: Pick<ImportJob, "status" | "updatedAt">) => isUnfinished(job) && Date.now() - job.updatedAt.getTime() > STALE_AFTER_MS;

/**
 * A job nobody has moved for a long while is shown as failed, interrupted: it
 * is not written so (a GET never writes), and running it again resumes it.
 */
const toView = (job: ImportJob): ImportJobView => ({
  id: job.id,
  kind: job.kind,
  format: job.format,
  filename: job.filename,
  status: isStale(job) ? "FAILED" : job.status,
  total: job.total,
  processed: job.processed,
  error: isStale(job) ? INTERRUPTED : job.error,
  report: reportOf(job.report),
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** What the job needs besides its file, kept on its row. */
type JobOptions = { source?: string | undefined; baseUrl: string };

/** Ends the job: its status and report, its audit event, and its stored file deleted, in one transaction. */
async function finish(client: Db, job: { id: string; userId: string }, data: { status: "SUCCEEDED" | "FAILED" | "CANCELLED"; processed?: number; report?: ImportReport; error?: string }) {
  await client.$transaction(async (tx) => {
    const report = data.report as unknown as Prisma.InputJsonObject | undefined;
    await tx.importJob.update({ where: { id: job.id }, data: { status: data.status, finishedAt: new Date(), ...(data.processed !== undefined ? { processed: data.processed } : {}), ...(report ? { report } : {}), ...(data.error ? { error: data.error } : {}) } });
    await deleteFile(tx, job.id);
    if (data.status === "SUCCEEDED" && data.report) {
      await recordAudit(tx, { actorId: job.userId, action: "import.finish", entityType: "ImportJob", entityId: job.id, after: { created: data.report.created, rejected: reportCount(data.report, "rejected") } });
    }
    if (data.status === "CANCELLED") await recordAudit(tx, { actorId: job.userId, action: "import.cancel", entityType: "ImportJob", entityId: job.id, after: { processed: data.processed ?? null } });
  });
}

type RunOptions = { client?: Db; onCheckpoint?: (processed: number) => void | Promise<void> };

/**
 * Runs (or resumes) an import job to its end. Idempotent: a finished or
 * cancelled job is left as it is; an unfinished one goes on after its last
 * committed batch. This is the job queue's handler; keep its signature.
 */
export function runImportJob(jobId: string): Promise<void> {
  return runImportJobWith(jobId, {});
}

/** runImportJob with a given database client (the CLI's, a benchmark's) and a checkpoint listener. */
export async function runImportJobWith(jobId: string, options: RunOptions): Promise<void> {
  const client = options.client ?? db();
  const job = await client.importJob.findUnique({ where: { id: jobId }, include: { user: { select: { id: true, email: true, name: true, role: true } } } });
  if (!job || !isUnfinished(job)) return;
  if (job.cancelRequestedAt) return finish(client, job, { status: "CANCELLED", processed: job.processed, report: { ...reportOf(job.report), cancelled: { afterRecords: job.processed } } });
  const claimed = await client.importJob.updateMany({ where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "RUNNING" } });
  if (claimed.count !== 1) return;
  const actor: Actor = job.user;
  const { source, baseUrl } = job.options as JobOptions;
  let report = reportOf(job.report);
  let processed = job.processed;
  try {
    const kind = ImportKind.parse(job.kind);
    const format = ImportFormat.parse(job.format);
    // Line by line from the stored pieces where the format allows: the job never holds the whole file then.
    const opened =
      openLineByLine(kind, format, () => readFileChunks(client, jobId)) ??
      (await openImport({ bytes: await readFile(client, jobId), filename: job.filename, kind, format, source, baseUrl } satisfies ImportFile));
    // Counting may mean parsing the whole file: it is done here, off the upload's request.
    if (typeof opened.total === "function" && !job.total) await client.importJob.update({ where: { id: jobId }, data: { total: await opened.total() } });
    const ctx = await importContext(client, actor, report);
    const run = {
      ctx,
      jobId,
      kind,
      processed,
      report,
      limits: BATCH_LIMITS[poolOf(client).mode],
      onCheckpoint: options.onCheckpoint,
      cancelled: async () => Boolean((await client.importJob.findUnique({ where: { id: jobId }, select: { cancelRequestedAt: true } }))?.cancelRequestedAt),
    };
    const outcome = await withAnchoringBudget(() => runBatches(run, opened.records));
    ({ report, processed } = run);
    if (outcome === "cancelled") await finish(client, job, { status: "CANCELLED", processed, report: { ...report, cancelled: { afterRecords: processed } } });
    else await finish(client, job, { status: "SUCCEEDED", processed, report });
  } catch (error) {
    // Another run has the job (or ended it): this one leaves it alone.
    if (error instanceof LostJob) return;
    await finish(client, job, { status: "FAILED", error: (error as Error).message }).catch(() => undefined);
  }
}

/**
 * Checks the file (a 4xx AppError, and no job, when it is unreadable) and
 * stores it with a new, queued job; what takes long (counting, parsing)
 * happens in the job. Whoever runs jobs runs it with runImportJob.
 */
export async function createImportJob(args: { actor: Actor; file: ImportFile; client?: Db }): Promise<{ id: string }> {
  const client = args.client ?? db();
  const opened = await openImport(args.file);
  const options: JobOptions = { baseUrl: args.file.baseUrl, ...(args.file.source ? { source: args.file.source } : {}) };
  return client.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: { userId: args.actor.id, kind: args.file.kind, format: opened.format, filename: args.file.filename, total: typeof opened.total === "number" ? opened.total : 0, options },
      select: { id: true },
    });
    await storeFile(tx, created.id, args.file.bytes);
    return created;
  }, { maxWait: 15_000, timeout: 60_000 }).finally(forgetQueryHistory);
}

/**
 * createImportJob, then the job in this process. `finished` resolves when the
 * job ends; the API does not wait for it, the CLI and tests do.
 */
export async function startImport(args: { actor: Actor; file: ImportFile; client?: Db }): Promise<{ id: string; finished: Promise<void> }> {
  const { id } = await createImportJob(args);
  return { id, finished: runImportJobWith(id, args.client ? { client: args.client } : {}) };
}

/**
 * Asks a job to stop: its owner or an admin. A running job stops before its
 * next batch (rows already written stay, and the report says after how many
 * records); a job that is not running now (queued, or cut off) ends at once;
 * an ended job is left as it is.
 */
export async function cancelImportJob(args: { actor: Actor; id: string; client?: Db }): Promise<ImportJobView> {
  const client = args.client ?? db();
  const job = await client.importJob.findUnique({ where: { id: args.id } });
  if (!job) throw notFound("Import job");
  authorize(args.actor, "import-job:read", job);
  authorize(args.actor, "import-job:cancel", job);
  // Asking again, or after the end, changes nothing: the answer is the job as it is.
  if (!isUnfinished(job)) return toView(job);
  await client.importJob.updateMany({ where: { id: job.id, cancelRequestedAt: null }, data: { cancelRequestedAt: new Date() } });
  // Queued, or cut off with no process running it: nobody would honour the request.
  if (job.status === "QUEUED" || isStale(job)) await runImportJobWith(job.id, { client });
  return toView(await client.importJob.findUniqueOrThrow({ where: { id: job.id } }));
}


/**
 * Import jobs newest first: an analyst's own, everyone's for a reviewer or an
 * admin (who import on others' behalf and oversee the data). `nextCursor` is
 * the id to pass back for the next page.
 */
export async function listImportJobs(args: { actor: Actor; query: ImportJobListQuery; client?: Db }): Promise<{ items: ImportJobSummary[]; nextCursor: string | null }> {
  const client = args.client ?? db();
  const { cursor, limit } = args.query;
  const mine = can(args.actor, "import-job:list-everyone") ? {} : { userId: args.actor.id };
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
  return toView(job);
}
