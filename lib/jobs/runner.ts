import type pg from "pg";
import { bossOn, JOB_SCHEMA } from "./queue";
import type { JobKind } from "./registry";

// The worker loop: claims jobs of each kind within its limits, runs them, and
// reports the outcome to pg-boss. It claims with its own statement, not
// pg-boss's fetch, because pg-boss 10 cannot bound running jobs per user: the
// claim counts the kind's running jobs (all, and the user's) under a
// per-kind transaction lock, so two workers claiming at once cannot both take
// the last slot. Everything else — states, retries, expiry of jobs whose
// worker died, archiving — is pg-boss's.
//
// A running job's heartbeat moves its start time forward, so pg-boss's
// expiry ("active longer than expire_in") means "not heard from for
// expire_in": a job of any length keeps running, a dead worker's job is
// retried one expiry after its last heartbeat.

const CLAIM_LOCK_BASE = 7301706800;

type Claimed = { id: string; data: unknown; userId: string | null; retryCount: number };

export type JobRunner = {
  /** Look for work now (after enqueueing in this process) instead of at the next poll. */
  wake: () => void;
  /** Stops claiming, waits for running jobs, and stops pg-boss's maintenance. */
  stop: () => Promise<void>;
  /** Stops at once and leaves running jobs as they are, as a killed process would (tests). */
  abandon: () => void;
  running: () => number;
};

export async function startJobRunner(options: {
  pool: pg.Pool;
  kinds: readonly JobKind[];
  /** How often pg-boss expires and archives jobs; the first runner to reach the interval does it for all. */
  maintenanceSeconds?: number;
  /** How often it looks for jobs enqueued elsewhere or due now (a job enqueued in this process wakes it at once). */
  pollMs?: number;
  onError?: (kind: string, error: unknown) => void;
}): Promise<JobRunner> {
  const { pool, kinds } = options;
  const pollMs = options.pollMs ?? 500;
  const report = options.onError ?? ((kind, error) => console.error(`[slant] job ${kind}:`, error));
  const boss = bossOn(pool);
  const maintenance = new (await import("pg-boss")).default({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: JOB_SCHEMA,
    supervise: true,
    schedule: false,
    migrate: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
  });
  maintenance.on("error", (error: unknown) => report("maintenance", error));
  await maintenance.start();

  const running = new Map<string, { kind: string; abort: AbortController; beat: NodeJS.Timeout; done: Promise<void> }>();
  let stopped = false;
  let abandoned = false;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;

  const runningOf = (kind: JobKind) => [...running.values()].filter((r) => r.kind === kind.name).length;

  async function claim(kind: JobKind): Promise<Claimed | null> {
    // The cheap look first: most polls find nothing, and then take no lock.
    const waiting = await pool.query(`SELECT 1 FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state < 'active' AND start_after < now() LIMIT 1`, [kind.name]);
    if (waiting.rows.length === 0) return null;
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [CLAIM_LOCK_BASE + kinds.indexOf(kind)]);
      const { rows } = await client.query<Claimed>(
        `UPDATE ${JOB_SCHEMA}.job j SET state = 'active', started_on = now(),
           retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
         WHERE j.name = $1 AND j.id = (
           SELECT c.id FROM ${JOB_SCHEMA}.job c
           WHERE c.name = $1 AND c.state < 'active' AND c.start_after < now()
             AND (SELECT count(*) FROM ${JOB_SCHEMA}.job a WHERE a.name = $1 AND a.state = 'active') < $2
             AND (c.singleton_key IS NULL OR
                  (SELECT count(*) FROM ${JOB_SCHEMA}.job a WHERE a.name = $1 AND a.state = 'active' AND a.singleton_key = c.singleton_key) < $3)
           ORDER BY c.priority DESC, c.created_on, c.id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING j.id, j.data, j.singleton_key AS "userId", j.retry_count AS "retryCount"`,
        [kind.name, kind.limits.concurrency, kind.limits.perUser],
      );
      await client.query("COMMIT");
      return rows[0] ?? null;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Keeps the job ours: moves its start forward; false once it is no longer active (cancelled, or expired by maintenance). */
  async function heartbeat(kind: JobKind, id: string): Promise<boolean> {
    const { rows } = await pool.query(`UPDATE ${JOB_SCHEMA}.job SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active' RETURNING 1`, [kind.name, id]);
    return rows.length > 0;
  }

  function run(kind: JobKind, job: Claimed) {
    const abort = new AbortController();
    const beat = setInterval(() => {
      heartbeat(kind, job.id).then(
        (ours) => ours || abort.abort(new Error("the job was cancelled")),
        (error: unknown) => report(kind.name, error),
      );
    }, (kind.limits.expireSeconds * 1000) / 3);
    const done = (async () => {
      try {
        const payload = kind.payload.parse(job.data);
        await kind.run(payload, { jobId: job.id, userId: job.userId, retryCount: job.retryCount, signal: abort.signal });
        if (!abandoned) await boss.complete(kind.name, job.id);
      } catch (error) {
        if (abandoned) return;
        if (!abort.signal.aborted) report(kind.name, error);
        await boss.fail(kind.name, job.id, { message: error instanceof Error ? error.message : String(error) }).catch((e: unknown) => report(kind.name, e));
      } finally {
        clearInterval(beat);
        running.delete(job.id);
        if (!stopped) wake();
      }
    })();
    running.set(job.id, { kind: kind.name, abort, beat, done });
  }

  async function poll(): Promise<void> {
    for (const kind of kinds) {
      while (!stopped && runningOf(kind) < kind.limits.concurrency) {
        const job = await claim(kind).catch((error: unknown) => {
          report(kind.name, error);
          return null;
        });
        if (!job || stopped) break;
        run(kind, job);
      }
    }
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
  }

  function tick() {
    timer = null;
    if (polling) return schedule(pollMs);
    polling = poll().finally(() => {
      polling = null;
      schedule(pollMs);
    });
  }

  function wake() {
    schedule(0);
  }

  schedule(0);

  return {
    wake,
    running: () => running.size,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await polling;
      await Promise.all([...running.values()].map((r) => r.done));
      await maintenance.stop({ graceful: false, close: false });
    },
    abandon: () => {
      stopped = abandoned = true;
      if (timer) clearTimeout(timer);
      for (const r of running.values()) {
        clearInterval(r.beat);
        r.abort.abort(new Error("abandoned"));
      }
      void maintenance.stop({ graceful: false, close: false });
    },
  };
}
