import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extendByWord, shrinkByWord, snapToWords, trimWhitespace, type Edge } from "./adjust";
import { CodePointIndex, type CodePointRange } from "./offsets";

// Cases are written as text with the selection between ⟦ and ⟧.
function parse(marked: string): { body: string; start: number; end: number } {
  const codePoints = Array.from(marked);
  const start = codePoints.indexOf("⟦");
  const end = codePoints.indexOf("⟧") - 1;
  return { body: marked.replace("⟦", "").replace("⟧", ""), start, end };
}

function mark(body: string, range: CodePointRange | null): string | null {
  if (!range) return null;
  const codePoints = Array.from(body);
  return [...codePoints.slice(0, range.start), "⟦", ...codePoints.slice(range.start, range.end), "⟧", ...codePoints.slice(range.end)].join("");
}

const graphemeBoundaries = (text: string) => {
  const boundaries = new Set([0]);
  let codePoints = 0;
  for (const { segment } of new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)) {
    codePoints += Array.from(segment).length;
    boundaries.add(codePoints);
  }
  return boundaries;
};

describe("trimWhitespace", () => {
  it.each([
    ["spaces on both sides", "The⟦  so-called ⟧regime", "The  ⟦so-called⟧ regime"],
    ["no-break spaces (U+00A0)", "Idlib,⟦\u00a0Aleppo\u00a0⟧and", "Idlib,\u00a0⟦Aleppo⟧\u00a0and"],
    ["newlines and tabs", "end.⟦\n\tNext⟧", "end.\n\t⟦Next⟧"],
    ["an ideographic space", "東京⟦\u3000で会った⟧", "東京\u3000⟦で会った⟧"],
    ["after an emoji, counted in code points", "👍🏽⟦ ok ⟧👨‍👩‍👧", "👍🏽 ⟦ok⟧ 👨‍👩‍👧"],
    ["right-to-left text", "قال⟦ المتحدث ⟧:", "قال ⟦المتحدث⟧ :"],
    ["nothing to trim", "The ⟦regime⟧ said", "The ⟦regime⟧ said"],
    ["a space carrying a combining mark is not whitespace", "a⟦ \u0301b⟧", "a⟦ \u0301b⟧"],
    ["only whitespace", "a⟦ \u00a0\n ⟧b", null],
  ])("%s", (_name, marked, expected) => {
    const { body, start, end } = parse(marked);
    expect(mark(body, trimWhitespace(body, start, end))).toBe(expected);
  });

  it("leaves a range without whitespace at its ends, inside the original, with only whitespace removed (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", "\u00a0", "\n", "é", "👍🏽", "ש", "\u3000"), maxLength: 30 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (body, a, b) => {
        const codePoints = Array.from(body);
        const [start, end] = [a % (codePoints.length + 1), b % (codePoints.length + 1)].sort((x, y) => x - y) as [number, number];
        const trimmed = trimWhitespace(new CodePointIndex(body), start, end);
        const selected = codePoints.slice(start, end).join("");
        if (!trimmed) {
          expect(selected.trim()).toBe("");
          return;
        }
        expect(codePoints.slice(trimmed.start, trimmed.end).join("")).toBe(selected.trim());
        expect(trimmed.start).toBeGreaterThanOrEqual(start);
        expect(trimmed.end).toBeLessThanOrEqual(end);
      }),
    );
  });
});

describe("snapToWords", () => {
  it.each([
    ["the end of a hyphenated word", "The ⟦so-cal⟧led regime", "The ⟦so-called⟧ regime"],
    ["a word cut at both ends", "the Nat⟦ional Ar⟧my", "the ⟦National Army⟧"],
    ["a curly apostrophe stays inside the word", "Tur⟦key⟧’s top", "⟦Turkey’s⟧ top"],
    ["a whole word is left alone", "The ⟦regime⟧ said", "The ⟦regime⟧ said"],
    ["punctuation alone is left alone", "regime⟦,⟧ said", "regime⟦,⟧ said"],
    ["half of an emoji with skin tone", "a ⟦👍⟧🏽 b", "a ⟦👍🏽⟧ b"],
    ["the skin tone alone", "a 👍⟦🏽⟧ b", "a ⟦👍🏽⟧ b"],
    ["part of a ZWJ family", "x ⟦👨‍👩⟧‍👧 y", "x ⟦👨‍👩‍👧⟧ y"],
    ["a letter without its combining accent", "caf⟦e⟧\u0301 noir", "⟦cafe\u0301⟧ noir"],
    ["the combining accent alone", "cafe⟦\u0301⟧ noir", "⟦cafe\u0301⟧ noir"],
    ["CJK by dictionary words", "⟦中⟧文文本", "⟦中文⟧文本"],
    ["Arabic", "قال ال⟦متح⟧دث:", "قال ⟦المتحدث⟧:"],
    ["Hebrew", "הדו⟦בר א⟧מר", "⟦הדובר אמר⟧"],
    ["a word after astral characters", "👨‍👩‍👧👍🏽 reg⟦im⟧e", "👨‍👩‍👧👍🏽 ⟦regime⟧"],
  ])("%s", (_name, marked, expected) => {
    const { body, start, end } = parse(marked);
    expect(mark(body, snapToWords(body, start, end))).toBe(expected);
  });

  it("contains the original, lands on grapheme boundaries, and is idempotent (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "-", ".", "e\u0301", "👍🏽", "👨‍👩‍👧", "中", "文", "ש", "\n"), maxLength: 30 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (body, a, b) => {
        const length = Array.from(body).length;
        const [start, end] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number];
        const index = new CodePointIndex(body);
        const snapped = snapToWords(index, start, end);
        expect(snapped.start).toBeLessThanOrEqual(start);
        expect(snapped.end).toBeGreaterThanOrEqual(end);
        const boundaries = graphemeBoundaries(body);
        expect(boundaries.has(snapped.start) && boundaries.has(snapped.end)).toBe(true);
        expect(snapToWords(index, snapped.start, snapped.end)).toEqual(snapped);
      }),
    );
  });
});

describe("extendByWord and shrinkByWord", () => {
  it.each<[string, "extend" | "shrink", Edge, string, string]>([
    ["end to the next word", "extend", "end", "The ⟦so⟧-called regime", "The ⟦so-called⟧ regime"],
    ["end past a space", "extend", "end", "The ⟦so-called⟧ regime, they", "The ⟦so-called regime⟧, they"],
    ["end past punctuation", "extend", "end", "⟦regime⟧, they said.", "⟦regime, they⟧ said."],
    ["end completes a cut word first", "extend", "end", "⟦The so-cal⟧led regime", "⟦The so-called⟧ regime"],
    ["end with no word left", "extend", "end", "they ⟦said⟧.", "they ⟦said⟧."],
    ["start to the previous word", "extend", "start", "The so-called ⟦regime⟧", "The so-⟦called regime⟧"],
    ["start past an emoji", "extend", "start", "good 👍🏽 ⟦news⟧", "⟦good 👍🏽 news⟧"],
    ["start with no word before", "extend", "start", "“⟦Hello⟧”", "“⟦Hello⟧”"],
    ["start in Hebrew", "extend", "start", "הדובר ⟦אמר⟧", "⟦הדובר אמר⟧"],
    ["start drops the first word", "shrink", "start", "⟦The so-called regime⟧", "The ⟦so-called regime⟧"],
    ["start drops leading punctuation with it", "shrink", "start", "⟦“The regime”⟧", "“The ⟦regime”⟧"],
    ["start keeps a lone word", "shrink", "start", "The ⟦regime⟧ said", "The ⟦regime⟧ said"],
    ["end drops the last word and the punctuation after it", "shrink", "end", "⟦The so-called regime,⟧ they", "⟦The so-called⟧ regime, they"],
    ["end keeps a lone word", "shrink", "end", "The ⟦regime⟧ said", "The ⟦regime⟧ said"],
    ["end across an emoji", "shrink", "end", "⟦good 👍🏽 news⟧", "⟦good⟧ 👍🏽 news"],
    ["end in Arabic", "shrink", "end", "⟦قال المتحدث⟧", "⟦قال⟧ المتحدث"],
    ["end in CJK", "shrink", "end", "⟦中文文本⟧", "⟦中文⟧文本"],
  ])("%s: %s %s", (_name, action, edge, marked, expected) => {
    const { body, start, end } = parse(marked);
    const adjust = action === "extend" ? extendByWord : shrinkByWord;
    expect(mark(body, adjust(body, start, end, edge))).toBe(expected);
  });

  it("extend only grows, shrink only shrinks and never empties the range (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("word", " ", ", ", "👍🏽", "中文", "ש", "\n"), maxLength: 12 });
    const edge = fc.constantFrom<Edge>("start", "end");
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), edge, (body, a, b, side) => {
        const length = Array.from(body).length;
        fc.pre(length > 0);
        const start = a % length;
        const end = start + 1 + (b % (length - start));
        const index = new CodePointIndex(body);
        const grown = extendByWord(index, start, end, side);
        expect(grown.start <= start && grown.end >= end).toBe(true);
        const shrunk = shrinkByWord(index, start, end, side);
        expect(shrunk.start >= start && shrunk.end <= end && shrunk.end > shrunk.start).toBe(true);
      }),
    );
  });
});
