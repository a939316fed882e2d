// Reads the CSV written by csv.write.ts back into articles (text: null, since
// the CSV has none). Consecutive rows with the same article_id form one
// article; each bad row is reported with the line it starts on. Server-side:
// csv-parse's streaming build uses web streams from node:stream/web and Buffer.
import { parse, type CastingContext, type Info } from "csv-parse/stream";
import { z } from "zod";
import { readAnnotation, type AnnotationReadResult } from "./annotation.read";
import { CSV_COLUMNS, type CsvColumn } from "./csv.write";
import { textChunks, type TextInput } from "./lines";
import { describeIssues, ExportAnnotationSchema, ExportArticleFields, type ExportAnnotation, type ExportArticle } from "./model";

export type CsvReadResult = { ok: true; line: number; article: ExportArticle } | { ok: false; line: number; error: string };

type Cells = Record<CsvColumn, string | null>;
const integer = (value: string | null) => (value !== null && /^\d+$/.test(value) ? Number(value) : value);
const boolean = (value: string | null) => (value === "true" ? true : value === "false" ? false : value);

function parseJsonCell(value: string | null): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return value; // left for the schema to reject with a field name
  }
}

const ArticleFields = ExportArticleFields.omit({ annotations: true, text: true });

/** Cells → article fields and one annotation; non-nullable text cells read an unquoted empty as "". */
function recordOf(cells: Cells): { error: string } | { article: z.infer<typeof ArticleFields>; annotation: ExportAnnotation } {
  const text = (column: CsvColumn) => cells[column] ?? "";
  const article = ArticleFields.safeParse({
    id: text("article_id"),
    title: text("article_title"),
    source: { id: text("source_id"), name: text("source_name"), slug: text("source_slug") },
    byline: cells.article_byline,
    url: cells.article_url,
    publishedAt: cells.article_published_at,
    contentHash: text("article_content_hash"),
  });
  const annotation = ExportAnnotationSchema.safeParse({
    id: text("annotation_id"),
    start: integer(cells.start),
    end: integer(cells.end),
    label: text("label"),
    quote: text("quote"),
    prefix: text("prefix"),
    suffix: text("suffix"),
    note: cells.note,
    attributes: parseJsonCell(cells.attributes),
    annotator: { id: text("annotator_id"), name: text("annotator_name") },
    gold: boolean(cells.gold),
    createdAt: text("created_at"),
    updatedAt: text("updated_at"),
    ...(cells.guideline_version != null && { guidelineVersion: integer(cells.guideline_version) }),
  });
  if (!article.success) return { error: describeIssues(article.error) };
  if (!annotation.success) return { error: describeIssues(annotation.error) };
  return { article: article.data, annotation: annotation.data };
}

async function* csvRecords(input: TextInput): AsyncGenerator<{ record: (string | null)[]; line: number }> {
  const parser = parse({
    info: true,
    raw: true,
    bom: true,
    relax_column_count: true, // a short row becomes a per-row error below, not the end of the import
    skip_empty_lines: true,
    // Unquoted empty = null, quoted empty = "" (see csv.write.ts).
    cast: (value: string, context: CastingContext) => (value === "" && !context.quoting ? null : value),
  });
  const writer = parser.writable.getWriter();
  const encoder = new TextEncoder();
  const pump = (async () => {
    for await (const chunk of textChunks(input)) await writer.write(encoder.encode(chunk));
    await writer.close();
  })().catch((error: unknown) => writer.abort(error).catch(() => undefined));
  const reader = (parser.readable as ReadableStream<{ record: (string | null)[]; info: Info; raw: string }>).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const { record, info, raw } = next.value;
    // info.lines counts lines up to the end of the record; a quoted field may span several.
    yield { record, line: info.lines - (raw.match(/\n/g)?.length ?? 0) };
  }
  await pump;
}

/** The columns of exports written before spans recorded their guideline version: still read. */
const COLUMNS_BEFORE_GUIDELINE_VERSION: readonly CsvColumn[] = CSV_COLUMNS.filter((c) => c !== "guideline_version");

export async function* readCsv(input: TextInput): AsyncGenerator<CsvReadResult> {
  let current: { line: number; article: ExportArticle; key: string } | null = null;
  let header = true;
  let columns: readonly CsvColumn[] | null = null;
  try {
    for await (const { record, line } of csvRecords(input)) {
      if (header) {
        header = false;
        columns = [CSV_COLUMNS, COLUMNS_BEFORE_GUIDELINE_VERSION].find((c) => record.join(",") === c.join(",")) ?? null;
        if (!columns) {
          yield { ok: false, line, error: `unexpected header; expected the columns ${CSV_COLUMNS.join(",")}` };
          return;
        }
        continue;
      }
      if (record.length !== columns!.length) {
        yield { ok: false, line, error: `expected ${columns!.length} fields, found ${record.length}` };
        continue;
      }
      const parsed = recordOf(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, i < columns!.length ? (record[i] ?? null) : null])) as Cells);
      if ("error" in parsed) {
        yield { ok: false, line, error: parsed.error };
        continue;
      }
      const key = JSON.stringify(parsed.article);
      if (current && current.article.id === parsed.article.id) {
        if (current.key !== key) yield { ok: false, line, error: `article ${parsed.article.id} has different details than on line ${current.line}` };
        else current.article.annotations.push(parsed.annotation);
        continue;
      }
      if (current) yield { ok: true, line: current.line, article: current.article };
      current = { line, key, article: { ...parsed.article, text: null, annotations: [parsed.annotation] } };
    }
  } catch (error) {
    const csvError = error as { message?: string; lines?: number };
    yield { ok: false, line: csvError.lines ?? 0, error: `malformed CSV: ${csvError.message ?? String(error)}` };
    return;
  }
  if (current) yield { ok: true, line: current.line, article: current.article };
}

// ---------------------------------------------------------------------------
// Annotation CSV for import: any subset of the export's columns in any order,
// as long as it has label and quote and names the article (article_id,
// article_content_hash or article_title). One row, one annotation, one
// record, so a bad row is reported on its own line.

/** Columns an import also understands besides the export's. */
const EXTRA_IMPORT_COLUMNS = ["annotator_email"] as const;
const IMPORT_COLUMNS = new Set<string>([...CSV_COLUMNS, ...EXTRA_IMPORT_COLUMNS]);
const ARTICLE_KEYS = ["article_id", "article_content_hash", "article_title"] as const;

export type AnnotationCsvTarget = { id: string | null; contentHash: string | null; text: null; title: string | null; sourceName: string | null };
export type AnnotationCsvRow = { ok: true; line: number; target: AnnotationCsvTarget; annotation: AnnotationReadResult } | { ok: false; line: number; error: string };

/**
 * A spreadsheet cell that the export neutralised against formula injection
 * (lib/formats/csv-field.ts: a leading ' before = + - @ tab or CR, or their
 * fullwidth forms) reads back as written.
 */
const unneutralised = (value: string | null) => (value !== null && /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? value.slice(1) : value);

/** The header's problem, or null when it is usable. */
export function annotationCsvHeaderProblem(header: readonly string[]): string | null {
  const unknown = header.filter((c) => !IMPORT_COLUMNS.has(c));
  if (unknown.length) return `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the columns are those of Slant's CSV export (${CSV_COLUMNS.join(", ")})`;
  const missing = ["label", "quote"].filter((c) => !header.includes(c));
  if (missing.length) return `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`;
  if (!ARTICLE_KEYS.some((c) => header.includes(c))) return `no column naming the article: add ${ARTICLE_KEYS.join(", or ")}`;
  return null;
}

function annotationRow(cell: (name: string) => string | null): { target: AnnotationCsvTarget; annotation: AnnotationReadResult } {
  const annotatorId = cell("annotator_id");
  const annotatorEmail = cell("annotator_email");
  const annotatorName = cell("annotator_name");
  const attributes = cell("attributes");
  const target = { id: cell("article_id"), contentHash: cell("article_content_hash"), text: null, title: cell("article_title"), sourceName: cell("source_name") };
  const annotation = readAnnotation(
    {
      id: cell("annotation_id"),
      label: cell("label") ?? "",
      start: integer(cell("start")) ?? undefined,
      end: integer(cell("end")) ?? undefined,
      quote: cell("quote") ?? "",
      prefix: cell("prefix"),
      suffix: cell("suffix"),
      note: cell("note"),
      attributes: attributes === null ? null : parseJsonCell(attributes),
      annotator: annotatorId || annotatorEmail || annotatorName ? { id: annotatorId, name: annotatorName, email: annotatorEmail } : null,
      gold: boolean(cell("gold")) ?? undefined,
      createdAt: cell("created_at"),
      updatedAt: cell("updated_at"),
      guidelineVersion: integer(cell("guideline_version")) ?? undefined,
    },
    null,
  );
  return { target, annotation };
}

export async function* readAnnotationCsv(input: TextInput): AsyncGenerator<AnnotationCsvRow> {
  let header: string[] | null = null;
  try {
    for await (const { record, line } of csvRecords(input)) {
      if (!header) {
        header = record.map((c) => (c ?? "").trim());
        const problem = annotationCsvHeaderProblem(header);
        if (problem) {
          // Empty lines before it are skipped, so the header is the first line that has anything.
          yield { ok: false, line: Math.max(line, 1), error: `unexpected header: ${problem}` };
          return;
        }
        continue;
      }
      if (record.length !== header.length) {
        yield { ok: false, line, error: `expected ${header.length} fields, found ${record.length}` };
        continue;
      }
      const row = record;
      const columns = header;
      yield { ok: true, line, ...annotationRow((name) => { const i = columns.indexOf(name); return i === -1 ? null : unneutralised(row[i] ?? null); }) };
    }
  } catch (error) {
    const csvError = error as { message?: string; lines?: number };
    yield { ok: false, line: csvError.lines ?? 0, error: `malformed CSV: ${csvError.message ?? String(error)}` };
  }
}
