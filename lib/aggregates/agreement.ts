import { unitizingAlpha } from "../agreement";

// Agreement per source: the mean over its articles with two or more raters of
// one article-level figure, Krippendorff's unitizing alpha over all labels
// together (uα = 1 − Σ_c uDo(c) / Σ_c uDe(c), lib/agreement/unitizing-alpha.ts).
// Raters are as in the agreement report: annotators with spans, and anyone
// who started or submitted the article, so one who marked nothing lowers the
// figure. Articles where alpha is undefined are left out of the mean and
// counted; so are the articles whose figure is still being recomputed.

export type ArticleAgreementInput = {
  length: number;
  raters: readonly string[];
  labels: readonly string[];
  spans: readonly { rater: string; label: string; start: number; end: number }[];
};

/** The article's uα over all labels, or null when undefined (fewer than two raters, nothing to compare, bad offsets). */
export function articleAlpha(input: ArticleAgreementInput): number | null {
  if (input.raters.length < 2 || input.length <= 0) return null;
  try {
    const units = input.spans.map((s) => ({ rater: s.rater, category: s.label, start: s.start, end: s.end }));
    return unitizingAlpha(units, { start: 0, end: input.length }, { raters: input.raters, categories: input.labels }).value;
  } catch (error) {
    if (error instanceof RangeError) return null; // a span outside the text: no figure rather than a wrong one
    throw error;
  }
}

/** Sums over a source's articles: compared (≥ 2 raters), with alpha defined, their alphas, and figures not yet recomputed. */
export type AgreementSums = { articles: number; defined: number; alphaSum: number; pending: number };

export type SourceAgreement = {
  measure: "unitizing alpha";
  /** False for analysts: like the agreement report, agreement is for reviewers and admins. */
  shown: boolean;
  mean: number | null;
  /** Articles with two or more raters whose figure is current. */
  articles: number;
  /** Of those, articles where alpha is defined: the mean rests on these. */
  defined: number;
  /** Articles whose figure is being recomputed (spans changed since): not in the mean yet. */
  pending: number;
  /** Why there is no mean, or what it leaves out; null when it covers every compared article. */
  note: string | null;
};

export const NO_AGREEMENT: AgreementSums = { articles: 0, defined: 0, alphaSum: 0, pending: 0 };

export function sourceAgreement(sums: AgreementSums): SourceAgreement {
  const { articles, defined, pending } = sums;
  const mean = defined > 0 ? sums.alphaSum / defined : null;
  const waiting = pending > 0 ? `${pending} article(s) changed since and are being recomputed` : null;
  let note: string | null;
  if (articles === 0) note = waiting ?? "no article has two or more annotators yet";
  else if (defined === 0) note = [`alpha is undefined on all ${articles} compared article(s)`, waiting].filter(Boolean).join("; ");
  else {
    const parts = [defined < articles ? `${articles - defined} article(s) with undefined alpha left out` : null, waiting];
    note = parts.some(Boolean) ? parts.filter(Boolean).join("; ") : null;
  }
  return { measure: "unitizing alpha", shown: true, mean, articles, defined, pending, note };
}

/**
 * What analysts get instead: while they annotate, agreement with the others'
 * spans would tell them how close they are (the agreement report and the
 * compare view are reviewer-only for the same reason).
 */
export const HIDDEN_AGREEMENT: SourceAgreement = {
  measure: "unitizing alpha",
  shown: false,
  mean: null,
  articles: 0,
  defined: 0,
  pending: 0,
  note: "agreement is shown to reviewers and admins, as in the agreement report",
};

/** "0.62 (n=37)", or "n/a" when there is no mean. */
export function formatAgreement(agreement: SourceAgreement): string {
  return agreement.mean === null ? "n/a" : `${agreement.mean.toFixed(2)} (n=${agreement.defined})`;
}
