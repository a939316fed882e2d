import { FONT, ticks } from "./scale";

type Props = { width: number; top: number; bottom: number; left: number; yMax: number; yLabel: string; title: string; caption: string; height: number };

/** Title, y axis with gridlines, and the basis caption — drawn inside the SVG so downloads carry them. */
export function ChartAxes({ width, top, bottom, left, yMax, yLabel, title, caption, height }: Props) {
  const y = (v: number) => bottom - ((bottom - top) * v) / yMax;
  return (
    <g fontFamily={FONT}>
      <text x={left} y={16} fontSize={13} fontWeight={600} fill="#0f172a">{title}</text>
      {ticks(yMax).map((t) => (
        <g key={t}>
          <line x1={left} x2={width - 8} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
          <text x={left - 6} y={y(t) + 4} fontSize={10} textAnchor="end" fill="#475569">{t.toFixed(t < 10 ? 1 : 0)}</text>
        </g>
      ))}
      <text transform={`translate(12 ${(top + bottom) / 2}) rotate(-90)`} fontSize={10} textAnchor="middle" fill="#475569">{yLabel}</text>
      <text x={left} y={height - 6} fontSize={10} fill="#475569">{caption}</text>
    </g>
  );
}
