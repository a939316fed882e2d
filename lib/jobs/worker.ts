import type pg from "pg";
import { figuresFold, FOLD_EVERY_MS, reportFiguresFill } from "./figures";
import { enqueue, registerLocalRunner } from "./jobs";
import { JOB_KINDS } from "./kinds";
import { installJobQueue } from "./queue";
import type { JobKind } from "./registry";
import { startJobRunner, type JobRunner } from "./runner";

// A worker: what scripts/worker.ts runs as its own process on a PostgreSQL
// server, and what the app's one process runs beside the web server on the
// embedded database (instrumentation.ts), on the pool it already has.

/** Installs the queue, starts running `kinds`, enqueues a fold now and every FOLD_EVERY_MS (writes that asked for none), and the report figures' fill once. */
export async function startWorker(pool: pg.Pool, options: { kinds?: readonly JobKind[]; pollMs?: number } = {}): Promise<JobRunner> {
  const kinds = options.kinds ?? JOB_KINDS;
  await installJobQueue(pool, kinds);
  const runner = await startJobRunner({ pool, kinds, ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
  registerLocalRunner(runner);
  const foldNow = () => void enqueue(figuresFold, {}).catch((error: unknown) => console.error("[slant] could not enqueue a fold:", error));
  foldNow();
  // Report figures a new version of the code (or a label change while no worker ran) left stale.
  if (kinds.includes(reportFiguresFill)) void enqueue(reportFiguresFill, {}).catch((error: unknown) => console.error("[slant] could not enqueue the report figures:", error));
  const periodic = setInterval(foldNow, FOLD_EVERY_MS);
  periodic.unref();
  return {
    ...runner,
    stop: async () => {
      clearInterval(periodic);
      registerLocalRunner(undefined);
      await runner.stop();
    },
    abandon: () => {
      clearInterval(periodic);
      registerLocalRunner(undefined);
      runner.abandon();
    },
  };
}
