// The export input model: what the database layer hands to every writer, and
// what the JSONL/CSV readers hand back. Offsets are Unicode code points,
// half-open [start, end), into the NFC, "\n"-line-ended article text.
import { z } from "zod";
import { CodePointIndex, codePointLength } from "../spans/offsets";
import { checkRangeOrder, checkRangeShape } from "../spans/validate";
import { ExportPersonSchema, ProvenanceFields } from "./provenance";
import type { Token } from "./tokenize";
import { isWellFormedArticle } from "./well-formed";

const Offset = z.number().int().min(0);
const IsoTimestamp = z.iso.datetime({ offset: true });

export const ExportAnnotationSchema = z
  .strictObject({
    id: z.string().min(1),
    start: Offset,
    end: Offset,
    label: z.string().min(1),
    quote: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
    note: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    annotator: ExportPersonSchema,
    gold: z.boolean(),
    createdAt: IsoTimestamp,
    updatedAt: IsoTimestamp,
    /** The guideline version the span was made under (docs/decisions/0022); absent when not known. */
    guidelineVersion: z.number().int().min(1).optional(),
    ...ProvenanceFields,
  })
  .check((ctx) => {
    const a = ctx.value;
    const orderProblem = checkRangeOrder(a.start, a.end, "code points");
    if (orderProblem) {
      ctx.issues.push({ code: "custom", input: a, path: ["end"], message: orderProblem.message });
    } else if (codePointLength(a.quote) !== a.end - a.start) {
      // Catches offsets computed in UTF-16 units, the classic emoji bug.
      ctx.issues.push({ code: "custom", input: a, path: ["quote"], message: `quote is ${codePointLength(a.quote)} code points long but [start, end) spans ${a.end - a.start}` });
    }
  });
export type ExportAnnotation = z.infer<typeof ExportAnnotationSchema>;

/** The article's fields without the cross-field checks (zod cannot .omit() from a refined schema). */
export const ExportArticleFields = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  source: z.strictObject({ id: z.string().min(1), name: z.string(), slug: z.string() }),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.union([z.iso.date(), IsoTimestamp]).nullable(),
  text: z.string().nullable(),
  contentHash: z.string(),
  annotations: z.array(ExportAnnotationSchema),
});

export const ExportArticleSchema = ExportArticleFields.check((ctx) => {
  const { text, annotations } = ctx.value;
  if (text === null) return;
  const indexed = new CodePointIndex(text);
  annotations.forEach((a, i) => {
    // Malformed offsets were already reported by the annotation schema.
    if (a.start < 0 || checkRangeOrder(a.start, a.end, "code points")) return;
    const outside = checkRangeShape(a.start, a.end, indexed.length, "code points");
    if (outside) {
      ctx.issues.push({ code: "custom", input: a, path: ["annotations", i, "end"], message: outside.message });
    } else if (indexed.slice(a.start, a.end) !== a.quote) {
      ctx.issues.push({ code: "custom", input: a, path: ["annotations", i, "quote"], message: `quote does not match the text at [${a.start}, ${a.end})` });
    }
  });
});
export type ExportArticle = z.infer<typeof ExportArticleSchema>;

export type ExportOptions = {
  /** Every label's key, in the label list's order (retired ones too): CoNLL's tag columns. Absent: the four built-in labels. */
  labels?: readonly string[];
  /** Leave the article text out: quotes, prefixes/suffixes and offsets only. */
  annotationsOnly: boolean;
  /** Public origin, e.g. "https://slant.example.org", under which W3C IRIs are minted. */
  baseUrl: string;
  /** Free text saying what was selected (e.g. "gold only"); shown where a format has room for a title. */
  basis?: string;
  /** CSV only: neutralise cells a spreadsheet would run as formulas (csv-field.ts). Default true; false for pipelines. */
  spreadsheetSafe?: boolean;
  /** Formats that tokenize (CoNLL): the text's sentences computed elsewhere, e.g. on a worker thread; default: here. */
  sentences?: (text: string) => Promise<Token[][]>;
};

/** Every writer: articles in, chunks out (text, or bytes for binary formats), one article in memory at a time. */
export type ExportWriter = (articles: AsyncIterable<ExportArticle>, options: ExportOptions) => AsyncIterable<string | Uint8Array>;

/** An input or output problem the caller can show to a user. */
export class FormatError extends Error {
  override name = "FormatError";
}

/** "path.to.field: message; …" — one line, for per-record error reports. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(record)"}: ${issue.message}`).join("; ");
}

/** Validates a writer's input so that a bad record fails loudly instead of producing a corrupt dataset. */
export function checkedArticle(input: ExportArticle): ExportArticle {
  if (isWellFormedArticle(input)) return input;
  const parsed = ExportArticleSchema.safeParse(input);
  if (!parsed.success) throw new FormatError(`article ${String(input?.id)}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

// Plain code unit comparison, not localeCompare: the order must not depend on the server's locale.
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The one annotation order every format uses: start, end, label, id. */
export function compareAnnotations(a: ExportAnnotation, b: ExportAnnotation): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.label, b.label) || compareStrings(a.id, b.id);
}

export function sortedAnnotations(article: ExportArticle): ExportAnnotation[] {
  return [...article.annotations].sort(compareAnnotations);
}

/** Strips a trailing slash so IRIs never contain "//". */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}
