// One readable sentence for a row that failed validation: the first problem,
// named by its field, in words a person who hand-wrote the file understands.
// A row's other problems surface once this one is fixed; a wall of validator
// text helps nobody.
import type { z } from "zod";

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  record: "an object",
  null: "null",
  undefined: "missing",
};

const typeOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** `title`, `annotations[2].label`, or "the row" for a problem with the whole row. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the row";
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), "");
}

function phrase(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      // zod leaves the input out of issues unless asked; its message still names what it received.
      const received = "input" in issue ? typeOf(issue.input) : (/received (\w+)/.exec(issue.message)?.[1] ?? "undefined");
      if (received === "undefined") return `${field} is missing`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${field} should be ${expected}, not ${TYPE_NAMES[received] ?? received}`;
    }
    case "unrecognized_keys":
      return `${field === "the row" ? "the row" : field} has an unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      return `${field} is not in a form Slant understands`;
    default:
      return `${field}: ${issue.message}`;
  }
}

export function readableIssue(error: z.ZodError): string {
  const [first] = error.issues;
  return first ? phrase(first) : "invalid";
}

/** Text for a message, cut at `max` code points with an ellipsis and written in quotes. */
export function quoted(text: string, max = 40): string {
  const chars = Array.from(text);
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text}"`;
}
