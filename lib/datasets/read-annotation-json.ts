// Annotations from Label Studio task exports and W3C Web Annotation JSON-LD.
// Neither carries Slant's attributes; Label Studio carries the text (so the
// article can be matched by it), W3C only the article's IRI.
import { spanContext } from "../spans/context";
import { CodePointIndex } from "../spans/offsets";
import { readLabelStudio, type LabelStudioTaskRead } from "../formats/labelstudio.read";
import { readW3c, type W3cAnnotation } from "../formats/w3c.read";
import { AppError } from "../errors";
import { importedAnnotator } from "./imported-annotation";
import type { AnnotationEntry, ImportedAnnotation, ImportRecord, OpenedImport } from "./import-records";

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** An id from another Slant instance arrives as a whole IRI; its last segment is the id. */
export function idFromIri(value: string | null): string | null {
  if (value === null) return null;
  return UUID_AT_END.exec(value)?.[1]?.toLowerCase() ?? value;
}

function unparseable(error: string): never {
  throw new AppError("INVALID_INPUT", `The file cannot be read: ${error}`);
}

function labelStudioRecord(line: number, task: LabelStudioTaskRead): ImportRecord {
  const text = new CodePointIndex(task.text);
  const annotations: AnnotationEntry[] = task.spans.map((s) => ({
    ref: `region ${s.id}`,
    id: s.id,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: s.quote,
    prefix: spanContext(text, s.start, s.end).prefix,
    suffix: spanContext(text, s.start, s.end).suffix,
    note: s.note,
    attributes: {},
    annotator: importedAnnotator(s.annotator),
    gold: s.gold,
    createdAt: null,
    updatedAt: null,
  }));
  annotations.push(...task.rejected.map((r) => ({ ref: `region ${r.id}`, rejected: r.error })));
  return { ok: true, line, kind: "annotations", target: { id: task.articleId, contentHash: null, text: task.text }, annotations };
}

export function openLabelStudio(json: string): OpenedImport {
  const results = readLabelStudio(json);
  if (results[0] && !results[0].ok && results[0].index === -1) unparseable(results[0].error);
  async function* records(): AsyncGenerator<ImportRecord> {
    for (const r of results) yield r.ok ? labelStudioRecord(r.index + 1, r.task) : { ok: false, line: r.index + 1, reason: r.error };
  }
  return { total: results.length, records: records() };
}

function w3cRecord(line: number, a: W3cAnnotation): ImportRecord {
  const annotation: ImportedAnnotation = {
    ...a,
    ref: "",
    id: idFromIri(a.id),
    attributes: {},
    annotator: a.annotator ? importedAnnotator({ id: idFromIri(a.annotator.id) ?? a.annotator.id, name: a.annotator.name || null, email: null }) : null,
    gold: false,
  };
  return { ok: true, line, kind: "annotations", target: { id: idFromIri(a.articleId), contentHash: null, text: null }, annotations: [annotation] };
}

export function openW3c(json: string, baseUrl: string): OpenedImport {
  const results = readW3c(json, { baseUrl });
  if (results[0] && !results[0].ok && results[0].index === -1) unparseable(results[0].error);
  async function* records(): AsyncGenerator<ImportRecord> {
    for (const r of results) yield r.ok ? w3cRecord(r.index + 1, r.annotation) : { ok: false, line: r.index + 1, reason: r.error };
  }
  return { total: results.length, records: records() };
}
