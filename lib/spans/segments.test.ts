import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentText } from "./segments";
import type { IdentifiedSpan } from "./span-order";

const span = (id: string, start: number, end: number): IdentifiedSpan => ({ id, start, end });

describe("segmentText", () => {
  it.each<[string, number, IdentifiedSpan[], [number, number, string[]][]]>([
    ["no spans: one plain segment", 10, [], [[0, 10, []]]],
    ["an empty text", 0, [span("a", 0, 0)], []],
    ["one span in the middle", 10, [span("a", 3, 6)], [[0, 3, []], [3, 6, ["a"]], [6, 10, []]]],
    ["a span over everything", 5, [span("a", 0, 5)], [[0, 5, ["a"]]]],
    ["nested spans", 10, [span("inner", 2, 5), span("outer", 0, 10)], [[0, 2, ["outer"]], [2, 5, ["outer", "inner"]], [5, 10, ["outer"]]]],
    ["partly overlapping spans", 9, [span("b", 3, 9), span("a", 0, 6)], [[0, 3, ["a"]], [3, 6, ["a", "b"]], [6, 9, ["b"]]]],
    ["same start: the longer first", 8, [span("short", 2, 4), span("long", 2, 8)], [[0, 2, []], [2, 4, ["long", "short"]], [4, 8, ["long"]]]],
    ["identical spans keep their input order", 4, [span("y", 1, 3), span("x", 1, 3)], [[0, 1, []], [1, 3, ["y", "x"]], [3, 4, []]]],
    ["touching spans do not overlap", 6, [span("a", 0, 3), span("b", 3, 6)], [[0, 3, ["a"]], [3, 6, ["b"]]]],
    ["stale spans are clipped, empty ones dropped", 5, [span("a", -2, 2), span("b", 4, 9), span("c", 3, 3), span("d", 7, 9)], [[0, 2, ["a"]], [2, 4, []], [4, 5, ["b"]]]],
  ])("%s", (_name, length, spans, expected) => {
    expect(segmentText(length, spans)).toEqual(expected.map(([start, end, ids]) => ({ start, end, ids })));
  });

  it("refuses a negative length", () => {
    expect(() => segmentText(-1, [])).toThrow(RangeError);
  });

  it("tiles [0, length) and lists exactly the covering spans in drawing order (property)", () => {
    const spans = fc.array(fc.tuple(fc.integer({ min: -2, max: 32 }), fc.integer({ min: -2, max: 32 })), { maxLength: 25 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), spans, (length, ranges) => {
        const input = ranges.map(([start, end], i) => span(`s${i}`, start, end));
        const segments = segmentText(length, input);
        let position = 0;
        for (const segment of segments) {
          expect(segment.start).toBe(position);
          expect(segment.end).toBeGreaterThan(segment.start);
          position = segment.end;
          const covering = input
            .map((s, i) => ({ ...s, i }))
            .filter((s) => s.start <= segment.start && s.end >= segment.end)
            .sort((a, b) => a.start - b.start || b.end - a.end || a.i - b.i);
          expect(segment.ids).toEqual(covering.map((s) => s.id));
        }
        expect(position).toBe(length);
      }),
    );
  });

  it("segments 5,000 spans over a 150k-character text quickly", () => {
    const spans = Array.from({ length: 5000 }, (_, i) => span(`s${i}`, (i * 7919) % 149_000, ((i * 7919) % 149_000) + 1 + (i % 400)));
    const started = performance.now();
    const segments = segmentText(150_000, spans);
    expect(performance.now() - started).toBeLessThan(500);
    expect(segments.at(-1)?.end).toBe(150_000);
  });
});
