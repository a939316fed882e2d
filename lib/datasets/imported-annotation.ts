// A read annotation with the defaults an import fills in: context from the
// file's text (or none, left for re-anchoring to supply), and the annotator
// as the file names them.
import type { AnnotationRead, AnnotationReadResult, AnnotatorRead } from "../formats/annotation.read";
import { spanContext } from "../spans/context";
import type { CodePointIndex } from "../spans/offsets";
import type { SpanRecordRead } from "../formats/provenance.read";
import type { AnnotationEntry, ImportedAnnotator, ImportedSpanRecord } from "./import-records";

export function importedAnnotator(a: AnnotatorRead | null): ImportedAnnotator | null {
  const key = a?.id ?? a?.email ?? a?.name;
  if (!a || !key) return null;
  return { key, name: a.name ?? key, email: a.email };
}

function context(text: CodePointIndex | null, a: AnnotationRead): { prefix: string; suffix: string } {
  const around = text && a.start !== null && a.end !== null && a.end <= text.length ? spanContext(text, a.start, a.end) : { prefix: "", suffix: "" };
  return { prefix: a.prefix ?? around.prefix, suffix: a.suffix ?? around.suffix };
}

function importedRecord(r: SpanRecordRead): ImportedSpanRecord {
  return {
    review: r.review && { ...r.review, reviewer: importedAnnotator(r.review.reviewer) },
    goldFrom: r.goldFrom,
    comments: r.comments.map((c) => ({ ...c, author: importedAnnotator(c.author) })),
  };
}

/** `ref` names the annotation in messages, e.g. "annotation 3". */
export function annotationEntry(ref: string, result: AnnotationReadResult, text: CodePointIndex | null): AnnotationEntry {
  if (!result.ok) return { ref, rejected: result.reason };
  const a = result.annotation;
  const { record, ...fields } = a;
  return { ...fields, ...context(text, a), ref, annotator: importedAnnotator(a.annotator), ...(record && { record: importedRecord(record) }) };
}
