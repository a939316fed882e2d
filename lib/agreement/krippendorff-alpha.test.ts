import { describe, expect, it } from "vitest";
import { differenceFunction } from "./difference-functions";
import { krippendorffAlpha, type MeasurementLevel } from "./krippendorff-alpha";

const _ = null;

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
// https://repository.upenn.edu/asc_papers/43 — the reliability data matrix of
// 4 observers × 12 units with missing values used throughout the paper.
const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia, “Krippendorff's alpha”, section “A computational example”
// (https://en.wikipedia.org/wiki/Krippendorff%27s_alpha): 3 coders × 15 units.
const WIKIPEDIA = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

describe("krippendorffAlpha reproduces published worked examples", () => {
  it.each([
    // Krippendorff (2011): α_nominal = .743, α_ordinal = .815, α_interval = .849, α_ratio = .797.
    // Unit 12 has one value, so n.. = 41 − 1 = 40 pairable values in 11 units.
    { source: "Krippendorff (2011), nominal", data: KRIPPENDORFF_2011, level: "nominal", alpha: 0.743, unpairable: 1, pairableValues: 40 },
    { source: "Krippendorff (2011), ordinal", data: KRIPPENDORFF_2011, level: "ordinal", alpha: 0.815, unpairable: 1, pairableValues: 40 },
    { source: "Krippendorff (2011), interval", data: KRIPPENDORFF_2011, level: "interval", alpha: 0.849, unpairable: 1, pairableValues: 40 },
    { source: "Krippendorff (2011), ratio", data: KRIPPENDORFF_2011, level: "ratio", alpha: 0.797, unpairable: 1, pairableValues: 40 },
    // Wikipedia: published α_nominal = 0.691, α_interval = 0.811, n = 26; units 1, 2 and 14 have < 2 values.
    { source: "Wikipedia “Krippendorff's alpha”, nominal", data: WIKIPEDIA, level: "nominal", alpha: 0.691, unpairable: 3, pairableValues: 26 },
    { source: "Wikipedia “Krippendorff's alpha”, interval", data: WIKIPEDIA, level: "interval", alpha: 0.811, unpairable: 3, pairableValues: 26 },
  ] as const)("$source: α = $alpha", ({ data, level, alpha, unpairable, pairableValues }) => {
    const result = krippendorffAlpha(data, level);
    expect(result.value).toBeCloseTo(alpha, 3);
    expect(result.unpairableUnits).toBe(unpairable);
    expect(result.pairableValues).toBe(pairableValues);
    expect(result.warnings.join("\n")).toMatch(new RegExp(`${unpairable} of \\d+ units had fewer than two values`));
  });
});

describe("difference functions (Krippendorff 2011)", () => {
  it.each([
    // values 1, 3, 10 with marginals n = 2, 5, 3
    { level: "nominal", c: 0, k: 2, delta: 1 },
    { level: "interval", c: 0, k: 2, delta: 81 }, // (1 − 10)²
    { level: "ratio", c: 0, k: 2, delta: (9 / 11) ** 2 }, // ((1 − 10)/(1 + 10))²
    { level: "ordinal", c: 0, k: 2, delta: 56.25 }, // (n_1 + n_3 + n_10 − (n_1 + n_10)/2)² = (10 − 2.5)²
  ] as const)("$level δ²(c, k)", ({ level, c, k, delta }) => {
    const d = differenceFunction(level as MeasurementLevel, [1, 3, 10], [2, 5, 3]);
    expect(d(c, k)).toBeCloseTo(delta, 12);
    expect(d(c, c)).toBe(0);
  });
});

describe("krippendorffAlpha edge cases", () => {
  it.each([
    {
      name: "one value only: expected disagreement is 0, so α is null (not 1)",
      data: [["claim", "claim"], ["claim", "claim"]], warning: /only one value occurs/,
    },
    { name: "one observer: nothing is pairable", data: [["claim", "attribution"]], warning: /2 of 2 units had fewer than two values/ },
    { name: "no units", data: [[], []], warning: /no pairable units/ },
  ])("$name", ({ data, warning }) => {
    const result = krippendorffAlpha(data, "nominal");
    expect(result.value).toBeNull();
    expect(result.warnings.join("\n")).toMatch(warning);
  });

  it("names an observer who gave no values; missing cells are not data, so α itself is unchanged", () => {
    const withSilentObserver = [...KRIPPENDORFF_2011, new Array(12).fill(null)];
    const result = krippendorffAlpha(withSilentObserver, "nominal");
    expect(result.warnings.join("\n")).toMatch(/observer\(s\) 4 gave no values/);
    expect(result.observersWithoutValues).toEqual([4]);
    expect(result.value).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011, "nominal").value ?? NaN, 12);
  });

  it.each([
    { name: "ragged rows", data: [[1, 2], [1]], level: "nominal", error: /observer 1 has 1 units but observer 0 has 2/ },
    { name: "text at the interval level", data: [["a"], ["b"]], level: "interval", error: /interval data must be numbers/ },
    { name: "NaN instead of null", data: [[NaN], [1]], level: "nominal", error: /use null for a missing value/ },
    { name: "negative ratio data", data: [[-1], [1]], level: "ratio", error: /cannot be negative/ },
  ] as const)("throws on $name", ({ data, level, error }) => {
    expect(() => krippendorffAlpha(data, level)).toThrow(error);
  });
});
