// Loaded-language expressions and speakers are grouped after normalizing:
// trimmed, Unicode NFC, lower-cased. The SQL does the same (btrim,
// normalize(…, NFC), lower): slant_expression() in the rollup_deltas migration
// keys the rollups, lib/db/aggregates-spans.ts filters the evidence, so a
// listed expression opens exactly its spans.

const EDGE_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

export function normalizeExpression(text: string): string {
  return text.replace(EDGE_WHITESPACE, "").normalize("NFC").toLowerCase();
}
