import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss-kappa";

/** One row of category counts (categories 1..k) from the list of categories raters gave an item. */
function countsOf(ratings: number[], categories: number): number[] {
  const row = new Array<number>(categories).fill(0);
  for (const r of ratings) row[r - 1] = (row[r - 1] ?? 0) + 1;
  return row;
}

// Fleiss (1971), p. 379: 30 patients, 6 psychiatrists each, 5 diagnoses
// (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other);
// ratings as transcribed in DKPro Statistics, Fleiss1971Test.createExample.
const FLEISS_1971 = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
].map((ratings) => countsOf(ratings, 5));

describe("fleissKappa reproduces published worked examples", () => {
  it.each([
    {
      source:
        "Wikipedia, “Fleiss' kappa”, section “Worked example” (https://en.wikipedia.org/wiki/Fleiss%27_kappa): " +
        "10 subjects, 14 raters, 5 categories; published P̄ = 0.378, P̄e = 0.213, κ = 0.210",
      counts: [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
      ],
      observed: 0.378, expected: 0.213, kappa: 0.210,
      // p_j = column totals / 140 = 20/140, 28/140, 39/140, 21/140, 32/140 (0.143, 0.200, 0.279, 0.150, 0.229)
      shares: [0.143, 0.2, 0.279, 0.15, 0.229],
      byCategory: undefined,
      byCategoryDigits: 3,
    },
    {
      source:
        "Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychol. Bull. 76(5), 378–382, " +
        "p. 379 example; published P̄ = .556, P̄e = .220, κ = .430 and κ_j = .248, .248, .517, .470, .565 (Table 2)",
      counts: FLEISS_1971,
      observed: 0.556, expected: 0.22, kappa: 0.43,
      shares: [0.144, 0.144, 0.167, 0.306, 0.239],
      byCategory: [0.248, 0.248, 0.517, 0.47, 0.565],
      // The paper's κ_j carry rounding from its hand computation: the exact eq. 20–21 values are
      // .2448, .2448, .5200, .4711, .5661 (e.g. κ_1 = 1 − 84 / (30·6·5·(26/180)(154/180)) = .2448).
      // We therefore hold them to ±0.005, the tolerance DKPro Statistics uses for the same table.
      byCategoryDigits: 2,
    },
  ])("$source", ({ counts, observed, expected, kappa, shares, byCategory, byCategoryDigits }) => {
    const result = fleissKappa(counts);
    expect(result.observedAgreement).toBeCloseTo(observed, 3);
    expect(result.expectedAgreement).toBeCloseTo(expected, 3);
    expect(result.value).toBeCloseTo(kappa, 3);
    result.categoryShares.forEach((p, j) => expect(p).toBeCloseTo(shares[j] ?? NaN, 3));
    byCategory?.forEach((k, j) => expect(result.byCategory[j]).toBeCloseTo(k, byCategoryDigits));
  });
});

describe("fleissKappa edge cases", () => {
  it.each([
    {
      name: "every rating in one category: chance predicts perfect agreement, so κ is null (not 1)",
      counts: [[3, 0], [3, 0]],
      warning: /every rating went to one category/,
    },
    { name: "one rater per item cannot agree with anyone", counts: [[1, 0], [0, 1]], warning: /at least 2 raters/ },
    { name: "no items", counts: [], warning: /no items to compare/ },
  ])("$name", ({ counts, warning }) => {
    const result = fleissKappa(counts);
    expect(result.value).toBeNull();
    expect(result.warnings.join("\n")).toMatch(warning);
  });

  it("per-category κ_j is null for a category nobody used, not NaN", () => {
    // Two raters, item 1: both "a"; item 2: one "a", one "b"; category "c" unused.
    // P̄ = (1 + 0)/2 = 0.5; p = (3/4, 1/4, 0); P̄e = 9/16 + 1/16 = 10/16; κ = (8/16 − 10/16)/(6/16) = −1/3
    const result = fleissKappa([[2, 0, 0], [1, 1, 0]]);
    expect(result.value).toBeCloseTo(-1 / 3, 12);
    expect(result.byCategory[2]).toBeNull();
  });

  it.each([
    { name: "rows with different numbers of raters", counts: [[2, 1], [1, 1]], error: /row 0 sums to 3 but row 1 sums to 2/ },
    { name: "a ragged matrix", counts: [[2, 1], [3]], error: /row 1 has 1 categories but row 0 has 2/ },
    { name: "a negative count", counts: [[2, -1, 2]], error: /whole numbers ≥ 0/ },
    { name: "a fractional count", counts: [[1.5, 1.5]], error: /whole numbers ≥ 0/ },
  ])("throws on $name", ({ counts, error }) => {
    expect(() => fleissKappa(counts)).toThrow(error);
  });
});
