import { seededRandom } from "./random";

// Percentile bootstrap over articles (Efron & Tibshirani 1993, ch. 13): the
// article, not the span, is the sampling unit, because spans within one
// article are not independent. Each resample draws n articles with
// replacement and takes density = total spans / total words × 1000 — the same
// ratio estimator as the point figure.

export type ArticleCounts = { words: number; counts: readonly number[] };
export type BootstrapOptions = { resamples: number; seed: number; level: number };
export type Interval = readonly [number, number];

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, seed: 20261125, level: 0.95 };

/** One interval per label index (null without articles or words). */
export function bootstrapDensityIntervals(
  articles: readonly ArticleCounts[],
  labelCount: number,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): (Interval | null)[] {
  const n = articles.length;
  if (n === 0 || articles.every((a) => a.words <= 0)) return Array.from({ length: labelCount }, () => null);
  const random = seededRandom(options.seed);
  const samples = Array.from({ length: labelCount }, () => new Float64Array(options.resamples));
  const sums = new Float64Array(labelCount);
  let kept = 0;
  for (let r = 0; r < options.resamples; r++) {
    sums.fill(0);
    let words = 0;
    for (let i = 0; i < n; i++) {
      const article = articles[Math.floor(random() * n)]!;
      words += article.words;
      for (let l = 0; l < labelCount; l++) sums[l]! += article.counts[l] ?? 0;
    }
    if (words <= 0) continue; // only zero-word articles drawn: the ratio is undefined
    for (let l = 0; l < labelCount; l++) samples[l]![kept] = (sums[l]! / words) * 1000;
    kept++;
  }
  const tail = (1 - options.level) / 2;
  return samples.map((values) => {
    const sorted = values.subarray(0, kept).sort();
    return [quantile(sorted, tail), quantile(sorted, 1 - tail)] as const;
  });
}

/** Linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
