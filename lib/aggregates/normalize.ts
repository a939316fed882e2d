// The keys the source figures group spans by, computed here and only here,
// when a span is written (annotations, gold, imports) and for rows written
// before the keys existed (the migration runner's key step, lib/db/span-keys.ts).
// They are stored on the span row; SQL groups by the stored columns and never
// normalizes text itself: PostgreSQL's lower() follows the database's
// collation (under LC_CTYPE 'C', lower('RÉGIME') is 'rÉgime'), JavaScript's
// does not. Decision 0016.

import { trimAsciiWhitespace } from "../text/whitespace";

/** Trimmed, Unicode NFC, lower-cased. The trim is a loop, not /[ \t\r\n]+$/, which is quadratic on a long inner run of spaces. */
export function normalizeExpression(text: string): string {
  return trimAsciiWhitespace(text).normalize("NFC").toLowerCase();
}

/** What a span is counted under in the figures; column names of Annotation and GoldAnnotation. */
export type SpanKeys = {
  /** "named", "anonymous", "vague", or "" when not recorded. */
  attributionKind: string;
  /** The normalized quote: the expression of a label whose role is EXPRESSIONS. */
  quoteKey: string;
  /** The normalized speaker ("" when none): the expression of a label whose role is ATTRIBUTIONS. */
  speakerKey: string;
  /** The speaker as written, trimmed: how an attribution's speaker is shown. */
  speakerName: string;
};

/**
 * The attribution kinds the figures split by (KindFigures). The attribution
 * label's "kind" choice is data an admin may change; a kind outside these
 * three still counts as an attribution, under no kind.
 */
const ATTRIBUTION_KINDS = ["named", "anonymous", "vague"] as const;
const KINDS: readonly string[] = ATTRIBUTION_KINDS;

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The keys of a span with this quote and these attributes (whatever its label: the label's role picks which key counts). */
export function spanKeys(span: { quote: string; attributes: unknown }): SpanKeys {
  const attributes = (span.attributes ?? {}) as Record<string, unknown>;
  const kind = attributes.kind;
  const speaker = text(attributes.speaker);
  return {
    attributionKind: typeof kind === "string" && KINDS.includes(kind) ? kind : "",
    quoteKey: normalizeExpression(span.quote),
    speakerKey: normalizeExpression(speaker),
    speakerName: trimAsciiWhitespace(speaker),
  };
}
