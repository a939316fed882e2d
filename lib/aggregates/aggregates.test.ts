import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { formatInterval, formatShare, per1kWords, share } from "./density";
import { ALL_ANNOTATORS_LAYER, GOLD_LAYER, basisKey, describeBasis, layerOf, type Basis } from "./layers";
import { normalizeExpression } from "./normalize";
import { seededRandom } from "./random";

describe("densities and shares", () => {
  it.each([
    [3, 1500, 2],
    [0, 800, 0],
    [5, 0, null],
    [1, 3, 333.3333333333333],
  ])("%d spans in %d words → %s per 1,000", (spans, words, expected) => {
    expect(per1kWords(spans, words)).toBe(expected);
  });

  it.each([
    [1, 4, 0.25, "25%"],
    [0, 4, 0, "0%"],
    [2, 0, null, "—"],
  ])("share %d of %d", (part, whole, expected, shown) => {
    expect(share(part, whole)).toBe(expected);
    expect(formatShare(share(part, whole))).toBe(shown);
  });

  it("formats intervals", () => {
    expect(formatInterval([1.234, 5.678])).toBe("95% CI 1.23–5.68");
    expect(formatInterval(null)).toBe("95% CI —");
  });
});

describe("normalizeExpression", () => {
  it.each([
    ["  So-Called ", "so-called"],
    ["Re\u0301gime", "r\u00e9gime"],
    ["R\u00c9GIME\n", "r\u00e9gime"],
    ["terror ists", "terror ists"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeExpression(input)).toBe(expected);
  });

  it("is linear on a long run of inner spaces (a backtracking trim took seconds)", () => {
    // 4× the size at which the backtracking trim took 1.8 s: over 25 s, against milliseconds for one pass.
    const spaces = " \t".repeat(60_000);
    expect(normalizeExpression(` a${spaces}b\n`)).toBe(`a${spaces}b`);
  }, 10_000);
});

describe("basis", () => {
  const user = "5b1f8a1e-2c1d-4c3e-9f00-000000000001";
  it.each<[Basis, string, string, RegExp]>([
    [{ kind: "all" }, ALL_ANNOTATORS_LAYER, "all", /averaged per article/],
    [{ kind: "gold" }, GOLD_LAYER, "gold", /Gold/],
    [{ kind: "annotator", userId: user }, user, user, /One annotator: Ann/],
  ])("%j", (basis, layer, key, description) => {
    expect(layerOf(basis)).toBe(layer);
    expect(basisKey(basis)).toBe(key);
    expect(describeBasis(basis, "Ann")).toMatch(description);
  });
});

describe("toCsv", () => {
  it.each([
    ["plain", ["a", 1, null], "a,1,"],
    ["a comma and quotes", ['say "hi", then', 2.5, 0], '"say ""hi"", then",2.5,0'],
    ["a formula", ["=HYPERLINK(1)", -1, Infinity], `"'=HYPERLINK(1)",-1,`],
    ["a line break", ["two\nlines", 0, null], '"two\nlines",0,'],
  ])("%s", (_, row, line) => {
    const csv = toCsv({ about: { basis: "Gold", filters: "from 2024-01" }, columns: ["quote", "n", "ci"], rows: [row] });
    expect(csv).toBe(`# basis: Gold\r\n# filters: from 2024-01\r\nquote,n,ci\r\n${line}\r\n`);
  });
});

describe("seededRandom", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws.map((x) => Math.floor(x * 10))).size).toBe(10);
  });
});
