// Annotator profile attributes: admins define the fields (a choice among
// options, or free text), and each person's values are checked against a zod
// schema built from those definitions. Pure, shared by the API, the admin
// page and the tests.
import { z } from "zod";

export const ProfileFieldType = z.enum(["CHOICE", "TEXT"]);
export type ProfileFieldType = z.infer<typeof ProfileFieldType>;

export type ProfileFieldDefinition = { key: string; name: string; type: ProfileFieldType; options: readonly string[] };

const Option = z.string().trim().min(1, "must not be empty").max(100);

/** POST /api/admin/profile-fields: a new field. A choice needs at least two distinct options; text takes none. */
export const ProfileFieldInput = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "must start with a letter and use only a–z, 0–9 and _ (at most 40)"),
    name: z.string().trim().min(1, "must not be empty").max(100),
    type: ProfileFieldType,
    options: z.array(Option).max(50).default([]),
  })
  .superRefine((field, ctx) => {
    if (field.type === "TEXT" && field.options.length > 0) ctx.addIssue({ code: "custom", path: ["options"], message: "a text field takes no options" });
    if (field.type === "CHOICE" && field.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "a choice needs at least two options" });
    if (new Set(field.options).size !== field.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "options must differ" });
  });
export type ProfileFieldInput = z.infer<typeof ProfileFieldInput>;

/** One value: a choice must be one of the options; text is trimmed, non-empty. null clears the value. */
function valueSchema(field: ProfileFieldDefinition): z.ZodType<string | null> {
  const value = field.type === "CHOICE" ? z.enum(field.options as [string, ...string[]], { message: `must be one of: ${field.options.join(", ")}` }) : z.string().trim().min(1).max(200);
  return value.nullable();
}

/**
 * The schema of a change to someone's profile: every defined key optional,
 * unknown keys refused (a typo must not be stored as a new attribute).
 */
export function profileChangeSchema(fields: readonly ProfileFieldDefinition[]) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.key, valueSchema(f).optional()])));
}
export type ProfileValues = Record<string, string>;

/** The stored profile after a change: null removes a value, undefined leaves it. */
export function applyProfileChange(current: ProfileValues, change: Record<string, string | null | undefined>): ProfileValues {
  const next: ProfileValues = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

/**
 * A stored profile read back: values of fields that still exist, as strings.
 * A value whose field was deleted, or whose option was renamed, stays in the
 * database untouched but is not offered as current (the definition decides).
 */
export function readProfile(stored: unknown, fields: readonly ProfileFieldDefinition[]): ProfileValues {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const out: ProfileValues = {};
  for (const field of fields) {
    const value = (stored as Record<string, unknown>)[field.key];
    if (typeof value === "string" && valueSchema(field).safeParse(value).success) out[field.key] = value;
  }
  return out;
}
