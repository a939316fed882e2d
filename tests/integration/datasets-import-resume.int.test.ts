import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../lib/datasets/import-report";
import { db } from "../../lib/db/client";
import { cancelImportJob, createImportJob, getImportJob, runImportJob, runImportJobWith, startImport } from "../../lib/db/import/jobs";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeUser, unique } from "../support/factories";

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

describe("import jobs survive a crash and can be cancelled", () => {
  it(`a worker killed during an import of ${ROWS.toLocaleString()} rows: run again, the job finishes with every row exactly once and a correct report`, async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const admin = await makeUser("ADMIN");
    const tag = unique("crash");
    const source = unique("Crash source");
    const { id } = await createImportJob({ actor: admin, file: { bytes: articlesJsonl(tag, source, ROWS), filename: "crash.jsonl", kind: "articles", baseUrl: "http://slant.test" } });

    await killPartWay(id, ROWS);
    const cut = await db().importJob.findUniqueOrThrow({ where: { id } });
    expect(cut.status).toBe("RUNNING");
    expect(cut.processed).toBeGreaterThan(0);
    expect(cut.processed).toBeLessThan(ROWS);
    // What the checkpoint says is exactly what is stored: the batch that was cut off left nothing.
    expect(await db().article.count({ where: { source: { name: source } } })).toBe(cut.processed);
    expect((cut.report as unknown as ImportReport).created).toEqual({ articles: cut.processed, annotations: cut.processed });

    await runImportJob(id);
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

    // Idempotent: a finished job run again changes nothing.
    await runImportJob(id);
    expect(await db().article.count({ where: { source: { name: source } } })).toBe(ROWS);
    expect(await db().auditEvent.count({ where: { action: "import.finish", entityId: id } })).toBe(1);
    // A ceiling for a hang: 20,000 articles on the embedded database took 9 minutes at a load average of 20 here.
  }, 1_800_000);

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
