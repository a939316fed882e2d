import { z } from "zod";

// What the API answers about annotators' spans. lib/db builds these (its
// return types are the inferred types) and the client parses them with the
// same schemas, so a change to a shape is one edit that both sides see.

const Person = z.object({ id: z.string(), name: z.string() });
/** Timestamps travel as ISO text (Date.prototype.toISOString()), on the wire and in lib/db's results. */
const IsoTime = z.string();

export const AnnotationView = z.object({
  id: z.string(),
  label: z.string(),
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  annotator: Person,
  version: z.number(),
  /** The guideline version in force when the span was made; null before the first guideline or when imported without one. */
  guidelineVersion: z.number().nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type AnnotationView = z.infer<typeof AnnotationView>;

export const AnnotationList = z.object({ items: z.array(AnnotationView) });

export const DeletedAnnotation = AnnotationView.extend({ deletedAt: IsoTime });
export type DeletedAnnotation = z.infer<typeof DeletedAnnotation>;
export const DeletedAnnotationList = z.object({ items: z.array(DeletedAnnotation) });

export const AssignmentStatus = z.enum(["ASSIGNED", "IN_PROGRESS", "SUBMITTED"]);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;
/** PUT /api/articles/:id/assignment: the fields the client reads (the row has more). */
export const AssignmentAnswer = z.looseObject({ status: AssignmentStatus });

export const Annotator = Person;
export type Annotator = z.infer<typeof Annotator>;
