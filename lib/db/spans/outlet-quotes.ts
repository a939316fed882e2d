// Spans on an article an analyst reads outlet-blind (decision 0025). Their annotator shows the text
// with the outlet's self-references replaced code point for code point, so a span selected across
// one arrives with █ in its quote: the true quote (the stored text's) is what is checked and kept.
// Going out, the analyst's spans carry quote, prefix and suffix as they were shown.
import type { Actor } from "../../auth/policy";
import { applyMask, MASK_CHAR, outletMaskRanges } from "../../campaigns/outlet-blind";
import { indexFor } from "../../spans";
import { db } from "../client";
import { isOutletBlind } from "../campaigns/outlet-blind";

export type BlindText = { truth: ReturnType<typeof indexFor>; shown: ReturnType<typeof indexFor> };

/** The article's text as stored and as shown to this actor; null when they see it whole (or it has no self-reference). */
export async function blindTextFor(args: { actor: Actor; articleId: string }): Promise<BlindText | null> {
  if (!(await isOutletBlind(args))) return null;
  const article = await db().article.findUnique({ where: { id: args.articleId }, select: { body: true, source: { select: { name: true, domain: true, homepage: true } } } });
  if (!article) return null;
  const masks = outletMaskRanges(article.body, article.source);
  return masks.length ? { truth: indexFor(article.body), shown: indexFor(applyMask(article.body, masks)) } : null;
}

export async function blindTextForAnnotation(args: { actor: Actor; annotationId: string }): Promise<BlindText | null> {
  const row = await db().annotation.findUnique({ where: { id: args.annotationId }, select: { articleId: true } });
  return row ? blindTextFor({ actor: args.actor, articleId: row.articleId }) : null;
}

const inBody = (text: BlindText, start: number, end: number) => start >= 0 && end <= text.truth.length && start <= end;

/** The stored text's quote for a span whose quote is the shown text's; any other quote is left for the usual check to refuse. */
export function trueQuote(text: BlindText | null, span: { start: number; end: number; quote: string }): string {
  if (!text || !span.quote.includes(MASK_CHAR) || !inBody(text, span.start, span.end)) return span.quote;
  return text.shown.slice(span.start, span.end) === span.quote ? text.truth.slice(span.start, span.end) : span.quote;
}

/** A span as the blind reader's text shows it: quote, prefix and suffix cut from the shown text at the same offsets. */
export function shownSpan<T extends { start: number; end: number; quote: string; prefix: string; suffix: string }>(text: BlindText | null, span: T): T {
  if (!text || !inBody(text, span.start, span.end)) return span;
  const prefixStart = Math.max(0, span.start - Array.from(span.prefix).length);
  const suffixEnd = Math.min(text.shown.length, span.end + Array.from(span.suffix).length);
  return { ...span, quote: text.shown.slice(span.start, span.end), prefix: text.shown.slice(prefixStart, span.start), suffix: text.shown.slice(span.end, suffixEnd) };
}
