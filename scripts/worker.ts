// npm run worker — runs background jobs (lib/jobs) against DATABASE_URL, a
// PostgreSQL server: as many of these as you like, on any hosts, beside any
// number of web processes (docs/decisions/0012). `npm start` starts one and
// restarts it if it dies; on the embedded database the jobs run inside the
// app's one process instead (its socket takes one connection).
import { db, poolOf } from "../lib/db/client";
import { readEnv } from "../lib/env";
import { startWorker } from "../lib/jobs/worker";

const env = readEnv();
if (!env.DATABASE_URL) {
  console.error("[slant worker] DATABASE_URL is not set: the worker runs against a PostgreSQL server (npm start runs it for you).");
  process.exit(1);
}
if (process.env.SLANT_DATABASE_MODE === "embedded") {
  console.error("[slant worker] the embedded database takes one connection: its jobs run inside the app (npm start).");
  process.exit(1);
}
const worker = await startWorker(poolOf(db()).pool);
console.log("[slant worker] running jobs");
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Running jobs may finish; nothing waits past 30 s (a job left running is retried by another worker after it expires).
  setTimeout(() => process.exit(0), 30_000).unref();
  void worker
    .stop()
    .then(() => db().$disconnect())
    .finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
