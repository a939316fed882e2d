// Word and grapheme boundaries in UTF-16 offsets, via Intl.Segmenter.
// Segments.containing() re-reads the whole string on every call (~0.25 ms on
// a 150k body), and Node 20's Segmenter is pathologically slow on long strings
// (see pieces.ts), so only the line around the offset is segmented: UAX #29
// always breaks words and graphemes at "\n", which makes a line an exact window.
// A longer line is cut at clean cuts (after whitespace) about MAX_PIECE/2 either side.

import { splitsSurrogatePair } from "./offsets";
import { cutBetween, MAX_PIECE } from "./pieces";

export type SegmentBounds = { start: number; end: number; isWordLike: boolean };
export type Granularity = "word" | "grapheme";

/** Bounds the window on very long lines; the edge is a clean cut between RADIUS/2 and RADIUS from the offset. */
const MAX_WINDOW_RADIUS = MAX_PIECE / 2;
const NEWLINE = 10;

// A fixed locale so the browser and the server agree on boundaries.
const segmenters: Record<Granularity, Intl.Segmenter> = {
  word: new Intl.Segmenter("en", { granularity: "word" }),
  grapheme: new Intl.Segmenter("en", { granularity: "grapheme" }),
};

function lineAround(text: string, at: number): [number, number] {
  let from = at;
  const minFrom = Math.max(0, at - MAX_WINDOW_RADIUS);
  while (from > minFrom && text.charCodeAt(from - 1) !== NEWLINE) from--;
  let to = at;
  const maxTo = Math.min(text.length, at + MAX_WINDOW_RADIUS);
  while (to < maxTo && text.charCodeAt(to) !== NEWLINE) to++;
  // No newline within the radius: cut where no boundary depends on what lies beyond.
  if (from > 0 && text.charCodeAt(from - 1) !== NEWLINE) from = cutBetween(text, from, at - MAX_WINDOW_RADIUS / 2, "up");
  if (to < text.length && text.charCodeAt(to) !== NEWLINE) to = cutBetween(text, at + MAX_WINDOW_RADIUS / 2, to, "down");
  if (splitsSurrogatePair(text, from)) from--;
  if (splitsSurrogatePair(text, to)) to++;
  return [from, to];
}

/** The segment that contains the code unit at `at` (0 <= at < text.length). */
export function segmentAt(text: string, at: number, granularity: Granularity): SegmentBounds {
  if (!Number.isSafeInteger(at) || at < 0 || at >= text.length) {
    throw new RangeError(`UTF-16 offset ${at} is not inside a text of length ${text.length}`);
  }
  if (text.charCodeAt(at) === NEWLINE) return { start: at, end: at + 1, isWordLike: false };
  const [from, to] = lineAround(text, at);
  const found = segmenters[granularity].segment(text.slice(from, to)).containing(at - from);
  if (!found) throw new Error(`no ${granularity} segment at UTF-16 offset ${at}`);
  const start = from + found.index;
  return { start, end: start + found.segment.length, isWordLike: found.isWordLike === true };
}

/** The nearest grapheme boundary at or before `at`. */
export function graphemeStartAtOrBefore(text: string, at: number): number {
  return at >= text.length ? text.length : segmentAt(text, at, "grapheme").start;
}

/** The nearest grapheme boundary at or after `at`. */
export function graphemeEndAtOrAfter(text: string, at: number): number {
  return at <= 0 ? 0 : segmentAt(text, at - 1, "grapheme").end;
}

/** The last word that starts before `at` (it may contain `at`), or null. */
export function previousWord(text: string, at: number): SegmentBounds | null {
  let position = at;
  while (position > 0) {
    const segment = segmentAt(text, position - 1, "word");
    if (segment.isWordLike) return segment;
    position = segment.start;
  }
  return null;
}

/** The first word that ends after `at` (it may contain `at`), or null. */
export function nextWord(text: string, at: number): SegmentBounds | null {
  let position = at;
  while (position < text.length) {
    const segment = segmentAt(text, position, "word");
    if (segment.isWordLike) return segment;
    position = segment.end;
  }
  return null;
}
