import type { z } from "zod";

// Every kind of background job, declared once: its queue name, the payload's
// schema (checked when it is enqueued and again when a worker runs it: a
// payload stored by an older version must still be valid), its handler, and
// its limits. Handlers must be idempotent: a job whose worker died runs again.

export type JobContext = {
  jobId: string;
  /** Who asked for it, when it was enqueued for someone (per-user limits count by it). */
  userId: string | null;
  /** How many times it was started before (0 on the first run). */
  retryCount: number;
  /** Aborted when the job is cancelled while it runs; long handlers should check it between steps. */
  signal: AbortSignal;
};

export type JobLimits = {
  /** Running jobs of this kind at once, over all workers. */
  concurrency: number;
  /** Running jobs of this kind at once for one user, over all workers. */
  perUser: number;
  /** A running job not heard from for this long is taken to be dead and retried (its worker sends a heartbeat every third of it). */
  expireSeconds: number;
  /** Runs after the first that fail (or die) before the job is failed for good. */
  retryLimit: number;
  /** Seconds between retries. */
  retryDelaySeconds: number;
  /**
   * At most one job of this kind waits at a time: enqueueing while one waits
   * adds nothing (pg-boss's "short" policy). For work that covers everything
   * queued when it starts, such as a fold.
   */
  coalesce: boolean;
};

export type JobKind<Payload = unknown> = {
  /** The pg-boss queue name. */
  name: string;
  payload: { parse: (data: unknown) => Payload };
  // A method, so that a list of kinds with different payloads is a JobKind[] (parameters of methods are bivariant).
  run(payload: Payload, context: JobContext): Promise<void>;
  limits: JobLimits;
};

const DEFAULT_LIMITS: JobLimits = { concurrency: 2, perUser: 1, expireSeconds: 60, retryLimit: 5, retryDelaySeconds: 1, coalesce: false };

export function defineJob<Schema extends z.ZodType>(
  name: string,
  payload: Schema,
  run: (payload: z.infer<Schema>, context: JobContext) => Promise<void>,
  limits: Partial<JobLimits> = {},
): JobKind<z.infer<Schema>> {
  if (!/^[a-z][a-z0-9-]{0,49}$/.test(name)) throw new Error(`job kind name ${JSON.stringify(name)}: lower-case letters, digits and hyphens`);
  return { name, payload, run, limits: { ...DEFAULT_LIMITS, ...limits } };
}
