import { articleShare, kindFigures, labelFigures, UNVERIFIED, type KindFigures, type LabelFigure, type LabelMeta } from "../aggregates/figures";
import { CORPUS_LAYER } from "../aggregates/layers";
import type { Actor } from "../auth/permissions";
import type { SourceViewQuery } from "../schemas/sources";
import { monthBounds, resolveBasis } from "./aggregates-basis";
import { coverageOf, readCoverage, readLabelRollup } from "./aggregates-rollups";
import { db } from "./client";
import { listLabels } from "./labels";

// The sources index: every source's figures under one basis, from the rollups
// (one aggregate over a few rows per source and month, never over the spans).

export type SourceRef = { id: string; name: string; slug: string; homepage: string | null; description: string | null };
export type ViewBasis = { key: string; description: string; filters: string };
export type SourceIndexItem = {
  source: SourceRef;
  corpus: { articles: number; words: number };
  articles: number;
  words: number;
  labels: LabelFigure[];
  unverifiedArticleShare: number | null;
  attributionKinds: KindFigures;
  /** Not computed per source yet: agreement is measured per article by the agreement report. */
  agreement: null;
};

export const sourceFields = { id: true, name: true, slug: true, homepage: true, description: true } as const;

export async function sourcesIndexStats(args: { actor: Actor; query: SourceViewQuery }) {
  const resolved = await resolveBasis(args.actor, args.query.basis);
  const bounds = monthBounds(args.query);
  const [labels, sources, rows, coverage] = await Promise.all([
    listLabels(),
    db().source.findMany({ orderBy: { name: "asc" }, select: sourceFields }),
    readLabelRollup({ layer: resolved.layer, bounds }),
    readCoverage({ layer: resolved.layer, bounds }),
  ]);
  const items: SourceIndexItem[] = sources.map((source) => {
    const mine = (r: { sourceId: string }) => r.sourceId === source.id;
    const covered = coverageOf(coverage, resolved.layer, mine);
    const sourceRows = rows.filter(mine);
    const figures = labelFigures(labels, sourceRows, covered.words);
    return {
      source,
      corpus: coverageOf(coverage, CORPUS_LAYER, mine),
      ...covered,
      labels: figures,
      unverifiedArticleShare: articleShare(figures, UNVERIFIED, covered.articles),
      attributionKinds: kindFigures(sourceRows),
      agreement: null,
    };
  });
  const basis: ViewBasis = { key: resolved.key, description: resolved.description, filters: bounds.description };
  return { basis, labels: labels.map(({ key, name, color }): LabelMeta => ({ key, name, color })), items };
}
