"use client";

import type { LabelMeta } from "@/lib/aggregates/figures";
import type { SourceIndexItem, ViewBasis } from "@/lib/schemas/responses/sources";
import { EvidencePanel } from "./EvidencePanel";
import { SourcesTable } from "./SourcesTable";
import { useEvidence } from "./useEvidence";

/** The index table and, below it, the spans behind whichever figure was clicked. */
export function SourcesIndexView({ items, labels, basis, view }: { items: SourceIndexItem[]; labels: LabelMeta[]; basis: ViewBasis; view: Record<string, string> }) {
  const evidence = useEvidence(view);
  return (
    <div className="space-y-6">
      <SourcesTable items={items} labels={labels} basis={basis} onEvidence={evidence.open} />
      <EvidencePanel state={evidence.state} onMore={evidence.more} onClose={evidence.close} />
    </div>
  );
}
