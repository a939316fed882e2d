import type { Interval, RatedSpan } from "./article-agreement";
import { articleFigures, entriesByPair, entryForAll, type ArticleFigures, type LabelEntry } from "./article-figures";
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

/** One row of the report from the per-article entries it rests on (also the campaign dashboard's rows by panel group). */
export function reportRow(key: string, results: LabelEntry[]): ReportRow {
  const warnings: string[] = [];
  if (results.length < FEW_ITEMS) warnings.push(`only ${results.length} article(s): too few for a stable figure`);
  const alpha = summarize(results.map((r) => r.alpha));
  if (alpha.defined < results.length) warnings.push(`${results.length - alpha.defined} article(s) with undefined alpha left out of the mean`);
  const pooled = pooledF1(results.flatMap((r) => r.pairSums));
  if (pooled.oneSided > 0) {
    warnings.push(
      `${pooled.oneSided} article(s) × annotator pair where one annotator marked no ${key} span and the other did: counted in the pooled F1 (no credit, as SemEval-2020 Task 11 counts them), left out of the per-article mean F1`,
    );
  }
  return {
    key,
    articles: results.length,
    spans: results.reduce((n, r) => n + r.spans, 0),
    alpha,
    kappa: summarize(results.map((r) => r.kappa)),
    f1Exact: summarize(results.map((r) => r.f1Exact)),
    f1Partial: summarize(results.map((r) => r.f1Partial)),
    f1Pooled: pooled,
    warnings,
  };
}

export { articleFigures, type ArticleFigures };
export type FiguredArticle = { id: string; sourceId: string; figures: ArticleFigures };

/** The report's tables from per-article figures: no article is computed again here. */
export function summarizeReport(input: { articles: FiguredArticle[]; skipped: number; labels: string[] }) {
  const { articles, labels } = input;
  const rowOf = (label: string, entries: (LabelEntry | undefined)[]) => reportRow(label, entries.filter((e): e is LabelEntry => e !== undefined));
  // Each article's entries once, shared by the label and source tables.
  const entries = new Map(articles.map((a) => [a, labels.map((label) => entryForAll(a.figures, label))]));
  const byLabel = labels.map((label, i) => rowOf(label, articles.map((a) => entries.get(a)![i])));
  const bySourceArticles = new Map<string, FiguredArticle[]>();
  for (const a of articles) {
    const list = bySourceArticles.get(a.sourceId);
    if (list) list.push(a);
    else bySourceArticles.set(a.sourceId, [a]);
  }
  const bySource = [...bySourceArticles].flatMap(([sourceId, list]) => labels.map((label, i) => ({ sourceId, ...rowOf(label, list.map((a) => entries.get(a)![i])) })));
  const byPairEntries = new Map<string, { raters: [string, string]; entries: Map<string, LabelEntry[]> }>();
  for (const a of articles) {
    for (const label of labels) {
      for (const { raters, entry } of entriesByPair(a.figures, label)) {
        const key = raters.join("|");
        const pair = byPairEntries.get(key) ?? { raters, entries: new Map<string, LabelEntry[]>() };
        byPairEntries.set(key, pair);
        const list = pair.entries.get(label);
        if (list) list.push(entry);
        else pair.entries.set(label, [entry]);
      }
    }
  }
  const byPair = [...byPairEntries.values()].flatMap(({ raters, entries }) => labels.map((label) => ({ raters, ...rowOf(label, entries.get(label) ?? []) })));
  return { articlesCompared: articles.length, articlesSkipped: input.skipped, byLabel, bySource, byPair };
}

/** The whole report from articles and spans (articles with fewer than two raters are skipped, not computed). */
export function agreementReport(input: { articles: ReportArticle[]; spans: (RatedSpan & { articleId: string })[]; labels: string[] }) {
  const spansOf = new Map<string, RatedSpan[]>();
  for (const s of input.spans) {
    const list = spansOf.get(s.articleId);
    if (list) list.push(s);
    else spansOf.set(s.articleId, [s]);
  }
  const compared = input.articles.filter((a) => a.raters.length >= 2);
  return summarizeReport({
    articles: compared.map((a) => ({ id: a.id, sourceId: a.sourceId, figures: articleFigures(a, spansOf.get(a.id) ?? [], input.labels) })),
    skipped: input.articles.length - compared.length,
    labels: input.labels,
  });
}
export type AgreementReport = ReturnType<typeof summarizeReport>;
