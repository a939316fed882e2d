// Unitizing alpha and pairwise span F1 over 1,000 articles × 3 annotators ×
// 50 spans each, as the agreement report computes them. Baseline in the same
// run: sorting the same spans per article, the least any span measure must do.
// Usage: npm run bench:agreement
import { spanF1, unitizingAlpha } from "../lib/agreement";

const ARTICLES = 1_000;
const RATERS = ["a", "b", "c"];
const SPANS = 50;
const LENGTH = 12_000;
const categories = ["claim", "attribution", "loaded_language", "unverified"];

/** Deterministic pseudo-random spans: raters mostly agree, with jittered boundaries and some misses. */
function corpus() {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: ARTICLES }, (_, article) =>
    RATERS.flatMap((rater) =>
      Array.from({ length: SPANS }, (_, i) => {
        const start = i * 230 + Math.floor(random() * 30);
        return { doc: `article-${article}`, rater, category: categories[Math.floor(random() * 4)]!, label: "", start, end: start + 20 + Math.floor(random() * 120) };
      }).map((s) => ({ ...s, label: s.category })),
    ),
  );
}

function timed<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

const articles = corpus();

const baseline = timed(() => articles.reduce((n, spans) => n + [...spans].sort((x, y) => x.start - y.start || x.end - y.end).length, 0));
const alpha = timed(() => articles.map((spans) => unitizingAlpha(spans, { start: 0, end: LENGTH }, { raters: RATERS }).value));
const f1 = timed(() =>
  articles.map((spans) => {
    const by = (r: string) => spans.filter((s) => s.rater === r);
    return [spanF1(by("a"), by("b")), spanF1(by("a"), by("c")), spanF1(by("b"), by("c"))].map((x) => x.partial.f1);
  }),
);
const peakRss = process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB

const defined = alpha.result.filter((v) => v !== null) as number[];
console.log(`\nAgreement over ${ARTICLES} articles × ${RATERS.length} annotators × ${SPANS} spans (${ARTICLES * RATERS.length * SPANS} spans)`);
console.log(`unitizing alpha (per article, 4 labels)  ${alpha.ms.toFixed(0).padStart(6)} ms   mean α ${(defined.reduce((a, b) => a + b, 0) / defined.length).toFixed(3)}`);
console.log(`span F1, 3 pairs per article             ${f1.ms.toFixed(0).padStart(6)} ms`);
console.log(`baseline: sort the same spans            ${baseline.ms.toFixed(0).padStart(6)} ms`);
console.log(`total ${(alpha.ms + f1.ms).toFixed(0)} ms (×${((alpha.ms + f1.ms) / baseline.ms).toFixed(1)} the baseline); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
console.log(`target < 2000 ms: ${alpha.ms + f1.ms < 2000 ? "met" : "NOT met"}`);
