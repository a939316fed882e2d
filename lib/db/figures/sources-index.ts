import { HIDDEN_AGREEMENT, sourceAgreement, type AgreementSums, type SourceAgreement } from "../../aggregates/agreement";
import { articleShare, kindFigures, labelFigures, UNVERIFIED, type KindFigures, type LabelFigure, type LabelMeta } from "../../aggregates/figures";
import { CORPUS_LAYER } from "../../aggregates/layers";
import { hasRole, type Actor } from "../../auth/permissions";
import type { SourceViewQuery } from "../../schemas/sources";
import { agreementOf, readAgreementSums } from "./agreement";
import { monthBounds, resolveBasis } from "./basis";
import { coverageOf, readCoverage, readLabelRollup } from "./rollups";
import { db } from "../client";
import { listLabels } from "../articles/labels";

// The sources index: every source's figures under one basis, from the rollups'
// all-time bucket or months in range (a few rows per source, never the spans).
// Read-only: readers add what writers appended since the last fold, and the
// folds and agreement refreshes run as jobs after writes (lib/jobs/figures.ts).

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
  /** Mean article agreement among annotators (whatever the basis), with what it rests on. */
  agreement: SourceAgreement;
};

export const sourceFields = { id: true, name: true, slug: true, homepage: true, description: true } as const;

/** The source's agreement for reviewers and admins; analysts see that it is not for them. */
export function agreementFor(actor: Actor, sums: Map<string, AgreementSums>, sourceId: string): SourceAgreement {
  return hasRole(actor, "REVIEWER") ? sourceAgreement(agreementOf(sums, sourceId)) : HIDDEN_AGREEMENT;
}

export async function sourcesIndexStats(args: { actor: Actor; query: SourceViewQuery }) {
  const resolved = await resolveBasis(args.actor, args.query.basis);
  const bounds = monthBounds(args.query);
  const [labels, sources, rows, coverage, agreement] = await Promise.all([
    listLabels(),
    db().source.findMany({ orderBy: { name: "asc" }, select: sourceFields }),
    readLabelRollup({ layer: resolved.layer, bounds }),
    readCoverage({ layer: resolved.layer, bounds }),
    readAgreementSums({ bounds }),
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
      agreement: agreementFor(args.actor, agreement, source.id),
    };
  });
  const basis: ViewBasis = { key: resolved.key, description: resolved.description, filters: bounds.description };
  return { basis, labels: labels.map(({ key, name, color }): LabelMeta => ({ key, name, color })), items };
}
