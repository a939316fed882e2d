import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleAgreement } from "./article-agreement";
import { articleFigures, entriesByPair, entryForAll } from "./article-figures";

const labels = ["claim", "unverified"];
const tokens = Array.from({ length: 30 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
const spanArb = fc
  .record({ rater: fc.constantFrom("a", "b", "c"), label: fc.constantFrom(...labels), start: fc.integer({ min: 0, max: 55 }), length: fc.integer({ min: 1, max: 5 }) })
  .map(({ length, ...s }) => ({ ...s, end: s.start + length }));

describe("articleFigures (what the report stores per article)", () => {
  it("gives every label and annotator pair the same figures as computing that pair on its own", () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 25 }), (spans) => {
        const article = { length: 60, tokens, raters: ["c", "a", "b"] };
        const figures = articleFigures(article, spans, labels);
        for (const label of labels) {
          const all = articleAgreement({ ...article, raters: ["a", "b", "c"], labels, spans }).find((r) => r.label === label)!;
          expect(entryForAll(figures, label)).toMatchObject({ alpha: all.unitizingAlpha.value, kappa: all.kappa.value, f1Exact: all.f1.exact, f1Partial: all.f1.partial });
          for (const { raters, entry } of entriesByPair(figures, label)) {
            const alone = articleAgreement({ ...article, raters, labels, spans: spans.filter((s) => raters.includes(s.rater)) }).find((r) => r.label === label)!;
            expect(entry.alpha).toBe(alone.unitizingAlpha.value);
            expect(entry.kappa).toBe(alone.kappa.value);
            expect(entry.f1Exact).toBe(alone.f1.exact);
            expect(entry.f1Partial).toBe(alone.f1.partial);
            expect(entry.spans).toBe(Object.values(alone.counts).reduce((x, y) => x + y, 0));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("survives a round trip through JSON, as it is stored", () => {
    const spans = [{ rater: "a", label: "claim", start: 0, end: 5 }, { rater: "b", label: "claim", start: 2, end: 7 }];
    const figures = articleFigures({ length: 60, tokens, raters: ["a", "b"] }, spans, labels);
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });
});

describe("token kappa's coverage sweep", () => {
  it("marks exactly the tokens some span overlaps, as testing every span against every token does", async () => {
    const { cohenKappa } = await import("./cohen-kappa");
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 25 }), (spans) => {
        const [result] = articleAgreement({ length: 60, tokens, raters: ["a", "b"], labels: ["claim"], spans: spans.filter((s) => s.rater !== "c") });
        const marks = (rater: string) => tokens.map((t) => (spans.some((s) => s.rater === rater && s.label === "claim" && s.start < t.end && t.start < s.end) ? "yes" : "no"));
        expect(result!.kappa.value).toBe(cohenKappa(marks("a"), marks("b")).value);
      }),
      { numRuns: 100 },
    );
  });
});
