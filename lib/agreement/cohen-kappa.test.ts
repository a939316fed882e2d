import { describe, expect, it } from "vitest";
import { cohenKappa } from "./cohen-kappa";

/** Expands a contingency table { "A|B": count } into two aligned label lists. */
function fromTable(table: Partial<Record<string, number>>): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (const [pair, count] of Object.entries(table)) {
    const [x = "", y = ""] = pair.split("|");
    for (let i = 0; i < (count ?? 0); i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

describe("cohenKappa reproduces published worked examples", () => {
  it.each([
    {
      source:
        "Wikipedia, “Cohen's kappa”, section “Simple example” (https://en.wikipedia.org/wiki/Cohen%27s_kappa): " +
        "50 grant proposals, readers A and B, Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15",
      table: { "yes|yes": 20, "yes|no": 5, "no|yes": 10, "no|no": 15 },
      // Po = (20 + 15)/50 = 0.70; Pe = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70 − 0.50)/(1 − 0.50) = 0.40
      po: 0.7, pe: 0.5, kappa: 0.4, digits: 10,
    },
    {
      source:
        "Cohen, J. (1960). A coefficient of agreement for nominal scales. Educ. Psychol. Meas. 20(1), p. 45 " +
        "(200 items, 3 categories; table as transcribed in DKPro Statistics, Cohen1960Test.createExample2)",
      table: { "1|1": 88, "1|2": 14, "1|3": 18, "2|1": 10, "2|2": 40, "2|3": 10, "3|1": 2, "3|2": 6, "3|3": 12 },
      // Po = 140/200 = .70; Pe = (120·100 + 60·60 + 20·40)/200² = .41; κ = .29/.59 = .492 (published)
      po: 0.7, pe: 0.41, kappa: 0.492, digits: 3,
    },
    {
      source: "Cohen (1960), p. 37, first example (100 items; DKPro Statistics, Cohen1960Test.createExample1): published Po = .29, Pe = .35",
      table: { "1|1": 25, "1|2": 12, "1|3": 3, "2|1": 13, "2|2": 2, "2|3": 15, "3|1": 12, "3|2": 16, "3|3": 2 },
      // κ = (.29 − .35)/(1 − .35) = −.0923: worse than chance, and reported as such
      po: 0.29, pe: 0.35, kappa: -0.0923, digits: 4,
    },
  ])("$source", ({ table, po, pe, kappa, digits }) => {
    const [a, b] = fromTable(table);
    const result = cohenKappa(a, b);
    expect(result.observedAgreement).toBeCloseTo(po, 10);
    expect(result.expectedAgreement).toBeCloseTo(pe, 10);
    expect(result.value).toBeCloseTo(kappa, digits);
    expect(result.droppedPairs.total).toBe(0);
  });
});

describe("cohenKappa is honest about what it could not use", () => {
  it.each([
    {
      name: "nulls are dropped, counted by side, and announced",
      a: ["claim", null, "claim", null, "unverified", "claim"],
      b: ["claim", "claim", null, null, "unverified", "unverified"],
      // 3 pairs left (c/c, u/u, c/u): Po = 2/3; A: claim 2, unverified 1; B: claim 1, unverified 2;
      // Pe = (2·1 + 1·2)/9 = 4/9; κ = (2/3 − 4/9)/(1 − 4/9) = (2/9)/(5/9) = 0.4
      value: 0.4,
      dropped: { total: 3, missingInA: 1, missingInB: 1, missingInBoth: 1 },
      warning: /3 of 6 items were left out/,
    },
    {
      name: "one shared category only: chance agreement is 1, κ is undefined (null, not 1)",
      a: ["claim", "claim", "claim"], b: ["claim", "claim", "claim"],
      value: null, dropped: { total: 0, missingInA: 0, missingInB: 0, missingInBoth: 0 },
      warning: /only the category "claim".*undefined/,
    },
    {
      name: "a rater who coded nothing leaves nothing to compare",
      a: ["claim", "attribution"], b: [null, null],
      value: null, dropped: { total: 2, missingInA: 0, missingInB: 2, missingInBoth: 0 },
      warning: /rater B gave no categories at all/,
    },
    {
      name: "labels differing only in case are different categories, with a warning",
      a: ["Claim", "claim", "attribution", "attribution"], b: ["claim", "claim", "attribution", "claim"],
      // A: Claim 1, claim 1, attribution 2; B: claim 3, attribution 1.
      // Po = 2/4; Pe = (1·3 + 2·1)/16 = 5/16 ("Claim" never meets "claim"); κ = (8/16 − 5/16)/(11/16) = 3/11
      value: 3 / 11,
      dropped: { total: 0, missingInA: 0, missingInB: 0, missingInBoth: 0 },
      warning: /labels "Claim", "claim" differ only in spelling/,
    },
    {
      name: "no items at all",
      a: [], b: [], value: null, dropped: { total: 0, missingInA: 0, missingInB: 0, missingInBoth: 0 },
      warning: /no items coded by both raters/,
    },
  ])("$name", ({ a, b, value, dropped, warning }) => {
    const result = cohenKappa(a, b);
    if (value === null) expect(result.value).toBeNull();
    else expect(result.value).toBeCloseTo(value, 12);
    expect(result.droppedPairs).toEqual(dropped);
    expect(result.warnings.join("\n")).toMatch(warning);
  });

  it("warns that fewer than 10 items make κ jumpy", () => {
    expect(cohenKappa(["a", "b"], ["a", "b"]).warnings.join()).toMatch(/only 2 items/);
  });

  it("throws a clear error when the lists are not aligned", () => {
    expect(() => cohenKappa(["a", "b"], ["a"])).toThrow(/2 items from rater A and 1 from rater B/);
  });
});
