// The review and adjudication record an annotation carries in the export
// model, so that an export is the whole dataset: a reviewer's decision on an
// annotator's span, which annotator spans a gold span was adjudicated from,
// and the comments on a span. All optional: files written before these
// existed, and hand-written ones, still read.
import { z } from "zod";

const IsoTimestamp = z.iso.datetime({ offset: true });
/**
 * An annotator, reviewer or comment author. `email` only in a reviewer's or
 * admin's export that is not pseudonymised, so that another Slant matches the
 * person to their account there (decision 0005).
 */
export const ExportPersonSchema = z.strictObject({ id: z.string().min(1), name: z.string(), email: z.email().optional() });
export type ExportPerson = z.infer<typeof ExportPersonSchema>;
const Person = ExportPersonSchema;

export const ExportReviewSchema = z.strictObject({
  decision: z.enum(["ACCEPTED", "REJECTED"]),
  reason: z.string().nullable(),
  reviewer: Person,
  at: IsoTimestamp,
});
export type ExportReview = z.infer<typeof ExportReviewSchema>;

export const ExportCommentSchema = z.strictObject({ id: z.string().min(1), author: Person, body: z.string(), createdAt: IsoTimestamp });
export type ExportComment = z.infer<typeof ExportCommentSchema>;

/** Optional annotation fields, in the order writers emit them. */
export const ProvenanceFields = {
  /** Annotator spans only: the latest review decision. */
  review: ExportReviewSchema.optional(),
  /** Gold spans only: ids of the annotator spans the gold span was adjudicated from (the annotator is the adjudicator). */
  goldFrom: z.array(z.string().min(1)).optional(),
  /** Discussion of the span, oldest first. */
  comments: z.array(ExportCommentSchema).optional(),
};
export const PROVENANCE_KEYS = Object.keys(ProvenanceFields) as (keyof typeof ProvenanceFields)[];
