import { z } from "zod";
import { runImportJob } from "../db/import/jobs";
import { figuresFold } from "./figures";
import { enqueue } from "./jobs";
import { defineJob } from "./registry";

// An import runs as a job (docs/decisions/0013): the upload stored the file
// with the ImportJob row, and runImportJob reads it back and writes it batch by
// batch, each batch with its checkpoint. The queue job carries the import's
// own id, so a worker that dies mid-file leaves a job the queue retries, and
// the retry resumes after the last committed batch. One import per user runs
// at a time (the rest wait), so one user's files cannot hold every worker.

export const importRun = defineJob(
  "import",
  z.object({ importJobId: z.uuid() }),
  async ({ importJobId }) => {
    await runImportJob(importJobId);
    // The imported spans' figures: folded and their agreement recomputed ahead of the next view.
    await enqueue(figuresFold, {});
  },
  { perUser: 1, concurrency: 2, expireSeconds: 60 },
);
