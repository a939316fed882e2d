import { describe, expect, it } from "vitest";
import { articleAlpha, formatAgreement, sourceAgreement, type AgreementSums } from "./agreement";

const labels = ["claim", "loaded_language"];
const span = (rater: string, label: string, start: number, end: number) => ({ rater, label, start, end });

describe("articleAlpha", () => {
  it.each([
    ["identical spans: 1", ["a", "b"], [span("a", "claim", 0, 10), span("b", "claim", 0, 10)], 1],
    ["one rater: undefined", ["a"], [span("a", "claim", 0, 10)], null],
    ["nobody marked anything: undefined", ["a", "b"], [], null],
    ["a span outside the text: undefined, not a wrong figure", ["a", "b"], [span("a", "claim", 0, 10), span("b", "claim", 90, 120)], null],
  ])("%s", (_, raters, spans, expected) => {
    expect(articleAlpha({ length: 100, raters, labels, spans })).toBe(expected);
  });

  it("a rater who marked nothing lowers agreement", () => {
    const spans = [span("a", "claim", 0, 10), span("b", "claim", 0, 10)];
    const two = articleAlpha({ length: 100, raters: ["a", "b"], labels, spans })!;
    const three = articleAlpha({ length: 100, raters: ["a", "b", "c"], labels, spans })!;
    expect(three).toBeLessThan(two);
  });
});

describe("sourceAgreement", () => {
  const sums = (articles: number, defined: number, alphaSum: number, pending = 0): AgreementSums => ({ articles, defined, alphaSum, pending });
  it.each<[string, AgreementSums, number | null, RegExp | null, string]>([
    ["nothing compared", sums(0, 0, 0), null, /no article has two or more annotators/, "n/a"],
    ["only being computed", sums(0, 0, 0, 3), null, /3 article\(s\) changed since/, "n/a"],
    ["all undefined", sums(2, 0, 0), null, /undefined on all 2/, "n/a"],
    ["a mean over all", sums(4, 4, 2.4), 0.6, null, "0.60 (n=4)"],
    ["a mean that leaves some out", sums(5, 4, 2.4, 1), 0.6, /1 article\(s\) with undefined alpha left out; 1 article\(s\) changed/, "0.60 (n=4)"],
  ])("%s", (_, input, mean, note, shown) => {
    const result = sourceAgreement(input);
    if (mean === null) expect(result.mean).toBeNull();
    else expect(result.mean).toBeCloseTo(mean, 12);
    if (note) expect(result.note).toMatch(note);
    else expect(result.note).toBeNull();
    expect(formatAgreement(result)).toBe(shown);
  });
});
