// CSV: one annotation per row, with the article and source repeated on each
// row so that the file works as a single spreadsheet or DataFrame. RFC 4180:
// header row, CRLF record ends, fields quoted when they contain a comma, a
// quote, CR or LF. UTF-8 without a byte order mark (a BOM would end up inside
// the first column name in pandas and most CSV libraries).
//
// Spreadsheet-safe by default (csv-field.ts): a field starting with =, +, -,
// @, tab or CR is written as "'…" so a spreadsheet shows it as text instead
// of running it; ExportOptions.spreadsheetSafe: false (csvSafe=0, --raw-csv)
// writes the exact text for pipelines and round trips.
//
// CSV has no null, yet byline, url, published_at and note are nullable: null
// is written as an empty unquoted field, the empty string as "" (quoted), and
// the reader tells them apart. The article text is never included (rows would
// repeat it), so articles without annotations do not appear.
import { canonicalize } from "./canonical-json";
import { csvField, type CsvFieldOptions } from "./csv-field";
import { checkedArticle, sortedAnnotations, type ExportArticle, type ExportWriter } from "./model";

export const CSV_COLUMNS = [
  "article_id",
  "article_title",
  "source_id",
  "source_name",
  "source_slug",
  "article_byline",
  "article_url",
  "article_published_at",
  "article_content_hash",
  "annotation_id",
  "label",
  "start",
  "end",
  "quote",
  "prefix",
  "suffix",
  "note",
  "attributes",
  "annotator_id",
  "annotator_name",
  "gold",
  "created_at",
  "updated_at",
  /** The guideline version the span was made under; empty when not known (docs/decisions/0022). */
  "guideline_version",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

// Quoting is written out (csv-field.ts) rather than left to csv-stringify, which
// spent most of a large export merging options for every empty string. With
// spreadsheetSafe off the output is what csv-stringify gives with { record_delimiter:
// "\r\n", quote_record_delimiter: true, escape_formulas: false } and empty strings
// cast to quoted_empty (csv.write.test.ts compares the two).
export { csvField };

const header = (options: CsvFieldOptions) => `${CSV_COLUMNS.map((c) => csvField(c, options)).join(",")}\r\n`;

/** Records are joined into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

function rowsOf(article: ExportArticle, options: CsvFieldOptions): string {
  const field = (value: string | null) => csvField(value, options);
  // The article's nine columns are the same on each of its rows.
  const head = [article.id, article.title, article.source.id, article.source.name, article.source.slug, article.byline, article.url, article.publishedAt, article.contentHash].map(field).join(",");
  let rows = "";
  for (const a of sortedAnnotations(article)) {
    rows += `${head},${field(a.id)},${field(a.label)},${a.start},${a.end},${field(a.quote)},${field(a.prefix)},${field(a.suffix)},${field(a.note)},${field(JSON.stringify(canonicalize(a.attributes)))},${field(a.annotator.id)},${field(a.annotator.name)},${a.gold},${field(a.createdAt)},${field(a.updatedAt)},${a.guidelineVersion ?? ""}\r\n`;
  }
  return rows;
}

async function* csvChunks(articles: AsyncIterable<ExportArticle>, options: CsvFieldOptions): AsyncGenerator<string> {
  // Chunks end on record boundaries.
  let chunk = header(options);
  for await (const article of articles) {
    chunk += rowsOf(checkedArticle(article), options);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** Only spreadsheetSafe matters: the CSV never carries article text, and has no IRIs or title. */
export const writeCsv: ExportWriter = (articles, options) => csvChunks(articles, { spreadsheetSafe: options.spreadsheetSafe ?? true });
