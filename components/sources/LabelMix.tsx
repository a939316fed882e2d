import type { ReactNode } from "react";
import type { LabelFigure, LabelMeta } from "@/lib/aggregates/figures";
import { formatDensity } from "@/lib/aggregates/density";

/** A one-line stacked bar of a source's densities per label, for scanning the index. */
export function LabelMix({ labels, figures }: { labels: LabelMeta[]; figures: LabelFigure[] }) {
  const total = figures.reduce((s, f) => s + (f.per1kWords ?? 0), 0);
  if (total === 0) return <span className="text-xs text-slate-400">no spans</span>;
  const summary = labels.map((l, i) => `${l.name} ${formatDensity(figures[i]?.per1kWords ?? null)}`).join(", ");
  return (
    <svg viewBox="0 0 100 10" width="120" height="12" role="img" aria-label={`Label mix per 1,000 words: ${summary}`} preserveAspectRatio="none">
      <title>{summary}</title>
      {figures.reduce<{ x: number; parts: ReactNode[] }>(
        (acc, f, i) => {
          const w = ((f.per1kWords ?? 0) / total) * 100;
          acc.parts.push(<rect key={f.key} x={acc.x} y={0} width={w} height={10} fill={labels[i]?.color ?? "#94a3b8"} />);
          return { x: acc.x + w, parts: acc.parts };
        },
        { x: 0, parts: [] },
      ).parts}
    </svg>
  );
}
