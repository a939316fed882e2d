import { z } from "zod";
import { LabelKey } from "./annotation";
import { IsoDay, Text, Uuid } from "./common";

/** Attribute values as sent; checked against the label's own schema when the label is known. */
const AttributeValues = z.record(z.string().max(64), z.unknown());

export const AcceptIntoGoldInput = z.strictObject({
  annotationIds: z.array(Uuid).min(1, "name at least one annotation").max(50),
  /** The gold values, chosen by the reviewer: required when the annotations' attributes differ. */
  attributes: AttributeValues.optional(),
  /** The gold note; when absent it is the annotations' note if they all have the same one, else none. */
  note: Text().max(5_000).nullable().optional(),
});
export type AcceptIntoGoldInput = z.infer<typeof AcceptIntoGoldInput>;

export const UpdateGoldInput = z
  .strictObject({
    version: z.number().int().min(1),
    label: LabelKey.optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    quote: Text().min(1).max(100_000).optional(),
    note: Text().max(5_000).nullable().optional(),
    attributes: AttributeValues.optional(),
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

export const GoldStatusInput = z
  .strictObject({
    status: z.enum(["NONE", "IN_PROGRESS", "ADJUDICATED"]),
    /** Adjudicate although spans are undecided: the reason is kept in the audit log. */
    override: z.strictObject({ reason: Text().trim().min(1, "say why the article is adjudicated with spans undecided").max(2_000) }).optional(),
  })
  .refine((s) => s.override === undefined || s.status === "ADJUDICATED", { message: "an override applies only to ADJUDICATED", path: ["override"] });
export type GoldStatusInput = z.infer<typeof GoldStatusInput>;

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
  /** Only articles whose live spans were all made under this guideline version (docs/decisions/0022). */
  guidelineVersion: z.coerce.number().int().min(1, "guideline versions count from 1").optional(),
});
export type AgreementReportQuery = z.infer<typeof AgreementReportQuery>;
