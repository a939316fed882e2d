import { articleAgreement, type Interval, type LabelAgreement, type RatedSpan } from "./article-agreement";
import { pooledF1, type PooledF1 } from "./pooled-f1";
import { FEW_ITEMS } from "./result";

// The agreement report across many articles. Alpha, kappa and `f1Exact` /
// `f1Partial` are means of the per-article values that are defined, shown with
// how many articles they rest on, so no mean hides a small or skipped sample.
// `f1Pooled` is the corpus-level span F1 of SemEval-2020 Task 11 (pooled-f1.ts):
// a different number, which also counts articles where one annotator marked
// nothing.

export type ReportArticle = { id: string; sourceId: string; length: number; tokens: Interval[]; raters: string[] };
export type Summary = { mean: number | null; defined: number };
export type ReportRow = {
  key: string;
  articles: number;
  spans: number;
  alpha: Summary;
  kappa: Summary;
  f1Exact: Summary;
  f1Partial: Summary;
  /** Corpus-level (micro) span F1 as SemEval-2020 Task 11 defines it; not a mean of per-article figures. */
  f1Pooled: PooledF1;
  warnings: string[];
};

function summarize(values: (number | null)[]): Summary {
  const defined = values.filter((v): v is number => v !== null);
  return { mean: defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null, defined: defined.length };
}

function row(key: string, results: LabelAgreement[]): ReportRow {
  const warnings: string[] = [];
  if (results.length < FEW_ITEMS) warnings.push(`only ${results.length} article(s): too few for a stable figure`);
  const alpha = summarize(results.map((r) => r.unitizingAlpha.value));
  if (alpha.defined < results.length) warnings.push(`${results.length - alpha.defined} article(s) with undefined alpha left out of the mean`);
  const pooled = pooledF1(results.flatMap((r) => r.f1.pairSums));
  if (pooled.oneSided > 0) {
    warnings.push(
      `${pooled.oneSided} article(s) × annotator pair where one annotator marked no ${key} span and the other did: counted in the pooled F1 (no credit, as SemEval-2020 Task 11 counts them), left out of the per-article mean F1`,
    );
  }
  return {
    key,
    articles: results.length,
    spans: results.reduce((n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0), 0),
    alpha,
    kappa: summarize(results.map((r) => r.kappa.value)),
    f1Exact: summarize(results.map((r) => r.f1.exact)),
    f1Partial: summarize(results.map((r) => r.f1.partial)),
    f1Pooled: pooled,
    warnings,
  };
}

export function agreementReport(input: { articles: ReportArticle[]; spans: (RatedSpan & { articleId: string })[]; labels: string[] }) {
  const spansOf = new Map<string, RatedSpan[]>();
  for (const s of input.spans) spansOf.set(s.articleId, [...(spansOf.get(s.articleId) ?? []), s]);
  const compared = input.articles.filter((a) => a.raters.length >= 2);
  const perArticle = compared.map((a) => ({ article: a, results: articleAgreement({ ...a, labels: input.labels, spans: spansOf.get(a.id) ?? [] }) }));

  const byLabel = input.labels.map((label) => row(label, perArticle.map((p) => p.results.find((r) => r.label === label)!)));
  const sources = [...new Set(compared.map((a) => a.sourceId))];
  const bySource = sources.flatMap((sourceId) =>
    input.labels.map((label) => ({ sourceId, ...row(label, perArticle.filter((p) => p.article.sourceId === sourceId).map((p) => p.results.find((r) => r.label === label)!)) })),
  );
  const pairs = new Map<string, [string, string]>();
  for (const a of compared) {
    const raters = [...a.raters].sort();
    for (let i = 0; i < raters.length; i++) for (let j = i + 1; j < raters.length; j++) pairs.set(`${raters[i]}|${raters[j]}`, [raters[i]!, raters[j]!]);
  }
  const byPair = [...pairs.values()].flatMap(([x, y]) => {
    const shared = compared.filter((a) => a.raters.includes(x) && a.raters.includes(y));
    const results = shared.map((a) => articleAgreement({ ...a, raters: [x, y], labels: input.labels, spans: (spansOf.get(a.id) ?? []).filter((s) => s.rater === x || s.rater === y) }));
    return input.labels.map((label) => ({ raters: [x, y] as [string, string], ...row(label, results.map((r) => r.find((l) => l.label === label)!)) }));
  });
  return { articlesCompared: compared.length, articlesSkipped: input.articles.length - compared.length, byLabel, bySource, byPair };
}
export type AgreementReport = ReturnType<typeof agreementReport>;
