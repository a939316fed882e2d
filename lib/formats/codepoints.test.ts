import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointLength, CodePointText } from "./codepoints";

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["👍🏽", 2], // thumbs up + skin tone modifier
    ["👨‍👩‍👧", 5], // man ZWJ woman ZWJ girl
    ["M\u0332", 2], // base letter + combining low line
    ["抗议活动", 4],
    ["لا للمصالحة", 11],
    ["\uD800x", 2], // a lone surrogate still counts as one
  ])("%j has %i code points", (text, expected) => {
    expect(codePointLength(text)).toBe(expected);
    expect(codePointLength(text)).toBe(Array.from(text).length);
  });
});

describe("CodePointText", () => {
  const text = new CodePointText("a👍🏽b👨‍👩‍👧c");

  it.each([
    [0, 1, "a"],
    [1, 3, "👍🏽"],
    [3, 4, "b"],
    [4, 9, "👨‍👩‍👧"],
    [9, 10, "c"],
    [0, 10, "a👍🏽b👨‍👩‍👧c"],
  ])("slice(%i, %i) is %j", (start, end, expected) => {
    expect(text.slice(start, end)).toBe(expected);
  });

  it.each([
    [0, 0],
    [1, 1],
    [3, 5], // 👍 and 🏽 are two UTF-16 units each
    [4, 6],
    [9, 14],
    [10, 15],
  ])("code point %i is UTF-16 index %i, and back", (cp, utf16) => {
    expect(text.toUtf16(cp)).toBe(utf16);
    expect(text.fromUtf16(utf16)).toBe(cp);
  });

  it.each([
    [2, "inside 👍"],
    [4, "inside 🏽"],
    [7, "inside 👨"],
    [-1, "before the text"],
    [16, "after the text"],
    [0.5, "not an index"],
  ])("UTF-16 index %d (%s) has no code point offset", (utf16) => {
    expect(text.fromUtf16(utf16)).toBeUndefined();
  });

  it.each([-1, 11, 1.5])("refuses code point offset %d", (cp) => {
    expect(() => text.toUtf16(cp)).toThrow(RangeError);
  });

  it("agrees with Array.from on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.nat(), fc.nat(), (s, a, b) => {
        const chars = Array.from(s);
        const [start, end] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y) as [number, number];
        const indexed = new CodePointText(s);
        expect(indexed.length).toBe(chars.length);
        expect(indexed.slice(start, end)).toBe(chars.slice(start, end).join(""));
        expect(indexed.fromUtf16(indexed.toUtf16(start))).toBe(start);
      }),
    );
  });
});
