// Loaded-language expressions and speakers are grouped after normalizing:
// trimmed, Unicode NFC, lower-cased. The SQL in lib/db/aggregates-expressions.ts
// does the same (btrim, normalize(…, NFC), lower) so groups and evidence agree.

const EDGE_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

export function normalizeExpression(text: string): string {
  return text.replace(EDGE_WHITESPACE, "").normalize("NFC").toLowerCase();
}
