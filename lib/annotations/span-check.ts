// Checks a proposed span against the article text without loading the whole
// body: the database hands over only the text around the span (Postgres
// string functions count characters, i.e. code points, as Slant's offsets do).

export const CONTEXT_CODE_POINTS = 32;

export type ProposedSpan = { start: number; end: number; quote: string };
/** The body's length and the text from `offset` to at most CONTEXT past `end`, all in code points. */
export type BodyWindow = { bodyLength: number; offset: number; text: string };
export type SpanCheck =
  | { ok: true; quote: string; prefix: string; suffix: string }
  | { ok: false; code: "NOT_INTEGER" | "EMPTY" | "REVERSED" | "OUT_OF_BOUNDS" | "QUOTE_MISMATCH"; message: string };

/** Window bounds to ask the database for: [from, to) in code points. */
export function windowFor(span: Pick<ProposedSpan, "start" | "end">): { from: number; to: number } {
  return { from: Math.max(0, span.start - CONTEXT_CODE_POINTS), to: span.end + CONTEXT_CODE_POINTS };
}

export function checkSpan(span: ProposedSpan, window: BodyWindow): SpanCheck {
  const { start, end, quote } = span;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    return { ok: false, code: "NOT_INTEGER", message: "start and end must be whole numbers (code point offsets)" };
  }
  if (end === start) return { ok: false, code: "EMPTY", message: `the range [${start}, ${end}) is empty` };
  if (end < start) return { ok: false, code: "REVERSED", message: `end (${end}) is before start (${start})` };
  if (start < 0 || end > window.bodyLength) {
    return { ok: false, code: "OUT_OF_BOUNDS", message: `the range [${start}, ${end}) is outside the article text [0, ${window.bodyLength})` };
  }
  const chars = Array.from(window.text);
  const at = (from: number, to: number) => chars.slice(from - window.offset, to - window.offset).join("");
  const actual = at(start, end);
  if (actual !== quote) {
    return {
      ok: false,
      code: "QUOTE_MISMATCH",
      message: `quote does not match the article text at [${start}, ${end}): expected ${JSON.stringify(actual)}, got ${JSON.stringify(quote)}`,
    };
  }
  return {
    ok: true,
    quote: actual,
    prefix: at(Math.max(0, start - CONTEXT_CODE_POINTS), start),
    suffix: at(end, Math.min(window.bodyLength, end + CONTEXT_CODE_POINTS)),
  };
}
