// Densities are spans per 1,000 words: comparable across outlets that publish
// long and short pieces. Undefined (null) rather than 0 when nothing was read.

export function per1kWords(spans: number, words: number): number | null {
  return words > 0 ? (spans / words) * 1000 : null;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "2024-03" for a month, "undated" for articles without a publication date. */
export function monthLabel(month: string | null): string {
  return month ?? "undated";
}

/** Figures for display: one decimal for densities, whole percent for shares, "—" when undefined. */
export function formatDensity(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

export function formatShare(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

export function formatInterval(ci: readonly [number, number] | null): string {
  return ci ? `95% CI ${ci[0].toFixed(2)}–${ci[1].toFixed(2)}` : "95% CI —";
}
