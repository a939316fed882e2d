"use client";

import { formatDensity, formatInterval } from "@/lib/aggregates/density";
import type { LabelMeta } from "@/lib/aggregates/figures";
import type { SourceStats } from "@/lib/schemas/responses/sources";
import { ChartFrame } from "./charts/ChartFrame";
import { MonthlyLineChart, type LineSeries } from "./charts/MonthlyLineChart";
import type { OpenEvidence } from "./useEvidence";

type Line = { name: string; color: string; source: SourceStats; label: LabelMeta; labelIndex: number };

/** Monthly density lines; `lines` picks which (source, label) pairs to draw on one chart. */
export function MonthlyDensityChart({ title, lines, yMax, onEvidence, filename }: { title: string; lines: Line[]; yMax: number; onEvidence: OpenEvidence; filename: string }) {
  const months = [...new Set(lines.flatMap((l) => l.source.monthly.map((m) => m.month)))].sort();
  const series: LineSeries[] = lines.map(({ name, color, source, label, labelIndex }) => ({
    name,
    color,
    points: source.monthly.map((m) => {
      const f = m.labels[labelIndex]!;
      return {
        month: m.month,
        value: f.per1kWords,
        ci: f.ci95,
        description: `${label.name}, ${source.source.name}, ${m.month}: ${formatDensity(f.per1kWords)} per 1,000 words (${formatInterval(f.ci95)}), ${m.articles} articles — show spans`,
        onSelect: () => onEvidence({ sourceId: source.source.id, title: `${source.source.name}: ${label.name} in ${m.month}`, filters: { label: label.key, month: m.month } }),
      };
    }),
  }));
  const basis = lines[0]?.source.basis;
  return (
    <ChartFrame title={title} filename={filename}>
      <MonthlyLineChart title={title} caption={basis ? `Basis: ${basis.description}; ${basis.filters}. Bars: 95% bootstrap CI.` : ""} months={months} series={series} yMax={yMax} />
    </ChartFrame>
  );
}

export function monthlyMax(sources: SourceStats[]): number[] {
  return sources.flatMap((s) => s.monthly.flatMap((m) => m.labels.flatMap((f) => [f.per1kWords ?? 0, f.ci95?.[1] ?? 0])));
}
