import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { db, poolOf } from "../../lib/db/client";
import { defineJob } from "../../lib/jobs/registry";

// A job kind for the queue's tests: it records each start, waits (when told
// to) until the test releases it, then records that it finished — idempotently,
// as every handler must, so a rerun after a crash finishes it exactly once.
// Shared by the tests and the worker process they kill (job-worker-child.ts).

const pool = () => poolOf(db()).pool;

export async function createProbeTables(): Promise<void> {
  // Its own schema: the schema test checks that "public" holds only the app's tables.
  await pool().query(`CREATE SCHEMA IF NOT EXISTS job_probe`);
  await pool().query(`CREATE TABLE IF NOT EXISTS job_probe.start (key text NOT NULL, job uuid NOT NULL, attempt int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await pool().query(`CREATE TABLE IF NOT EXISTS job_probe.release (key text PRIMARY KEY)`);
  await pool().query(`CREATE TABLE IF NOT EXISTS job_probe.done (key text PRIMARY KEY, job uuid NOT NULL, attempt int NOT NULL)`);
}

export const ProbePayload = z.object({ key: z.string().min(1), hold: z.boolean().default(false) });

export function probeKind(name: string, limits: Parameters<typeof defineJob>[3] = {}) {
  return defineJob(
    name,
    ProbePayload,
    async ({ key, hold }, { jobId, retryCount, signal }) => {
      await pool().query(`INSERT INTO job_probe.start (key, job, attempt) VALUES ($1, $2, $3)`, [key, jobId, retryCount]);
      while (hold && !signal.aborted) {
        const { rows } = await pool().query(`SELECT 1 FROM job_probe.release WHERE key = $1`, [key]);
        if (rows.length > 0) break;
        await sleep(100);
      }
      if (signal.aborted) return;
      await pool().query(`INSERT INTO job_probe.done (key, job, attempt) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`, [key, jobId, retryCount]);
    },
    { expireSeconds: 3, retryDelaySeconds: 0, ...limits },
  );
}

/** The kind the killed worker process runs (tests/integration/jobs.int.test.ts). */
export const crashProbe = probeKind("test-crash-probe", { concurrency: 1 });
