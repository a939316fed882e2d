// Where annotators disagree, and how, for the reviewer's compare view.
import { attributesKey, sameAttributes, sameNote } from "./values";

export type CompareSpan = {
  id: string;
  rater: string;
  label: string;
  start: number;
  end: number;
  attributes: Record<string, unknown>;
  note: string | null;
};

/**
 * agreed     — every other annotator made exactly this span with this label and these attributes;
 * attributes — someone made exactly this span with this label but other attributes (speaker, kind…);
 * label      — someone made exactly this span with another label;
 * boundary   — someone made an overlapping span of this label with other boundaries;
 * missing    — only some annotators made it (nothing matching from the others).
 * Notes are free text, not a kind: `notesDiffer` tells the card to show them side by side.
 */
export type DisagreementKind = "agreed" | "attributes" | "label" | "boundary" | "missing";

const overlaps = (a: CompareSpan, b: CompareSpan) => a.start < b.end && b.start < a.end;
const sameRange = (a: CompareSpan, b: CompareSpan) => a.start === b.start && a.end === b.end;
const sameRangeAndLabel = (a: CompareSpan, b: CompareSpan) => sameRange(a, b) && a.label === b.label;
const identical = (a: CompareSpan, b: CompareSpan) => sameRangeAndLabel(a, b) && sameAttributes(a.attributes, b.attributes);

export function classifySpans(spans: CompareSpan[], raters: string[]): Map<string, DisagreementKind> {
  const kinds = new Map<string, DisagreementKind>();
  for (const span of spans) {
    const others = spans.filter((s) => s.rater !== span.rater && overlaps(s, span));
    const otherRaters = raters.filter((r) => r !== span.rater);
    const agreedBy = (r: string) => others.some((s) => s.rater === r && identical(s, span));
    if (otherRaters.length > 0 && otherRaters.every(agreedBy)) kinds.set(span.id, "agreed");
    else if (others.some((s) => sameRangeAndLabel(s, span) && !sameAttributes(s.attributes, span.attributes))) kinds.set(span.id, "attributes");
    else if (others.some((s) => sameRange(s, span) && s.label !== span.label)) kinds.set(span.id, "label");
    else if (others.some((s) => s.label === span.label)) kinds.set(span.id, "boundary");
    else kinds.set(span.id, "missing");
  }
  return kinds;
}

/** Ids of spans whose note differs from that of another annotator's span with the same range and label. */
export function spansWithDifferingNotes(spans: CompareSpan[]): Set<string> {
  const differing = new Set<string>();
  for (const span of spans) {
    if (spans.some((s) => s.rater !== span.rater && sameRangeAndLabel(s, span) && !sameNote(s.note, span.note))) differing.add(span.id);
  }
  return differing;
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

export type UnanimousSpan = { label: string; start: number; end: number; attributes: Record<string, unknown>; ids: string[]; notesDiffer: boolean };

/**
 * Spans every annotator made identically (same range, label and attributes): what "accept all
 * agreed" takes into gold. Their attributes are therefore everybody's; notes may still differ,
 * and `notesDiffer` says so, so that no one annotator's note is taken silently.
 */
export function unanimousSpans(spans: CompareSpan[], raters: string[]): UnanimousSpan[] {
  if (raters.length < 2) return [];
  const groups = new Map<string, CompareSpan[]>();
  for (const s of spans) {
    const key = JSON.stringify([s.start, s.end, s.label, attributesKey(s.attributes)]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()]
    .filter((group) => raters.every((r) => group.some((s) => s.rater === r)))
    .map((group) => {
      const first = group[0]!;
      return {
        label: first.label, start: first.start, end: first.end, attributes: first.attributes,
        ids: group.map((s) => s.id),
        notesDiffer: group.some((s) => !sameNote(s.note, first.note)),
      };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
