import { AA_TEXT, contrastRatio, over, parseHex } from "./contrast";

// How a label shows in the article, in one place so that the contrast test
// checks exactly what the annotator draws. Colour alone never tells labels
// apart: each label also has its own underline style, shown in the legend.

/** Highlight opacity of a span at rest and when it is the selected one. */
export const HIGHLIGHT_ALPHA = { rest: 0x1f / 255, selected: 0x59 / 255 } as const;

/** The article's text colour (Tailwind slate-800) and page background. */
export const ARTICLE_TEXT = "#1e293b";
export const PAGE_BACKGROUND = "#ffffff";

export const UNDERLINE_STYLES = ["solid", "double", "wavy", "dotted", "dashed"] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

/** The n-th label in sort order gets the n-th style, so neighbours always differ. */
export function underlineStyleOf(labelIndex: number): UnderlineStyle {
  return UNDERLINE_STYLES[((labelIndex % UNDERLINE_STYLES.length) + UNDERLINE_STYLES.length) % UNDERLINE_STYLES.length]!;
}

/** The worst contrast article text has on this label's highlight (the selected, stronger one). */
export function textOnHighlightContrast(color: string): number {
  const fg = parseHex(color);
  const page = parseHex(PAGE_BACKGROUND)!;
  if (!fg) return 0;
  return contrastRatio(parseHex(ARTICLE_TEXT)!, over(fg, HIGHLIGHT_ALPHA.selected, page));
}

/** Contrast of the label's colour used as text (list, legend) on the page. */
export function labelTextContrast(color: string): number {
  const fg = parseHex(color);
  return fg ? contrastRatio(fg, parseHex(PAGE_BACKGROUND)!) : 0;
}

/**
 * Why this colour cannot be a label's, or [] when it can: "#rrggbb", article
 * text must read on its highlight, and the colour itself must read as text on
 * the page (the legend, the list), both at WCAG AA.
 */
export function colourProblems(color: string): string[] {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return ["must be a colour written #rrggbb"];
  const problems: string[] = [];
  const onHighlight = textOnHighlightContrast(color);
  if (onHighlight < AA_TEXT) problems.push(`article text on its highlight has contrast ${onHighlight.toFixed(2)}:1, below ${AA_TEXT}:1 (WCAG AA); choose a lighter or less saturated colour`);
  const asText = labelTextContrast(color);
  if (asText < AA_TEXT) problems.push(`as text on the page it has contrast ${asText.toFixed(2)}:1, below ${AA_TEXT}:1 (WCAG AA); choose a darker colour`);
  return problems;
}
