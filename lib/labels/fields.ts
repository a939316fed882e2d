import { z } from "zod";
import { Line, Text } from "../schemas/common";

// A label's attribute fields are data on its row (Label.attributes), defined
// by admins in /admin/labels. This is their one shape: the API body, the JSON
// column read back, the seed file and the annotator's form all parse it here.

export const FIELD_TYPES = ["text", "choice", "boolean", "number", "person", "organisation"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const MAX_FIELDS = 20;
export const MAX_OPTIONS = 50;
/** Free text holds at most this many characters unless the field says less. */
export const MAX_TEXT_LENGTH = 5000;
const DEFAULT_MAX_LENGTH: Record<"text" | "person" | "organisation", number> = { text: 1000, person: 200, organisation: 200 };

/** Keys are what the stored attributes are keyed by: "speaker", "missingEvidence". */
export const FieldKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, "must start with a letter and hold only letters, digits and _ (at most 64)");

const Option = Line(100);

const FieldInput = z
  .strictObject({
    key: FieldKey,
    /** What the form shows; the key when not given. */
    name: Line(100).optional(),
    type: z.enum(FIELD_TYPES),
    options: z.array(Option).max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`).optional(),
    required: z.boolean().optional(),
    maxLength: z.number().int().min(1).max(MAX_TEXT_LENGTH).optional(),
    placeholder: Text().max(200).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === "choice") {
      if (!field.options?.length) ctx.addIssue({ code: "custom", path: ["options"], message: "a choice needs at least one option" });
      else if (new Set(field.options).size !== field.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "options must differ" });
    } else if (field.options !== undefined) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `only a choice has options, not a ${field.type} field` });
    }
    if (field.maxLength !== undefined && !isTextual(field.type)) ctx.addIssue({ code: "custom", path: ["maxLength"], message: `only text fields have a maximum length` });
  })
  .transform((field): AttributeField => {
    const base = { key: field.key, name: field.name ?? field.key, required: field.required ?? false };
    if (field.type === "choice") return { ...base, type: "choice", options: field.options ?? [] };
    if (field.type === "boolean" || field.type === "number") return { ...base, type: field.type };
    return { ...base, type: field.type, maxLength: field.maxLength ?? DEFAULT_MAX_LENGTH[field.type], ...(field.placeholder ? { placeholder: field.placeholder } : {}) };
  });

type Base = { key: string; name: string; required: boolean };
export type AttributeField = Base &
  (
    | { type: "text" | "person" | "organisation"; maxLength: number; placeholder?: string }
    | { type: "boolean" | "number" }
    | { type: "choice"; options: readonly string[] }
  );

export const isTextual = (type: FieldType): type is "text" | "person" | "organisation" => type === "text" || type === "person" || type === "organisation";

/** A label's fields: keys unique (case-insensitively, so "Speaker" cannot shadow "speaker"), at most MAX_FIELDS. */
export const AttributeFields = z
  .array(FieldInput)
  .max(MAX_FIELDS, `a label has at most ${MAX_FIELDS} attribute fields`)
  .superRefine((fields, ctx) => {
    const seen = new Map<string, number>();
    fields.forEach((field, i) => {
      const folded = field.key.toLowerCase();
      if (seen.has(folded)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `the key "${field.key}" is used twice` });
      seen.set(folded, i);
    });
  });

/** The fields stored on a label row; a column that does not parse (hand-edited) counts as none, never a 500. */
export function storedFields(value: unknown): AttributeField[] {
  const parsed = AttributeFields.safeParse(value);
  return parsed.success ? parsed.data : [];
}
