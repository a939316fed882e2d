// The review decision, gold provenance and comments an annotation carries in
// Slant's JSONL export (provenance.ts), read leniently for import: reviewers
// and comment authors as any person form (person.read.ts), or absent (the
// importer, as for annotators); a comment may be just its text; ids and times
// are optional. Only reviewers and admins import them: the importer's call.
import { z } from "zod";
import { PersonRead, type AnnotatorRead } from "./person.read";

const IsoTimestamp = z.iso.datetime({ offset: true });

export type ReviewRead = { decision: "ACCEPTED" | "REJECTED"; reason: string | null; reviewer: AnnotatorRead | null; at: string | null };
export type CommentRead = { id: string | null; author: AnnotatorRead | null; body: string; createdAt: string | null };
/** What a span's record holds; absent from a read annotation when the file gives none of it. */
export type SpanRecordRead = { review: ReviewRead | null; goldFrom: string[]; comments: CommentRead[] };

const Review = z.looseObject({
  decision: z.enum(["ACCEPTED", "REJECTED"]),
  reason: z.string().nullish(),
  reviewer: PersonRead.nullish(),
  at: IsoTimestamp.nullish(),
});

const Comment = z.union([
  z.string().min(1, "must not be empty").transform((body) => ({ id: null, author: null, body, createdAt: null })),
  z.looseObject({
    id: z.union([z.string().min(1), z.number()]).nullish(),
    author: PersonRead.nullish(),
    body: z.string().min(1, "must not be empty"),
    createdAt: IsoTimestamp.nullish(),
  }),
]);

/** Spread into an annotation's schema. */
export const SpanRecordFields = {
  review: Review.nullish(),
  goldFrom: z.array(z.union([z.string().min(1), z.number()])).nullish(),
  comments: z.array(Comment).nullish(),
};

type Parsed = { review?: z.infer<typeof Review> | null; goldFrom?: (string | number)[] | null; comments?: z.infer<typeof Comment>[] | null };

export function spanRecord(a: Parsed): SpanRecordRead | null {
  const record: SpanRecordRead = {
    review: a.review ? { decision: a.review.decision, reason: a.review.reason ?? null, reviewer: a.review.reviewer ?? null, at: a.review.at ?? null } : null,
    goldFrom: (a.goldFrom ?? []).map(String),
    comments: (a.comments ?? []).map((c) => ({ id: c.id == null ? null : String(c.id), author: c.author ?? null, body: c.body, createdAt: c.createdAt ?? null })),
  };
  return record.review || record.goldFrom.length || record.comments.length ? record : null;
}
