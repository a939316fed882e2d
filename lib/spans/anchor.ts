// Finds a stored span again in a text that may have changed since, in the
// spirit of Hypothesis' match-quote.ts. Offsets in and out are code points;
// the search itself runs on UTF-16 offsets and converts once at the end.

import { QUOTE_SEARCH_UNITS, SearchBudget, SearchBudgetExhausted } from "./budget";
import { approximateMatches, approximateMatchesNearHints, exactMatches, type Candidate } from "./candidates";
import { CodePointIndex, indexFor } from "./offsets";
import { bestCandidate, hasExactContext, scorer, shortlist, type ScoredCandidate, type ScoringHints } from "./scoring";

export type QuoteSelector = { quote: string; prefix?: string; suffix?: string; start?: number; end?: number };
export type AnchorResult =
  | { status: "anchored" | "reanchored"; start: number; end: number; score: number }
  | { status: "orphaned"; reason: "not-found" | "search-limit" };

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
/**
 * Context beyond this many UTF-16 units next to the quote is not used: Slant
 * stores 32, and a file's megabyte-long "prefix" would cost a search per candidate.
 */
export const MAX_CONTEXT = 64;

function storedRange(index: CodePointIndex, { start, end }: QuoteSelector): Candidate | null {
  if (start === undefined || end === undefined || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if (start < 0 || end <= start || end > index.length) return null;
  return { start: index.toUtf16(start), end: index.toUtf16(end), errors: 0 };
}

function storedPosition(index: CodePointIndex, start: number | undefined): number | null {
  if (start === undefined || !Number.isSafeInteger(start)) return null;
  return index.toUtf16(Math.min(Math.max(0, start), index.length));
}

function findBest(text: string, hints: ScoringHints, budget: SearchBudget): ScoredCandidate | undefined {
  const score = scorer(text, hints, budget);
  const exact = exactMatches(text, hints.quote, budget);
  // The exact quote in its exact context beats anything else, wherever it is.
  const inContext = exact.filter((c) => hasExactContext(text, c, hints));
  if (inContext.length > 0) return bestCandidate(inContext.map(score), hints.position);

  let candidates = shortlist(text, exact, hints, budget).map(score);
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(hints.quote.length * MAX_ERROR_RATIO));
  if (maxErrors > 0) {
    const approximate = approximateMatchesNearHints(text, hints.quote, maxErrors, hints, budget);
    if (exact.length === 0) approximate.push(...approximateMatches(text, hints.quote, maxErrors, 0, text.length, budget));
    const edited = shortlist(text, approximate, hints, budget).map(score);
    const trusted = hints.quote.length >= SELF_EVIDENT_QUOTE_LENGTH ? edited : edited.filter((c) => c.contextScore >= MIN_CONTEXT_FOR_EDITED_QUOTE);
    candidates = candidates.concat(trusted);
  }
  return bestCandidate(candidates, hints.position);
}

/**
 * Where the selector's quote is in `source` now. The search spends at most
 * `budget` (by default QUOTE_SEARCH_UNITS, about 10 ms); past it the quote is
 * "orphaned" with reason "search-limit" rather than searched on.
 */
export function anchorQuote(source: string | CodePointIndex, selector: QuoteSelector, budget = new SearchBudget(QUOTE_SEARCH_UNITS)): AnchorResult {
  const index = indexFor(source);
  const { text } = index;
  const { quote } = selector;
  if (!quote) return { status: "orphaned", reason: "not-found" };
  const prefix = (selector.prefix ?? "").slice(-MAX_CONTEXT);
  const suffix = (selector.suffix ?? "").slice(0, MAX_CONTEXT);
  const hints: ScoringHints = { quote, prefix, suffix, position: storedPosition(index, selector.start) };
  const stored = storedRange(index, selector);

  // Checked before any search so that re-anchoring thousands of unchanged spans stays cheap.
  if (stored && text.slice(stored.start, stored.end) === quote && hasExactContext(text, stored, hints)) {
    return { status: "anchored", start: index.toCodePoint(stored.start), end: index.toCodePoint(stored.end), score: 1 };
  }
  let winner: ScoredCandidate | undefined;
  try {
    winner = findBest(text, hints, budget);
  } catch (error) {
    if (error instanceof SearchBudgetExhausted) return { status: "orphaned", reason: "search-limit" };
    throw error;
  }
  if (!winner) return { status: "orphaned", reason: "not-found" };
  const atStoredPosition = stored !== null && winner.errors === 0 && winner.start === stored.start && winner.end === stored.end;
  return {
    status: atStoredPosition ? "anchored" : "reanchored",
    start: index.toCodePoint(winner.start),
    end: index.toCodePoint(winner.end),
    score: winner.score,
  };
}
