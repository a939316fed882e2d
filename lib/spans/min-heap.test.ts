import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinHeap } from "./min-heap";

describe("MinHeap", () => {
  it.each([
    ["ascending input", [1, 2, 3]],
    ["descending input", [3, 2, 1]],
    ["duplicates", [2, 1, 2, 1]],
    ["one item", [7]],
  ])("pops %s in order", (_name, values) => {
    const heap = new MinHeap<number>((a, b) => a < b);
    values.forEach((v) => heap.push(v));
    const popped = values.map(() => heap.pop());
    expect(popped).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });

  it("behaves like a sorted list under mixed pushes and pops (property)", () => {
    const operation = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant("pop" as const));
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 100 }), (operations) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        const model: number[] = [];
        for (const op of operations) {
          if (op === "pop") {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model.length ? Math.min(...model) : undefined);
        }
      }),
    );
  });
});
