import { db, poolOf } from "../db/client";
import { cancelOn, enqueueOn, jobStateOn, type EnqueueOptions } from "./queue";
import type { JobKind } from "./registry";

// Enqueueing and cancelling from the app (route handlers, lib/db), on the
// app's own pool. A process that also runs jobs (the embedded database's one
// process) registers its runner here, so that a job enqueued in it starts now
// rather than at the next poll.

const local = globalThis as unknown as { slantJobRunner?: { wake: () => void } };

export function registerLocalRunner(runner: { wake: () => void } | undefined): void {
  local.slantJobRunner = runner;
}

/** Queues a job; its id, or null when a coalescing kind already has one waiting. */
export async function enqueue<Payload>(kind: JobKind<Payload>, payload: Payload, options: EnqueueOptions = {}): Promise<string | null> {
  const id = await enqueueOn(poolOf(db()).pool, kind, payload, options);
  if (id && !options.startAfterSeconds) local.slantJobRunner?.wake();
  return id;
}

/** Cancels a queued or running job; false when it had already ended. */
export function cancel(jobId: string): Promise<boolean> {
  return cancelOn(poolOf(db()).pool, jobId);
}

export function jobState(jobId: string) {
  return jobStateOn(poolOf(db()).pool, jobId);
}
