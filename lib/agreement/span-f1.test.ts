import { describe, expect, it } from "vitest";
import { spanF1, type Span } from "./span-f1";

const s = (doc: string, start: number, end: number, label?: string): Span => (label === undefined ? { doc, start, end } : { doc, start, end, label });

// No published numeric example of the SemEval-2020 Task 11 SI score on toy data was found,
// so these are computed by hand from the formula of Da San Martino et al. (2020),
// "SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles", Proc.
// SemEval-2020, 1377–1414 (subtask SI evaluation), and the task's scorer task-SI_scorer.py:
//   P = (1/|S|) Σ_s Σ_t |s∩t|/|s|,   R = (1/|T|) Σ_s Σ_t |s∩t|/|t|,   F1 = 2PR/(P+R)
describe("spanF1 follows the SemEval-2020 Task 11 scorer (hand-computed)", () => {
  it.each([
    {
      name: "partial overlaps, a touching miss, and a doc without reference spans",
      predicted: [s("a", 0, 10), s("a", 25, 35), s("b", 0, 5), s("c", 0, 4)],
      reference: [s("a", 0, 10), s("a", 20, 30), s("b", 5, 15)],
      // P: 10/10 + 5/10 + 0 ([0,5) only touches [5,15)) + 0 (doc c) = 1.5, / 4 = .375
      // R: 10/10 + 5/10 + 0 = 1.5, / 3 = .5;  F1 = 2·.375·.5/(.375 + .5) = .375/.875 = 3/7
      partial: { precision: 0.375, recall: 0.5, f1: 3 / 7 },
      // exact: 1 match; P = 1/4, R = 1/3, F1 = 2·(1/12)/(7/12) = 2/7
      exact: { precision: 0.25, recall: 1 / 3, f1: 2 / 7 },
    },
    {
      name: "one prediction covering two reference spans",
      predicted: [s("a", 0, 20)],
      reference: [s("a", 5, 10), s("a", 15, 25)],
      // P = (5/20 + 5/20)/1 = .5;  R = (5/5 + 5/10)/2 = .75;  F1 = 2·.5·.75/1.25 = .6
      partial: { precision: 0.5, recall: 0.75, f1: 0.6 },
      exact: { precision: 0, recall: 0, f1: 0 },
    },
    {
      name: "labels on both sides: spans only meet spans of the same label",
      predicted: [s("a", 0, 10, "claim"), s("a", 0, 10, "loaded_language")],
      reference: [s("a", 0, 10, "claim"), s("a", 5, 10, "unverified")],
      // claim/claim: 10/10 each way; loaded_language and unverified find no partner.
      // P = 1/2, R = 1/2, F1 = .5 (without labels this would have been P = R = 1 after merging)
      partial: { precision: 0.5, recall: 0.5, f1: 0.5 },
      exact: { precision: 0.5, recall: 0.5, f1: 0.5 },
    },
  ])("$name", ({ predicted, reference, partial, exact }) => {
    const result = spanF1(predicted, reference);
    for (const key of ["precision", "recall", "f1"] as const) {
      expect(result.partial[key]).toBeCloseTo(partial[key], 12);
      expect(result.exact[key]).toBeCloseTo(exact[key], 12);
    }
    expect(result.value).toBe(result.partial.f1);
  });
});

describe("spanF1 says when a figure is undefined or data was changed", () => {
  it.each([
    {
      name: "no predictions: precision and F1 are undefined, recall is 0",
      predicted: [], reference: [s("a", 0, 5)],
      partial: { precision: null, recall: 0, f1: null }, warning: /no predicted spans: precision is undefined/,
    },
    {
      name: "no reference: recall and F1 are undefined",
      predicted: [s("a", 0, 5)], reference: [],
      partial: { precision: 0, recall: null, f1: null }, warning: /no reference spans: recall is undefined/,
    },
    {
      name: "nothing on either side: everything undefined (the scorer would say F1 = 1)",
      predicted: [], reference: [],
      partial: { precision: null, recall: null, f1: null }, warning: /no predicted spans/,
    },
    {
      // merged [0,15) equals the reference exactly; without merging the reference would be credited twice (R = 10/15 + 10/15)
      name: "overlapping predictions are merged before scoring",
      predicted: [s("a", 0, 10), s("a", 5, 15)], reference: [s("a", 0, 15)],
      partial: { precision: 1, recall: 1, f1: 1 }, warning: /merged: 1 predicted, 0 reference/,
    },
    {
      name: "zero-length spans are ignored",
      predicted: [s("a", 0, 5), s("a", 7, 7)], reference: [s("a", 0, 5)],
      partial: { precision: 1, recall: 1, f1: 1 }, warning: /ignored: 1 predicted, 0 reference/,
    },
    {
      name: "labels on one side only are ignored, with a warning",
      predicted: [s("a", 0, 5, "claim")], reference: [s("a", 0, 5)],
      partial: { precision: 1, recall: 1, f1: 1 }, warning: /only 1 of 2 spans have a label/,
    },
  ])("$name", ({ predicted, reference, partial, warning }) => {
    const result = spanF1(predicted, reference);
    expect(result.partial).toEqual(partial);
    expect(result.warnings.join("\n")).toMatch(warning);
  });

  it("throws on a reversed span", () => {
    expect(() => spanF1([s("a", 5, 2)], [])).toThrow(/predicted\[0\] \[5, 2\)/);
  });

});
