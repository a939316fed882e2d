import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import type { ImportReport } from "../../lib/datasets/import-report";
import { db } from "../../lib/db/client";
import { cancelImportJob, createImportJob, getImportJob, runImportJob, runImportJobWith, startImport } from "../../lib/db/import/jobs";
import { importRun } from "../../lib/jobs/imports";
import { enqueue } from "../../lib/jobs/jobs";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeUser, unique } from "../support/factories";
import { until } from "../support/until";

const ROWS = 20_000;

/** One small article per line, each with one span on "plan". */
function articlesJsonl(tag: string, source: string, rows: number): Uint8Array {
  const lines: string[] = [];
  for (let n = 0; n < rows; n++) {
    const text = `${tag} article ${n}: the plan works.`;
    const start = text.indexOf("plan");
    const annotation = { start, end: start + 4, label: "claim", quote: "plan", prefix: text.slice(0, start), suffix: text.slice(start + 4) };
    lines.push(JSON.stringify({ title: `${tag} ${n}`, source: { name: source }, text, annotations: [annotation] }));
  }
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

/** Runs the job in a child process and SIGKILLs it once a batch, but not the last, is committed. */
async function killPartWay(jobId: string, total: number): Promise<void> {
  // The child reads DATABASE_URL like the app. The parent sends no query while it runs: on the
  // embedded database, two connections' unpipelined queries may interleave (lib/db/client.ts).
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/run-import-job.ts", jobId], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = once(child, "exit");
  let killedAt: number | null = null;
  for await (const line of createInterface({ input: child.stdout })) {
    const done = Number(/^checkpoint (\d+)$/.exec(line)?.[1] ?? NaN);
    if (done > 0 && done < total) {
      child.kill("SIGKILL");
      killedAt = done;
      break;
    }
  }
  await exited;
  expect(killedAt, "the child was killed after a batch, before the last").not.toBeNull();
}

/** The crashed job finished: every row exactly once, with its report, history and no stored file left. */
async function expectFinishedOnce(admin: Actor, id: string, source: string): Promise<void> {
  const job = await getImportJob({ actor: admin, id });
  expect(job).toMatchObject({ status: "SUCCEEDED", processed: ROWS, total: ROWS, error: null });
  expect(job.report.created).toEqual({ articles: ROWS, annotations: ROWS });
  expect(job.report).toMatchObject({ anchored: ROWS, counts: { duplicates: 0, rejected: 0, orphaned: 0, reanchored: 0, annotators: 1 } });
  expect(job.report.annotators).toEqual([expect.objectContaining({ to: { id: admin.id, name: admin.name }, annotations: ROWS })]);

  const articles = await db().article.findMany({ where: { source: { name: source } }, select: { id: true, title: true } });
  expect(new Set(articles.map((a) => a.title)).size).toBe(ROWS);
  const ids = articles.map((a) => a.id);
  expect(await db().annotation.count({ where: { articleId: { in: ids } } })).toBe(ROWS);
  expect(await db().auditEvent.count({ where: { action: "article.import", entityId: { in: ids } } })).toBe(ROWS);
  expect(await db().auditEvent.count({ where: { action: "import.finish", entityId: id } })).toBe(1);
  expect(await db().importFileChunk.count({ where: { jobId: id } })).toBe(0);
}

/** Checks what a cut-off job left: still running, part-way, and exactly what its checkpoint says is stored. */
async function expectCutOff(id: string, source: string): Promise<void> {
  const cut = await db().importJob.findUniqueOrThrow({ where: { id } });
  expect(cut.status).toBe("RUNNING");
  expect(cut.processed).toBeGreaterThan(0);
  expect(cut.processed).toBeLessThan(ROWS);
  // What the checkpoint says is exactly what is stored: the batch that was cut off left nothing.
  expect(await db().article.count({ where: { source: { name: source } } })).toBe(cut.processed);
  expect((cut.report as unknown as ImportReport).created).toEqual({ articles: cut.processed, annotations: cut.processed });
}

/** `npm run worker`, as npm start spawns it, against the test database; resolves once it has installed the queue and runs jobs. */
async function startWorker() {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = once(worker, "exit").then(([code]) => Promise.reject(new Error(`the worker exited (${String(code)})`)));
  const ready = (async () => {
    for await (const line of createInterface({ input: worker.stdout })) if (line.includes("running jobs")) return;
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return worker;
}

describe("import jobs survive a crash and can be cancelled", () => {
  it(`a worker killed during an import of ${ROWS.toLocaleString()} rows: run again, the job finishes with every row exactly once and a correct report`, async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const admin = await makeUser("ADMIN");
    const tag = unique("crash");
    const source = unique("Crash source");
    const { id } = await createImportJob({ actor: admin, file: { bytes: articlesJsonl(tag, source, ROWS), filename: "crash.jsonl", kind: "articles", baseUrl: "http://slant.test" } });

    await killPartWay(id, ROWS);
    await expectCutOff(id, source);

    await runImportJob(id);
    await expectFinishedOnce(admin, id, source);

    // Idempotent: a finished job run again changes nothing.
    await runImportJob(id);
    expect(await db().article.count({ where: { source: { name: source } } })).toBe(ROWS);
    expect(await db().auditEvent.count({ where: { action: "import.finish", entityId: id } })).toBe(1);
    // A ceiling for a hang: 20,000 articles on the embedded database took 9 minutes at a load average of 20 here.
  }, 1_800_000);

  it(`the real worker process killed with SIGKILL during an import of ${ROWS.toLocaleString()} rows: a new worker finishes the queued job, every row exactly once`, async ({ skip }) => {
    // A second process cannot open the embedded database (its socket serves one connection); there jobs run in the app.
    if (process.env.SLANT_DATABASE_MODE === "embedded") skip("a separate worker process needs a PostgreSQL server");
    await seedLabels(db(), (await loadSeeds()).labels);
    const admin = await makeUser("ADMIN");
    const source = unique("Worker crash source");
    const { id } = await createImportJob({ actor: admin, file: { bytes: articlesJsonl(unique("worker-crash"), source, ROWS), filename: "crash.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
    const first = await startWorker();
    // As POST /api/import queues it.
    await enqueue(importRun, { importJobId: id }, { userId: admin.id, id });
    await until("the worker to commit a batch", async () => ((await db().importJob.findUniqueOrThrow({ where: { id } })).processed > 0 ? true : null), 300_000);
    first.kill("SIGKILL");
    await once(first, "exit");
    await expectCutOff(id, source);

    // The queue retries the job once its heartbeat has stopped for its expiry (lib/jobs/imports.ts); the retry resumes it.
    const second = await startWorker();
    try {
      await until("the job to finish in the new worker", async () => ((await db().importJob.findUniqueOrThrow({ where: { id } })).status === "SUCCEEDED" ? true : null), 600_000);
    } finally {
      second.kill("SIGTERM");
      await once(second, "exit");
    }
    await expectFinishedOnce(admin, id, source);
  }, 1_200_000);

  it("a file of unreadable rows makes few checkpoints: refused rows count towards a batch's time, not its records", async () => {
    const owner = await makeUser("ANALYST");
    const rows = 20_000;
    const csv = `title,source,body\n${Array.from({ length: rows }, (_, n) => `Untitled ${n},,`).join("\n")}\n`;
    const { id } = await createImportJob({ actor: owner, file: { bytes: new TextEncoder().encode(csv), filename: "bad.csv", kind: "articles", baseUrl: "http://slant.test" } });
    let checkpoints = 0;
    await runImportJobWith(id, { onCheckpoint: () => void checkpoints++ });
    const job = await getImportJob({ actor: owner, id });
    expect(job).toMatchObject({ status: "SUCCEEDED", processed: rows, report: { created: { articles: 0, annotations: 0 }, counts: { rejected: rows } } });
    // One checkpoint per batch of records would be 20 (a server's batches) or 80 (the embedded database's).
    const { BATCH_LIMITS } = await import("../../lib/db/import/batch");
    const { poolOf } = await import("../../lib/db/client");
    expect(checkpoints).toBeLessThanOrEqual(rows / BATCH_LIMITS[poolOf(db()).mode].records / 2);
  }, 600_000);

  it("a cancelled job stops between batches: what it wrote stays, the report says after how many records, the file is deleted", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const [owner, other, admin] = [await makeUser("ANALYST"), await makeUser("REVIEWER"), await makeUser("ADMIN")];
    const source = unique("Cancel source");
    const rows = 3_000;
    const { id } = await createImportJob({ actor: owner, file: { bytes: articlesJsonl(unique("cancel"), source, rows), filename: "cancel.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
    await expect(cancelImportJob({ actor: other, id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Cancelled while it runs: the request lands after the first batch's checkpoint.
    await db().importJob.update({ where: { id }, data: { status: "RUNNING" } });
    let requested = false;
    await runImportJobWith(id, {
      onCheckpoint: async () => {
        if (requested) return;
        requested = true;
        await db().importJob.update({ where: { id }, data: { cancelRequestedAt: new Date() } });
      },
    });
    const job = await getImportJob({ actor: owner, id });
    expect(job.status).toBe("CANCELLED");
    expect(job.processed).toBeGreaterThan(0);
    expect(job.processed).toBeLessThan(rows);
    expect(job.report.cancelled).toEqual({ afterRecords: job.processed });
    expect(job.report.created.articles).toBe(job.processed);
    expect(await db().article.count({ where: { source: { name: source } } })).toBe(job.processed);
    expect(await db().importFileChunk.count({ where: { jobId: id } })).toBe(0);
    expect(await cancelImportJob({ actor: admin, id })).toMatchObject({ status: "CANCELLED", processed: job.processed });

    // A queued job nobody runs yet ends at once, by its owner's or an admin's request.
    const queued = await createImportJob({ actor: owner, file: { bytes: articlesJsonl(unique("queued"), source, 3), filename: "q.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
    expect(await cancelImportJob({ actor: admin, id: queued.id })).toMatchObject({ status: "CANCELLED", processed: 0, report: { cancelled: { afterRecords: 0 } } });
    expect(await db().importFileChunk.count({ where: { jobId: queued.id } })).toBe(0);
    const finished = await startImport({ actor: owner, file: { bytes: articlesJsonl(unique("done"), source, 2), filename: "d.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
    await finished.finished;
    expect(await db().importFileChunk.count({ where: { jobId: finished.id } })).toBe(0);
  }, 600_000);
});
