import { describe, expect, it } from "vitest";
import { agreementReport } from "./report";
import { pooledF1 } from "./pooled-f1";
import { spanF1 } from "./span-f1";

const tokens = Array.from({ length: 10 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
const article = (id: string, raters: string[]) => ({ id, sourceId: "s", length: 20, tokens, raters });
const span = (articleId: string, rater: string, start: number, end: number) => ({ articleId, rater, label: "claim", start, end });

// Three articles, annotators a and b, label claim (figures worked by hand):
//   x: a [0,10)  b [0,10)          exact 1; partial P-credit 1,   R-credit 1
//   y: a [0,10)  b [5,15)          exact 0; partial P-credit 0.5, R-credit 0.5
//   z: a (none)  b [0,4) [10,14)   a marked nothing: no credit, 2 reference spans
// Per-article partial F1: x 1, y 0.5, z undefined → mean of the defined = 0.75.
// Pooled (SemEval-2020 Task 11): P = (1 + 0.5) / (1 + 1) = 0.75, R = (1 + 0.5) / (1 + 1 + 2) = 0.375,
//   F1 = 2·0.75·0.375 / 1.125 = 0.5. Exact: P = 1/2, R = 1/4, F1 = 1/3 (per-article mean: (1 + 0) / 2 = 0.5).
const spans = [span("x", "a", 0, 10), span("x", "b", 0, 10), span("y", "a", 0, 10), span("y", "b", 5, 15), span("z", "b", 0, 4), span("z", "b", 10, 14)];
const report = agreementReport({ articles: [article("x", ["a", "b"]), article("y", ["a", "b"]), article("z", ["a", "b"])], spans, labels: ["claim"] });

describe("pooled (corpus) span F1 beside the per-article mean", () => {
  const [claim] = report.byLabel;

  it("the per-article mean leaves out the article where one annotator marked nothing", () => {
    expect(claim!.f1Partial).toEqual({ mean: 0.75, defined: 2 });
    expect(claim!.f1Exact).toEqual({ mean: 0.5, defined: 2 });
  });

  it("the pooled figure sums credit and span counts over articles first, counting that article as the task does", () => {
    expect(claim!.f1Pooled.partial).toBeCloseTo(0.5, 12);
    expect(claim!.f1Pooled.exact).toBeCloseTo(1 / 3, 12);
    expect(claim!.f1Pooled).toMatchObject({ pairs: 1, oneSided: 1 });
  });

  it("is exactly spanF1 over all articles' spans at once, each article a document", () => {
    const asDocs = (rater: string) => spans.filter((s) => s.rater === rater).map((s) => ({ doc: s.articleId, start: s.start, end: s.end }));
    const whole = spanF1(asDocs("a"), asDocs("b"));
    expect(claim!.f1Pooled.partial).toBeCloseTo(whole.partial.f1!, 12);
    expect(claim!.f1Pooled.exact).toBeCloseTo(whole.exact.f1!, 12);
  });

  it("warns about the one-sided article and says how each figure counts it", () => {
    expect(claim!.warnings).toContainEqual(expect.stringMatching(/1 article\(s\) × annotator pair where one annotator marked no claim span.*counted in the pooled F1.*left out of the per-article mean/));
  });

  it("the pair table carries the same pooled figure", () => {
    expect(report.byPair[0]!.f1Pooled.partial).toBeCloseTo(0.5, 12);
  });
});

describe("pooledF1 with more than two annotators", () => {
  const unit = (x: string, y: string, exactMatches: number, predicted: number, reference: number) => ({
    raters: [x, y] as const, predicted, reference, exactMatches, partialPrecisionSum: exactMatches, partialRecallSum: exactMatches,
  });
  it("is each pair's task figure, weighted by the articles the pair shares", () => {
    // Pair a–b agrees perfectly on two articles (F1 1); pair a–c shares one article with no match (F1 0): (1·2 + 0·1) / 3.
    const result = pooledF1([unit("a", "b", 1, 1, 1), unit("b", "a", 2, 2, 2), unit("a", "c", 0, 1, 1)]);
    expect(result.partial).toBeCloseTo(2 / 3, 12);
    expect(result.exact).toBeCloseTo(2 / 3, 12);
    expect(result.pairs).toBe(2);
  });

  it("is undefined when nobody marked anything", () => {
    expect(pooledF1([unit("a", "b", 0, 0, 0)])).toEqual({ exact: null, partial: null, pairs: 0, oneSided: 0 });
  });
});
