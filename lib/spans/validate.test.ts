import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./offsets";
import { rangeFromUtf16, validateSpan, type ProposedSpan } from "./validate";

const PROSE = "The rebels, so-called moderates, shelled al-Bab on Tuesday.";
const EMOJI = "Great 👍🏽 news for the 👨‍👩‍👧 next door";
const RTL = "قال المتحدث: الوضع مستقر. הדובר אמר: שקט.";
const LONE = "ab\ud83dcd\udc4def";

describe("validateSpan accepts", () => {
  it.each<[string, string, ProposedSpan]>([
    ["a word in prose", PROSE, { start: 12, end: 21, quote: "so-called" }],
    ["the whole body", PROSE, { start: 0, end: 59, quote: PROSE }],
    ["an emoji with its skin tone (2 code points)", EMOJI, { start: 6, end: 8, quote: "👍🏽" }],
    ["the word after that emoji", EMOJI, { start: 9, end: 13, quote: "news" }],
    ["a ZWJ family (5 code points)", EMOJI, { start: 22, end: 27, quote: "👨‍👩‍👧" }],
    ["a combining accent", "Cafe\u0301 society", { start: 0, end: 5, quote: "Cafe\u0301" }],
    ["CJK", "他说中文文本很长", { start: 2, end: 6, quote: "中文文本" }],
    ["Arabic", RTL, { start: 4, end: 11, quote: "المتحدث" }],
    ["Hebrew", RTL, { start: 26, end: 31, quote: "הדובר" }],
    ["a range ending next to a lone high surrogate", LONE, { start: 0, end: 2, quote: "ab" }],
    ["a range starting next to a lone high surrogate", LONE, { start: 3, end: 5, quote: "cd" }],
    ["a range holding lone surrogates", LONE, { start: 2, end: 6, quote: "\ud83dcd\udc4d" }],
  ])("%s", (_name, body, span) => {
    expect(validateSpan(body, span)).toEqual({ ok: true });
    expect(validateSpan(new CodePointIndex(body), span)).toEqual({ ok: true });
  });
});

describe("validateSpan rejects", () => {
  it.each<[string, string, ProposedSpan, string, string]>([
    ["a fractional start", PROSE, { start: 1.5, end: 4, quote: "x" }, "NOT_INTEGER", "start must be a whole number of code points, got 1.5"],
    ["a NaN end", PROSE, { start: 1, end: Number.NaN, quote: "x" }, "NOT_INTEGER", "end must be a whole number of code points, got NaN"],
    ["an infinite end", PROSE, { start: 1, end: Infinity, quote: "x" }, "NOT_INTEGER", "end must be a whole number of code points, got Infinity"],
    ["an empty range", PROSE, { start: 4, end: 4, quote: "" }, "EMPTY", "the range [4, 4) is empty"],
    ["a reversed range", PROSE, { start: 9, end: 4, quote: "rebel" }, "REVERSED", "end (4) is before start (9)"],
    ["a negative start", PROSE, { start: -1, end: 3, quote: "The" }, "OUT_OF_BOUNDS", "the range [-1, 3) is outside the article text [0, 59)"],
    [
      "an end past the code point length though within the UTF-16 length",
      EMOJI,
      { start: 30, end: 40, quote: "next door" },
      "OUT_OF_BOUNDS",
      "the range [30, 40) is outside the article text [0, 37)",
    ],
    [
      "a quote one character short",
      PROSE,
      { start: 12, end: 20, quote: "so-called" },
      "QUOTE_MISMATCH",
      'quote does not match the article text at [12, 20): expected "so-called", got "so-calle"',
    ],
    [
      "UTF-16 offsets sent by mistake",
      EMOJI,
      { start: 11, end: 15, quote: "news" },
      "QUOTE_MISMATCH",
      'quote does not match the article text at [11, 15): expected "news", got "ws f"',
    ],
    [
      "a quote in another normalization form",
      "Caf\u00e9 society",
      { start: 0, end: 4, quote: "Cafe\u0301" },
      "QUOTE_MISMATCH",
      'quote does not match the article text at [0, 4): expected "Cafe\u0301", got "Caf\u00e9"',
    ],
    [
      "half of a lone-surrogate range",
      LONE,
      { start: 2, end: 3, quote: "c" },
      "QUOTE_MISMATCH",
      'quote does not match the article text at [2, 3): expected "c", got "\\ud83d"',
    ],
  ])("%s", (_name, body, span, code, message) => {
    expect(validateSpan(body, span)).toEqual({ ok: false, code, message });
  });

  it("cuts long quotes around their first difference so the message stays readable", () => {
    const body = `${"Lorem ipsum dolor sit amet. ".repeat(10)}The end.`;
    const quote = body.slice(0, 250).replace(/.$/, "X");
    const result = validateSpan(body, { start: 0, end: 250, quote });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("QUOTE_MISMATCH");
    expect(result.message.length).toBeLessThan(300);
    expect(result.message).toMatch(/expected "….*X", got "….*t"$/);
  });
});

describe("validateSpan properties", () => {
  const body = fc.string({ unit: fc.constantFrom("a", " ", "é", "e\u0301", "中", "ש", "👍🏽", "👨‍👩‍👧", "\ud83d", "\n"), minLength: 1, maxLength: 30 });

  it("accepts every non-empty in-bounds range quoted from the body, and rejects a changed quote", () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (text, a, b) => {
        const codePoints = Array.from(text);
        const start = a % codePoints.length;
        const end = start + 1 + (b % (codePoints.length - start));
        const quote = codePoints.slice(start, end).join("");
        expect(validateSpan(text, { start, end, quote })).toEqual({ ok: true });
        expect(validateSpan(text, { start, end, quote: `${quote}!` })).toMatchObject({ ok: false, code: "QUOTE_MISMATCH" });
      }),
    );
  });
});

describe("rangeFromUtf16", () => {
  const index = new CodePointIndex("Hi 👍🏽 ok \ud83d!");
  it.each([
    ["a selection around the emoji", 3, 7, { ok: true, start: 3, end: 5 }],
    ["a selection after the emoji", 8, 10, { ok: true, start: 6, end: 8 }],
    ["a selection ending just before a lone surrogate", 8, 11, { ok: true, start: 6, end: 9 }],
    ["a selection around a lone surrogate", 11, 13, { ok: true, start: 9, end: 11 }],
    ["a start inside 👍", 4, 7, { ok: false, code: "SPLITS_SURROGATE", message: "start (UTF-16 offset 4) falls inside a surrogate pair; select whole characters" }],
    ["an end inside 🏽", 3, 6, { ok: false, code: "SPLITS_SURROGATE", message: "end (UTF-16 offset 6) falls inside a surrogate pair; select whole characters" }],
    ["an end past the UTF-16 length", 3, 14, { ok: false, code: "OUT_OF_BOUNDS", message: "the range [3, 14) is outside the article text [0, 13)" }],
    ["a collapsed selection", 5, 5, { ok: false, code: "EMPTY", message: "the range [5, 5) is empty" }],
  ])("%s", (_name, start, end, expected) => {
    expect(rangeFromUtf16(index, start, end)).toEqual(expected);
  });
});
