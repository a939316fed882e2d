import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignLanes, maxOverlapDepth } from "./lanes";
import type { IdentifiedSpan } from "./span-order";

const span = (id: string, start: number, end: number): IdentifiedSpan => ({ id, start, end });

describe("assignLanes", () => {
  it.each<[string, IdentifiedSpan[], Record<string, number>]>([
    ["disjoint spans share lane 0", [span("a", 0, 3), span("b", 5, 8)], { a: 0, b: 0 }],
    ["touching spans share a lane (half-open)", [span("a", 0, 3), span("b", 3, 8)], { a: 0, b: 0 }],
    ["nested spans stack outside-in", [span("inner", 4, 5), span("middle", 2, 8), span("outer", 0, 10)], { outer: 0, middle: 1, inner: 2 }],
    ["same start: the longer span below", [span("short", 2, 4), span("long", 2, 9)], { long: 0, short: 1 }],
    ["identical spans: input order", [span("y", 1, 3), span("x", 1, 3)], { y: 0, x: 1 }],
    [
      "a freed lane is reused, the lowest first",
      [span("a", 0, 10), span("b", 1, 4), span("c", 2, 5), span("d", 6, 9)],
      { a: 0, b: 1, c: 2, d: 1 },
    ],
    ["empty spans get no lane", [span("a", 3, 3), span("b", 0, 2)], { b: 0 }],
  ])("%s", (_name, spans, expected) => {
    expect(Object.fromEntries(assignLanes(spans))).toEqual(expected);
  });

  it("never puts overlapping spans in one lane and uses exactly maxOverlapDepth lanes (property)", () => {
    const ranges = fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 15 })), { maxLength: 30 });
    fc.assert(
      fc.property(ranges, (pairs) => {
        const spans = pairs.map(([start, length], i) => span(`s${i}`, start, start + length));
        const lanes = assignLanes(spans);
        for (const a of spans) {
          for (const b of spans) {
            if (a !== b && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
          }
        }
        const laneCount = spans.length === 0 ? 0 : Math.max(...lanes.values()) + 1;
        expect(laneCount).toBe(maxOverlapDepth(spans));
      }),
    );
  });
});

describe("maxOverlapDepth", () => {
  it.each<[string, { start: number; end: number }[], number]>([
    ["no spans", [], 0],
    ["one span", [{ start: 0, end: 4 }], 1],
    ["touching spans", [{ start: 0, end: 4 }, { start: 4, end: 8 }], 1],
    ["three nested", [{ start: 0, end: 10 }, { start: 2, end: 8 }, { start: 4, end: 5 }], 3],
    ["overlaps that never meet at one point", [{ start: 0, end: 4 }, { start: 3, end: 7 }, { start: 6, end: 9 }], 2],
    ["empty spans do not count", [{ start: 2, end: 2 }, { start: 0, end: 5 }], 1],
  ])("%s", (_name, spans, expected) => {
    expect(maxOverlapDepth(spans)).toBe(expected);
  });
});
