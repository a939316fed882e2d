// When two annotators' values count as the same: attributes by value whatever
// the key order, notes by their text with surrounding whitespace ignored.
import { canonicalize } from "../formats/canonical-json";

/** A string equal for equal attribute sets; an empty value is the same as no value. */
export function attributesKey(attributes: Record<string, unknown> | null | undefined): string {
  const filled = Object.entries(attributes ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return JSON.stringify(canonicalize(Object.fromEntries(filled)));
}

export const sameAttributes = (a: Record<string, unknown> | null | undefined, b: Record<string, unknown> | null | undefined) => attributesKey(a) === attributesKey(b);

const noteText = (note: string | null | undefined) => (note ?? "").trim();

export const sameNote = (a: string | null | undefined, b: string | null | undefined) => noteText(a) === noteText(b);
