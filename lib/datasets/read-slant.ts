// Slant JSONL (and CSV, annotations only) back into import records: Slant's
// own exports, and the minimal files people write by hand. As articles, a
// record keeps its ids, source and annotations, which is what makes
// export → import → export lossless; as annotations, it names the article it
// belongs to by id, content hash, text or title.
import { readAnnotationCsv, type AnnotationCsvRow } from "../formats/csv.read";
import { CodePointIndex } from "../spans/offsets";
import { readJsonlForImport, type JsonlArticleRead } from "../formats/jsonl.read";
import type { TextInput } from "../formats/lines";
import type { ImportKind } from "../schemas/datasets";
import { articleRecord } from "./article-fields";
import { annotationEntry } from "./imported-annotation";
import type { ImportRecord } from "./import-records";
import { inPieces } from "./time-slices";

const nameOf = (value: unknown) => (typeof value === "string" ? value.trim() : null);

function toRecord(kind: ImportKind, line: number, article: JsonlArticleRead): ImportRecord {
  const text = article.text === null ? null : new CodePointIndex(article.text);
  const annotations = article.annotations.map((a, i) => annotationEntry(`annotation ${i + 1}`, a, text));
  if (kind === "annotations") {
    const target = { id: article.id, contentHash: article.contentHash, text: article.text, title: nameOf(article.title), sourceName: nameOf(article.source.name) };
    if (!target.id && !target.contentHash && !target.text && !target.title) return { ok: false, line, reason: "name the article: give its id, text or title" };
    return { ok: true, line, kind: "annotations", target, annotations };
  }
  if (article.text === null) return { ok: false, line, reason: "text is missing (an annotations-only export?): import this file as annotations instead" };
  return articleRecord(line, { ...article, source: { ...article.source, name: nameOf(article.source.name) ?? article.source.name }, text: article.text }, annotations);
}

export async function* slantJsonlRecords(kind: ImportKind, input: TextInput): AsyncGenerator<ImportRecord> {
  for await (const result of readJsonlForImport(input)) {
    yield result.ok ? toRecord(kind, result.line, result.article) : { ok: false, line: result.line, reason: result.error };
  }
}

/** One row, one annotation: a bad row is reported on its own line, with no "annotation 1" to it. */
function csvRecord(row: AnnotationCsvRow): ImportRecord {
  if (!row.ok) return { ok: false, line: row.line, reason: row.error };
  return { ok: true, line: row.line, kind: "annotations", target: row.target, annotations: [annotationEntry("", row.annotation, null)] };
}

export async function* slantCsvRecords(input: TextInput): AsyncGenerator<ImportRecord> {
  // In pieces: handed the whole string, the CSV parser would parse every row before the first is read.
  for await (const row of readAnnotationCsv(typeof input === "string" ? inPieces(input) : input)) yield csvRecord(row);
}
