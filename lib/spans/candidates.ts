// Where a quote might be in a text: exact occurrences, and approximate ones
// near the places its stored position and context point at. UTF-16 offsets.

import search, { type Match } from "approx-string-match";
import { graphemeEndAtOrAfter, graphemeStartAtOrBefore } from "./boundaries";
import { scanCost, SearchBudget } from "./budget";
import { splitsSurrogatePair } from "./offsets";

export type Candidate = { start: number; end: number; errors: number };
export type SearchHints = { prefix: string; suffix: string; position: number | null };

/** Context strings this common are useless as landmarks, so only this many of their occurrences are tried. */
const MAX_LANDMARK_OCCURRENCES = 16;
/**
 * Longer quotes are only found exactly: the cost of locating one approximate
 * match grows with the square of the quote's length (UTF-16 units).
 */
export const MAX_APPROXIMATE_QUOTE = 256;
/** What one exact occurrence costs to record and later rank, in budget units. */
const OCCURRENCE_UNITS = 16;
/** With no budget given (tests, one-off calls), searches are bounded only by this. */
const unbounded = () => new SearchBudget(Number.MAX_SAFE_INTEGER);

const splitsPair = (text: string, candidate: Candidate) =>
  splitsSurrogatePair(text, candidate.start) || splitsSurrogatePair(text, candidate.end);

/** Every occurrence, overlapping ones included ("aa" occurs twice in "aaa"). */
export function exactMatches(text: string, quote: string, budget = unbounded()): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && quote.length > 0; at = text.indexOf(quote, at + 1)) {
    budget.spend(OCCURRENCE_UNITS);
    const candidate = { start: at, end: at + quote.length, errors: 0 };
    if (!splitsPair(text, candidate)) found.push(candidate);
  }
  return found;
}

/** A piece is sized so that even its worst case (every position a tied match) costs about this many units. */
const PIECE_UNITS = 400_000;
/** Building the search tables and reversing the strings, per call, in budget units. */
const CALL_UNITS = 512;
/** Widening a match's two edges to grapheme boundaries (Intl.Segmenter over a short slice), in budget units. */
const WIDEN_UNITS = 2_000;

/**
 * approx-string-match's lowest-error matches in text[lo, hi), searched in
 * overlapping pieces so that each piece is charged before it is scanned and
 * its matches after they are located. Locating a match costs a scan back over
 * the quote, and a periodic text ties every position, so pieces are kept
 * short enough that one piece can overrun the budget by little. Pieces overlap
 * by the longest a match can be, so every match lies whole in one of them.
 */
function searchInPieces(text: string, quote: string, maxErrors: number, lo: number, hi: number, budget: SearchBudget): Match[] {
  const reach = quote.length + maxErrors;
  const perMatch = scanCost(reach, quote.length) + CALL_UNITS;
  const stride = Math.max(reach, Math.floor(PIECE_UNITS / perMatch) - 2 * maxErrors);
  let best = maxErrors;
  let found = new Map<number, Match>();
  for (let from = lo; from < hi; from += stride) {
    const to = Math.min(hi, from + stride + reach);
    budget.spend(scanCost(to - from, quote.length) + CALL_UNITS);
    const matches = search(text.slice(from, to), quote, best);
    budget.spend(matches.length * perMatch);
    for (const match of matches) {
      if (match.errors < best) found = new Map();
      best = match.errors;
      const start = from + match.start;
      const end = from + match.end;
      const known = found.get(end);
      if (!known || start < known.start) found.set(end, { start, end, errors: match.errors });
    }
    if (to === hi) break;
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/**
 * The lowest-error approximate matches inside text[from, to), widened to whole
 * grapheme clusters because an approximate edge can land anywhere. Quotes
 * longer than MAX_APPROXIMATE_QUOTE have none.
 */
export function approximateMatches(text: string, quote: string, maxErrors: number, from = 0, to = text.length, budget = unbounded()): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi <= lo || quote.length > MAX_APPROXIMATE_QUOTE) return [];
  const matches = searchInPieces(text, quote, maxErrors, lo, hi, budget);
  budget.spend(matches.length * WIDEN_UNITS);
  return matches.map((match) => ({
    start: graphemeStartAtOrBefore(text, match.start),
    end: graphemeEndAtOrAfter(text, match.end),
    errors: match.errors,
  }));
}

function occurrences(text: string, landmark: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(landmark); at !== -1 && found.length < MAX_LANDMARK_OCCURRENCES; at = text.indexOf(landmark, at + 1)) {
    found.push(at);
  }
  return found;
}

/**
 * Windows just big enough to hold an edited quote: at the stored position,
 * right after each occurrence of the prefix, right before each occurrence of
 * the suffix. A search over the whole text would only report its best matches,
 * which are the exact ones elsewhere when the quote also occurs there.
 */
export function approximateMatchesNearHints(text: string, quote: string, maxErrors: number, hints: SearchHints, budget = unbounded()): Candidate[] {
  const reach = quote.length + maxErrors;
  const windows: [number, number][] = [];
  if (hints.position !== null) windows.push([hints.position - maxErrors, hints.position + reach]);
  if (hints.prefix) {
    for (const at of occurrences(text, hints.prefix)) windows.push([at + hints.prefix.length, at + hints.prefix.length + reach]);
  }
  if (hints.suffix) {
    for (const at of occurrences(text, hints.suffix)) windows.push([at - reach, at]);
  }
  return windows.flatMap(([from, to]) => approximateMatches(text, quote, maxErrors, from, to, budget));
}
