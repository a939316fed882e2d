// Slant's own JSONL (and CSV, annotations only) back into import records. As
// articles, a record keeps its ids, source and annotations, which is what
// makes export → import → export lossless; as annotations, it names the
// article it belongs to by id, content hash and text.
import { readCsv } from "../formats/csv.read";
import { readJsonl } from "../formats/jsonl";
import type { ExportAnnotation, ExportArticle } from "../formats/model";
import { articleRecord } from "./article-fields";
import type { ImportKind } from "../schemas/datasets";
import type { ImportedAnnotation, ImportRecord } from "./import-records";
import { inPieces } from "./time-slices";

export function importedAnnotation(a: ExportAnnotation): ImportedAnnotation {
  return { ...a, annotator: { ...a.annotator } };
}

function toRecord(kind: ImportKind, line: number, article: ExportArticle): ImportRecord {
  const annotations = article.annotations.map(importedAnnotation);
  if (kind === "annotations") {
    return { ok: true, line, kind: "annotations", target: { id: article.id, contentHash: article.contentHash || null, text: article.text }, annotations };
  }
  if (article.text === null) return { ok: false, line, reason: "text is null (an annotations-only export): import this file as annotations instead" };
  return articleRecord(line, { ...article, source: { ...article.source }, text: article.text }, annotations);
}

export async function* slantJsonlRecords(kind: ImportKind, text: string): AsyncGenerator<ImportRecord> {
  for await (const result of readJsonl(text)) {
    yield result.ok ? toRecord(kind, result.line, result.article) : { ok: false, line: result.line, reason: result.error };
  }
}

export async function* slantCsvRecords(text: string): AsyncGenerator<ImportRecord> {
  // In pieces: handed the whole string, the CSV parser would parse every row before the first is read.
  for await (const result of readCsv(inPieces(text))) {
    yield result.ok ? toRecord("annotations", result.line, result.article) : { ok: false, line: result.line, reason: result.error };
  }
}
