// Finds a stored span again in a text that may have changed since, in the
// spirit of Hypothesis' match-quote.ts. Offsets in and out are code points;
// the search itself runs on UTF-16 offsets and converts once at the end.

import { approximateMatches, approximateMatchesNearHints, exactMatches, type Candidate } from "./candidates";
import { CodePointIndex, indexFor } from "./offsets";
import { bestCandidate, hasExactContext, scorer, shortlist, type ScoredCandidate, type ScoringHints } from "./scoring";

export type QuoteSelector = { quote: string; prefix?: string; suffix?: string; start?: number; end?: number };
export type AnchorResult =
  | { status: "anchored" | "reanchored"; start: number; end: number; score: number }
  | { status: "orphaned" };

/** Edits tolerated in the quote, as a share of its length. */
const MAX_ERROR_RATIO = 1 / 4;
/** Myers' search slows down with the error budget; Hypothesis uses the same cap. */
const MAX_ERRORS = 256;
/**
 * A short edited quote is only trusted where the surrounding text still looks
 * like the stored context: a near miss of a short phrase elsewhere is a
 * coincidence, while a long passage with a few edits is evidence on its own.
 */
const MIN_CONTEXT_FOR_EDITED_QUOTE = 0.5;
const SELF_EVIDENT_QUOTE_LENGTH = 32;

function storedRange(index: CodePointIndex, { start, end }: QuoteSelector): Candidate | null {
  if (start === undefined || end === undefined || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if (start < 0 || end <= start || end > index.length) return null;
  return { start: index.toUtf16(start), end: index.toUtf16(end), errors: 0 };
}

function storedPosition(index: CodePointIndex, start: number | undefined): number | null {
  if (start === undefined || !Number.isSafeInteger(start)) return null;
  return index.toUtf16(Math.min(Math.max(0, start), index.length));
}

function findBest(text: string, hints: ScoringHints): ScoredCandidate | undefined {
  const score = scorer(text, hints);
  const exact = exactMatches(text, hints.quote);
  // The exact quote in its exact context beats anything else, wherever it is.
  const inContext = exact.filter((c) => hasExactContext(text, c, hints));
  if (inContext.length > 0) return bestCandidate(inContext.map(score), hints.position);

  let candidates = shortlist(text, exact, hints).map(score);
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(hints.quote.length * MAX_ERROR_RATIO));
  if (maxErrors > 0) {
    const approximate = approximateMatchesNearHints(text, hints.quote, maxErrors, hints);
    if (exact.length === 0) approximate.push(...approximateMatches(text, hints.quote, maxErrors));
    const edited = shortlist(text, approximate, hints).map(score);
    const trusted = hints.quote.length >= SELF_EVIDENT_QUOTE_LENGTH ? edited : edited.filter((c) => c.contextScore >= MIN_CONTEXT_FOR_EDITED_QUOTE);
    candidates = candidates.concat(trusted);
  }
  return bestCandidate(candidates, hints.position);
}

export function anchorQuote(source: string | CodePointIndex, selector: QuoteSelector): AnchorResult {
  const index = indexFor(source);
  const { text } = index;
  const { quote, prefix = "", suffix = "" } = selector;
  if (!quote) return { status: "orphaned" };
  const hints: ScoringHints = { quote, prefix, suffix, position: storedPosition(index, selector.start) };
  const stored = storedRange(index, selector);

  // Checked before any search so that re-anchoring thousands of unchanged spans stays cheap.
  if (stored && text.slice(stored.start, stored.end) === quote && hasExactContext(text, stored, hints)) {
    return { status: "anchored", start: index.toCodePoint(stored.start), end: index.toCodePoint(stored.end), score: 1 };
  }
  const winner = findBest(text, hints);
  if (!winner) return { status: "orphaned" };
  const atStoredPosition = stored !== null && winner.errors === 0 && winner.start === stored.start && winner.end === stored.end;
  return {
    status: atStoredPosition ? "anchored" : "reanchored",
    start: index.toCodePoint(winner.start),
    end: index.toCodePoint(winner.end),
    score: winner.score,
  };
}
