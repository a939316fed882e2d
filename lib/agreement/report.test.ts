import { describe, expect, it } from "vitest";
import { agreementReport } from "./report";

const tokens = Array.from({ length: 10 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
const article = (id: string, sourceId: string, raters: string[]) => ({ id, sourceId, length: 20, tokens, raters });
const span = (articleId: string, rater: string, label: string, start: number, end: number) => ({ articleId, rater, label, start, end });

describe("agreementReport", () => {
  const report = agreementReport({
    articles: [article("x", "s1", ["a", "b"]), article("y", "s2", ["a", "b", "c"]), article("z", "s1", ["a"])],
    spans: [
      span("x", "a", "claim", 0, 5),
      span("x", "b", "claim", 0, 5),
      span("y", "a", "claim", 0, 5),
      span("y", "b", "claim", 10, 15),
      span("y", "c", "claim", 0, 5),
    ],
    labels: ["claim"],
  });

  it("skips articles with a single annotator and says how many", () => {
    expect(report.articlesCompared).toBe(2);
    expect(report.articlesSkipped).toBe(1);
  });

  it("reports each figure with its sample size and a small-sample warning", () => {
    const [claim] = report.byLabel;
    expect(claim).toMatchObject({ key: "claim", articles: 2, spans: 5, f1Exact: { defined: 2 } });
    // Article x: exact F1 1; article y: pairs (a,b)=0, (a,c)=1, (b,c)=0 → 1/3. Mean of the two = 2/3.
    expect(claim!.f1Exact.mean).toBeCloseTo((1 + 1 / 3) / 2, 10);
    expect(claim!.warnings[0]).toMatch(/only 2 article/);
  });

  it("breaks down by source and by annotator pair over the articles they share", () => {
    expect(report.bySource.map((r) => [r.sourceId, r.articles])).toEqual([
      ["s1", 1],
      ["s2", 1],
    ]);
    const pairs = Object.fromEntries(report.byPair.map((p) => [p.raters.join("+"), [p.articles, p.f1Exact.mean]]));
    expect(pairs).toEqual({ "a+b": [2, 0.5], "a+c": [1, 1], "b+c": [1, 0] });
  });
});
