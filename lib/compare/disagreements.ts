// Where annotators disagree, and how, for the reviewer's compare view.

export type CompareSpan = { id: string; rater: string; label: string; start: number; end: number };

/**
 * agreed   — every other annotator made exactly this span with this label;
 * label    — someone made exactly this span with another label;
 * boundary — someone made an overlapping span of this label with other boundaries;
 * missing  — only some annotators made it (nothing matching from the others).
 */
export type DisagreementKind = "agreed" | "label" | "boundary" | "missing";

const overlaps = (a: CompareSpan, b: CompareSpan) => a.start < b.end && b.start < a.end;
const sameRange = (a: CompareSpan, b: CompareSpan) => a.start === b.start && a.end === b.end;

export function classifySpans(spans: CompareSpan[], raters: string[]): Map<string, DisagreementKind> {
  const kinds = new Map<string, DisagreementKind>();
  for (const span of spans) {
    const others = spans.filter((s) => s.rater !== span.rater && overlaps(s, span));
    const otherRaters = raters.filter((r) => r !== span.rater);
    const agreedBy = (r: string) => others.some((s) => s.rater === r && sameRange(s, span) && s.label === span.label);
    if (otherRaters.length > 0 && otherRaters.every(agreedBy)) kinds.set(span.id, "agreed");
    else if (others.some((s) => sameRange(s, span) && s.label !== span.label)) kinds.set(span.id, "label");
    else if (others.some((s) => s.label === span.label)) kinds.set(span.id, "boundary");
    else kinds.set(span.id, "missing");
  }
  return kinds;
}

export type Cluster<S extends { start: number; end: number }> = { start: number; end: number; spans: S[] };

/** Groups spans that overlap, directly or through others, in text order: one row of the compare view each. */
export function clusterSpans<S extends { start: number; end: number }>(spans: S[]): Cluster<S>[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: Cluster<S>[] = [];
  for (const span of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && span.start < last.end) {
      last.spans.push(span);
      last.end = Math.max(last.end, span.end);
    } else {
      clusters.push({ start: span.start, end: span.end, spans: [span] });
    }
  }
  return clusters;
}

export type UnanimousSpan = { label: string; start: number; end: number; ids: string[] };

/** Spans every annotator made identically (same range, same label): what "accept all agreed" takes into gold. */
export function unanimousSpans(spans: CompareSpan[], raters: string[]): UnanimousSpan[] {
  if (raters.length < 2) return [];
  const groups = new Map<string, CompareSpan[]>();
  for (const s of spans) {
    const key = `${s.start}:${s.end}:${s.label}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()]
    .filter((group) => raters.every((r) => group.some((s) => s.rater === r)))
    .map((group) => ({ label: group[0]!.label, start: group[0]!.start, end: group[0]!.end, ids: group.map((s) => s.id) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
