// Boundary adjustments for a selection, all in code point offsets. The work
// happens in UTF-16 (where Intl.Segmenter lives) and converts back at the end.

import { graphemeEndAtOrAfter, graphemeStartAtOrBefore, nextWord, previousWord, segmentAt } from "./boundaries";
import { CodePointIndex, indexFor, type CodePointRange } from "./offsets";

export type Edge = "start" | "end";

// \s covers U+00A0 NBSP, U+202F, U+3000 and the other Unicode spaces.
const ALL_WHITESPACE = /^\s+$/u;

function toCodePoints(index: CodePointIndex, start16: number, end16: number): CodePointRange {
  return { start: index.toCodePoint(start16), end: index.toCodePoint(end16) };
}

/**
 * Drops whitespace at both ends, a whole grapheme at a time so a combining mark
 * on a space is not orphaned. Null when the selection was nothing but whitespace.
 */
export function trimWhitespace(source: string | CodePointIndex, start: number, end: number): CodePointRange | null {
  const index = indexFor(source);
  const { text } = index;
  let from = index.toUtf16(start);
  let to = index.toUtf16(end);
  while (from < to) {
    const graphemeEnd = Math.min(to, segmentAt(text, from, "grapheme").end);
    if (!ALL_WHITESPACE.test(text.slice(from, graphemeEnd))) break;
    from = graphemeEnd;
  }
  while (to > from) {
    const graphemeStart = Math.max(from, segmentAt(text, to - 1, "grapheme").start);
    if (!ALL_WHITESPACE.test(text.slice(graphemeStart, to))) break;
    to = graphemeStart;
  }
  return to > from ? toCodePoints(index, from, to) : null;
}

/** Grows the range to whole words ("so-cal" → "so-called") and never ends inside a grapheme cluster. */
export function snapToWords(source: string | CodePointIndex, start: number, end: number): CodePointRange {
  const index = indexFor(source);
  const { text } = index;
  let from = index.toUtf16(start);
  let to = index.toUtf16(end);
  if (from < text.length) {
    const word = segmentAt(text, from, "word");
    if (word.isWordLike) from = word.start;
  }
  if (to > 0) {
    const word = segmentAt(text, to - 1, "word");
    if (word.isWordLike) to = word.end;
  }
  return toCodePoints(index, graphemeStartAtOrBefore(text, from), graphemeEndAtOrAfter(text, to));
}

/** Moves one edge outward to take in the next word on that side; unchanged when there is none. */
export function extendByWord(source: string | CodePointIndex, start: number, end: number, edge: Edge): CodePointRange {
  const index = indexFor(source);
  if (edge === "start") {
    const word = previousWord(index.text, index.toUtf16(start));
    return word ? { start: index.toCodePoint(word.start), end } : { start, end };
  }
  const word = nextWord(index.text, index.toUtf16(end));
  return word ? { start, end: index.toCodePoint(word.end) } : { start, end };
}

/**
 * Moves one edge inward past the word at that edge (and the spacing or
 * punctuation after it); unchanged when that would leave no word selected.
 */
export function shrinkByWord(source: string | CodePointIndex, start: number, end: number, edge: Edge): CodePointRange {
  const index = indexFor(source);
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  if (edge === "start") {
    const first = nextWord(index.text, from);
    const second = first && nextWord(index.text, first.end);
    return second && second.start < to ? { start: index.toCodePoint(second.start), end } : { start, end };
  }
  const last = previousWord(index.text, to);
  const beforeLast = last && previousWord(index.text, last.start);
  return beforeLast && beforeLast.end > from ? { start, end: index.toCodePoint(beforeLast.end) } : { start, end };
}

/** Widens the range so it neither starts nor ends inside a grapheme cluster (👍🏽, é, 👨‍👩‍👧). */
export function wholeGraphemes(source: string | CodePointIndex, start: number, end: number): CodePointRange {
  const index = indexFor(source);
  return toCodePoints(index, graphemeStartAtOrBefore(index.text, index.toUtf16(start)), graphemeEndAtOrAfter(index.text, index.toUtf16(end)));
}
