// Shared y scales: a round top value so charts of different sources compare at a glance.

export function niceMax(values: readonly (number | null | undefined)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
  if (max === 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 2.5, 5, 10].find((m) => m * step >= max)! * step;
  return nice;
}

export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

export const SERIES_COLORS = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed", "#be123c", "#0f766e"];

export const FONT = "ui-sans-serif, system-ui, sans-serif";
