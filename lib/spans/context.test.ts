import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spanContext } from "./context";
import { CodePointIndex, OffsetError } from "./offsets";

const PROSE = "Supporters of the so-called Turkish-backed National Army clashed with police in Afrin on Monday.";

describe("spanContext", () => {
  it.each([
    [
      "32 code points either side by default",
      PROSE,
      18,
      27,
      undefined,
      { prefix: "Supporters of the ", quote: "so-called", suffix: " Turkish-backed National Army cl" },
    ],
    ["a smaller size", PROSE, 18, 27, 4, { prefix: "the ", quote: "so-called", suffix: " Tur" }],
    ["size 0 gives no context", PROSE, 18, 27, 0, { prefix: "", quote: "so-called", suffix: "" }],
    ["at the very start", PROSE, 0, 10, 5, { prefix: "", quote: "Supporters", suffix: " of t" }],
    ["at the very end", PROSE, 89, 96, 5, { prefix: "n on ", quote: "Monday.", suffix: "" }],
    ["counting an emoji with skin tone as two", "ab👍🏽cd", 4, 5, 3, { prefix: "b👍🏽", quote: "c", suffix: "d" }],
    ["counting a ZWJ family as five", "x👨‍👩‍👧y", 6, 7, 5, { prefix: "👨‍👩‍👧", quote: "y", suffix: "" }],
    ["which may cut a cluster, as code points do", "x👨‍👩‍👧y", 6, 7, 2, { prefix: "\u200d👧", quote: "y", suffix: "" }],
    ["right-to-left text", "قال المتحدث: الوضع مستقر", 4, 11, 4, { prefix: "قال ", quote: "المتحدث", suffix: ": ال" }],
  ])("%s", (_name, body, start, end, size, expected) => {
    expect(spanContext(body, start, end, size)).toEqual(expected);
    expect(spanContext(new CodePointIndex(body), start, end, size)).toEqual(expected);
  });

  it.each([
    ["an end past the text", 0, 200, 32],
    ["a reversed range", 10, 5, 32],
  ])("throws an OffsetError for %s", (_name, start, end, size) => {
    expect(() => spanContext(PROSE, start, end, size)).toThrow(OffsetError);
  });

  it("refuses a negative size", () => {
    expect(() => spanContext(PROSE, 0, 3, -1)).toThrow(RangeError);
  });

  it("returns the code points around the range, as many as fit (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", "中", "e\u0301", "👍🏽", "\n", "ש"), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 40 }), (body, a, b, size) => {
        const codePoints = Array.from(body);
        const [start, end] = [a % (codePoints.length + 1), b % (codePoints.length + 1)].sort((x, y) => x - y) as [number, number];
        const { prefix, quote, suffix } = spanContext(body, start, end, size);
        expect(prefix + quote + suffix).toBe(codePoints.slice(Math.max(0, start - size), end + size).join(""));
        expect(Array.from(prefix)).toHaveLength(Math.min(size, start));
        expect(Array.from(suffix)).toHaveLength(Math.min(size, codePoints.length - end));
      }),
    );
  });
});
