import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointIndex, OffsetError, codePointLength, splitsSurrogatePair } from "./offsets";

const THUMBS_UP_MEDIUM = "👍🏽"; // 2 code points, 4 UTF-16 units
const FAMILY = "👨‍👩‍👧"; // 5 code points (3 emoji + 2 ZWJ), 8 UTF-16 units
const LONE_HIGH = "\ud83d";
const LONE_LOW = "\udc4d";

/** Text made of awkward pieces, lone surrogates included. */
const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", " ", "\n", "\u00a0", "e\u0301", "中", "ש", "م", THUMBS_UP_MEDIUM, FAMILY, LONE_HIGH, LONE_LOW, "😀"),
    fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
  ),
  maxLength: 40,
});

describe("codePointLength", () => {
  it.each([
    ["empty", "", 0],
    ["ASCII prose", "Supporters of the so-called", 27],
    ["emoji with skin tone", THUMBS_UP_MEDIUM, 2],
    ["ZWJ family", FAMILY, 5],
    ["combining acute stays two code points", "e\u0301", 2],
    ["CJK", "中文文本", 4],
    ["Hebrew", "שלום", 4],
    ["Arabic", "مرحبا", 5],
    ["lone high surrogate", `a${LONE_HIGH}b`, 3],
    ["lone low surrogate", `a${LONE_LOW}b`, 3],
    ["low before high is two lone surrogates", `${LONE_LOW}${LONE_HIGH}`, 2],
    ["a pair after a lone high surrogate", `${LONE_HIGH}😀`, 2],
  ])("%s", (_name, text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });

  it("agrees with Array.from for any text", () => {
    fc.assert(fc.property(awkwardText, (text) => codePointLength(text) === Array.from(text).length));
  });
});

describe("CodePointIndex conversions", () => {
  const text = `Hi ${THUMBS_UP_MEDIUM} ${FAMILY} ok`;
  it.each([
    // [code point, UTF-16]
    [0, 0],
    [3, 3], // 👍 starts
    [4, 5], // 🏽 starts
    [5, 7], // space after 👍🏽
    [6, 8], // 👨 starts
    [7, 10], // ZWJ
    [11, 16], // space after the family
    [14, 19], // end
  ])("code point %d ↔ UTF-16 %d", (codePoint, utf16) => {
    const index = new CodePointIndex(text);
    expect(index.toUtf16(codePoint)).toBe(utf16);
    expect(index.toCodePoint(utf16)).toBe(codePoint);
  });

  it.each([
    ["inside 👍", 4],
    ["inside 🏽", 6],
    ["inside 👨", 9],
  ])("toCodePoint refuses an offset %s", (_name, utf16) => {
    const index = new CodePointIndex(text);
    expect(() => index.toCodePoint(utf16)).toThrow(expect.objectContaining({ code: "SPLITS_SURROGATE" }));
    expect(index.isCodePointBoundary(utf16)).toBe(false);
  });

  it.each([
    ["toUtf16", (index: CodePointIndex) => index.toUtf16(15), "OUT_OF_BOUNDS"],
    ["toUtf16 negative", (index: CodePointIndex) => index.toUtf16(-1), "OUT_OF_BOUNDS"],
    ["toUtf16 fraction", (index: CodePointIndex) => index.toUtf16(1.5), "NOT_INTEGER"],
    ["toCodePoint past the end", (index: CodePointIndex) => index.toCodePoint(20), "OUT_OF_BOUNDS"],
    ["toCodePoint NaN", (index: CodePointIndex) => index.toCodePoint(Number.NaN), "NOT_INTEGER"],
    ["slice reversed", (index: CodePointIndex) => index.slice(5, 3), "OUT_OF_BOUNDS"],
  ])("%s throws a typed OffsetError", (_name, call, code) => {
    const index = new CodePointIndex(text);
    expect(() => call(index)).toThrow(OffsetError);
    expect(() => call(index)).toThrow(expect.objectContaining({ code }));
  });

  it("treats lone surrogates as one code point each, and boundaries next to them as valid", () => {
    const index = new CodePointIndex(`a${LONE_HIGH}b${LONE_LOW}c`);
    expect(index.length).toBe(5);
    for (let offset = 0; offset <= 5; offset++) expect(index.toCodePoint(index.toUtf16(offset))).toBe(offset);
    expect(index.slice(1, 2)).toBe(LONE_HIGH);
    expect(index.slice(3, 5)).toBe(`${LONE_LOW}c`);
  });

  it("matches Array.from on every code point offset (property)", () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const index = new CodePointIndex(text);
        const codePoints = Array.from(text);
        expect(index.length).toBe(codePoints.length);
        for (let cp = 0; cp <= codePoints.length; cp++) {
          const utf16 = codePoints.slice(0, cp).join("").length;
          expect(index.toUtf16(cp)).toBe(utf16);
          expect(index.toCodePoint(utf16)).toBe(cp);
        }
      }),
    );
  });

  it("slices by code points like Array.from(text).slice (property)", () => {
    fc.assert(
      fc.property(awkwardText, fc.nat(), fc.nat(), (text, a, b) => {
        const index = new CodePointIndex(text);
        const [start, end] = [a % (index.length + 1), b % (index.length + 1)].sort((x, y) => x - y) as [number, number];
        expect(index.slice(start, end)).toBe(Array.from(text).slice(start, end).join(""));
      }),
    );
  });

  it("every UTF-16 offset is either a boundary that converts or a pair split that throws (property)", () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const index = new CodePointIndex(text);
        for (let utf16 = 0; utf16 <= text.length; utf16++) {
          if (splitsSurrogatePair(text, utf16)) expect(() => index.toCodePoint(utf16)).toThrow(OffsetError);
          else expect(index.toUtf16(index.toCodePoint(utf16))).toBe(utf16);
        }
      }),
    );
  });

  it("converts 10,000 offsets on a 150k-character body without rescanning it", () => {
    const paragraph = `The so-called ${THUMBS_UP_MEDIUM} regime ${FAMILY} said 中文 שלום مرحبا.\n`;
    const body = paragraph.repeat(Math.ceil(150_000 / paragraph.length));
    const index = new CodePointIndex(body);
    const started = performance.now();
    let checksum = 0;
    for (let i = 0; i < 10_000; i++) checksum += index.toCodePoint(index.toUtf16((i * 7919) % index.length));
    // An O(n) scan per conversion would take seconds here.
    expect(performance.now() - started).toBeLessThan(250);
    expect(checksum).toBeGreaterThan(0);
  });
});
