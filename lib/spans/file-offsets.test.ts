import { describe, expect, it } from "vitest";
import { rangeInEitherUnit } from "./file-offsets";
import { CodePointIndex } from "./offsets";

// "👍🏽" is 2 code points and 4 UTF-16 units, so every offset after it differs by 2 between the units.
const index = new CodePointIndex("Intro 👍🏽 the minister said");
const is = (quote: string) => (text: string) => text === quote;

describe("rangeInEitherUnit", () => {
  it.each([
    ["code points whose text is the quote", 9, 12, is("the"), { start: 9, end: 12, unit: "codepoint" }],
    ["UTF-16 units whose text is the quote", 11, 14, is("the"), { start: 9, end: 12, unit: "utf16" }],
    ["the emoji in code points", 6, 8, is("👍🏽"), { start: 6, end: 8, unit: "codepoint" }],
    ["no quote: code points within the text", 0, 5, undefined, { start: 0, end: 5, unit: "codepoint" }],
    ["no quote: past the text in code points, though within it in UTF-16 units", 25, 27, undefined, null],
    ["a quote that is in neither unit", 9, 12, is("minister"), null],
    ["UTF-16 offsets inside the emoji", 7, 9, is("\udc4d\ud83c"), null],
    ["an empty range", 3, 3, is(""), null],
    ["a reversed range", 12, 9, is("the"), null],
    ["a negative start", -1, 3, is("Int"), null],
    ["past the end in both units", 30, 40, is(""), null],
  ])("%s", (_name, start, end, isQuote, expected) => {
    expect(rangeInEitherUnit(index, start, end, isQuote)).toEqual(expected);
  });
});
