"use client";

import Link from "next/link";
import { formatShare } from "@/lib/aggregates/density";
import type { SourceStats } from "@/lib/schemas/responses/sources";
import { niceMax, SERIES_COLORS } from "./charts/scale";
import { EvidencePanel } from "./EvidencePanel";
import { LabelDensityChart } from "./LabelDensityChart";
import { MonthlyDensityChart, monthlyMax } from "./MonthlyDensityChart";
import { useEvidence } from "./useEvidence";

/** Two or more sources on the same charts and the same y scale. */
export function SourceComparison({ sources, view }: { sources: SourceStats[]; view: Record<string, string> }) {
  const evidence = useEvidence(view);
  const labels = sources[0]!.labelMeta;
  const yMax = niceMax(monthlyMax(sources)); // one scale for every monthly chart
  const color = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
  return (
    <div className="space-y-6">
      <ul className="flex flex-wrap gap-4 text-sm">
        {sources.map((s, i) => (
          <li key={s.source.id} className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: color(i) }} />
            <Link href={`/sources/${s.source.id}?${new URLSearchParams(view)}`} className="font-medium hover:underline">{s.source.name}</Link>
            <span className="text-slate-600">{s.articles} articles · unverified in {formatShare(s.unverifiedArticleShare)} · anon./vague {formatShare(s.attributionKinds.anonymousOrVagueShare)}</span>
          </li>
        ))}
      </ul>
      <LabelDensityChart sources={sources} labels={labels} onEvidence={evidence.open} filename={`compare-${view.basis ?? "all"}-label-mix`} />
      <EvidencePanel state={evidence.state} onMore={evidence.more} onClose={evidence.close} />
      <div className="grid gap-4 xl:grid-cols-2">
        {labels.map((label, labelIndex) => (
          <MonthlyDensityChart
            key={label.key}
            title={`${label.name} per 1,000 words by month`}
            lines={sources.map((s, i) => ({ name: s.source.name, color: color(i), source: s, label, labelIndex }))}
            yMax={yMax}
            onEvidence={evidence.open}
            filename={`compare-${label.key}-monthly`}
          />
        ))}
      </div>
    </div>
  );
}
