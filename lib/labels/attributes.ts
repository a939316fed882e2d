import { z } from "zod";
import { Text } from "../schemas/common";

// The structured attributes each built-in label collects. One table drives
// both the validation (zod, at the API boundary) and the form in the
// annotator, so the two cannot drift apart.

export type AttributeField =
  | { key: string; label: string; type: "text"; maxLength: number; placeholder?: string }
  | { key: string; label: string; type: "boolean" }
  | { key: string; label: string; type: "choice"; options: readonly string[] };

export const ATTRIBUTION_KINDS = ["named", "anonymous", "vague"] as const;

export const attributeFields: Record<string, readonly AttributeField[]> = {
  claim: [{ key: "checkworthy", label: "Check-worthy", type: "boolean" }],
  attribution: [
    { key: "speaker", label: "Who is cited", type: "text", maxLength: 200, placeholder: "e.g. Activists, Tahir al-Omar" },
    { key: "kind", label: "How", type: "choice", options: ATTRIBUTION_KINDS },
  ],
  loaded_language: [{ key: "connotation", label: "Connotation", type: "text", maxLength: 1000, placeholder: "What the wording implies" }],
  unverified: [{ key: "missingEvidence", label: "Missing evidence", type: "text", maxLength: 1000, placeholder: "What would support it" }],
};

function fieldSchema(field: AttributeField): z.ZodType {
  switch (field.type) {
    case "text":
      return Text().trim().max(field.maxLength, `must be at most ${field.maxLength} characters`);
    case "boolean":
      return z.boolean();
    case "choice":
      return z.enum(field.options as [string, ...string[]]);
  }
}

/** Labels added by admins have no declared fields: short scalar values only. */
const freeFormAttributes = z.record(Text().max(64), z.union([Text().max(1000), z.number(), z.boolean(), z.null()])).refine(
  (record) => Object.keys(record).length <= 20,
  "at most 20 attributes",
);

function labelSchema(fields: readonly AttributeField[]): z.ZodType<Record<string, unknown>> {
  const shape = Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f).nullable().optional()]));
  // Empty text and nulls mean "not filled in": dropped, so stored attributes hold only real values.
  return z
    .strictObject(shape)
    .transform((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== ""))) as z.ZodType<
    Record<string, unknown>
  >;
}

// Built once: every annotation saved asks for its label's schema.
const labelSchemas = new Map(Object.entries(attributeFields).map(([key, fields]) => [key, labelSchema(fields)]));

export function attributesSchema(labelKey: string): z.ZodType<Record<string, unknown>> {
  return labelSchemas.get(labelKey) ?? freeFormAttributes;
}
