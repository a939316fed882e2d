import { HIDDEN_AGREEMENT, sourceAgreement, type AgreementSums, type SourceAgreement } from "../../aggregates/agreement";
import { articleShare, kindFigures, labelFigures, keyOfRole, type LabelMeta } from "../../aggregates/figures";
import { CORPUS_LAYER } from "../../aggregates/layers";
import { can, POOLED, type Actor } from "../../auth/policy";
import type { SourceViewQuery } from "../../schemas/sources";
import { agreementOf, readAgreementSums } from "./agreement";
import { monthBounds, resolveBasis } from "./basis";
import { coverageOf, readCoverage, readLabelRollup } from "./rollups";
import { db } from "../client";
import { listLabels } from "../labels/list";

// The sources index: every source's figures under one basis, from the rollups'
// all-time bucket or months in range (a few rows per source, never the spans).
// Read-only: readers add what writers appended since the last fold, and the
// folds and agreement refreshes run as jobs after writes (lib/jobs/figures.ts).

import type { SourceIndexItem, SourceRef, ViewBasis } from "../../schemas/responses/sources";
export type { SourceIndexItem, SourceRef, ViewBasis };

export const sourceFields = { id: true, name: true, slug: true, homepage: true, description: true } as const;

/** The source's agreement for reviewers and admins; analysts see that it is not for them. */
export function agreementFor(actor: Actor, sums: Map<string, AgreementSums>, sourceId: string): SourceAgreement {
  return can(actor, "others-work:read", POOLED) ? sourceAgreement(agreementOf(sums, sourceId)) : HIDDEN_AGREEMENT;
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
      unverifiedArticleShare: articleShare(figures, keyOfRole(labels, "UNVERIFIED"), covered.articles),
      attributionKinds: kindFigures(sourceRows, keyOfRole(labels, "ATTRIBUTIONS")),
      agreement: agreementFor(args.actor, agreement, source.id),
    };
  });
  const basis: ViewBasis = { key: resolved.key, description: resolved.description, filters: bounds.description };
  return { basis, labels: labels.map(({ key, name, color, role }): LabelMeta => ({ key, name, color, role })), items };
}
