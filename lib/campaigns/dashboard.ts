import { entriesByPair, type LabelEntry } from "../agreement/article-figures";
import { pairPooledF1, type PairSums } from "../agreement/pooled-f1";
import { reportRow, type FiguredArticle, type ReportRow } from "../agreement/report";

// The campaign dashboard's figures (issue #15 §5), from the stored per-article figures the
// agreement report reads (lib/agreement/article-figures.ts): every annotator pair of every article
// already carries its own span-F1 counts and, with three or more raters, its own alpha and kappa,
// so grouping pairs by panel group or by annotator needs no text and no tokenizing.

/** A pair of raters is "within" when both are in the same panel group, "across" otherwise. */
export type PairKind = "within" | "across";
/** One row by panel group: `groups` the pair of groups (sorted), or null for the total of the kind. */
export type GroupLine = ReportRow & { kind: PairKind; groups: [string, string] | null };

/** The pair's kind and its (sorted) groups; null when either rater has no group (outside the pool, or no value). */
export function pairGroups(groupOf: ReadonlyMap<string, string | null>, raters: readonly [string, string]): { kind: PairKind; groups: [string, string] } | null {
  const a = groupOf.get(raters[0]);
  const b = groupOf.get(raters[1]);
  if (!a || !b) return null;
  const groups = [a, b].sort() as [string, string];
  return { kind: a === b ? "within" : "across", groups };
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
export function agreementByGroup(input: { articles: readonly FiguredArticle[]; labels: readonly string[]; groupOf: ReadonlyMap<string, string | null> }): GroupLine[] {
  const totals = new Map<string, LabelEntry[]>();
  const byGroups = new Map<string, LabelEntry[]>();
  for (const a of input.articles) {
    for (const label of input.labels) {
      for (const { raters, entry } of entriesByPair(a.figures, label)) {
        const g = pairGroups(input.groupOf, raters);
        if (!g) continue;
        push(totals, `${g.kind}\u0000${label}`, entry);
        push(byGroups, `${g.groups.join("\u0000")}\u0000${label}`, entry);
      }
    }
  }
  const lines: GroupLine[] = [];
  for (const kind of ["within", "across"] as const) {
    for (const label of input.labels) lines.push({ kind, groups: null, ...reportRow(label, totals.get(`${kind}\u0000${label}`) ?? []) });
  }
  const pairs = [...new Set([...byGroups.keys()].map((k) => k.split("\u0000").slice(0, 2).join("\u0000")))].sort();
  for (const pair of pairs) {
    const groups = pair.split("\u0000") as [string, string];
    for (const label of input.labels) {
      const entries = byGroups.get(`${pair}\u0000${label}`);
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
export function agreementWithOthers(input: { articles: readonly FiguredArticle[]; labels: readonly string[]; ids: readonly string[] }): Map<string, AnnotatorAgreement> {
  const wanted = new Set(input.ids);
  const sums = new Map<string, PairSums[]>();
  const articles = new Map<string, string[]>();
  for (const a of input.articles) {
    for (const label of input.labels) {
      for (const { raters, entry } of entriesByPair(a.figures, label)) {
        for (const id of raters) {
          if (!wanted.has(id)) continue;
          // A pair's counts as they are: swapping predicted and reference leaves the F1 unchanged.
          for (const unit of entry.pairSums) push(sums, id, unit);
          push(articles, id, a.id);
        }
      }
    }
  }
  return new Map(input.ids.map((id) => [id, { withOthers: pairPooledF1(sums.get(id) ?? []).partial, articles: new Set(articles.get(id)).size }]));
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
