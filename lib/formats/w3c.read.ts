// Reads W3C Web Annotations back: the label from the "tagging" body, the note
// from the "commenting" body, quote/prefix/suffix from the TextQuoteSelector
// and offsets (code points) from the TextPositionSelector. Accepts a
// collection (items in `first`), a page, an array or a single annotation.
// Slant IRIs under `baseUrl` are turned back into ids; other IRIs are kept whole.
import { z } from "zod";
import { codePointLength } from "../spans/offsets";
import { describeIssues } from "./model";
import { w3cIris } from "./w3c.write";

export type W3cAnnotation = {
  id: string;
  articleId: string;
  start: number;
  end: number;
  label: string;
  quote: string;
  prefix: string;
  suffix: string;
  note: string | null;
  annotator: { id: string; name: string } | null;
  createdAt: string | null;
  updatedAt: string | null;
};
export type W3cReadResult = { ok: true; index: number; annotation: W3cAnnotation } | { ok: false; index: number; error: string };

const TextualBody = z.object({ type: z.literal("TextualBody"), value: z.string(), purpose: z.string().optional() });
const Selector = z.looseObject({ type: z.string() });
const W3cAnnotationSchema = z.looseObject({
  id: z.string(),
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((t) => t.includes("Annotation"), "must include Annotation")]),
  body: z.union([TextualBody, z.array(z.union([TextualBody, z.unknown()]))]),
  target: z.looseObject({ source: z.string(), selector: z.union([Selector, z.array(Selector)]) }),
  creator: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
});
const QuoteSelector = z.object({ type: z.literal("TextQuoteSelector"), exact: z.string().min(1), prefix: z.string().default(""), suffix: z.string().default("") });
const PositionSelector = z.object({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) });

function itemsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  const doc = document as { first?: { items?: unknown }; items?: unknown } | null;
  if (Array.isArray(doc?.first?.items)) return doc.first.items;
  if (Array.isArray(doc?.items)) return doc.items;
  return [document];
}

function fromIri(iri: string, prefix: string): string {
  return iri.startsWith(prefix) ? decodeURIComponent(iri.slice(prefix.length)) : iri;
}

function convert(item: unknown, iris: ReturnType<typeof w3cIris>): W3cAnnotation | string {
  const parsed = W3cAnnotationSchema.safeParse(item);
  if (!parsed.success) return describeIssues(parsed.error);
  const a = parsed.data;
  const bodies = (Array.isArray(a.body) ? a.body : [a.body]).flatMap((b) => TextualBody.safeParse(b).data ?? []);
  const selectors = Array.isArray(a.target.selector) ? a.target.selector : [a.target.selector];
  const label = bodies.find((b) => b.purpose === "tagging")?.value;
  const quote = selectors.map((s) => QuoteSelector.safeParse(s).data).find(Boolean);
  const position = selectors.map((s) => PositionSelector.safeParse(s).data).find(Boolean);
  if (label === undefined) return "no TextualBody with purpose tagging (the label)";
  if (!quote) return "no valid TextQuoteSelector";
  if (!position) return "no valid TextPositionSelector (Slant needs the offsets)";
  if (position.end - position.start !== codePointLength(quote.exact)) {
    return `TextPositionSelector [${position.start}, ${position.end}) does not span the ${codePointLength(quote.exact)} code points of the quote`;
  }
  return {
    id: fromIri(a.id, iris.annotation("")),
    articleId: fromIri(a.target.source, iris.article("")),
    start: position.start,
    end: position.end,
    label,
    quote: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    note: bodies.find((b) => b.purpose === "commenting")?.value ?? null,
    annotator: a.creator ? { id: fromIri(a.creator.id, iris.user("")), name: a.creator.name ?? "" } : null,
    createdAt: a.created ?? null,
    updatedAt: a.modified ?? null,
  };
}

export function readW3c(json: string, options: { baseUrl: string }): W3cReadResult[] {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return [{ ok: false, index: -1, error: `not valid JSON: ${(error as Error).message}` }];
  }
  const iris = w3cIris(options.baseUrl);
  return itemsOf(document).map((item, index) => {
    const result = convert(item, iris);
    return typeof result === "string" ? { ok: false, index, error: result } : { ok: true, index, annotation: result };
  });
}
