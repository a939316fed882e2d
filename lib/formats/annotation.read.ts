// One annotation as a person or another tool wrote it, read leniently: only
// label and quote (and, with a text, start and end) are required; everything
// else has a default the importer fills in (ids, context, timestamps, the
// annotator). Unknown fields are ignored, so a newer Slant's export (review
// decisions, provenance, comments) still imports. A bad annotation gives one
// readable reason and never takes its neighbours down with it.
import { z } from "zod";
import { rangeInEitherUnit } from "../spans/file-offsets";
import { checkRangeOrder, checkRangeShape } from "../spans/validate";
import type { CodePointIndex } from "../spans/offsets";
import { quoted, readableIssue } from "./issues";
import { PersonRead, type AnnotatorRead } from "./person.read";
import { spanRecord, SpanRecordFields, type SpanRecordRead } from "./provenance.read";

export type { AnnotatorRead };

export type AnnotationRead = {
  id: string | null;
  label: string;
  /** Code points; null when the file gives only the quote. */
  start: number | null;
  end: number | null;
  quote: string;
  /** null: derive from the text. */
  prefix: string | null;
  suffix: string | null;
  note: string | null;
  attributes: Record<string, unknown>;
  annotator: AnnotatorRead | null;
  gold: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  /** The guideline version the file says the span was made under; null when it does not say. */
  guidelineVersion: number | null;
  /** Review decision, gold provenance and comments, when the file gives any (provenance.read.ts). */
  record?: SpanRecordRead;
};

export type AnnotationReadResult = { ok: true; annotation: AnnotationRead } | { ok: false; reason: string };

const Offset = z.number().int().min(0);
const optionalText = z.string().nullish().transform((v) => v ?? null);

const Schema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]).nullish(),
  start: Offset.nullish(),
  end: Offset.nullish(),
  label: z.string().min(1, "must not be empty"),
  quote: z.string().min(1, "must not be empty"),
  prefix: z.string().nullish(),
  suffix: z.string().nullish(),
  note: optionalText,
  attributes: z.record(z.string(), z.unknown()).nullish(),
  annotator: PersonRead.nullish(),
  gold: z.boolean().nullish(),
  createdAt: z.iso.datetime({ offset: true }).nullish(),
  updatedAt: z.iso.datetime({ offset: true }).nullish(),
  guidelineVersion: z.number().int().min(1).nullish(),
  ...SpanRecordFields,
});

/** [start, end) as code points, accepting UTF-16 offsets (JavaScript tools) when only they give the quote. */
function checkedRange(text: CodePointIndex, start: number, end: number, quote: string): { start: number; end: number } | string {
  const orderProblem = checkRangeOrder(start, end, "code points");
  if (orderProblem) return orderProblem.message;
  const range = rangeInEitherUnit(text, start, end, (found) => found === quote);
  if (range) return { start: range.start, end: range.end };
  const outside = checkRangeShape(start, end, text.length, "code points");
  if (outside) return outside.message;
  return `quote ${quoted(quote)} is not the text at ${start}–${end} (found ${quoted(text.slice(start, end))})`;
}

/** `text`, when the file carries the article text, is what the offsets are checked against. */
export function readAnnotation(input: unknown, text: CodePointIndex | null): AnnotationReadResult {
  const parsed = Schema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: readableIssue(parsed.error) };
  const a = parsed.data;
  const record = spanRecord(a);
  let start = a.start ?? null;
  let end = a.end ?? null;
  if ((start === null) !== (end === null)) return { ok: false, reason: start === null ? "end is given without start" : "start is given without end" };
  if (text && start !== null && end !== null) {
    const range = checkedRange(text, start, end, a.quote);
    if (typeof range === "string") return { ok: false, reason: range };
    ({ start, end } = range);
  } else if (start !== null && end !== null) {
    const orderProblem = checkRangeOrder(start, end, "code points");
    if (orderProblem) return { ok: false, reason: orderProblem.message };
  }
  return {
    ok: true,
    annotation: {
      id: a.id == null ? null : String(a.id),
      label: a.label,
      start,
      end,
      quote: a.quote,
      prefix: a.prefix ?? null,
      suffix: a.suffix ?? null,
      note: a.note,
      attributes: a.attributes ?? {},
      annotator: a.annotator ?? null,
      gold: a.gold ?? false,
      createdAt: a.createdAt ?? null,
      updatedAt: a.updatedAt ?? a.createdAt ?? null,
      guidelineVersion: a.guidelineVersion ?? null,
      ...(record && { record }),
    },
  };
}
