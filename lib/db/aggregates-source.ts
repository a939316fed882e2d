import { bootstrapDensityIntervals, DEFAULT_BOOTSTRAP } from "../aggregates/bootstrap";
import { articleShare, kindFigures, labelFigures, UNVERIFIED, type LabelMeta } from "../aggregates/figures";
import { per1kWords } from "../aggregates/density";
import { CORPUS_LAYER } from "../aggregates/layers";
import type { Actor } from "../auth/permissions";
import { notFound } from "../errors";
import type { SourceViewQuery } from "../schemas/sources";
import { readArticleCounts, type ArticleFigureRow } from "./aggregates-articles";
import { monthBounds, resolveBasis } from "./aggregates-basis";
import { topAttributions, topLoadedExpressions } from "./aggregates-expressions";
import { coverageOf, readCoverage, readLabelRollup } from "./aggregates-rollups";
import { sourceFields, type ViewBasis } from "./aggregates";
import { db } from "./client";
import { listLabels } from "./labels";

// One source's figures: totals and months from the rollups, intervals by a
// seeded bootstrap over its articles (one row per article), and the
// expressions and speakers behind them.

const intervalsFor = (labels: readonly LabelMeta[], rows: readonly ArticleFigureRow[]) =>
  bootstrapDensityIntervals(
    rows.map((r) => ({ words: r.words, counts: labels.map((l) => r.counts[l.key] ?? 0) })),
    labels.length,
  );

export async function sourceStats(args: { actor: Actor; sourceId: string; query: SourceViewQuery }) {
  const source = await db().source.findUnique({ where: { id: args.sourceId }, select: sourceFields });
  if (!source) throw notFound("Source");
  const resolved = await resolveBasis(args.actor, args.query.basis);
  const bounds = monthBounds(args.query);
  const scope = { sourceId: source.id, layer: resolved.layer, bounds };
  const [labels, totals, months, coverage, monthlyCoverage, articleRows, topLoaded, attributions] = await Promise.all([
    listLabels(),
    readLabelRollup({ ...scope, byMonth: false }),
    readLabelRollup({ ...scope, byMonth: true }),
    readCoverage({ ...scope, byMonth: false }),
    readCoverage({ ...scope, byMonth: true }),
    readArticleCounts(scope),
    topLoadedExpressions(scope),
    topAttributions(scope),
  ]);
  const meta = labels.map(({ key, name, color }): LabelMeta => ({ key, name, color }));
  const covered = coverageOf(coverage, resolved.layer);
  const figures = labelFigures(meta, totals, covered.words, intervalsFor(meta, articleRows));
  const dated = [...new Set(monthlyCoverage.filter((r) => r.layer === resolved.layer && r.month !== null).map((r) => r.month!))].sort();
  const monthly = dated.map((month) => {
    const inMonth = coverageOf(monthlyCoverage, resolved.layer, (r) => r.month === month);
    const rows = months.filter((r) => r.month === month);
    return { month, ...inMonth, labels: labelFigures(meta, rows, inMonth.words, intervalsFor(meta, articleRows.filter((a) => a.month === month))) };
  });
  const basis: ViewBasis = { key: resolved.key, description: resolved.description, filters: bounds.description };
  return {
    source,
    basis,
    labelMeta: meta,
    corpus: coverageOf(coverage, CORPUS_LAYER),
    ...covered,
    labels: figures,
    unverifiedArticleShare: articleShare(figures, UNVERIFIED, covered.articles),
    attributionKinds: kindFigures(totals),
    monthly,
    topLoaded,
    topAttributions: attributions,
    articleRows: articleRows.map((r) => ({ ...r, per1kWords: Object.fromEntries(meta.map((l) => [l.key, per1kWords(r.counts[l.key] ?? 0, r.words)])) })),
    bootstrap: DEFAULT_BOOTSTRAP,
    agreement: null,
  };
}
export type SourceStats = Awaited<ReturnType<typeof sourceStats>>;
