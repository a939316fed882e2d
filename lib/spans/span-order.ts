// The one order in which overlapping highlights are listed and stacked:
// earlier start first, then the longer span (the one that encloses), then input order.

export type IdentifiedSpan = { id: string; start: number; end: number };

/** Spans that can be drawn: clipped to [0, length) and non-empty, because a stale span must not break rendering. */
export function drawableSpans<T extends IdentifiedSpan>(spans: readonly T[], length = Infinity): T[] {
  const result: T[] = [];
  for (const span of spans) {
    const start = Math.max(0, span.start);
    const end = Math.min(length, span.end);
    if (end > start) result.push(start === span.start && end === span.end ? span : { ...span, start, end });
  }
  return result;
}

/** Sorted copy; Array.prototype.sort is stable, so equal spans keep their input order. */
export function inDrawingOrder<T extends IdentifiedSpan>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
}
