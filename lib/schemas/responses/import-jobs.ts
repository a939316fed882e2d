import { z } from "zod";

// Import jobs and their reports (lib/datasets/import-report.ts builds the report; lib/db/import/jobs.ts the views).

const Line = z.number();
const RecordCounts = z.object({ reviews: z.number(), goldSources: z.number(), comments: z.number() });

export const ImportReportSchema = z.object({
  created: z.object({ articles: z.number(), annotations: z.number() }),
  anchored: z.number(),
  reanchored: z.array(z.object({ line: Line, id: z.string().nullable(), label: z.string(), from: z.object({ start: z.number().nullable(), end: z.number().nullable() }), to: z.object({ start: z.number(), end: z.number() }) })),
  orphaned: z.array(z.object({ line: Line, id: z.string().nullable(), label: z.string(), quote: z.string(), reason: z.string() })),
  duplicates: z.array(
    z.object({ line: Line, what: z.enum(["article", "annotation"]), existingId: z.string(), title: z.string().optional(), match: z.enum(["id", "external id", "same span"]).optional() }),
  ),
  rejected: z.array(z.object({ line: Line, item: z.string().optional(), reason: z.string() })),
  annotators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      to: z.object({ id: z.string(), name: z.string() }),
      how: z.enum(["you", "email", "id", "earlier import", "new imported annotator", "you (analysts import in their own name)"]),
      annotations: z.number(),
    }),
  ),
  records: z.object({ created: RecordCounts, existing: RecordCounts, ignored: RecordCounts, unlinked: z.number() }),
  /** Every list's full length; absent from reports written before it existed (then the lists are whole). */
  counts: z.record(z.enum(["reanchored", "orphaned", "duplicates", "rejected", "annotators"]), z.number()).optional(),
  omitted: z.number(),
  /** Set when the job was cancelled: the records before this many were imported, the rest not read. */
  cancelled: z.object({ afterRecords: z.number() }).optional(),
});

export const ImportStatus = z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]);

export const ImportJobView = z.object({
  id: z.string(),
  kind: z.string(),
  format: z.string(),
  filename: z.string(),
  status: ImportStatus,
  total: z.number().nullable(),
  processed: z.number(),
  error: z.string().nullable(),
  report: ImportReportSchema,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

export const ImportJobSummary = ImportJobView.omit({ report: true }).extend({
  user: z.object({ id: z.string(), name: z.string() }),
  created: ImportReportSchema.shape.created,
  rejected: z.number(),
});
export type ImportJobSummary = z.infer<typeof ImportJobSummary>;

/** POST /api/import (202): the job to poll. */
export const ImportAccepted = z.looseObject({ id: z.string() });
