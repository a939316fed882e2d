import { describe, expect, it } from "vitest";
import { articleAgreement } from "./article-agreement";

// Ten one-character tokens on a 20-character text: token i is [2i, 2i+1).
const tokens = Array.from({ length: 10 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
const base = { length: 20, tokens, raters: ["a", "b"], labels: ["claim", "unverified"] };

describe("articleAgreement", () => {
  it("identical annotations agree perfectly on every measure", () => {
    const spans = ["a", "b"].flatMap((rater) => [
      { rater, label: "claim", start: 0, end: 5 },
      { rater, label: "claim", start: 10, end: 15 },
    ]);
    const [claim] = articleAgreement({ ...base, spans });
    expect(claim).toMatchObject({ label: "claim", unitizingAlpha: { value: 1 }, kappa: { value: 1, method: "cohen", tokens: 10 }, f1: { exact: 1, partial: 1, pairs: 1 }, counts: { a: 2, b: 2 } });
  });

  it("different labels on the same text are disagreement, not agreement", () => {
    const spans = [
      { rater: "a", label: "claim", start: 0, end: 5 },
      { rater: "b", label: "unverified", start: 0, end: 5 },
    ];
    const [claim, unverified] = articleAgreement({ ...base, spans });
    // Only one annotator used each label: F1 has no reference set, so it is undefined, never 1.
    expect(claim!.f1.exact).toBeNull();
    expect(unverified!.f1.exact).toBeNull();
    expect(claim!.unitizingAlpha.value).toBeLessThanOrEqual(0);
    expect(claim!.kappa.value).toBeLessThanOrEqual(0);
    expect(claim!.warnings).toContain("1 annotator(s) made no claim span");
  });

  it("hand-computed token kappa: a marks tokens 0–4, b marks tokens 0–2", () => {
    // a: yes×5 no×5; b: yes×3 no×7; agreement on 8 of 10 → po = 0.8;
    // pe = 0.5·0.3 + 0.5·0.7 = 0.5; κ = (0.8 − 0.5)/(1 − 0.5) = 0.6.
    const spans = [
      { rater: "a", label: "claim", start: 0, end: 9 },
      { rater: "b", label: "claim", start: 0, end: 5 },
    ];
    const [claim] = articleAgreement({ ...base, spans });
    expect(claim!.kappa.value).toBeCloseTo(0.6, 10);
    expect(claim!.f1.exact).toBe(0);
    // Partial (SemEval-2020 Task 11): P = |a∩b|/|b-side| … here both directions: 5/9 and 5/5 → F1 = 2·(5/9)·1/(5/9+1) = 0.714…
    expect(claim!.f1.partial).toBeCloseTo((2 * (5 / 9)) / (5 / 9 + 1), 10);
  });

  it("uses Fleiss' kappa for three annotators", () => {
    const spans = ["a", "b", "c"].map((rater) => ({ rater, label: "claim", start: 0, end: 5 }));
    const [claim] = articleAgreement({ ...base, raters: ["a", "b", "c"], spans });
    expect(claim!.kappa).toMatchObject({ method: "fleiss", value: 1 });
    expect(claim!.f1.pairs).toBe(3);
  });

  it("one annotator: every figure is undefined and says why", () => {
    const [claim] = articleAgreement({ ...base, raters: ["a"], spans: [{ rater: "a", label: "claim", start: 0, end: 5 }] });
    expect(claim!.kappa.value).toBeNull();
    expect(claim!.f1.exact).toBeNull();
    expect(claim!.warnings).toContain("agreement needs at least two annotators");
  });
});
