// On the embedded database the app's one process also runs the background
// jobs (lib/jobs), on its one pooled connection: the socket serves one
// connection, so a separate worker process could not connect. On a server,
// scripts/start.ts runs them in a worker process instead (docs/decisions/0011).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SLANT_DATABASE_MODE !== "embedded") return;
  const [{ db, poolOf }, { startWorker }] = await Promise.all([import("./lib/db/client"), import("./lib/jobs/worker")]);
  // Jobs enqueued in this process wake the worker at once; polling only finds retries and delayed jobs,
  // so it polls seldom on the connection every request shares.
  await startWorker(poolOf(db()).pool, { pollMs: 2000 });
}
