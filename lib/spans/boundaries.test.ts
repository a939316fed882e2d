import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphemeEndAtOrAfter, graphemeStartAtOrBefore, nextWord, previousWord, segmentAt, type Granularity } from "./boundaries";

/** What Intl.Segmenter says when given the whole text at once: the reference the windowed version must agree with. */
function wholeTextSegment(text: string, at: number, granularity: Granularity) {
  const found = new Intl.Segmenter("en", { granularity }).segment(text).containing(at)!;
  return { start: found.index, end: found.index + found.segment.length, isWordLike: found.isWordLike === true };
}

const FAMILY = "👨‍👩‍👧";

describe("segmentAt", () => {
  it.each<[string, string, number, Granularity, [number, number, boolean]]>([
    ["a word", "the so-called army", 5, "word", [4, 6, true]],
    ["the hyphen splitting a compound", "the so-called army", 6, "word", [6, 7, false]],
    ["the word after the hyphen", "the so-called army", 9, "word", [7, 13, true]],
    ["a ZWJ family is one grapheme, from any of its units", `a ${FAMILY} b`, 5, "grapheme", [2, 10, false]],
    ["an emoji with skin tone is one grapheme", "x👍🏽y", 3, "grapheme", [1, 5, false]],
    ["a letter and its combining accent", "cafe\u0301!", 4, "grapheme", [3, 5, false]],
    ["a newline on its own", "one\ntwo", 3, "word", [3, 4, false]],
    ["a word on the second line", "one\ntwo three", 5, "word", [4, 7, true]],
    ["a lone surrogate is a grapheme of its own", "a\ud83db", 1, "grapheme", [1, 2, false]],
  ])("%s", (_name, text, at, granularity, [start, end, isWordLike]) => {
    const segment = segmentAt(text, at, granularity);
    expect(segment.start).toBe(start);
    expect(segment.end).toBe(end);
    if (granularity === "word") expect(segment.isWordLike).toBe(isWordLike);
  });

  it.each([-1, 5, 0.5])("refuses offset %d outside a 5-unit text", (at) => {
    expect(() => segmentAt("hello", at, "word")).toThrow(RangeError);
  });

  it("agrees with segmenting the whole text, including on a line longer than its window (property)", () => {
    const unit = fc.constantFrom("word ", "so-called", "\n", "👍🏽", FAMILY, "e\u0301", "中文", "שלום ", "🇫🇷", ", ");
    const text = fc.array(unit, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(), fc.constantFrom<Granularity>("word", "grapheme"), (body, a, granularity) => {
        const at = a % body.length;
        expect(segmentAt(body, at, granularity)).toEqual(wholeTextSegment(body, at, granularity));
      }),
    );
    const longLine = "the so-called army said 👍🏽 ".repeat(400);
    for (const at of [0, 5_000, longLine.length - 1]) {
      expect(segmentAt(longLine, at, "word")).toEqual(wholeTextSegment(longLine, at, "word"));
    }
  });

  it("is fast on a long body because it segments only the line around the offset", () => {
    const body = "The so-called National Army 👍🏽 clashed with police.\n".repeat(3000);
    const started = performance.now();
    for (let i = 0; i < 5000; i++) segmentAt(body, (i * 7919) % body.length, "word");
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("grapheme snapping and word stepping", () => {
  const text = `go ${FAMILY}, said “Ana”`;
  it.each([
    ["start inside the family moves back to its start", graphemeStartAtOrBefore(text, 6), 3],
    ["end inside the family moves on to its end", graphemeEndAtOrAfter(text, 6), 11],
    ["a boundary stays put", graphemeStartAtOrBefore(text, 3), 3],
    ["the text end stays put", graphemeStartAtOrBefore(text, text.length), text.length],
    ["offset 0 stays put", graphemeEndAtOrAfter(text, 0), 0],
    ["previous word skips emoji and punctuation", previousWord(text, 13)?.start, 0],
    ["previous word may contain the offset", previousWord(text, 15)?.start, 13],
    ["next word skips punctuation", nextWord(text, 17)?.start, 19],
    ["no next word after the last", nextWord(text, 22) ?? null, null],
    ["no previous word before the first", previousWord(text, 0) ?? null, null],
  ])("%s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
