import { outletBlindArticleIds } from "../campaigns/outlet-blind";
import { bootstrapMatrix, DEFAULT_BOOTSTRAP, pickRows } from "../../aggregates/bootstrap";
import { articleShare, kindFigures, labelFigures, keyOfRole, type LabelMeta } from "../../aggregates/figures";
import { per1kWords } from "../../aggregates/density";
import { CORPUS_LAYER } from "../../aggregates/layers";
import type { Actor } from "../../auth/policy";
import { notFound } from "../../errors";
import type { SourceViewQuery } from "../../schemas/sources";
import { readAgreementSums } from "./agreement";
import { readArticleCounts, type ArticleCountMatrix } from "./articles";
import { monthBounds, resolveBasis } from "./basis";
import { topAttributions, topLoadedExpressions } from "./expressions";
import { coverageOf, readCoverage, readLabelRollup } from "./rollups";
import { agreementFor, sourceFields, type ViewBasis } from "./sources-index";
import { db } from "../client";
import { listLabels } from "../labels/list";

// One source's figures: totals and months from the rollups, intervals by a
// seeded bootstrap over its articles (one row per article, from the
// per-article counts), and the expressions and speakers behind them.

/** Intervals for the total and for each month, each bootstrapped over the articles in it, in the order they came. */
function intervals(counts: ArticleCountMatrix) {
  const rows = new Map<string, number[]>();
  counts.articles.forEach(({ month }, i) => {
    if (month === null) return;
    const list = rows.get(month);
    if (list) list.push(i);
    else rows.set(month, [i]);
  });
  const byMonth = new Map([...rows].map(([month, list]) => [month, bootstrapMatrix(pickRows(counts.matrix, list))]));
  return { counts, total: bootstrapMatrix(counts.matrix), byMonth };
}

export async function sourceStats(args: { actor: Actor; sourceId: string; query: SourceViewQuery }): Promise<SourceStats> {
  const [source, resolved, labels] = await Promise.all([
    db().source.findUnique({ where: { id: args.sourceId }, select: sourceFields }),
    resolveBasis(args.actor, args.query.basis),
    listLabels(),
  ]);
  if (!source) throw notFound("Source");
  const bounds = monthBounds(args.query);
  const scope = { sourceId: source.id, layer: resolved.layer, bounds };
  const [totals, months, coverage, monthlyCoverage, { counts, total, byMonth }, topLoaded, attributions, agreement] = await Promise.all([
    readLabelRollup({ ...scope, byMonth: false }),
    readLabelRollup({ ...scope, byMonth: true }),
    readCoverage({ ...scope, byMonth: false }),
    readCoverage({ ...scope, byMonth: true }),
    readArticleCounts({ ...scope, labelIds: labels.map((l) => l.id) }).then(intervals), // bootstraps while the other reads finish
    topLoadedExpressions(scope),
    topAttributions(scope),
    readAgreementSums({ bounds, sourceId: source.id }),
  ]);
  // An analyst's outlet-blind articles are not listed under their source (decision 0025); the figures still count them.
  const blind = await outletBlindArticleIds({ actor: args.actor, articleIds: counts.articles.map((a) => a.id) });
  const meta = labels.map(({ key, name, color, role }): LabelMeta => ({ key, name, color, role }));
  const covered = coverageOf(coverage, resolved.layer);
  const figures = labelFigures(meta, totals, covered.words, total);
  const dated = [...new Set(monthlyCoverage.filter((r) => r.layer === resolved.layer && r.month !== null).map((r) => r.month!))].sort();
  const monthly = dated.map((month) => {
    const inMonth = coverageOf(monthlyCoverage, resolved.layer, (r) => r.month === month);
    const rows = months.filter((r) => r.month === month);
    return { month, ...inMonth, labels: labelFigures(meta, rows, inMonth.words, byMonth.get(month) ?? []) };
  });
  const basis: ViewBasis = { key: resolved.key, description: resolved.description, filters: bounds.description };
  const width = meta.length;
  return {
    source,
    basis,
    labelMeta: meta,
    corpus: coverageOf(coverage, CORPUS_LAYER),
    ...covered,
    labels: figures,
    unverifiedArticleShare: articleShare(figures, keyOfRole(labels, "UNVERIFIED"), covered.articles),
    attributionKinds: kindFigures(totals, keyOfRole(labels, "ATTRIBUTIONS")),
    monthly,
    topLoaded,
    topAttributions: attributions,
    articleRows: counts.articles.flatMap((a, i) => {
      if (blind.has(a.id)) return [];
      const row = counts.matrix.counts.subarray(i * width, i * width + width);
      const entries = meta.flatMap((l, k) => (row[k] ? [[l.key, row[k]] as const] : []));
      return [{ ...a, counts: Object.fromEntries(entries), per1kWords: Object.fromEntries(meta.map((l, k) => [l.key, per1kWords(row[k]!, a.words)])) }];
    }),
    bootstrap: DEFAULT_BOOTSTRAP,
    agreement: agreementFor(args.actor, agreement, source.id),
  };
}
import type { SourceStats } from "../../schemas/responses/sources";
export type { SourceStats };
