import type { Interval } from "@/lib/aggregates/bootstrap";
import { ChartAxes } from "./ChartAxes";
import { SvgButton } from "./SvgButton";
import { FONT } from "./scale";

export type LinePoint = { month: string; value: number | null; ci: Interval | null; description: string; onSelect: () => void };
export type LineSeries = { name: string; color: string; points: LinePoint[] };

const W = 680;
const H = 300;
const M = { top: 30, right: 12, bottom: 232, left: 52 };

/** One line per series over months, each point with its 95% error bar; points open the spans behind them. */
export function MonthlyLineChart({ title, caption, months, series, yMax }: { title: string; caption: string; months: string[]; series: LineSeries[]; yMax: number }) {
  const step = (W - M.left - M.right) / Math.max(months.length, 1);
  const x = (month: string) => M.left + step * (months.indexOf(month) + 0.5);
  const y = (v: number) => M.bottom - ((M.bottom - M.top) * Math.min(v, yMax)) / yMax;
  const labelEvery = Math.ceil(months.length / 12);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}. ${caption}`}>
      <rect width={W} height={H} fill="#ffffff" />
      <ChartAxes width={W} height={H} top={M.top} bottom={M.bottom} left={M.left} yMax={yMax} yLabel="per 1,000 words" title={title} caption={caption} />
      {months.length === 0 && <text x={W / 2} y={(M.top + M.bottom) / 2} textAnchor="middle" fontSize={12} fill="#64748b" fontFamily={FONT}>No dated articles under this basis</text>}
      {months.map((month, i) =>
        i % labelEvery === 0 ? <text key={month} x={x(month)} y={M.bottom + 14} fontSize={10} textAnchor="middle" fill="#475569" fontFamily={FONT}>{month}</text> : null,
      )}
      {series.map((s) => {
        const defined = s.points.filter((p) => p.value !== null);
        const path = defined.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.month).toFixed(1)},${y(p.value!).toFixed(1)}`).join(" ");
        return (
          <g key={s.name}>
            <path d={path} fill="none" stroke={s.color} strokeWidth={2} />
            {defined.map((p) => (
              <SvgButton key={p.month} label={p.description} onSelect={p.onSelect}>
                {p.ci && <line x1={x(p.month)} x2={x(p.month)} y1={y(p.ci[0])} y2={y(p.ci[1])} stroke={s.color} strokeOpacity={0.5} strokeWidth={1.5} />}
                <circle cx={x(p.month)} cy={y(p.value!)} r={4.5} fill={s.color} stroke="#ffffff" strokeWidth={1.5} />
              </SvgButton>
            ))}
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={M.bottom} y2={M.bottom} stroke="#94a3b8" />
      <g fontFamily={FONT} fontSize={10}>
        {series.map((s, i) => (
          <g key={s.name} transform={`translate(${M.left + (i % 4) * 150} ${M.bottom + 30 + Math.floor(i / 4) * 14})`}>
            <rect width={10} height={10} fill={s.color} />
            <text x={14} y={9} fill="#0f172a">{s.name}</text>
          </g>
        ))}
      </g>
    </svg>
  );
}
