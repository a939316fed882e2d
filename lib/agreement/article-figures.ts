import { articleAgreement, type Interval, type RatedSpan } from "./article-agreement";
import type { PairSums } from "./pooled-f1";

// What the agreement report needs of one article, computed once and small
// enough to be stored and read back for a thousand articles in a few tens of
// milliseconds: per label, the figures among all raters; per annotator pair
// (indices into the sorted raters), spanF1's counts, from which the pair's own
// F1 and the pooled F1 follow, and with more than two raters the pair's alpha
// and kappa.

type Value = number | null;
/** [unitizing alpha, kappa, mean pairwise F1 exact, mean pairwise F1 partial] */
type Figure = [Value, Value, Value, Value];
/** [i, j, predicted, reference, exactMatches, partialPrecisionSum, partialRecallSum] */
type Sums = [number, number, number, number, number, number, number];

export type ArticleFigures = {
  raters: string[];
  all: Record<string, Figure>;
  /** Spans of the label per rater (in `raters` order). */
  spans: Record<string, number[]>;
  sums: Record<string, Sums[]>;
  /** [alpha, kappa] per pair in `sums` order; absent with two raters, where the pair is the article. */
  pairs?: Record<string, [Value, Value][]>;
  /** Unitizing alpha over all labels together, the per-source figure (lib/aggregates/agreement.ts); stored with the figures. */
  alpha?: Value;
};

/** One article's figures for one label, as a report row averages and pools them. */
export type LabelEntry = { alpha: Value; kappa: Value; f1Exact: Value; f1Partial: Value; spans: number; pairSums: PairSums[] };

export function articleFigures(article: { length: number; tokens: Interval[]; raters: string[] }, spans: readonly RatedSpan[], labels: string[]): ArticleFigures {
  const raters = [...article.raters].sort();
  const index = new Map(raters.map((r, i) => [r, i]));
  const results = articleAgreement({ ...article, raters, labels, spans: [...spans] });
  const figures: ArticleFigures = { raters, all: {}, spans: {}, sums: {} };
  for (const r of results) {
    figures.all[r.label] = [r.unitizingAlpha.value, r.kappa.value, r.f1.exact, r.f1.partial];
    figures.spans[r.label] = raters.map((id) => r.counts[id] ?? 0);
    figures.sums[r.label] = r.f1.pairSums.map((p) => [index.get(p.raters[0])!, index.get(p.raters[1])!, p.predicted, p.reference, p.exactMatches, p.partialPrecisionSum, p.partialRecallSum]);
  }
  if (raters.length > 2) {
    figures.pairs = Object.fromEntries(labels.map((l) => [l, [] as [Value, Value][]]));
    for (const [i, j] of (figures.sums[labels[0]!] ?? []).map((s) => [s[0], s[1]] as const)) {
      const [x, y] = [raters[i]!, raters[j]!];
      const pair = articleAgreement({ ...article, raters: [x, y], labels, spans: spans.filter((s) => s.rater === x || s.rater === y) });
      for (const r of pair) figures.pairs[r.label]!.push([r.unitizingAlpha.value, r.kappa.value]);
    }
  }
  return figures;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const f1 = (p: Value, r: Value) => (p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairSums = (raters: string[], s: Sums): PairSums => ({
  raters: [raters[s[0]]!, raters[s[1]]!], predicted: s[2], reference: s[3], exactMatches: s[4], partialPrecisionSum: s[5], partialRecallSum: s[6],
});

/** The article's entry for a label among all its raters; undefined when the label was not computed. */
export function entryForAll(figures: ArticleFigures, label: string): LabelEntry | undefined {
  const all = figures.all[label];
  if (!all) return undefined;
  const spans = (figures.spans[label] ?? []).reduce((a, b) => a + b, 0);
  return { alpha: all[0], kappa: all[1], f1Exact: all[2], f1Partial: all[3], spans, pairSums: (figures.sums[label] ?? []).map((s) => pairSums(figures.raters, s)) };
}

/** Each annotator pair's entry for a label on this article: its own alpha, kappa and F1. */
export function entriesByPair(figures: ArticleFigures, label: string): { raters: [string, string]; entry: LabelEntry }[] {
  const all = figures.all[label];
  if (!all) return [];
  return (figures.sums[label] ?? []).map((s, k) => {
    const sums = pairSums(figures.raters, s);
    const [alpha, kappa] = figures.pairs ? figures.pairs[label]![k]! : [all[0], all[1]];
    const counts = figures.spans[label] ?? [];
    return {
      raters: sums.raters as [string, string],
      entry: {
        alpha, kappa,
        f1Exact: f1(ratio(s[4], s[2]), ratio(s[4], s[3])),
        f1Partial: f1(ratio(s[5], s[2]), ratio(s[6], s[3])),
        spans: (counts[s[0]] ?? 0) + (counts[s[1]] ?? 0),
        pairSums: [sums],
      },
    };
  });
}
