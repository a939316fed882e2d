// Stored offsets count Unicode code points; JavaScript strings index UTF-16
// code units. Everything that crosses that line goes through CodePointIndex.

export type CodePointRange = { start: number; end: number };

export type OffsetErrorCode = "NOT_INTEGER" | "OUT_OF_BOUNDS" | "SPLITS_SURROGATE";

export class OffsetError extends RangeError {
  override readonly name = "OffsetError";
  constructor(
    readonly code: OffsetErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when UTF-16 offset `at` sits between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
}

/** Number of code points; a lone surrogate counts as one, as Array.from and Postgres' length() would. */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 1; i < text.length; i++) {
    if (splitsSurrogatePair(text, i)) {
      pairs++;
      i++;
    }
  }
  return text.length - pairs;
}

/** Number of entries in the ascending array that are < value. */
function countBelow(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function requireOffset(value: number, max: number, unit: string): void {
  if (!Number.isSafeInteger(value)) throw new OffsetError("NOT_INTEGER", `${unit} offset ${value} is not a whole number`);
  if (value < 0 || value > max) throw new OffsetError("OUT_OF_BOUNDS", `${unit} offset ${value} is outside [0, ${max}]`);
}

/**
 * Built once per body (O(n)); every conversion after that is a binary search
 * over the astral characters only, so bodies that are all BMP convert in O(1).
 */
export class CodePointIndex {
  readonly text: string;
  readonly length: number;
  /** UTF-16 offset of the high surrogate of each surrogate pair, ascending. */
  private readonly pairUtf16: Int32Array;
  /** Code point offset of each surrogate pair, ascending. */
  private readonly pairCodePoint: Int32Array;

  constructor(text: string) {
    const utf16: number[] = [];
    for (let i = 1; i < text.length; i++) {
      if (splitsSurrogatePair(text, i)) {
        utf16.push(i - 1);
        i++;
      }
    }
    this.text = text;
    this.length = text.length - utf16.length;
    this.pairUtf16 = Int32Array.from(utf16);
    this.pairCodePoint = Int32Array.from(utf16, (offset, k) => offset - k);
  }

  toUtf16(codePoint: number): number {
    requireOffset(codePoint, this.length, "code point");
    return codePoint + countBelow(this.pairCodePoint, codePoint);
  }

  /** Throws OffsetError "SPLITS_SURROGATE" when the offset falls inside a surrogate pair. */
  toCodePoint(utf16: number): number {
    requireOffset(utf16, this.text.length, "UTF-16");
    const pairsBefore = countBelow(this.pairUtf16, utf16);
    if (pairsBefore > 0 && this.pairUtf16[pairsBefore - 1] === utf16 - 1) {
      throw new OffsetError("SPLITS_SURROGATE", `UTF-16 offset ${utf16} falls between the two halves of a surrogate pair`);
    }
    return utf16 - pairsBefore;
  }

  isCodePointBoundary(utf16: number): boolean {
    return Number.isSafeInteger(utf16) && utf16 >= 0 && utf16 <= this.text.length && !splitsSurrogatePair(this.text, utf16);
  }

  /** The text of [start, end) in code points; throws OffsetError on a bad or reversed range. */
  slice(start: number, end: number): string {
    const from = this.toUtf16(start);
    const to = this.toUtf16(end);
    if (to < from) throw new OffsetError("OUT_OF_BOUNDS", `range [${start}, ${end}) is reversed`);
    return this.text.slice(from, to);
  }
}

/** Lets callers pass either a body or a prebuilt index; build the index yourself when converting many offsets. */
export function indexFor(source: string | CodePointIndex): CodePointIndex {
  return typeof source === "string" ? new CodePointIndex(source) : source;
}
