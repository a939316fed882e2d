import { entriesByPair, entryForAll, type ArticleFigures, type LabelEntry } from "../agreement/article-figures";
import { pairPooledF1, type PairSums } from "../agreement/pooled-f1";
import { reportRow, type FiguredArticle, type ReportRow } from "../agreement/report";

// The campaign dashboard's figures (issue #15 §5), from the stored per-article figures the
// agreement report reads (lib/agreement/article-figures.ts): every annotator pair of every article
// already carries its own span-F1 counts and, with three or more raters, its own alpha and kappa,
// so grouping pairs by panel group or by annotator needs no text and no tokenizing.

/** One annotator pair on one article for one label: the unit every figure below is built from. */
export type PairUnit = { articleId: string; label: string; raters: [string, string]; entry: LabelEntry };

/** Every (article, label, rater pair) unit of the articles, computed once and shared by the figures below. */
export function pairUnits(articles: readonly FiguredArticle[], labels: readonly string[]): PairUnit[] {
  const units: PairUnit[] = [];
  for (const a of articles) {
    for (const label of labels) for (const { raters, entry } of entriesByPair(a.figures, label)) units.push({ articleId: a.id, label, raters, entry });
  }
  return units;
}

/** A pair of raters is "within" when both are in the same panel group, "across" otherwise. */
export type PairKind = "within" | "across";
/** One row by panel group: `groups` the pair of groups (sorted), or null for the total of the kind. */
export type GroupLine = ReportRow & { kind: PairKind; groups: [string, string] | null };

/** The pair's kind and its (sorted) groups; null when either rater has no group (outside the pool, or no value). */
export function pairGroups(groupOf: ReadonlyMap<string, string | null>, raters: readonly [string, string]): { kind: PairKind; groups: [string, string] } | null {
  const a = groupOf.get(raters[0]);
  const b = groupOf.get(raters[1]);
  if (!a || !b) return null;
  return { kind: a === b ? "within" : "across", groups: a <= b ? [a, b] : [b, a] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Agreement of rater pairs within one panel group against pairs across groups, per label: each
 * (article, pair) unit is one entry, as in the report's table by pair. Totals first (within, then
 * across), then each pair of groups. Pairs with a rater outside the groups are left out.
 */
export function agreementByGroup(input: { units: readonly PairUnit[]; labels: readonly string[]; groupOf: ReadonlyMap<string, string | null> }): GroupLine[] {
  // Keyed by the groups' pair, then the label: nested maps, no string built per unit.
  const byGroups = new Map<string, Map<string, Map<string, LabelEntry[]>>>();
  for (const u of input.units) {
    const g = pairGroups(input.groupOf, u.raters);
    if (!g) continue;
    const inner = byGroups.get(g.groups[0]) ?? byGroups.set(g.groups[0], new Map()).get(g.groups[0])!;
    const labels = inner.get(g.groups[1]) ?? inner.set(g.groups[1], new Map()).get(g.groups[1])!;
    push(labels, u.label, u.entry);
  }
  const pairs = [...byGroups].flatMap(([a, inner]) => [...inner].map(([b, labels]) => ({ groups: [a, b] as [string, string], labels }))).sort((x, y) => x.groups[0].localeCompare(y.groups[0]) || x.groups[1].localeCompare(y.groups[1]));
  const lines: GroupLine[] = [];
  for (const kind of ["within", "across"] as const) {
    const mine = pairs.filter((p) => (p.groups[0] === p.groups[1]) === (kind === "within"));
    for (const label of input.labels) lines.push({ kind, groups: null, ...reportRow(label, mine.flatMap((p) => p.labels.get(label) ?? [])) });
  }
  for (const { groups, labels } of pairs) {
    for (const label of input.labels) {
      const entries = labels.get(label);
      if (entries) lines.push({ kind: groups[0] === groups[1] ? "within" : "across", groups, ...reportRow(label, entries) });
    }
  }
  return lines;
}

export type AnnotatorAgreement = {
  /** Pooled (SemEval-2020 Task 11) partial span F1 of this annotator against every other rater, over all labels and shared articles. */
  withOthers: number | null;
  /** Articles this annotator shares with at least one other rater. */
  articles: number;
};

/** Each of `ids`' agreement with the other raters of the articles they share, from the stored pair counts. */
export function agreementWithOthers(input: { units: readonly PairUnit[]; ids: readonly string[] }): Map<string, AnnotatorAgreement> {
  const wanted = new Set(input.ids);
  const sums = new Map<string, PairSums[]>();
  const articles = new Map<string, Set<string>>();
  for (const u of input.units) {
    for (const id of u.raters) {
      if (!wanted.has(id)) continue;
      // A pair's counts as they are: swapping predicted and reference leaves the F1 unchanged.
      for (const unit of u.entry.pairSums) push(sums, id, unit);
      (articles.get(id) ?? articles.set(id, new Set()).get(id)!).add(u.articleId);
    }
  }
  return new Map(input.ids.map((id) => [id, { withOthers: pairPooledF1(sums.get(id) ?? []).partial, articles: articles.get(id)?.size ?? 0 }]));
}

/** The outlier rule's settings: at least `minArticles` shared articles to be judged, at least `minJudged` annotators judged. */
export const OUTLIER_RULE = { minArticles: 5, minJudged: 3, mads: 2, minMad: 0.05 } as const;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Annotators whose agreement with the others lies more than `mads` median absolute deviations
 * below the median of the annotators judged (a robust rule: one outlier does not move the median
 * or the MAD the way it moves a mean and a standard deviation). The MAD has a floor (`minMad`),
 * so that a pool agreeing almost perfectly does not flag a rater 0.01 below the rest. Annotators
 * with fewer than `minArticles` shared articles, or an undefined figure, are not judged; with
 * fewer than `minJudged` judged, nobody is flagged.
 */
export function flagOutliers(
  figures: readonly { id: string; value: number | null; articles: number }[],
  rule: { minArticles: number; minJudged: number; mads: number; minMad: number } = OUTLIER_RULE,
): { flagged: Set<string>; median: number | null; threshold: number | null } {
  const judged = figures.filter((f): f is { id: string; value: number; articles: number } => f.value !== null && f.articles >= rule.minArticles);
  if (judged.length < rule.minJudged) return { flagged: new Set(), median: null, threshold: null };
  const m = median(judged.map((f) => f.value));
  const mad = Math.max(median(judged.map((f) => Math.abs(f.value - m))), rule.minMad);
  const threshold = m - rule.mads * mad;
  return { flagged: new Set(judged.filter((f) => f.value < threshold).map((f) => f.id)), median: m, threshold };
}

/** Spans per 1,000 words; null when no words were read. */
export const perThousandWords = (spans: number, words: number) => (words > 0 ? (spans * 1000) / words : null);

/** Exact span F1 against gold from counts (an annotator span agrees when label and range match a gold span's); null when neither marked anything. */
export function goldF1(counts: { spans: number; gold: number; matches: number }): number | null {
  const total = counts.spans + counts.gold;
  return total === 0 ? null : (2 * counts.matches) / total;
}

export type CampaignAgreementInput = {
  /** Figures as stored (JSON text, parsed here: on the worker thread) or computed. */
  articles: { id: string; sourceId: string; figures: ArticleFigures | string }[];
  labels: string[];
  /** Each member's panel group. */
  groups: [string, string | null][];
  balanced: boolean;
  ids: string[];
};
export type CampaignAgreement = {
  articlesCompared: number;
  byLabel: ReportRow[];
  byGroup: GroupLine[];
  others: [string, AnnotatorAgreement][];
  outliers: { flagged: string[]; median: number | null; threshold: number | null };
};

/**
 * A campaign's agreement figures from its articles' figures, in plain data in and out, so that it
 * runs on the agreement worker (10,000 articles: hundreds of milliseconds of parsing and sums).
 */
export function campaignAgreement(input: CampaignAgreementInput): CampaignAgreement {
  const articles: FiguredArticle[] = input.articles.map((a) => ({ id: a.id, sourceId: a.sourceId, figures: typeof a.figures === "string" ? (JSON.parse(a.figures) as ArticleFigures) : a.figures }));
  const units = pairUnits(articles, input.labels);
  const others = agreementWithOthers({ units, ids: input.ids });
  const outliers = flagOutliers(input.ids.map((id) => ({ id, value: others.get(id)!.withOthers, articles: others.get(id)!.articles })));
  return {
    articlesCompared: articles.length,
    // The report's rows by label (summarizeReport's byLabel), without its tables by source and pair the dashboard does not show.
    byLabel: input.labels.map((label) => reportRow(label, articles.flatMap((a) => entryForAll(a.figures, label) ?? []))),
    byGroup: input.balanced ? agreementByGroup({ units, labels: input.labels, groupOf: new Map(input.groups) }) : [],
    others: [...others],
    outliers: { flagged: [...outliers.flagged], median: outliers.median, threshold: outliers.threshold },
  };
}
