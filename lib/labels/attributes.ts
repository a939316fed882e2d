import { z } from "zod";
import { Text } from "../schemas/common";
import type { AttributeField } from "./fields";

export type { AttributeField } from "./fields";

// The zod schema of a span's attributes, built from its label's fields (data
// on the Label row, lib/labels/fields.ts). One definition drives the
// validation at every boundary (annotations, gold, imports) and the form in
// the annotator, so the two cannot drift apart.

function fieldSchema(field: AttributeField): z.ZodType {
  switch (field.type) {
    case "text":
    case "person":
    case "organisation":
      return Text().trim().max(field.maxLength, `must be at most ${field.maxLength} characters`);
    case "boolean":
      return z.boolean();
    case "number":
      return z.number().refine(Number.isFinite, "must be a finite number");
    case "choice":
      return z.enum(field.options as [string, ...string[]], { message: `must be one of ${field.options.join(", ")}` });
  }
}

const empty = (value: unknown) => value === null || value === undefined || value === "";

/**
 * The attributes a span of a label with these fields may hold. Empty text and
 * nulls mean "not filled in" and are dropped, so stored attributes hold only
 * real values. `stored` is what the span holds now: a value equal to it is
 * always kept, whatever the fields say today. A field an admin removed, an
 * option taken out of a choice, a type changed: the span's old value stays,
 * readable and exportable, and saving the span's other fields does not fail
 * on it. Only new values must fit today's definition. Gold passes the
 * attributes of every span it is made from.
 */
export function attributesSchema(fields: readonly AttributeField[], ...stored: Readonly<Record<string, unknown>>[]): z.ZodType<Record<string, unknown>> {
  const schemas = new Map(fields.map((f) => [f.key, fieldSchema(f)]));
  return z.record(z.string(), z.unknown()).transform((input, ctx) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (empty(value)) continue;
      if (stored.some((held) => Object.hasOwn(held, key) && sameValue(held[key], value))) {
        out[key] = value;
        continue;
      }
      const schema = schemas.get(key);
      if (!schema) {
        ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not a field of this label${fields.length ? ` (its fields: ${fields.map((f) => f.key).join(", ")})` : " (it has none)"}` });
        continue;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [key, ...issue.path.map(String)], message: issue.message });
        continue;
      }
      if (!empty(parsed.data)) out[key] = parsed.data;
    }
    return out;
  });
}

/** Attribute values are JSON scalars; anything else compares by its JSON text. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

/** The fields a form shows for these values: the label's own, then read-only ones for stored values of fields since removed. */
export function formFields(fields: readonly AttributeField[], values: Readonly<Record<string, unknown>>): { field: AttributeField; removed: boolean }[] {
  const known = new Set(fields.map((f) => f.key));
  const removed = Object.keys(values)
    .filter((key) => !known.has(key) && !empty(values[key]))
    .map((key): AttributeField => ({ key, name: key, required: false, type: "text", maxLength: Number.MAX_SAFE_INTEGER }));
  return [...fields.map((field) => ({ field, removed: false })), ...removed.map((field) => ({ field, removed: true }))];
}
