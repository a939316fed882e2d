import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, poolOf } from "../../lib/db/client";
import { cancel, enqueue, jobState } from "../../lib/jobs/jobs";
import { installJobQueue, JOB_SCHEMA } from "../../lib/jobs/queue";
import { startJobRunner, type JobRunner } from "../../lib/jobs/runner";
import { freshDatabase } from "../support/fresh-database";
import { crashProbe, createProbeTables, probeKind } from "../support/job-probe";
import { until } from "../support/until";

// The job queue (lib/jobs, docs/decisions/0011) on the real database: jobs
// run, survive a dead worker, can be cancelled, and keep to their limits.

const plain = probeKind("test-plain");
const perUser = probeKind("test-per-user", { concurrency: 3, perUser: 1 });
const kinds = [plain, perUser, crashProbe];
const pool = () => poolOf(db()).pool;
const embedded = process.env.SLANT_DATABASE_MODE === "embedded";


const starts = async (key: string) => (await pool().query<{ attempt: number }>(`SELECT attempt FROM job_probe.start WHERE key = $1 ORDER BY at`, [key])).rows;
const done = async (key: string) => (await pool().query<{ attempt: number }>(`SELECT attempt FROM job_probe.done WHERE key = $1`, [key])).rows;
const release = (key: string) => pool().query(`INSERT INTO job_probe.release (key) VALUES ($1) ON CONFLICT DO NOTHING`, [key]);
const stateOf = async (id: string) => (await jobState(id))?.state;

beforeAll(async () => {
  await installJobQueue(pool(), kinds);
  await createProbeTables();
});

describe("the job queue", () => {
  let runner: JobRunner;
  beforeAll(async () => {
    runner = await startJobRunner({ pool: pool(), kinds: [plain, perUser], maintenanceSeconds: 1 });
  });
  afterAll(async () => {
    await runner.stop();
  });

  it("runs an enqueued job once and marks it completed; a payload that fails its schema is refused at enqueue", async () => {
    const key = randomUUID();
    const id = (await enqueue(plain, { key, hold: false }))!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until("completion", async () => (await stateOf(id)) === "completed");
    expect(await starts(key)).toEqual([{ attempt: 0 }]);
    expect(await done(key)).toEqual([{ attempt: 0 }]);
    await expect(enqueue(plain, { key: "", hold: false })).rejects.toThrow();
  });

  it("cancels a waiting job before it runs, and a running one through its signal", async () => {
    const waiting = randomUUID();
    const waitingId = (await enqueue(plain, { key: waiting, hold: false }, { startAfterSeconds: 3600 }))!;
    expect(await cancel(waitingId)).toBe(true);
    expect(await stateOf(waitingId)).toBe("cancelled");

    const running = randomUUID();
    const runningId = (await enqueue(plain, { key: running, hold: true }))!;
    await until("the job to start", async () => (await starts(running)).length === 1);
    expect(await cancel(runningId)).toBe(true);
    // The heartbeat (every second here) tells the handler; it stops without finishing its work.
    await until("the runner to let go of it", async () => runner.running() === 0);
    await release(running);
    await sleep(500);
    expect(await stateOf(runningId)).toBe("cancelled");
    expect(await done(running)).toEqual([]);
    expect(await starts(waiting)).toEqual([]);
    expect(await cancel(runningId)).toBe(false);
  });

  it("runs at most one job of a kind per user at a time, while other users' jobs run beside it", async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const keys = { a1: randomUUID(), a2: randomUUID(), a3: randomUUID(), b1: randomUUID() };
    const ids = {
      a1: (await enqueue(perUser, { key: keys.a1, hold: true }, { userId: alice }))!,
      a2: (await enqueue(perUser, { key: keys.a2, hold: true }, { userId: alice }))!,
      a3: (await enqueue(perUser, { key: keys.a3, hold: true }, { userId: alice }))!,
      b1: (await enqueue(perUser, { key: keys.b1, hold: true }, { userId: bob }))!,
    };
    await until("alice's first and bob's job to start", async () => (await starts(keys.a1)).length === 1 && (await starts(keys.b1)).length === 1);
    await sleep(1500); // several polls, with slots free overall (3), none for alice
    const active = async () =>
      (await pool().query<{ user: string; n: number }>(`SELECT singleton_key AS user, count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'active' GROUP BY 1`, [perUser.name])).rows;
    expect(new Map((await active()).map((r) => [r.user, r.n]))).toEqual(new Map([[alice, 1], [bob, 1]]));
    expect(await starts(keys.a2)).toEqual([]);
    for (const key of Object.values(keys)) await release(key);
    for (const id of Object.values(ids)) await until("all to complete", async () => (await stateOf(id)) === "completed");
    for (const key of Object.values(keys)) expect(await done(key)).toHaveLength(1);
  });
});

describe("a job whose worker died", () => {
  it("is taken up again after its heartbeat stops, and finishes exactly once (worker in this process, left as a crash leaves it)", async () => {
    const crashed = await startJobRunner({ pool: pool(), kinds: [crashProbe], maintenanceSeconds: 1 });
    const key = randomUUID();
    const id = (await enqueue(crashProbe, { key, hold: true }))!;
    await until("the job to start", async () => (await starts(key)).length === 1);
    crashed.abandon(); // no completion, no failure, no heartbeat: what a killed process leaves
    expect(await stateOf(id)).toBe("active");
    await release(key);
    const next = await startJobRunner({ pool: pool(), kinds: [crashProbe], maintenanceSeconds: 1 });
    try {
      await until("the retried job to complete", async () => (await stateOf(id)) === "completed");
    } finally {
      await next.stop();
    }
    expect(await starts(key)).toEqual([{ attempt: 0 }, { attempt: 1 }]);
    expect(await done(key)).toEqual([{ attempt: 1 }]);
  });

  it("is finished by a new worker process after its worker process is killed with SIGKILL mid-job", async ({ skip }) => {
    // A second process cannot open the embedded database (its socket serves one connection): server only.
    if (embedded) skip("a separate worker process needs a PostgreSQL server");
    const startChild = async () => {
      const child = fork("tests/support/job-worker-child.ts", [], { execArgv: ["--import", "tsx"], env: { ...process.env }, stdio: "inherit" });
      await new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`the worker exited (${code})`)));
      });
      return child;
    };
    const key = randomUUID();
    const first = await startChild();
    const id = (await enqueue(crashProbe, { key, hold: true }))!;
    await until("the job to start in the worker", async () => (await starts(key)).length === 1);
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGKILL");
    await exited;
    expect(await stateOf(id)).toBe("active");
    await release(key);
    const second = await startChild();
    try {
      await until("the retried job to complete", async () => (await stateOf(id)) === "completed");
    } finally {
      second.kill("SIGTERM");
    }
    expect(await starts(key)).toEqual([{ attempt: 0 }, { attempt: 1 }]);
    expect(await done(key)).toEqual([{ attempt: 1 }]);
  });
});

describe("installing the queue", () => {
  it("succeeds for three instances at once on a fresh database, and again after", async ({ skip }) => {
    if (embedded) skip("one instance per embedded database: its socket serves one client session at a time");
    const database = await freshDatabase();
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: database.url, max: 2 }));
    try {
      await Promise.all(pools.map((p) => installJobQueue(p, kinds)));
      await installJobQueue(pools[0]!, kinds);
      const { rows } = await pools[0]!.query<{ name: string }>(`SELECT name FROM ${JOB_SCHEMA}.queue ORDER BY name`);
      expect(rows.map((r) => r.name)).toEqual(kinds.map((k) => k.name).sort());
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await database.dispose();
    }
  });
});
