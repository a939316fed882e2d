"use client";

import type { SourceStats } from "@/lib/schemas/responses/sources";
import { ArticleFiguresTable } from "./ArticleFiguresTable";
import { niceMax } from "./charts/scale";
import { EvidencePanel } from "./EvidencePanel";
import { ExpressionTables } from "./ExpressionTables";
import { LabelDensityChart } from "./LabelDensityChart";
import { MonthlyDensityChart, monthlyMax } from "./MonthlyDensityChart";
import { SourceSummary } from "./SourceSummary";
import { useEvidence } from "./useEvidence";

/** One source: headline figures, charts, expressions, articles — and the spans behind any of them. */
export function SourceView({ stats, view }: { stats: SourceStats; view: Record<string, string> }) {
  const evidence = useEvidence(view);
  const slug = `${stats.source.slug}-${stats.basis.key}`;
  const lines = stats.labelMeta.map((label, labelIndex) => ({ name: label.name, color: label.color, source: stats, label, labelIndex }));
  return (
    <div className="space-y-6">
      <SourceSummary stats={stats} />
      <div className="grid gap-4 xl:grid-cols-2">
        <LabelDensityChart sources={[stats]} labels={stats.labelMeta} onEvidence={evidence.open} filename={`${slug}-label-mix`} />
        <MonthlyDensityChart title="Density per label by month" lines={lines} yMax={niceMax(monthlyMax([stats]))} onEvidence={evidence.open} filename={`${slug}-monthly`} />
      </div>
      <EvidencePanel state={evidence.state} onMore={evidence.more} onClose={evidence.close} />
      <ExpressionTables stats={stats} onEvidence={evidence.open} />
      <ArticleFiguresTable stats={stats} onEvidence={evidence.open} />
    </div>
  );
}
