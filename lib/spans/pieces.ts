// Intl.Segmenter never sees a long string. On Node 20 its cost grows faster
// than the length it is given (seconds at 60,000 UTF-16 units), and past 65,536
// units with any character above U+00FF it takes minutes. So every use segments
// bounded pieces: lines ("\n" is always a grapheme and word boundary, UAX #29
// GB4/GB5 and WB3a/WB3b), and a line longer than MAX_PIECE is cut where a
// boundary is certain whatever the context: after whitespace, before a plain
// character (see CLEAN_CUT); failing that, between two plain characters.

import { splitsSurrogatePair } from "./offsets";

/** The longest string handed to Intl.Segmenter (UTF-16 units). */
export const MAX_PIECE = 2048;
const NEWLINE = 10;

// Characters that neither extend nor join their neighbours in any UAX #29 rule:
// letters (minus Hangul jamo/syllables, which join each other, and the two
// halfwidth sound marks that are Extend), numbers, punctuation, spaces.
// \p{L} never includes the Prepend or Extend categories except those excluded here
// and the Prepend letters listed (Malayalam dot reph and a few Brahmic ones).
const PLAIN = /^[\p{L}\p{N}\p{P}\p{Zs}\t]$/u;
const NOT_PLAIN = /^[\p{Script=Hangul}\uFF9E\uFF9F\u0D4E\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]$/u;
const SPACE = /^[\p{Zs}\t]$/u;

function charBefore(text: string, at: number): string {
  const code = text.codePointAt(at - 1) ?? 0;
  const low = code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.codePointAt(at - 2) : undefined;
  return String.fromCodePoint(low !== undefined && low > 0xffff ? low : code);
}
function charAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at) ?? 0);
}
const isPlain = (c: string) => PLAIN.test(c) && !NOT_PLAIN.test(c);

/** True when a cut at `at` can change no grapheme or word boundary; `spaceOnly` also asks for whitespace before it. */
function cleanCut(text: string, at: number, spaceOnly: boolean): boolean {
  if (at <= 0 || at >= text.length || splitsSurrogatePair(text, at)) return false;
  const before = charBefore(text, at);
  const after = charAt(text, at);
  if (spaceOnly) return SPACE.test(before) && !SPACE.test(after) && isPlain(after);
  return isPlain(before) && isPlain(after);
}

/**
 * A cut position in [low, high] (both inside the text), searched from `high`
 * down (`"down"`) or from `low` up (`"up"`): after whitespace if there is any,
 * else between plain characters, else `high`/`low` itself (never inside a
 * surrogate pair). Only adversarial text (a thousand combining marks) gets the last.
 */
export function cutBetween(text: string, low: number, high: number, direction: "down" | "up"): number {
  for (const spaceOnly of [true, false]) {
    if (direction === "down") {
      for (let at = high; at >= low; at--) if (cleanCut(text, at, spaceOnly)) return at;
    } else {
      for (let at = low; at <= high; at++) if (cleanCut(text, at, spaceOnly)) return at;
    }
  }
  const at = direction === "down" ? high : low;
  return splitsSurrogatePair(text, at) ? (direction === "down" ? at - 1 : at + 1) : at;
}

/** The end of the piece starting at `from`: the end of its line ("\n" included), or a clean cut within MAX_PIECE. */
export function pieceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_PIECE);
  for (let at = from; at < limit; at++) if (text.charCodeAt(at) === NEWLINE) return at + 1;
  if (limit === text.length) return limit;
  return cutBetween(text, from + MAX_PIECE / 2, limit, "down");
}

/** [start, end) UTF-16 ranges covering the text, in order, none longer than MAX_PIECE + 1. */
export function* pieces(text: string): Generator<[number, number]> {
  let from = 0;
  while (from < text.length) {
    const to = pieceEnd(text, from);
    yield [from, to];
    from = to;
  }
}

export type Segment = { segment: string; index: number; isWordLike?: boolean };

/** Segments the whole text piece by piece; indexes are UTF-16 offsets into `text`. */
export function* segmentInPieces(text: string, segmenter: Intl.Segmenter): Generator<Segment> {
  for (const [start, end] of pieces(text)) {
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(start, end))) {
      yield isWordLike === undefined ? { segment, index: start + index } : { segment, index: start + index, isWordLike };
    }
  }
}
