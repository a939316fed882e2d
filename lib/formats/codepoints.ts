// Slant offsets count Unicode code points; JavaScript strings index UTF-16 code
// units. Every conversion between the two goes through this file so that no
// format ever calls .length/.slice on an offset by accident.

/** Number of code points (what Python's len() returns). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * A text indexed by code point. Building the table is O(n) once; afterwards
 * slicing and converting offsets is O(1) (or O(log n) from UTF-16), which
 * matters for articles of 100k+ characters with hundreds of spans.
 */
export class CodePointText {
  readonly length: number;
  /** utf16Offsets[cp] = UTF-16 index where code point `cp` starts; one extra entry for the end. */
  private readonly utf16Offsets: Uint32Array;

  constructor(readonly text: string) {
    const offsets = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      offsets[cp++] = i;
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    offsets[cp] = text.length;
    this.length = cp;
    this.utf16Offsets = offsets.subarray(0, cp + 1);
  }

  /** UTF-16 index of code point offset `cp` (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) {
      throw new RangeError(`code point offset ${cp} is outside [0, ${this.length}]`);
    }
    return this.utf16Offsets[cp] ?? this.text.length;
  }

  /** Code point offset of UTF-16 index `utf16`, or undefined if it falls inside a surrogate pair or outside the text. */
  fromUtf16(utf16: number): number | undefined {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) return undefined;
    let low = 0;
    let high = this.length;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.utf16Offsets[mid] ?? this.text.length;
      if (at === utf16) return mid;
      if (at < utf16) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** The text of code points [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
