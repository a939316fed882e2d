// Free-form values (annotation attributes) must serialize the same way every
// time, whatever order the database returned their keys in, or export →
// import → export would not be byte-identical.

/** The value with every object's keys sorted (by UTF-16 code unit order, locale-independent). */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = canonicalize((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON.stringify that also escapes U+2028/U+2029. They are legal inside JSON
 * strings, but Python's str.splitlines() and some editors treat them as line
 * breaks, which would split one JSONL record into two.
 */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u2028\u2029]/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
}
