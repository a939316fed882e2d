// Splits a text into runs that are covered by the same set of highlights, so
// overlapping spans render as flat, non-nested elements.

import { drawableSpans, inDrawingOrder, type IdentifiedSpan } from "./span-order";

export type HighlightSegment = { start: number; end: number; ids: string[] };

/**
 * Segments covering [0, length) in order; `ids` lists the spans covering each
 * segment in drawing order. A sweep: O(n log n) plus the size of the output.
 */
export function segmentText(length: number, spans: readonly IdentifiedSpan[]): HighlightSegment[] {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`length must be a non-negative whole number, got ${length}`);
  // Ordered before clipping, so a clipped span keeps the place its full extent gives it.
  const ordered = drawableSpans(inDrawingOrder(spans), length);
  const ends = [...ordered].sort((a, b) => a.end - b.end);
  const boundaries = [...new Set([0, length, ...ordered.map((s) => s.start), ...ordered.map((s) => s.end)])].sort((a, b) => a - b);

  const segments: HighlightSegment[] = [];
  // Spans enter in drawing order, so appending keeps `active` in drawing order.
  let active: IdentifiedSpan[] = [];
  let nextToOpen = 0;
  let nextToClose = 0;
  for (let b = 0; b + 1 < boundaries.length; b++) {
    const start = boundaries[b]!;
    const end = boundaries[b + 1]!;
    let closed = false;
    while (nextToClose < ends.length && ends[nextToClose]!.end <= start) {
      nextToClose++;
      closed = true;
    }
    if (closed) active = active.filter((span) => span.end > start);
    while (nextToOpen < ordered.length && ordered[nextToOpen]!.start <= start) active.push(ordered[nextToOpen++]!);
    segments.push({ start, end, ids: active.map((span) => span.id) });
  }
  return segments;
}
