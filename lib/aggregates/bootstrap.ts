// Percentile bootstrap over articles (Efron & Tibshirani 1993, ch. 13): the
// article, not the span, is the sampling unit, because spans within one
// article are not independent. Each resample draws n articles with
// replacement and takes density = total spans / total words × 1000 — the same
// ratio estimator as the point figure.
//
// A source page bootstraps its total and every month, 1,000 resamples each:
// the articles come as flat typed arrays (ArticleMatrix) so the inner loop
// touches no objects, and the two percentiles are picked by selection, not a
// full sort. The draws are the same as with one object per article.

export type ArticleCounts = { words: number; counts: readonly number[] };
/** n articles: words[i], and counts[i × labels + l] for label l. */
export type ArticleMatrix = { words: Float64Array; counts: Float64Array; labels: number };
export type BootstrapOptions = { resamples: number; seed: number; level: number };
export type Interval = readonly [number, number];

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, seed: 20261125, level: 0.95 };

export function toMatrix(articles: readonly ArticleCounts[], labels: number): ArticleMatrix {
  const words = new Float64Array(articles.length);
  const counts = new Float64Array(articles.length * labels);
  articles.forEach((a, i) => {
    words[i] = a.words;
    for (let l = 0; l < labels; l++) counts[i * labels + l] = a.counts[l] ?? 0;
  });
  return { words, counts, labels };
}

/** The rows of `matrix` at `rows`, in that order. */
export function pickRows(matrix: ArticleMatrix, rows: readonly number[]): ArticleMatrix {
  const { labels } = matrix;
  const words = new Float64Array(rows.length);
  const counts = new Float64Array(rows.length * labels);
  rows.forEach((row, i) => {
    words[i] = matrix.words[row]!;
    counts.set(matrix.counts.subarray(row * labels, row * labels + labels), i * labels);
  });
  return { words, counts, labels };
}

/** One interval per label index (null without articles or words). */
export function bootstrapDensityIntervals(
  articles: readonly ArticleCounts[],
  labelCount: number,
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
): (Interval | null)[] {
  return bootstrapMatrix(toMatrix(articles, labelCount), options);
}

export function bootstrapMatrix(matrix: ArticleMatrix, options: BootstrapOptions = DEFAULT_BOOTSTRAP): (Interval | null)[] {
  const { words, counts, labels } = matrix;
  const n = words.length;
  if (n === 0 || words.every((w) => w <= 0)) return Array.from({ length: labels }, () => null);
  let state = options.seed >>> 0; // seededRandom (mulberry32), inlined: a page draws two million times
  const samples = new Float64Array(labels * options.resamples); // label l's draws at [l × resamples, …)
  const picks = new Int32Array(n); // one resample's rows, then one tight pass per label
  let kept = 0;
  for (let r = 0; r < options.resamples; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const article = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
      picks[i] = article * labels;
      total += words[article]!;
    }
    if (total <= 0) continue; // only zero-word articles drawn: the ratio is undefined
    for (let l = 0; l < labels; l++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += counts[picks[i]! + l]!;
      samples[l * options.resamples + kept] = (sum / total) * 1000;
    }
    kept++;
  }
  const tail = (1 - options.level) / 2;
  return Array.from({ length: labels }, (_, l) => {
    const values = samples.subarray(l * options.resamples, l * options.resamples + kept);
    return [selectQuantile(values, tail), selectQuantile(values, 1 - tail)] as const;
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

/** quantile() of the values as if sorted, reordering them in place (Hoare's selection). */
export function selectQuantile(values: Float64Array, p: number): number {
  if (values.length === 0) return NaN;
  const h = (values.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, values.length - 1);
  const a = select(values, lo);
  let b = a;
  if (hi !== lo) {
    b = Infinity; // the next order statistic: the smallest value after position lo
    for (let i = hi; i < values.length; i++) if (values[i]! < b) b = values[i]!;
  }
  return a + (h - lo) * (b - a);
}

/** The k-th smallest value (0-based); afterwards values[k] holds it, smaller ones before, larger after. */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}
