// A worker process for tests/integration/jobs.int.test.ts: runs the crash
// probe's jobs against DATABASE_URL until it is killed.
import { db, poolOf } from "../../lib/db/client";
import { installJobQueue } from "../../lib/jobs/queue";
import { startJobRunner } from "../../lib/jobs/runner";
import { crashProbe } from "./job-probe";

const pool = poolOf(db()).pool;
await installJobQueue(pool, [crashProbe]);
await startJobRunner({ pool, kinds: [crashProbe], maintenanceSeconds: 1 });
process.send?.("ready");
