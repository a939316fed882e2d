-- Issue #13 §6 (docs/decisions/0013): import jobs that survive a crash and can be cancelled.
-- The uploaded file is stored in pieces (any process may run the job); the job row keeps
-- what the job needs besides the file, and a cancel request the job honours between batches.
ALTER TYPE "ImportStatus" ADD VALUE 'CANCELLED';

ALTER TABLE "ImportJob" ADD COLUMN "options" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "ImportJob" ADD COLUMN "cancelRequestedAt" TIMESTAMPTZ(3);

CREATE TABLE "ImportFileChunk" (
    "jobId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ImportFileChunk_pkey" PRIMARY KEY ("jobId", "seq")
);
ALTER TABLE "ImportFileChunk" ADD CONSTRAINT "ImportFileChunk_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
