// A read annotation with the defaults an import fills in: context from the
// file's text (or none, left for re-anchoring to supply), and the annotator
// as the file names them.
import type { AnnotationRead, AnnotationReadResult, AnnotatorRead } from "../formats/annotation.read";
import type { CodePointIndex } from "../spans/offsets";
import type { SpanRecordRead } from "../formats/provenance.read";
import type { AnnotationEntry, ImportedAnnotator, ImportedSpanRecord } from "./import-records";

const CONTEXT = 32;

export function importedAnnotator(a: AnnotatorRead | null): ImportedAnnotator | null {
  const key = a?.id ?? a?.email ?? a?.name;
  if (!a || !key) return null;
  return { key, name: a.name ?? key, email: a.email };
}

function context(text: CodePointIndex | null, a: AnnotationRead): { prefix: string; suffix: string } {
  const fits = text && a.start !== null && a.end !== null && a.end <= text.length;
  return {
    prefix: a.prefix ?? (fits ? text.slice(Math.max(0, a.start! - CONTEXT), a.start!) : ""),
    suffix: a.suffix ?? (fits ? text.slice(a.end!, Math.min(text.length, a.end! + CONTEXT)) : ""),
  };
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
