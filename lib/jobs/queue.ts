import type pg from "pg";
import PgBoss from "pg-boss";
import type { JobKind } from "./registry";

// The job queue is pg-boss (docs/decisions/0011), in the schema "pgboss" of
// the app's own database. pg-boss runs its SQL through the app's pg pool (its
// `db` adapter) instead of opening a pool of its own: on the embedded database
// that pool is the one connection the socket allows, and every pg-boss
// statement is one whole exchange on it, like the app's own queries.

export const JOB_SCHEMA = "pgboss";
// Installing the schema and creating queues happen under this session lock, so
// instances starting together on a fresh database install it once: pg-boss's
// own guard lets a second installer fail inside its transaction.
const INSTALL_LOCK = 7301706713n;

const bosses = new WeakMap<pg.Pool, PgBoss>();

/** The pg-boss client on `pool` (not started: sending, cancelling and reading need no start). */
export function bossOn(pool: pg.Pool): PgBoss {
  let boss = bosses.get(pool);
  if (!boss) {
    boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: JOB_SCHEMA, supervise: false, schedule: false, migrate: false });
    boss.on("error", (error: unknown) => console.error("[slant] job queue:", error));
    bosses.set(pool, boss);
  }
  return boss;
}

/**
 * Creates (or upgrades) the queue's schema and one queue per kind; safe to run
 * from any number of instances at once, and again on every start.
 */
export async function installJobQueue(pool: pg.Pool, kinds: readonly JobKind[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [INSTALL_LOCK]);
    const boss = new PgBoss({ db: { executeSql: (text, values) => client.query(text, values) }, schema: JOB_SCHEMA, supervise: false, schedule: false, migrate: true });
    await boss.start();
    for (const kind of kinds) {
      const queue = {
        name: kind.name,
        policy: kind.limits.coalesce ? "short" : "standard",
        retryLimit: kind.limits.retryLimit,
        retryDelay: kind.limits.retryDelaySeconds,
        expireInSeconds: kind.limits.expireSeconds,
      } as const;
      if (await boss.getQueue(kind.name)) await boss.updateQueue(kind.name, queue);
      else await boss.createQueue(kind.name, queue);
    }
    await boss.stop({ graceful: false, close: false });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [INSTALL_LOCK]).catch(() => {});
    client.release();
  }
}

export type EnqueueOptions = {
  /** Who it is for: per-user limits count by it. */
  userId?: string;
  startAfterSeconds?: number;
  /** The job's id (a UUID), e.g. the id of the record it works on, so that it can be cancelled by that id; a second enqueue with it adds nothing. */
  id?: string;
};

/** Queues a job of `kind`; returns its id, or null when a coalescing kind already has one waiting. */
export async function enqueueOn<Payload>(pool: pg.Pool, kind: JobKind<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<string | null> {
  const data = kind.payload.parse(payload) as object;
  return bossOn(pool).send(kind.name, data, {
    ...(options.id ? { id: options.id } : {}),
    ...(options.userId ? { singletonKey: options.userId } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
}

/** Cancels a job: one not started never runs; a running one has its signal aborted at its next heartbeat. False when it had already ended. */
export async function cancelOn(pool: pg.Pool, jobId: string): Promise<boolean> {
  const job = await jobStateOn(pool, jobId);
  if (!job) return false;
  if (job.state === "completed" || job.state === "cancelled" || job.state === "failed") return false;
  await bossOn(pool).cancel(job.kind, jobId);
  return (await jobStateOn(pool, jobId))?.state === "cancelled";
}

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

/** A job's state and retries, or null when it is unknown (or archived). */
export async function jobStateOn(pool: pg.Pool, jobId: string): Promise<{ kind: string; state: JobState; retryCount: number; output: unknown } | null> {
  const { rows } = await pool.query<{ kind: string; state: JobState; retryCount: number; output: unknown }>(
    `SELECT name AS kind, state::text AS state, retry_count AS "retryCount", output FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
    [jobId],
  );
  return rows[0] ?? null;
}
