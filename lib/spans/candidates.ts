// Where a quote might be in a text: exact occurrences, and approximate ones
// near the places its stored position and context point at. UTF-16 offsets.

import search from "approx-string-match";
import { graphemeEndAtOrAfter, graphemeStartAtOrBefore } from "./boundaries";
import { splitsSurrogatePair } from "./offsets";

export type Candidate = { start: number; end: number; errors: number };
export type SearchHints = { prefix: string; suffix: string; position: number | null };

/** Context strings this common are useless as landmarks, so only this many of their occurrences are tried. */
const MAX_LANDMARK_OCCURRENCES = 16;

const splitsPair = (text: string, candidate: Candidate) =>
  splitsSurrogatePair(text, candidate.start) || splitsSurrogatePair(text, candidate.end);

/** Every occurrence, overlapping ones included ("aa" occurs twice in "aaa"). */
export function exactMatches(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && quote.length > 0; at = text.indexOf(quote, at + 1)) {
    const candidate = { start: at, end: at + quote.length, errors: 0 };
    if (!splitsPair(text, candidate)) found.push(candidate);
  }
  return found;
}

/**
 * The lowest-error approximate matches inside text[from, to), widened to whole
 * grapheme clusters because an approximate edge can land anywhere.
 */
export function approximateMatches(text: string, quote: string, maxErrors: number, from = 0, to = text.length): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi <= lo) return [];
  return search(text.slice(lo, hi), quote, maxErrors).map((match) => ({
    start: graphemeStartAtOrBefore(text, lo + match.start),
    end: graphemeEndAtOrAfter(text, lo + match.end),
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
export function approximateMatchesNearHints(text: string, quote: string, maxErrors: number, hints: SearchHints): Candidate[] {
  const reach = quote.length + maxErrors;
  const windows: [number, number][] = [];
  if (hints.position !== null) windows.push([hints.position - maxErrors, hints.position + reach]);
  if (hints.prefix) {
    for (const at of occurrences(text, hints.prefix)) windows.push([at + hints.prefix.length, at + hints.prefix.length + reach]);
  }
  if (hints.suffix) {
    for (const at of occurrences(text, hints.suffix)) windows.push([at - reach, at]);
  }
  return windows.flatMap(([from, to]) => approximateMatches(text, quote, maxErrors, from, to));
}
