import { describe, expect, it } from "vitest";
import { unitizingAlpha, type UnitizingUnit } from "./unitizing-alpha";
import { sectionDistance } from "./unitizing-disagreement";

/** Unit by begin and length, the way Krippendorff's tables give them. */
const u = (rater: string, category: string, begin: number, length: number): UnitizingUnit => ({
  rater, category, start: begin, end: begin + length,
});
const unit = (b: number, l: number) => ({ start: b, end: b + l, isUnit: true });
const gap = (b: number, l: number) => ({ start: b, end: b + l, isUnit: false });

// Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology,
// 2nd ed., Sage, §11.6, p. 254: observers i and j, continuum [150, 450),
// categories c and k (units as transcribed in DKPro Statistics, unitizing/Krippendorff2004Test).
const KRIPPENDORFF_2004 = [
  u("i", "c", 225, 70), u("i", "c", 370, 30), u("j", "c", 220, 80), u("j", "c", 355, 20), u("j", "c", 400, 20),
  u("i", "k", 180, 60), u("i", "k", 300, 50), u("j", "k", 180, 60), u("j", "k", 300, 50),
];

// Krippendorff, K. (1995). On the reliability of unitizing continuous data.
// Sociological Methodology 25, 47–76, p. 57: four pairs of coders on a 24-position
// continuum, one category each (A: Bertha/Bill, B: John/Jill, C: Gerret/Gill, D: Heather/Hill),
// as transcribed in DKPro Statistics, unitizing/Krippendorff1995Test.createExample.
const KRIPPENDORFF_1995: [string, string, number, number][] = [
  ["A", "1st", 2, 8], ["A", "1st", 14, 6], ["A", "2nd", 4, 4], ["A", "2nd", 15, 2],
  ["B", "1st", 0, 18], ["B", "2nd", 0, 2], ["B", "2nd", 2, 1], ["B", "2nd", 3, 1], ["B", "2nd", 4, 1],
  ["B", "2nd", 5, 1], ["B", "2nd", 6, 3], ["B", "2nd", 9, 1],
  ["C", "1st", 2, 6], ["C", "1st", 10, 2], ["C", "1st", 14, 4], ["C", "1st", 20, 2],
  ["C", "2nd", 0, 2], ["C", "2nd", 4, 4], ["C", "2nd", 10, 4], ["C", "2nd", 16, 2], ["C", "2nd", 20, 2],
  ["D", "1st", 0, 2], ["D", "1st", 2, 8], ["D", "1st", 10, 4], ["D", "1st", 14, 6], ["D", "1st", 20, 4],
  ["D", "2nd", 0, 4], ["D", "2nd", 4, 4], ["D", "2nd", 8, 7], ["D", "2nd", 15, 2], ["D", "2nd", 17, 7],
];

describe("section distance δ² (Krippendorff 2004, pp. 252–254)", () => {
  it.each([
    { name: "overlapping units: 5² + 5²", g: unit(225, 70), h: unit(220, 80), distance: 50 },
    { name: "overlapping units: 15² + 25²", g: unit(370, 30), h: unit(355, 20), distance: 850 },
    { name: "unit inside a gap: 20²", g: gap(400, 50), h: unit(400, 20), distance: 400 },
    { name: "units [5,11) and [4,6): 1² + 5²", g: unit(5, 6), h: unit(4, 2), distance: 26 },
    { name: "units [5,11) and [7,9): 2² + 2²", g: unit(5, 6), h: unit(7, 2), distance: 8 },
    { name: "a unit only partly inside a gap counts 0", g: unit(370, 30), h: gap(375, 25), distance: 0 },
    { name: "two gaps never disagree", g: gap(0, 10), h: gap(5, 10), distance: 0 },
  ])("$name = $distance", ({ g, h, distance }) => {
    expect(sectionDistance(g, h)).toBe(distance);
    expect(sectionDistance(h, g)).toBe(distance);
  });
});

describe("unitizingAlpha reproduces published worked examples", () => {
  it("Krippendorff (2004), p. 254: uDo(c) = .0144, uDe(c) = .0532, uα(c) = .7286; k agrees perfectly", () => {
    const result = unitizingAlpha(KRIPPENDORFF_2004, { start: 150, end: 450 });
    // uDo(c) = 2·(50 + 850 + 400) / (2·1·300²) = 2600/180000 = .01444
    expect(result.byCategory.c?.observed).toBeCloseTo(0.0144, 4);
    expect(result.byCategory.c?.expected).toBeCloseTo(0.0532, 4);
    expect(result.byCategory.c?.value).toBeCloseTo(0.7286, 4);
    expect(result.byCategory.k).toMatchObject({ observed: 0, value: 1 });
    expect(result.byCategory.k?.expected).toBeCloseTo(0.049, 4);
    // Pooled: 1 − .014444/(.053222 + .048979) = .8587. DKPro Statistics reports .8591, which is
    // the same quotient from the 4-digit figures (1 − .0144/.1022); both within its ±.0005.
    expect(result.value).toBeCloseTo(0.8587, 4);
    expect(Math.abs((result.value ?? 0) - 0.8591)).toBeLessThan(0.0005);
  });

  // Published per-category values (DKPro's transcription): uDo exact; uα for a continuum
  // fine enough to be continuous (we scale positions by 1000, as DKPro scales by 50000;
  // uDo is scale-free). For C the paper's uDe (.0864) is off from the formula (.0905):
  // DKPro notes "a small error in the computation of D_E in the original reference" and
  // accepts ±.02, which we keep for C only.
  it.each([
    { category: "A", observed: 0.03125, alpha: 0.553, tolerance: 0.005 },
    { category: "B", observed: 2.26736, alpha: -0.926, tolerance: 0.005 },
    { category: "C", observed: 0.02778, alpha: 0.679, tolerance: 0.02 }, // 1/36; DKPro prints it truncated, .02777
    { category: "D", observed: 0.38715, alpha: 0.066, tolerance: 0.005 },
  ])("Krippendorff (1995), p. 57, category $category: uDo = $observed, uα ≈ $alpha", ({ category, observed, alpha, tolerance }) => {
    const scale = 1000;
    const units = KRIPPENDORFF_1995.map(([c, rater, b, l]) => u(rater, c, b * scale, l * scale));
    const result = unitizingAlpha(units, { start: 0, end: 24 * scale });
    const unscaled = unitizingAlpha(KRIPPENDORFF_1995.map(([c, rater, b, l]) => u(rater, c, b, l)), { start: 0, end: 24 });
    expect(unscaled.byCategory[category]?.observed).toBeCloseTo(observed, 5);
    expect(result.byCategory[category]?.observed).toBeCloseTo(observed, 5);
    expect(Math.abs((result.byCategory[category]?.value ?? NaN) - alpha)).toBeLessThan(tolerance);
  });
});

describe("unitizingAlpha tells the truth about disagreement and missing raters", () => {
  const continuum = { start: 0, end: 100 };

  it.each([
    {
      name: "identical annotations give 1",
      units: [u("A", "claim", 10, 20), u("B", "claim", 10, 20)], raters: undefined, value: 1,
    },
    {
      // uDo = 2·(10² + 10²)/(2·1·100²) = .02. uDe: N = 2 units of l = 10, (N−1)(2000 − 300 + 10)/3 = 570 each;
      // gaps 90 (A), 50 and 40 (B): Σ(g − 10 + 1) = 81 + 41 + 31 = 153, ·10² = 15300; 2·15870 = 31740;
      // uDe = (2/100)·31740 / (200·199 − 2·90) = 634.8/39620 = .016022; uα = 1 − .02/.016022 = −.2483
      name: "completely different annotations give a negative value, not 1",
      units: [u("A", "claim", 0, 10), u("B", "claim", 50, 10)], raters: undefined, value: 1 - 0.02 / (634.8 / 39620),
    },
    {
      // C marked nothing, so both others' units lie inside C's one gap of 100:
      // uDo = 2·(10² + 10²)/(3·2·100²) = .0066667. uDe: 570 per unit; gaps 10, 80 (A), 10, 80 (B), 100 (C)
      // → Σ(g − 10 + 1) = 1 + 71 + 1 + 71 + 91 = 235, ·10² = 23500; 2·24070·(2/100) = 962.8;
      // / (300·299 − 2·90 = 89520) = .0107551; uα = 1 − .0066667/.0107551 = .3801 (it was 1 without C)
      name: "an assigned rater who marked nothing lowers agreement instead of vanishing",
      units: [u("A", "claim", 10, 10), u("B", "claim", 10, 10)], raters: ["A", "B", "C"], value: 1 - 400 / 60000 / (962.8 / 89520),
    },
  ])("$name", ({ units, raters, value }) => {
    const result = unitizingAlpha(units, continuum, { raters });
    expect(result.value).toBeCloseTo(value, 12);
  });

  it("names the rater who marked nothing", () => {
    const result = unitizingAlpha([u("A", "claim", 10, 10), u("B", "claim", 10, 10)], continuum, { raters: ["A", "B", "C"] });
    expect(result.ratersWithoutUnits).toEqual(["C"]);
    expect(result.warnings.join("\n")).toMatch(/"C" marked no units/);
  });

  it.each([
    { name: "a single rater", units: [u("A", "claim", 0, 5)], options: {}, warning: /found 1: it needs at least 2/ },
    { name: "nobody marked anything", units: [], options: { raters: ["A", "B"] }, warning: /no rater marked any unit/ },
  ])("is null, not 1, with $name", ({ units, options, warning }) => {
    const result = unitizingAlpha(units, continuum, options);
    expect(result.value).toBeNull();
    expect(result.warnings.join("\n")).toMatch(warning);
  });

  it.each([
    { name: "overlapping units of one rater are merged", extra: u("A", "claim", 15, 10), field: "overlapsMerged", warning: /1 unit\(s\) overlapped/ },
    { name: "zero-length units are ignored", extra: u("A", "claim", 50, 0), field: "emptyUnitsIgnored", warning: /1 zero-length unit/ },
    { name: "raters missing from options.raters are included", extra: u("Z", "claim", 0, 5), field: "unlistedRaters", warning: /"Z" have units but are not in options.raters/ },
    { name: "a category nobody used is reported as null", extra: null, field: "byCategory", warning: /category "unverified": expected disagreement is 0/ },
  ] as const)("$name, and says so", ({ extra, field, warning }) => {
    const units = [u("A", "claim", 10, 10), u("B", "claim", 10, 10), ...(extra ? [extra] : [])];
    const result = unitizingAlpha(units, continuum, { raters: ["A", "B"], categories: ["unverified"] });
    expect(result.warnings.join("\n")).toMatch(warning);
    if (field === "byCategory") expect(result.byCategory.unverified?.value).toBeNull();
    else expect(result[field]).toSatisfy((v: unknown) => (Array.isArray(v) ? v.length === 1 : v === 1));
  });

  it.each([
    { name: "a unit outside the continuum", units: [u("A", "claim", 95, 10)], error: /unit 0 \[95, 105\)/ },
    { name: "a reversed unit", units: [{ rater: "A", category: "claim", start: 5, end: 2 }], error: /unit 0 \[5, 2\)/ },
  ])("throws on $name", ({ units, error }) => {
    expect(() => unitizingAlpha(units, continuum)).toThrow(error);
  });

  it("works on boundaries, not characters: a billion-character continuum is fine", () => {
    const units = [u("A", "claim", 0, 400_000_000), u("B", "claim", 100_000_000, 400_000_000)];
    const result = unitizingAlpha(units, { start: 0, end: 1_000_000_000 });
    expect(Number.isFinite(result.value)).toBe(true);
  });
});
