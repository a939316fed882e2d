import type { AttributeField } from "../labels/fields";

export type Relabel = {
  /** The attributes the annotation keeps under its new label. */
  kept: Record<string, unknown>;
  /** Filled-in values the new label has no field for: lost unless the person agrees. */
  dropped: { key: string; label: string; value: unknown }[];
};

const filled = (value: unknown) => value !== undefined && value !== null && value !== "";

/**
 * Changing a span's label keeps every attribute value the new label also
 * collects (same key, and a value that field accepts) and lists the rest, so
 * that the person is asked before anything they wrote is dropped.
 */
export function relabel(values: Record<string, unknown>, fromFields: readonly AttributeField[], toFields: readonly AttributeField[]): Relabel {
  const kept: Record<string, unknown> = {};
  const dropped: Relabel["dropped"] = [];
  const nameOf = (key: string) => fromFields.find((f) => f.key === key)?.name ?? key;
  for (const [key, value] of Object.entries(values)) {
    if (!filled(value)) continue;
    if (fits(toFields.find((f) => f.key === key), value)) kept[key] = value;
    else dropped.push({ key, label: nameOf(key), value });
  }
  return { kept, dropped };
}

function fits(field: AttributeField | undefined, value: unknown): boolean {
  if (!field) return false;
  switch (field.type) {
    case "text":
    case "person":
    case "organisation":
      return typeof value === "string" && [...value].length <= field.maxLength;
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "choice":
      return typeof value === "string" && field.options.includes(value);
  }
}
