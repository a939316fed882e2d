import { z } from "zod";
import { Text, Uuid } from "./common";

const Offset = z.number().int("must be a whole number").min(0, "must not be negative").max(10_000_000);
export const LabelKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a label key such as loaded_language");
export const Note = Text().max(5_000, "must be at most 5000 characters").nullable();
const Attributes = z.record(z.string(), z.unknown());

export const CreateAnnotationInput = z.strictObject({
  label: LabelKey,
  start: Offset,
  end: Offset,
  quote: Text().min(1, "must not be empty").max(100_000),
  note: Note.optional(),
  attributes: Attributes.optional(),
});
export type CreateAnnotationInput = z.infer<typeof CreateAnnotationInput>;

export const UpdateAnnotationInput = z
  .strictObject({
    version: z.number().int().min(1),
    label: LabelKey.optional(),
    start: Offset.optional(),
    end: Offset.optional(),
    quote: Text().min(1).max(100_000).optional(),
    note: Note.optional(),
    attributes: Attributes.optional(),
  })
  .refine((u) => [u.start, u.end, u.quote].every((v) => v === undefined) || [u.start, u.end, u.quote].every((v) => v !== undefined), {
    message: "start, end and quote change together: send all three",
    path: ["quote"],
  });
export type UpdateAnnotationInput = z.infer<typeof UpdateAnnotationInput>;

export const AnnotationListQuery = z.strictObject({
  annotator: z.union([z.literal("me"), z.literal("all"), Uuid]).default("me"),
  /** 1: the actor's own deleted annotations instead of the live ones, newest deletion first (for "Recently deleted"). */
  deleted: z.enum(["0", "1"]).optional(),
});
export type AnnotationListQuery = z.infer<typeof AnnotationListQuery>;

export const AssignmentStatus = z.enum(["ASSIGNED", "IN_PROGRESS", "SUBMITTED"]);
/** `userId` (reviewers): someone else's assignment, e.g. to reopen a submitted one. */
export const SetAssignmentInput = z.strictObject({ status: AssignmentStatus, userId: Uuid.optional() });
