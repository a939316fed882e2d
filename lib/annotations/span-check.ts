// Checks a proposed span against the article text without loading the whole
// body: the database hands over only the text around the span (Postgres
// string functions count characters, i.e. code points, as Slant's offsets do).

import { checkRangeShape, DEFAULT_CONTEXT_SIZE, quoteProblem, type ProposedSpan, type SpanProblem } from "../spans";

/** The body's length and its text from `offset` to at most CONTEXT past `end`, all in code points. */
export type BodyWindow = { bodyLength: number; offset: number; text: string };
export type SpanCheck = { ok: true; quote: string; prefix: string; suffix: string } | SpanProblem;

/** Window bounds to ask the database for: [from, to) in code points. */
export function windowFor(span: Pick<ProposedSpan, "start" | "end">): { from: number; to: number } {
  // A reversed range still gets a window (`to` ≥ `from`), so that it is refused with a reason, not a SQL error.
  return { from: Math.max(0, span.start - DEFAULT_CONTEXT_SIZE), to: Math.max(span.start, span.end) + DEFAULT_CONTEXT_SIZE };
}

export function checkSpan(span: ProposedSpan, window: BodyWindow): SpanCheck {
  const shapeProblem = checkRangeShape(span.start, span.end, window.bodyLength, "code points");
  if (shapeProblem) return shapeProblem;
  const chars = Array.from(window.text);
  const at = (from: number, to: number) => chars.slice(from - window.offset, to - window.offset).join("");
  const quote = at(span.start, span.end);
  const mismatch = quoteProblem(span, quote);
  if (mismatch) return mismatch;
  return {
    ok: true,
    quote,
    prefix: at(Math.max(0, span.start - DEFAULT_CONTEXT_SIZE), span.start),
    suffix: at(span.end, Math.min(window.bodyLength, span.end + DEFAULT_CONTEXT_SIZE)),
  };
}
