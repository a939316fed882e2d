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

/** One article's figures: among all its raters, and for each pair of them (the pair table). */
export type ArticleFigures = { all: LabelAgreement[]; pairs: { raters: [string, string]; results: LabelAgreement[] }[] };

/**
 * The per-article work of the report, done once per article (and kept by the caller while the
 * article's text, raters and spans stay the same). With two raters the pair is the article itself.
 */
export function articleFigures(article: Omit<ReportArticle, "id" | "sourceId">, spans: readonly RatedSpan[], labels: string[]): ArticleFigures {
  const raters = [...article.raters].sort();
  const all = articleAgreement({ ...article, raters, labels, spans: [...spans] });
  if (raters.length === 2) return { all, pairs: [{ raters: [raters[0]!, raters[1]!], results: all }] };
  const pairs: ArticleFigures["pairs"] = [];
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const [x, y] = [raters[i]!, raters[j]!];
      pairs.push({ raters: [x, y], results: articleAgreement({ ...article, raters: [x, y], labels, spans: spans.filter((s) => s.rater === x || s.rater === y) }) });
    }
  }
  return { all, pairs };
}

export type FiguredArticle = { id: string; sourceId: string; figures: ArticleFigures };

/** The report's tables from per-article figures: no article is computed again here. */
export function summarizeReport(input: { articles: FiguredArticle[]; skipped: number; labels: string[] }) {
  const { articles, labels } = input;
  const pick = (results: LabelAgreement[], label: string) => results.find((r) => r.label === label);
  const rowOf = (label: string, results: (LabelAgreement | undefined)[]) => row(label, results.filter((r): r is LabelAgreement => r !== undefined));
  const byLabel = labels.map((label) => rowOf(label, articles.map((a) => pick(a.figures.all, label))));
  const bySourceArticles = new Map<string, FiguredArticle[]>();
  for (const a of articles) {
    const list = bySourceArticles.get(a.sourceId);
    if (list) list.push(a);
    else bySourceArticles.set(a.sourceId, [a]);
  }
  const bySource = [...bySourceArticles].flatMap(([sourceId, list]) => labels.map((label) => ({ sourceId, ...rowOf(label, list.map((a) => pick(a.figures.all, label))) })));
  const byPairResults = new Map<string, { raters: [string, string]; results: LabelAgreement[][] }>();
  for (const a of articles) {
    for (const pair of a.figures.pairs) {
      const key = pair.raters.join("|");
      const entry = byPairResults.get(key) ?? { raters: pair.raters, results: [] };
      entry.results.push(pair.results);
      byPairResults.set(key, entry);
    }
  }
  const byPair = [...byPairResults.values()].flatMap(({ raters, results }) => labels.map((label) => ({ raters, ...rowOf(label, results.map((r) => pick(r, label))) })));
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
