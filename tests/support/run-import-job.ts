// Runs one import job in its own process, as a job queue's worker would:
//   node --import tsx tests/support/run-import-job.ts <jobId>
// (DATABASE_URL and SLANT_DATABASE_MODE from the environment). Prints
// "checkpoint <records done>" after each committed batch, so a test can kill
// it part-way through by the job's state, not by the clock.
import { connectDb } from "../../lib/db/client";
import { runImportJobWith } from "../../lib/db/import/jobs";

const jobId = process.argv[2];
const url = process.env.DATABASE_URL;
if (!jobId || !url) throw new Error("usage: DATABASE_URL=… run-import-job.ts <jobId>");
const client = connectDb(url, process.env.SLANT_DATABASE_MODE === "embedded" ? "embedded" : "postgres");
try {
  await runImportJobWith(jobId, { client, onCheckpoint: (processed) => void process.stdout.write(`checkpoint ${processed}\n`) });
} finally {
  await client.$disconnect();
}
