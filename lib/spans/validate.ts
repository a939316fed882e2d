// Turns a proposed span into either "ok" or one precise, human-readable
// problem; the messages go verbatim into API 422 responses.

import { CodePointIndex, indexFor, type CodePointRange } from "./offsets";

export type SpanProblemCode = "EMPTY" | "REVERSED" | "OUT_OF_BOUNDS" | "NOT_INTEGER" | "QUOTE_MISMATCH" | "SPLITS_SURROGATE";
export type SpanProblem = { ok: false; code: SpanProblemCode; message: string };
export type SpanCheck = { ok: true } | SpanProblem;
export type ProposedSpan = { start: number; end: number; quote: string };

const problem = (code: SpanProblemCode, message: string): SpanProblem => ({ ok: false, code, message });

/** Whole numbers, start before end: what a range must be before it is held against any text. */
export function checkRangeOrder(start: number, end: number, unit: string): SpanProblem | null {
  for (const [name, value] of [["start", start], ["end", end]] as const) {
    if (!Number.isSafeInteger(value)) return problem("NOT_INTEGER", `${name} must be a whole number of ${unit}, got ${String(value)}`);
  }
  if (end === start) return problem("EMPTY", `the range [${start}, ${end}) is empty`);
  if (end < start) return problem("REVERSED", `end (${end}) is before start (${start})`);
  return null;
}

/** Checks the shape of a range against a text of `length` units, before anything is sliced. */
export function checkRangeShape(start: number, end: number, length: number, unit: string): SpanProblem | null {
  const orderProblem = checkRangeOrder(start, end, unit);
  if (orderProblem) return orderProblem;
  if (start < 0 || end > length) {
    return problem("OUT_OF_BOUNDS", `the range [${start}, ${end}) is outside the article text [0, ${length})`);
  }
  return null;
}

const MESSAGE_QUOTE_LIMIT = 80;

/** Long quotes are cut around their first difference so the message still shows what differs. */
function excerpts(expected: string, actual: string): [string, string] {
  const a = Array.from(expected);
  const b = Array.from(actual);
  if (Math.max(a.length, b.length) <= MESSAGE_QUOTE_LIMIT) return [expected, actual];
  let firstDifference = 0;
  while (firstDifference < a.length && a[firstDifference] === b[firstDifference]) firstDifference++;
  const from = Math.max(0, firstDifference - 20);
  const cut = (chars: string[]) =>
    (from > 0 ? "…" : "") + chars.slice(from, from + MESSAGE_QUOTE_LIMIT).join("") + (chars.length > from + MESSAGE_QUOTE_LIMIT ? "…" : "");
  return [cut(a), cut(b)];
}

/** Validates a code point range and its quote against the stored body. */
export function validateSpan(source: string | CodePointIndex, span: ProposedSpan): SpanCheck {
  const index = indexFor(source);
  const { start, end } = span;
  const shapeProblem = checkRangeShape(start, end, index.length, "code points");
  if (shapeProblem) return shapeProblem;
  return quoteProblem(span, index.slice(start, end)) ?? { ok: true };
}

/** The QUOTE_MISMATCH problem when the text at the span (`actual`) is not the quote sent. */
export function quoteProblem(span: ProposedSpan, actual: string): SpanProblem | null {
  if (actual === span.quote) return null;
  const [expectedText, actualText] = excerpts(span.quote, actual);
  return problem(
    "QUOTE_MISMATCH",
    `quote does not match the article text at [${span.start}, ${span.end}): expected ${JSON.stringify(expectedText)}, got ${JSON.stringify(actualText)}`,
  );
}

/**
 * Converts a UTF-16 range (as the browser's Selection/Range API gives it) into
 * code points, refusing a boundary between the halves of a surrogate pair.
 */
export function rangeFromUtf16(index: CodePointIndex, start: number, end: number): ({ ok: true } & CodePointRange) | SpanProblem {
  const shapeProblem = checkRangeShape(start, end, index.text.length, "UTF-16 code units");
  if (shapeProblem) return shapeProblem;
  for (const [name, value] of [["start", start], ["end", end]] as const) {
    if (!index.isCodePointBoundary(value)) {
      return problem("SPLITS_SURROGATE", `${name} (UTF-16 offset ${value}) falls inside a surrogate pair; select whole characters`);
    }
  }
  return { ok: true, start: index.toCodePoint(start), end: index.toCodePoint(end) };
}
