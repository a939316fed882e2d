// Files from other tools count offsets in code points (Python, Slant) or in
// UTF-16 units (JavaScript tools), and do not say which. The text decides:
// code points when the text there is the quote, else UTF-16 units when that is.

import type { CodePointIndex } from "./offsets";

export type OffsetUnit = "codepoint" | "utf16";
export type FileRange = { start: number; end: number; unit: OffsetUnit };

/**
 * [start, end) of a file as code points, or null when it fits the text in neither unit.
 * Without `isQuote` (the file gives no quote) only a range within the text in code points fits.
 */
export function rangeInEitherUnit(index: CodePointIndex, start: number, end: number, isQuote?: (text: string) => boolean): FileRange | null {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) return null;
  if (end <= index.length && (!isQuote || isQuote(index.slice(start, end)))) return { start, end, unit: "codepoint" };
  if (isQuote && index.isCodePointBoundary(start) && index.isCodePointBoundary(end) && isQuote(index.text.slice(start, end))) {
    return { start: index.toCodePoint(start), end: index.toCodePoint(end), unit: "utf16" };
  }
  return null;
}
