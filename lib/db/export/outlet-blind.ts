// An export article as an analyst who reads it outlet-blind may have it (decision 0025): no source
// (a stand-in the formats accept), byline, URL or date; the title without the outlet's markers; the
// text and every quote, prefix and suffix with the outlet's self-references masked at the same offsets.
import { applyMask, blindTitle, outletMaskRanges, type Outlet } from "../../campaigns/outlet-blind";
import type { ExportArticle } from "../../formats/model";
import { indexFor } from "../../spans";

/** The source every outlet-blind article carries in an export: one for all, so it groups nothing by outlet. */
export const HIDDEN_SOURCE = { id: "outlet-hidden", name: "Outlet hidden", slug: "outlet-hidden" } as const;

export function blindExportArticle(article: ExportArticle, outlet: Outlet, body: string): ExportArticle {
  const masks = outletMaskRanges(body, outlet);
  const shown = indexFor(applyMask(body, masks));
  const cut = (start: number, end: number) => shown.slice(Math.max(0, Math.min(start, shown.length)), Math.max(0, Math.min(end, shown.length)));
  return {
    ...article,
    title: blindTitle(article.title, outlet),
    source: { ...HIDDEN_SOURCE },
    byline: null,
    url: null,
    publishedAt: null,
    text: article.text === null ? null : shown.text,
    annotations: masks.length
      ? article.annotations.map((an) => ({
          ...an,
          quote: cut(an.start, an.end),
          prefix: cut(an.start - Array.from(an.prefix).length, an.start),
          suffix: cut(an.end, an.end + Array.from(an.suffix).length),
        }))
      : article.annotations,
  };
}
