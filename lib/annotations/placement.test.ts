import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeInViewport } from "./placement";

const viewport = { width: 1024, height: 768 };
const size = { width: 288, height: 200 };

describe("placeInViewport", () => {
  it.each([
    ["below a click with room", { x: 300, y: 100 }, { top: 112, left: 260 }],
    ["above a click near the bottom of the viewport", { x: 300, y: 700 }, { top: 488, left: 260 }],
    ["left of a click near the right edge", { x: 1010, y: 100 }, { top: 112, left: 728 }],
    ["right of a click near the left edge", { x: 5, y: 100 }, { top: 112, left: 8 }],
  ])("opens %s", (_name, at, expected) => {
    expect(placeInViewport(at, size, viewport)).toEqual(expected);
  });

  it("keeps every popup that fits inside the viewport, wherever the click", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 1100 }), fc.integer({ min: -50, max: 900 }), fc.integer({ min: 40, max: 700 }), (x, y, height) => {
        const { top, left } = placeInViewport({ x, y }, { width: 288, height }, viewport);
        expect(top).toBeGreaterThanOrEqual(8);
        expect(top + height).toBeLessThanOrEqual(viewport.height - 8);
        expect(left).toBeGreaterThanOrEqual(8);
        expect(left + 288).toBeLessThanOrEqual(viewport.width - 8);
      }),
    );
  });

  it("on a phone narrower than the popup, starts at the margin", () => {
    expect(placeInViewport({ x: 200, y: 100 }, { width: 400, height: 100 }, { width: 390, height: 800 }).left).toBe(8);
  });
});
