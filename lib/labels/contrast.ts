// WCAG 2.x contrast, for label colours: text in a label's colour must read on
// white, and article text must read on a label's highlight. Formulas from
// https://www.w3.org/TR/WCAG21/#dfn-relative-luminance and #dfn-contrast-ratio.

export type Rgb = { r: number; g: number; b: number };

/** WCAG AA for normal-size text. */
export const AA_TEXT = 4.5;

/** "#rrggbb" or "#rgb" to 0–255 channels; null for anything else. */
export function parseHex(color: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two opaque colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The opaque colour a translucent `color` at `alpha` (0–1) shows over `background`. */
export function over(color: Rgb, alpha: number, background: Rgb): Rgb {
  const mix = (f: number, g: number) => f * alpha + g * (1 - alpha);
  return { r: mix(color.r, background.r), g: mix(color.g, background.g), b: mix(color.b, background.b) };
}

/**
 * The colour itself when it reads as text on `background`, else the nearest
 * darker shade of it that does: an admin's light label colour stays
 * recognisable and becomes legible.
 */
export function readableOn(color: string, background: string, minimum = AA_TEXT): string {
  const fg = parseHex(color);
  const bg = parseHex(background);
  if (!fg || !bg) return "#1e293b";
  for (let step = 0; step <= 20; step++) {
    const shade = over({ r: 0, g: 0, b: 0 }, step / 20, fg);
    if (contrastRatio(shade, bg) >= minimum) return toHex(shade);
  }
  return "#000000";
}
