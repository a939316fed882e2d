import { z } from "zod";
import { LabelKey } from "./annotation";
import { IsoDay, Text, Uuid } from "./common";

export const AcceptIntoGoldInput = z.strictObject({
  annotationIds: z.array(Uuid).min(1, "name at least one annotation").max(50),
});

export const UpdateGoldInput = z
  .strictObject({
    version: z.number().int().min(1),
    label: LabelKey.optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    quote: Text().min(1).max(100_000).optional(),
    note: Text().max(5_000).nullable().optional(),
  })
  .refine((u) => [u.start, u.end, u.quote].every((v) => v === undefined) || [u.start, u.end, u.quote].every((v) => v !== undefined), {
    message: "start, end and quote change together: send all three",
    path: ["quote"],
  });
export type UpdateGoldInput = z.infer<typeof UpdateGoldInput>;

export const ReviewInput = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("ACCEPTED"), reason: Text().trim().max(2_000).optional() }),
  z.strictObject({ decision: z.literal("REJECTED"), reason: Text().trim().min(1, "say why the span is rejected").max(2_000) }),
]);
export type ReviewInput = z.infer<typeof ReviewInput>;

export const GoldStatusInput = z.strictObject({ status: z.enum(["NONE", "IN_PROGRESS", "ADJUDICATED"]) });

export const CommentInput = z
  .strictObject({
    annotationId: Uuid.optional(),
    goldAnnotationId: Uuid.optional(),
    body: Text().trim().min(1, "must not be empty").max(5_000),
  })
  .refine((c) => (c.annotationId === undefined) !== (c.goldAnnotationId === undefined), {
    message: "attach the comment to exactly one span: annotationId or goldAnnotationId",
  });
export type CommentInput = z.infer<typeof CommentInput>;

export const AgreementReportQuery = z.strictObject({
  sourceId: Uuid.optional(),
  label: LabelKey.optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
});
export type AgreementReportQuery = z.infer<typeof AgreementReportQuery>;
