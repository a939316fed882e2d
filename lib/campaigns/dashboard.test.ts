import { describe, expect, it } from "vitest";
import type { ArticleFigures } from "../agreement/article-figures";
import type { FiguredArticle } from "../agreement/report";
import { agreementByGroup, agreementWithOthers, campaignAgreement, flagOutliers, goldF1, pairGroups, pairUnits, perThousandWords } from "./dashboard";

// Figures as lib/agreement/article-figures.ts stores them: raters sorted; per label [alpha, kappa,
// F1 exact, F1 partial]; per pair [i, j, predicted, reference, exactMatches, partialP, partialR];
// per pair [alpha, kappa] when there are three raters or more.
function article(id: string, raters: string[], pairs: { i: number; j: number; matched: number; each: number; alpha: number }[]): FiguredArticle {
  const figures: ArticleFigures = {
    raters,
    all: { bias: [0.5, 0.5, 0.5, 0.5] },
    spans: { bias: raters.map(() => 2) },
    sums: { bias: pairs.map((p) => [p.i, p.j, p.each, p.each, p.matched, p.matched, p.matched]) },
    pairs: { bias: pairs.map((p) => [p.alpha, p.alpha]) },
  };
  return { id, sourceId: "s", figures };
}

const groups = new Map<string, string | null>([["a", "left"], ["b", "left"], ["c", "right"], ["d", null]]);

describe("pairGroups", () => {
  it.each([
    [["a", "b"], { kind: "within", groups: ["left", "left"] }],
    [["a", "c"], { kind: "across", groups: ["left", "right"] }],
    [["c", "a"], { kind: "across", groups: ["left", "right"] }],
    [["a", "d"], null],
    [["a", "stranger"], null],
  ] as const)("%j → %j", (raters, expected) => {
    expect(pairGroups(groups, raters)).toEqual(expected);
  });
});

describe("agreementByGroup", () => {
  // a–b (both left) agree fully; a–c and b–c (left–right) agree on none of 2 spans.
  const articles = [
    article("x", ["a", "b", "c"], [
      { i: 0, j: 1, matched: 2, each: 2, alpha: 1 },
      { i: 0, j: 2, matched: 0, each: 2, alpha: -0.2 },
      { i: 1, j: 2, matched: 0, each: 2, alpha: 0 },
    ]),
    article("y", ["a", "c", "d"], [
      { i: 0, j: 1, matched: 1, each: 2, alpha: 0.4 },
      { i: 0, j: 2, matched: 2, each: 2, alpha: 1 },
      { i: 1, j: 2, matched: 2, each: 2, alpha: 1 },
    ]),
  ];
  const lines = agreementByGroup({ units: pairUnits(articles, ["bias"]), labels: ["bias"], groupOf: groups });

  it("puts same-group pairs within and the others across, leaving out raters without a group", () => {
    const within = lines.find((l) => l.kind === "within" && l.groups === null)!;
    const across = lines.find((l) => l.kind === "across" && l.groups === null)!;
    expect(within.articles).toBe(1);
    expect(within.f1Pooled.exact).toBe(1);
    expect(within.alpha.mean).toBe(1);
    // x: a–c, b–c (0 of 2 each); y: a–c (1 of 2). d's pairs are left out.
    expect(across.articles).toBe(3);
    expect(across.alpha.mean).toBeCloseTo((-0.2 + 0 + 0.4) / 3);
    // a–c pooled over x and y: 1 of 4 = 0.25 on 2 articles; b–c: 0 on 1; weighted by articles.
    expect(across.f1Pooled.exact).toBeCloseTo((0.25 * 2 + 0 * 1) / 3);
  });

  it("has one line per pair of groups after the totals", () => {
    expect(lines.map((l) => [l.kind, l.groups?.join("–") ?? "total"])).toEqual([
      ["within", "total"],
      ["across", "total"],
      ["within", "left–left"],
      ["across", "left–right"],
    ]);
  });
});

describe("agreementWithOthers", () => {
  it("pools each annotator's pair counts over the articles they share", () => {
    const articles = [
      article("x", ["a", "b"], [{ i: 0, j: 1, matched: 2, each: 2, alpha: 1 }]),
      article("y", ["a", "b", "c"], [
        { i: 0, j: 1, matched: 2, each: 2, alpha: 1 },
        { i: 0, j: 2, matched: 0, each: 2, alpha: 0 },
        { i: 1, j: 2, matched: 0, each: 2, alpha: 0 },
      ]),
    ];
    const figures = agreementWithOthers({ units: pairUnits(articles, ["bias"]), ids: ["a", "c", "nobody"] });
    expect(figures.get("a")).toEqual({ withOthers: 2 / 3, articles: 2 });
    expect(figures.get("c")).toEqual({ withOthers: 0, articles: 1 });
    expect(figures.get("nobody")).toEqual({ withOthers: null, articles: 0 });
  });
});

describe("flagOutliers", () => {
  const rule = { minArticles: 5, minJudged: 3, mads: 2, minMad: 0.05 };
  const f = (id: string, value: number | null, articles = 10) => ({ id, value, articles });

  it.each([
    ["a rater far below the rest", [f("a", 0.7), f("b", 0.72), f("c", 0.68), f("d", 0.71), f("e", 0.3)], ["e"]],
    ["a tight pool: the MAD floor spares a rater just below", [f("a", 0.9), f("b", 0.9), f("c", 0.9), f("d", 0.85)], []],
    ["too few articles to judge the low one", [f("a", 0.7), f("b", 0.72), f("c", 0.68), f("e", 0.1, 4)], []],
    ["too few judged", [f("a", 0.7), f("e", 0.1)], []],
    ["undefined figures are not judged", [f("a", 0.7), f("b", 0.72), f("c", 0.68), f("e", null)], []],
    ["high agreement is never an outlier", [f("a", 0.4), f("b", 0.42), f("c", 0.38), f("e", 0.99)], []],
  ] as const)("%s", (_, figures, expected) => {
    expect([...flagOutliers(figures, rule).flagged]).toEqual(expected);
  });

  it("states the median and threshold it used", () => {
    const { median, threshold } = flagOutliers([f("a", 0.6), f("b", 0.7), f("c", 0.8)], rule);
    expect(median).toBe(0.7);
    expect(threshold).toBeCloseTo(0.7 - 2 * 0.1);
  });
});

describe("counts", () => {
  it("spans per 1,000 words and exact F1 against gold", () => {
    expect(perThousandWords(3, 600)).toBe(5);
    expect(perThousandWords(3, 0)).toBeNull();
    expect(goldF1({ spans: 3, gold: 1, matches: 1 })).toBe(0.5);
    expect(goldF1({ spans: 0, gold: 0, matches: 0 })).toBeNull();
  });
});

describe("campaignAgreement (the worker's task)", () => {
  it("reads stored JSON text as it reads parsed figures, and returns plain data", () => {
    const articles = [article("x", ["a", "b", "c"], [
      { i: 0, j: 1, matched: 2, each: 2, alpha: 1 },
      { i: 0, j: 2, matched: 0, each: 2, alpha: 0 },
      { i: 1, j: 2, matched: 0, each: 2, alpha: 0 },
    ])];
    const input = { labels: ["bias"], groups: [...groups], balanced: true, ids: ["a", "b", "c"] };
    const parsed = campaignAgreement({ ...input, articles });
    const stored = campaignAgreement({ ...input, articles: articles.map((a) => ({ ...a, figures: JSON.stringify(a.figures) })) });
    expect(stored).toEqual(parsed);
    expect(parsed.articlesCompared).toBe(1);
    expect(parsed.byLabel.map((r) => r.key)).toEqual(["bias"]);
    expect(parsed.byGroup.map((l) => l.groups?.join("–") ?? l.kind)).toEqual(["within", "across", "left–left", "left–right"]);
    expect(Object.fromEntries(parsed.others)).toMatchObject({ a: { articles: 1 }, c: { withOthers: 0, articles: 1 } });
    expect(parsed.outliers).toEqual({ flagged: [], median: null, threshold: null });
    expect(structuredClone(parsed)).toEqual(parsed);
    expect(campaignAgreement({ ...input, balanced: false, articles }).byGroup).toEqual([]);
  });
});
