// CSV: one annotation per row, with the article and source repeated on each
// row so that the file works as a single spreadsheet or DataFrame. RFC 4180:
// header row, CRLF record ends, fields quoted when they contain a comma, a
// quote, CR or LF. UTF-8 without a byte order mark (a BOM would end up inside
// the first column name in pandas and most CSV libraries).
//
// CSV has no null, yet byline, url, published_at and note are nullable: null
// is written as an empty unquoted field, the empty string as "" (quoted), and
// the reader tells them apart. The article text is never included (rows would
// repeat it), so articles without annotations do not appear.
import { canonicalize } from "./canonical-json";
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
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

// Quoting is written out here rather than left to csv-stringify, which spent
// most of a large export merging options for every empty string. The output is
// what csv-stringify gives with { record_delimiter: "\r\n", quote_record_delimiter:
// true, escape_formulas: false } and empty strings cast to quoted_empty
// (csv.write.test.ts compares the two): a field is quoted when it contains a
// comma, a quote, CR or LF (a lone "\n" too), quotes inside are doubled, and
// no "=" or "+" prefix is added (formula escaping would change quotes and notes).
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: null → nothing, "" → "" (quoted), otherwise quoted only when needed. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  if (value === "") return '""';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const HEADER = `${CSV_COLUMNS.map(csvField).join(",")}\r\n`;

/** Records are joined into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

function rowsOf(article: ExportArticle): string {
  // The article's nine columns are the same on each of its rows.
  const head = [article.id, article.title, article.source.id, article.source.name, article.source.slug, article.byline, article.url, article.publishedAt, article.contentHash].map(csvField).join(",");
  let rows = "";
  for (const a of sortedAnnotations(article)) {
    rows += `${head},${csvField(a.id)},${csvField(a.label)},${a.start},${a.end},${csvField(a.quote)},${csvField(a.prefix)},${csvField(a.suffix)},${csvField(a.note)},${csvField(JSON.stringify(canonicalize(a.attributes)))},${csvField(a.annotator.id)},${csvField(a.annotator.name)},${a.gold},${csvField(a.createdAt)},${csvField(a.updatedAt)}\r\n`;
  }
  return rows;
}

async function* csvChunks(articles: AsyncIterable<ExportArticle>): AsyncGenerator<string> {
  // Chunks end on record boundaries.
  let chunk = HEADER;
  for await (const article of articles) {
    chunk += rowsOf(checkedArticle(article));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** The options change nothing: the CSV never carries article text, and has no IRIs or title. */
export const writeCsv: ExportWriter = (articles) => csvChunks(articles);
