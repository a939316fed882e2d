// Stacking for underlines: overlapping spans get different lanes (underline
// offsets), using as few lanes as the deepest overlap needs.

import { MinHeap } from "./min-heap";
import { drawableSpans, inDrawingOrder, type IdentifiedSpan } from "./span-order";

/**
 * Lane (0, 1, 2, …) per span id, assigned greedily in drawing order so an
 * enclosing span sits below the spans nested in it, and the same spans always
 * get the same lanes. Greedy colouring of intervals in start order is optimal:
 * the lane count equals maxOverlapDepth. Empty spans get no lane.
 */
export function assignLanes(spans: readonly IdentifiedSpan[]): Map<string, number> {
  const lanes = new Map<string, number>();
  const freeLanes = new MinHeap<number>((a, b) => a < b);
  const busy = new MinHeap<{ end: number; lane: number }>((a, b) => a.end < b.end);
  let laneCount = 0;
  for (const span of inDrawingOrder(drawableSpans(spans))) {
    while (busy.size > 0 && busy.peek()!.end <= span.start) freeLanes.push(busy.pop()!.lane);
    const lane = freeLanes.pop() ?? laneCount++;
    busy.push({ end: span.end, lane });
    lanes.set(span.id, lane);
  }
  return lanes;
}

/** The most spans covering any one position; half-open, so [0, 5) and [5, 9) do not overlap. */
export function maxOverlapDepth(spans: readonly Pick<IdentifiedSpan, "start" | "end">[]): number {
  const events: [position: number, change: 1 | -1][] = [];
  for (const { start, end } of spans) {
    if (end > start) events.push([start, 1], [end, -1]);
  }
  // Ends before starts at the same position.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let deepest = 0;
  for (const [, change] of events) {
    depth += change;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
