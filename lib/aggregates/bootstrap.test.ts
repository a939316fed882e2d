import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { bootstrapDensityIntervals, bootstrapMatrix, pickRows, quantile, selectQuantile, toMatrix, type ArticleCounts } from "./bootstrap";

const options = { resamples: 500, seed: 7, level: 0.95 };

describe("quantile (type 7)", () => {
  it.each([
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, 20], 0.025, 10.25],
    [[10, 20], 0.975, 19.75],
    [[7], 0.3, 7],
    [[0, 100], 0, 0],
    [[0, 100], 1, 100],
  ])("%j at %d is %d", (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 10);
  });
});

describe("bootstrapDensityIntervals", () => {
  it.each<[string, ArticleCounts[], (readonly [number, number] | null)[]]>([
    ["no articles: no interval", [], [null, null]],
    ["only zero-word articles: no interval", [{ words: 0, counts: [1, 0] }], [null, null]],
    ["one article: a point", [{ words: 500, counts: [2, 0] }], [[4, 4], [0, 0]]],
    [
      "articles of equal density: the interval is that density",
      [
        { words: 100, counts: [1, 3] },
        { words: 200, counts: [2, 6] },
        { words: 300, counts: [3, 9] },
      ],
      [[10, 10], [30, 30]],
    ],
  ])("%s", (_, articles, expected) => {
    const intervals = bootstrapDensityIntervals(articles, 2, options);
    expect(intervals).toHaveLength(2);
    intervals.forEach((interval, i) => {
      const want = expected[i];
      if (want === null || want === undefined) return expect(interval).toBeNull();
      expect(interval![0]).toBeCloseTo(want[0], 9);
      expect(interval![1]).toBeCloseTo(want[1], 9);
    });
  });

  const mixed: ArticleCounts[] = Array.from({ length: 40 }, (_, i) => ({ words: 200 + 37 * (i % 9), counts: [i % 5, i % 2 === 0 ? 3 : 0] }));
  const point = (l: number) => (mixed.reduce((s, a) => s + a.counts[l]!, 0) / mixed.reduce((s, a) => s + a.words, 0)) * 1000;

  it("is reproducible for a seed and changes with it", () => {
    const a = bootstrapDensityIntervals(mixed, 2, options);
    expect(bootstrapDensityIntervals(mixed, 2, options)).toEqual(a);
    expect(bootstrapDensityIntervals(mixed, 2, { ...options, seed: 8 })).not.toEqual(a);
  });

  it.each([0, 1])("label %d: a proper interval around the point estimate", (l) => {
    const [lo, hi] = bootstrapDensityIntervals(mixed, 2, options)[l]!;
    expect(lo).toBeLessThan(point(l));
    expect(hi).toBeGreaterThan(point(l));
    expect(hi - lo).toBeLessThan(point(l)); // 40 articles: well under ±100%
  });

  it("a lower level gives a narrower interval", () => {
    const [lo95, hi95] = bootstrapDensityIntervals(mixed, 2, options)[0]!;
    const [lo50, hi50] = bootstrapDensityIntervals(mixed, 2, { ...options, level: 0.5 })[0]!;
    expect(hi50 - lo50).toBeLessThan(hi95 - lo95);
  });
});

describe("compact arrays and selection", () => {
  const articles: ArticleCounts[] = Array.from({ length: 57 }, (_, i) => ({ words: (i * 7919) % 900, counts: [i % 4, (i * 3) % 5, i % 2 ? 0.5 : 1 / 3] }));

  it("selectQuantile equals quantile of the sorted values", () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => Math.sin(i) * 100);
    const sorted = values.slice().sort();
    for (const p of [0, 0.025, 0.3, 0.5, 0.975, 1]) expect(selectQuantile(values.slice(), p)).toBe(quantile(sorted, p));
    expect(selectQuantile(new Float64Array([2, 2, 2, 1]), 0.5)).toBe(2);
  });

  it("draws what seededRandom draws: equal to the textbook loop with a full sort", () => {
    const reference = (list: ArticleCounts[], labels: number) => {
      const random = seededRandom(options.seed);
      const samples = Array.from({ length: labels }, () => [] as number[]);
      for (let r = 0; r < options.resamples; r++) {
        const picks = list.map(() => list[Math.floor(random() * list.length)]!);
        const words = picks.reduce((s, a) => s + a.words, 0);
        if (words > 0) for (let l = 0; l < labels; l++) samples[l]!.push((picks.reduce((s, a) => s + a.counts[l]!, 0) / words) * 1000);
      }
      return samples.map((v) => Float64Array.from(v).sort()).map((v) => [quantile(v, 0.025), quantile(v, 0.975)]);
    };
    const got = bootstrapDensityIntervals(articles, 3, options);
    reference(articles, 3).forEach(([lo, hi], l) => {
      expect(got[l]![0]).toBeCloseTo(lo!, 9); // sums in another order: equal up to rounding
      expect(got[l]![1]).toBeCloseTo(hi!, 9);
    });
  });

  it("bootstrapMatrix gives exactly what the object form gives, and pickRows what filtering gives", () => {
    const matrix = toMatrix(articles, 3);
    expect(bootstrapMatrix(matrix, options)).toEqual(bootstrapDensityIntervals(articles, 3, options));
    const rows = articles.map((_, i) => i).filter((i) => i % 3 === 1);
    expect(bootstrapMatrix(pickRows(matrix, rows), options)).toEqual(bootstrapDensityIntervals(rows.map((i) => articles[i]!), 3, options));
  });
});
