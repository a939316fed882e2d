import { describe, expect, it } from "vitest";
import { areNearDuplicates, nearDuplicatePairs, nearDuplicatesOf } from "./near-duplicates";

const source = (name: string, nameKey: string) => ({ id: nameKey, name, nameKey });

describe("near-duplicate source keys", () => {
  it.each([
    ["foxnews", "foxnew", true],
    ["reuters", "reuter", true],
    ["theguardian", "theguardain", true],
    ["associatedpress", "asociatedpres", true],
    ["fox", "box", false],
    ["cnn", "cnbc", false],
    ["bbcnews", "cbsnews", false],
    ["foxnews", "foxnews", false],
    ["aljazeera", "aljazeeraenglish", false],
  ])("%s ~ %s: %s", (a, b, expected) => {
    expect(areNearDuplicates(a, b)).toBe(expected);
    expect(areNearDuplicates(b, a)).toBe(expected);
  });

  it("lists each pair once, by name, and finds a new name's neighbours", () => {
    const sources = [source("Reuters", "reuters"), source("Fox News", "foxnews"), source("Reuter", "reuter"), source("FoxNew", "foxnew"), source("BBC", "bbc")];
    expect(nearDuplicatePairs(sources).map(([a, b]) => [a.name, b.name])).toEqual([
      ["Fox News", "FoxNew"],
      ["Reuter", "Reuters"],
    ]);
    expect(nearDuplicatesOf("reutersx", sources).map((s) => s.name)).toEqual(["Reuters"]);
  });
});
