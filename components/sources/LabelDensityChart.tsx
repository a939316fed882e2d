"use client";

import { formatDensity, formatInterval } from "@/lib/aggregates/density";
import type { LabelMeta } from "@/lib/aggregates/figures";
import type { SourceStats } from "@/lib/schemas/responses/sources";
import { ChartFrame } from "./charts/ChartFrame";
import { LabelBarChart } from "./charts/LabelBarChart";
import { niceMax, SERIES_COLORS } from "./charts/scale";
import type { OpenEvidence } from "./useEvidence";

/** Density per label with 95% bootstrap intervals: one bar per source, coloured by label when there is one source. */
export function LabelDensityChart({ sources, labels, onEvidence, filename }: { sources: SourceStats[]; labels: LabelMeta[]; onEvidence: OpenEvidence; filename: string }) {
  const single = sources.length === 1;
  const groups = labels.map((label, l) => ({
    name: label.name,
    bars: sources.map((s, i) => {
      const f = s.labels[l]!;
      return {
        series: s.source.name,
        color: single ? label.color : SERIES_COLORS[i % SERIES_COLORS.length]!,
        value: f.per1kWords,
        ci: f.ci95,
        description: `${label.name}, ${s.source.name}: ${formatDensity(f.per1kWords)} per 1,000 words (${formatInterval(f.ci95)}), ${+f.count.toFixed(2)} spans — show spans`,
        onSelect: () => onEvidence({ sourceId: s.source.id, title: `${s.source.name}: ${label.name}`, filters: { label: label.key } }),
      };
    }),
  }));
  const yMax = niceMax(sources.flatMap((s) => s.labels.flatMap((f) => [f.per1kWords, f.ci95?.[1]])));
  const basis = sources[0]!.basis;
  return (
    <ChartFrame title="Label mix: spans per 1,000 words, 95% CI" filename={filename}>
      <LabelBarChart
        title={`${sources.map((s) => s.source.name).join(" vs ")}: spans per 1,000 words`}
        caption={`Basis: ${basis.description}; ${basis.filters}. Error bars: 95% bootstrap CI over articles.`}
        groups={groups}
        yMax={yMax}
      />
    </ChartFrame>
  );
}
