import { describe, expect, it } from "vitest";
import { approximateMatches, approximateMatchesNearHints, exactMatches } from "./candidates";

describe("exactMatches", () => {
  it.each<[string, string, string, number[]]>([
    ["every occurrence of a repeated word", "the regime, the regime, the regime", "regime", [4, 16, 28]],
    ["overlapping occurrences", "aaa", "aa", [0, 1]],
    ["none", "the regime", "army", []],
    ["not half of a surrogate pair", "x😀y", "\ude00", []],
    ["a lone surrogate that really is alone", "x\ude00y", "\ude00", [1]],
  ])("%s", (_name, text, quote, starts) => {
    expect(exactMatches(text, quote).map((c) => c.start)).toEqual(starts);
  });
});

describe("approximateMatches", () => {
  it.each<[string, string, string, number, [number, number, number][]]>([
    ["a dropped hyphen", "the so called army", "so-called", 2, [[4, 13, 1]]],
    ["nothing within the error budget", "the regime", "so-called", 2, []],
    ["an edge widened to a whole emoji cluster", "great 👍🏽 news", "great 👍", 1, [[0, 10, 0]]],
  ])("%s", (_name, text, quote, maxErrors, expected) => {
    expect(approximateMatches(text, quote, maxErrors).map((c) => [c.start, c.end, c.errors])).toEqual(expected);
  });

  it("searches only inside the given window", () => {
    const text = "so called here, so caled there";
    expect(approximateMatches(text, "so-called", 2, 14).map((c) => c.start)).toEqual([16]);
  });
});

describe("approximateMatchesNearHints", () => {
  // A search over the whole text would report only the exact "so-called moderates" at 22.
  const text = "Officials praised the so-called moderates. The so called moderates shelled Afrin.";
  const quote = "so-called moderates";
  it.each([
    ["after the prefix", { prefix: ". The ", suffix: "", position: null }],
    ["before the suffix", { prefix: "", suffix: " shelled", position: null }],
    ["at the stored position", { prefix: "", suffix: "", position: 47 }],
  ])("finds the edited quote %s", (_name, hints) => {
    const found = approximateMatchesNearHints(text, quote, 4, hints);
    expect(found).toContainEqual({ start: 47, end: 66, errors: 1 });
  });

  it("finds nothing without hints", () => {
    expect(approximateMatchesNearHints(text, quote, 4, { prefix: "", suffix: "", position: null })).toEqual([]);
  });
});
