import type { Interval } from "@/lib/aggregates/bootstrap";
import { ChartAxes } from "./ChartAxes";
import { SvgButton } from "./SvgButton";
import { FONT } from "./scale";

export type Bar = { series: string; color: string; value: number | null; ci: Interval | null; description: string; onSelect: () => void };
export type BarGroup = { name: string; bars: Bar[] };

const W = 680;
const H = 320;
const M = { top: 30, right: 8, bottom: 250, left: 52 };

/** Grouped bars (one group per label) with 95% error bars; every bar opens the spans behind it. */
export function LabelBarChart({ title, caption, groups, yMax, yLabel = "per 1,000 words" }: { title: string; caption: string; groups: BarGroup[]; yMax: number; yLabel?: string }) {
  const groupWidth = (W - M.left - M.right) / Math.max(groups.length, 1);
  const y = (v: number) => M.bottom - ((M.bottom - M.top) * Math.min(v, yMax)) / yMax;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}. ${caption}`}>
      <rect width={W} height={H} fill="#ffffff" />
      <ChartAxes width={W} height={H} top={M.top} bottom={M.bottom} left={M.left} yMax={yMax} yLabel={yLabel} title={title} caption={caption} />
      {groups.map((group, g) => {
        const x0 = M.left + g * groupWidth;
        const barWidth = Math.min(48, (groupWidth * 0.8) / Math.max(group.bars.length, 1));
        const start = x0 + (groupWidth - barWidth * group.bars.length) / 2;
        return (
          <g key={group.name}>
            {group.bars.map((bar, b) => {
              const x = start + b * barWidth;
              const value = bar.value ?? 0;
              return (
                <SvgButton key={bar.series} label={bar.description} onSelect={bar.onSelect}>
                  <rect x={x + 2} y={y(value)} width={barWidth - 4} height={M.bottom - y(value)} fill={bar.color} rx={2} />
                  {bar.ci && (
                    <g stroke="#0f172a" strokeWidth={1.2}>
                      <line x1={x + barWidth / 2} x2={x + barWidth / 2} y1={y(bar.ci[0])} y2={y(bar.ci[1])} />
                      <line x1={x + barWidth / 2 - 5} x2={x + barWidth / 2 + 5} y1={y(bar.ci[0])} y2={y(bar.ci[0])} />
                      <line x1={x + barWidth / 2 - 5} x2={x + barWidth / 2 + 5} y1={y(bar.ci[1])} y2={y(bar.ci[1])} />
                    </g>
                  )}
                  {bar.value === null && <text x={x + barWidth / 2} y={M.bottom - 4} fontSize={10} textAnchor="middle" fill="#64748b" fontFamily={FONT}>—</text>}
                </SvgButton>
              );
            })}
            <text x={x0 + groupWidth / 2} y={M.bottom + 16} fontSize={11} textAnchor="middle" fill="#0f172a" fontFamily={FONT}>{group.name}</text>
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={M.bottom} y2={M.bottom} stroke="#94a3b8" />
      <Legend bars={groups[0]?.bars ?? []} />
    </svg>
  );
}

function Legend({ bars }: { bars: Bar[] }) {
  if (bars.length < 2) return null;
  return (
    <g fontFamily={FONT} fontSize={10}>
      {bars.map((bar, i) => (
        <g key={bar.series} transform={`translate(${M.left + (i % 3) * 200} ${M.bottom + 32 + Math.floor(i / 3) * 14})`}>
          <rect width={10} height={10} fill={bar.color} />
          <text x={14} y={9} fill="#0f172a">{bar.series}</text>
        </g>
      ))}
    </g>
  );
}
