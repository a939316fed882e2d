// Loaded-language expressions and speakers are grouped after normalizing:
// trimmed, Unicode NFC, lower-cased. The SQL does the same (btrim,
// normalize(…, NFC), lower): slant_expression() in the rollup_deltas migration
// keys the rollups, lib/db/figures/spans.ts filters the evidence, so a
// listed expression opens exactly its spans.

import { trimAsciiWhitespace } from "../text/whitespace";

/** The trim is a loop, not /[ \t\r\n]+$/, which is quadratic on a long inner run of spaces. */
export function normalizeExpression(text: string): string {
  return trimAsciiWhitespace(text).normalize("NFC").toLowerCase();
}
