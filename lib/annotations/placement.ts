export type Size = { width: number; height: number };
export type Point = { x: number; y: number };

/**
 * Where a popup of `size` opened at `at` (a click) goes so that all of it is
 * inside the viewport: below the point when it fits, else above it, else
 * pinned to the viewport's edge, with `margin` pixels to spare.
 */
export function placeInViewport(at: Point, size: Size, viewport: Size, margin = 8, gap = 12): { top: number; left: number } {
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));
  const below = at.y + gap;
  const above = at.y - gap - size.height;
  const preferred = below + size.height <= viewport.height - margin ? below : above >= margin ? above : below;
  const top = clamp(preferred, margin, viewport.height - margin - size.height);
  const left = clamp(at.x - 40, margin, viewport.width - margin - size.width);
  return { top, left };
}
