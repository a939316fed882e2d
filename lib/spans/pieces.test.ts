import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PIECE, pieces, segmentInPieces } from "./pieces";

const FAMILY = "👨‍👩‍👧";
// Units that stress every UAX #29 rule a careless cut would break: ZWJ sequences, skin tones,
// flags (regional indicator pairs), combining marks, Hangul jamo, CJK runs without spaces, Prepend.
const unit = fc.constantFrom("word ", "so-called ", "\n", "👍🏽", FAMILY, "e\u0301", "中文字", "한국어 ", "\u1100\u1161\u11A8", "🇫🇷🇩🇪", ", ", "  ", "U.S.", "\u0600\u0661", "it’s ", "x".repeat(700), "\t");

function wholeText(text: string, granularity: "grapheme" | "word") {
  return Array.from(new Intl.Segmenter("en", { granularity }).segment(text), ({ segment, index }) => ({ segment, index }));
}

describe("pieces", () => {
  it("cover the text in order, each at most MAX_PIECE + 1 units, never splitting a surrogate pair", () => {
    const text = `${"a’b ".repeat(3000)}\n${"中".repeat(5000)}\n${"👍🏽".repeat(2000)}`;
    let expected = 0;
    for (const [start, end] of pieces(text)) {
      expect(start).toBe(expected);
      expect(end - start).toBeGreaterThan(0);
      expect(end - start).toBeLessThanOrEqual(MAX_PIECE + 1);
      const code = text.charCodeAt(end - 1);
      expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
      expected = end;
    }
    expect(expected).toBe(text.length);
  });

  it("give the same graphemes as segmenting the whole text at once (property, texts several pieces long)", () => {
    const text = fc.array(unit, { minLength: 50, maxLength: 400 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (body) => {
        const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
        expect(Array.from(segmentInPieces(body, graphemes), ({ segment, index }) => ({ segment, index }))).toEqual(wholeText(body, "grapheme"));
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it("cut a single huge paragraph after whitespace", () => {
    const text = "word ".repeat(2000);
    for (const [, end] of pieces(text)) if (end < text.length) expect(text[end - 1]).toBe(" ");
  });
});
