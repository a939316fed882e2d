// Span boundary adjustments on the body as an array of code points (one
// string per code point, as Array.from gives), so offsets stay code points.

export type Range = { start: number; end: number };

const WHITESPACE = /^\s$/u;
const WORD = /^[\p{L}\p{N}\p{M}_'’-]$/u;
/** Code points that attach to the one before: combining marks, emoji skin tones, variation selectors, ZWJ. */
const ATTACHES = /^[\p{M}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D]$/u;

const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/** Trims surrounding whitespace (incl. no-break spaces); null when nothing but whitespace was selected. */
export function trimWhitespace(chars: string[], range: Range): Range | null {
  let { start, end } = range;
  while (start < end && WHITESPACE.test(chars[start]!)) start++;
  while (end > start && WHITESPACE.test(chars[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Never cut a character from its accents, skin tone or emoji sequence. */
export function keepClustersWhole(chars: string[], range: Range): Range {
  let { start, end } = range;
  while (start > 0 && (ATTACHES.test(chars[start]!) || chars[start - 1] === "\u200D")) start--;
  while (end < chars.length && (ATTACHES.test(chars[end]!) || chars[end - 1] === "\u200D")) end++;
  return { start, end };
}

/** Grows a range to whole words ("so-cal" → "so-called"). */
export function snapToWords(chars: string[], range: Range): Range {
  let { start, end } = keepClustersWhole(chars, range);
  while (start > 0 && isWord(chars[start - 1]) && isWord(chars[start])) start--;
  while (end < chars.length && isWord(chars[end - 1]) && isWord(chars[end])) end++;
  return { start, end };
}

/** Moves one edge by one word; refuses (returns the range unchanged) to make it empty. */
export function moveEdgeByWord(chars: string[], range: Range, edge: "start" | "end", direction: -1 | 1): Range {
  let i = edge === "start" ? range.start : range.end;
  if (edge === "start" && direction === -1) {
    while (i > 0 && !isWord(chars[i - 1])) i--;
    while (i > 0 && isWord(chars[i - 1])) i--;
  } else if (edge === "start") {
    while (i < chars.length && isWord(chars[i])) i++;
    while (i < chars.length && !isWord(chars[i])) i++;
  } else if (direction === 1) {
    while (i < chars.length && !isWord(chars[i])) i++;
    while (i < chars.length && isWord(chars[i])) i++;
  } else {
    while (i > 0 && isWord(chars[i - 1])) i--;
    while (i > 0 && !isWord(chars[i - 1])) i--;
  }
  const next = edge === "start" ? { start: i, end: range.end } : { start: range.start, end: i };
  return next.end > next.start ? next : range;
}
