import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactMatches } from "./candidates";
import { bestCandidate, hasExactContext, scorer, shortlist, textSimilarity, type ScoringHints } from "./scoring";

const TEXT = "The regime said the regime would talk, but the regime broke off talks.";
const hints = (overrides: Partial<ScoringHints>): ScoringHints => ({ quote: "regime", prefix: "", suffix: "", position: null, ...overrides });

describe("scorer", () => {
  const [first, second] = exactMatches(TEXT, "regime");
  it.each([
    ["no context and no position: any exact match is perfect", hints({}), second!, [1, 1]],
    ["the stored context around the right occurrence is perfect", hints({ prefix: "said the ", suffix: " would" }), second!, [1, 1]],
    ["the wrong occurrence loses on context", hints({ prefix: "said the ", suffix: " would" }), first!, [0.6, 0.9]],
    ["a far-off position costs little", hints({ position: TEXT.length }), first!, [0.95, 0.99]],
  ])("%s", (_name, scoringHints, candidate, [min, max]) => {
    const { score } = scorer(TEXT, scoringHints)(candidate);
    expect(score).toBeGreaterThanOrEqual(min!);
    expect(score).toBeLessThanOrEqual(max!);
  });

  it("weighs an edited quote below context", () => {
    const score = scorer(TEXT, hints({ quote: "regimes", prefix: "said the ", suffix: " would" }));
    const editedInContext = score({ start: 20, end: 26, errors: 1 });
    const exactOutOfContext = score({ start: 4, end: 10, errors: 0 });
    expect(editedInContext.score).toBeGreaterThan(exactOutOfContext.score);
    expect(editedInContext.contextScore).toBe(1);
  });
});

describe("hasExactContext and bestCandidate", () => {
  const matches = exactMatches(TEXT, "regime");
  it.each([
    [0, false],
    [1, true],
    [2, false],
  ])("occurrence %d has the stored context: %s", (n, expected) => {
    expect(hasExactContext(TEXT, matches[n]!, hints({ prefix: "said the ", suffix: " would" }))).toBe(expected);
  });

  it.each([
    ["nearest the stored position on a tie", 45, 47],
    ["the earliest without a position", null, 4],
  ])("picks %s", (_name, position, expectedStart) => {
    const scored = matches.map((c) => ({ ...c, score: 0.5, contextScore: 1 }));
    expect(bestCandidate(scored, position)?.start).toBe(expectedStart);
  });
});

describe("shortlist", () => {
  it("keeps the occurrence whose context agrees, out of a thousand", () => {
    const filler = Array.from({ length: 1000 }, (_, i) => `item ${i} regime`).join(" ");
    const text = `${filler} the one true regime we want ${filler}`;
    const target = text.indexOf("true regime") + 5;
    const kept = shortlist(text, exactMatches(text, "regime"), hints({ prefix: "the one true ", suffix: " we want", position: null }));
    expect(kept.length).toBeLessThanOrEqual(64);
    expect(kept.map((c) => c.start)).toContain(target);
  });

  it("keeps those nearest the stored position as well", () => {
    const text = "regime ".repeat(500);
    const kept = shortlist(text, exactMatches(text, "regime"), hints({ prefix: "zzz", position: 7 * 400 }));
    expect(kept.map((c) => c.start)).toContain(7 * 400);
  });
});

describe("textSimilarity", () => {
  it.each([
    ["identical", "of the so-called ", "of the so-called ", 1],
    ["both empty", "", "", 1],
    ["nothing to compare against", "", "prefix", 0],
    ["one substitution in ten", "abcdefghiX", "abcdefghij", 0.9],
    ["one deletion in ten", "abcdeghij", "abcdefghij", 0.9],
    ["shorter at the start of the text", "so-called ", "of the so-called ", 10 / 17],
    ["completely different", "xxxx", "abcd", 0],
  ])("%s", (_name, actual, expected, similarity) => {
    expect(textSimilarity(actual, expected)).toBeCloseTo(similarity, 10);
  });

  it("stays within [0, 1] and is 1 only for equal strings (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const similarity = textSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        if (b.length > 0) expect(similarity === 1).toBe(a.includes(b));
      }),
    );
  });
});
