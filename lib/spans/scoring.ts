// Ranks the places a quote might be. Offsets are UTF-16 (see candidates.ts).

import search from "approx-string-match";
import { scanCost, SearchBudget } from "./budget";
import type { Candidate } from "./candidates";

export type ScoringHints = { quote: string; prefix: string; suffix: string; position: number | null };
export type ScoredCandidate = Candidate & { score: number; contextScore: number };

// The quote itself matters most, its context next, and the stored position
// only breaks ties between otherwise similar candidates.
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Full similarity scoring costs an approximate search per side, so only this many of the many occurrences of a common word get it. */
const SHORTLIST_SIZE = 32;

const textBefore = (text: string, candidate: Candidate, length: number) => text.slice(Math.max(0, candidate.start - length), candidate.start);
const textAfter = (text: string, candidate: Candidate, length: number) => text.slice(candidate.end, candidate.end + length);

/**
 * How closely `actual` matches `expected`, from 1 (identical) down to 0:
 * one minus the edits needed to find `expected` in `actual`, per character
 * of `expected`.
 */
export function textSimilarity(actual: string, expected: string, budget?: SearchBudget): number {
  if (actual === expected) return 1;
  if (actual.length === 0 || expected.length === 0) return 0;
  budget?.spend(scanCost(actual.length, expected.length));
  const matches = search(actual, expected, expected.length);
  // Every end position can tie when nothing matches; each was located by a scan back over `expected`.
  budget?.spend(matches.length * scanCost(2 * expected.length, expected.length));
  const [best] = matches;
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

/** Absent parts (no prefix stored, no position) are left out rather than counted as matches. */
function weightedMean(parts: [weight: number, value: number][]): number {
  const total = parts.reduce((sum, [weight]) => sum + weight, 0);
  return parts.reduce((sum, [weight, value]) => sum + weight * value, 0) / total;
}

export function scorer(text: string, { quote, prefix, suffix, position }: ScoringHints, budget?: SearchBudget) {
  return (candidate: Candidate): ScoredCandidate => {
    const context: [number, number][] = [];
    if (prefix) context.push([WEIGHTS.prefix, textSimilarity(textBefore(text, candidate, prefix.length), prefix, budget)]);
    if (suffix) context.push([WEIGHTS.suffix, textSimilarity(textAfter(text, candidate, suffix.length), suffix, budget)]);
    const parts: [number, number][] = [[WEIGHTS.quote, Math.max(0, 1 - candidate.errors / quote.length)], ...context];
    if (position !== null) parts.push([WEIGHTS.position, 1 - Math.abs(candidate.start - position) / Math.max(1, text.length)]);
    return { ...candidate, score: weightedMean(parts), contextScore: context.length > 0 ? weightedMean(context) : 1 };
  };
}

export function hasExactContext(text: string, candidate: Candidate, { prefix, suffix }: ScoringHints): boolean {
  return textBefore(text, candidate, prefix.length) === prefix && textAfter(text, candidate, suffix.length) === suffix;
}

/** Highest score; on a tie the one nearest the stored position, then the earliest. */
export function bestCandidate<T extends ScoredCandidate>(candidates: readonly T[], position: number | null): T | undefined {
  const distance = (c: Candidate) => (position === null ? 0 : Math.abs(c.start - position));
  let winner: T | undefined;
  for (const c of candidates) {
    if (!winner || c.score > winner.score || (c.score === winner.score && distance(c) < distance(winner))) winner = c;
  }
  return winner;
}

/** Characters equal at the same distance from the candidate: a cheap stand-in for context similarity. */
function alignedAgreement(text: string, candidate: Candidate, { prefix, suffix }: ScoringHints): number {
  let equal = 0;
  for (let i = 1; i <= prefix.length; i++) if (text[candidate.start - i] === prefix[prefix.length - i]) equal++;
  for (let i = 0; i < suffix.length; i++) if (text[candidate.end + i] === suffix[i]) equal++;
  return equal;
}

/**
 * The candidates worth scoring in full: those whose context agrees most
 * character by character, plus those nearest the stored position in case an
 * insertion shifted the context out of alignment.
 */
export function shortlist(text: string, candidates: readonly Candidate[], hints: ScoringHints, budget?: SearchBudget): Candidate[] {
  if (candidates.length <= SHORTLIST_SIZE) return [...candidates];
  budget?.spend(candidates.length * (hints.prefix.length + hints.suffix.length + 32));
  const agreement = new Map(candidates.map((c) => [c, alignedAgreement(text, c, hints)]));
  const chosen = new Set([...candidates].sort((a, b) => agreement.get(b)! - agreement.get(a)!).slice(0, SHORTLIST_SIZE));
  const { position } = hints;
  if (position !== null) {
    const nearest = [...candidates].sort((a, b) => Math.abs(a.start - position) - Math.abs(b.start - position));
    for (const c of nearest.slice(0, SHORTLIST_SIZE)) chosen.add(c);
  }
  return [...chosen];
}
