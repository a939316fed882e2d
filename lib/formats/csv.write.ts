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
import { stringify } from "csv-stringify/browser/esm/sync";
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

/** Shared by writer and reader so both sides quote and delimit the same way. */
export const CSV_STRINGIFY_OPTIONS = {
  record_delimiter: "\r\n",
  // csv-stringify only quotes its own record delimiter by default; a lone "\n" inside a quote must be quoted too.
  quote_record_delimiter: true,
  // Cells are written as data: prefixing "=" or "+" (formula escaping) would change quotes and notes.
  escape_formulas: false,
  // Empty strings are quoted, nulls are not: see the header comment.
  cast: { string: (value: string) => (value === "" ? { value, quoted_empty: true } : value) },
};

function rowsOf(article: ExportArticle): (string | null)[][] {
  return sortedAnnotations(article).map((a) => [
    article.id,
    article.title,
    article.source.id,
    article.source.name,
    article.source.slug,
    article.byline,
    article.url,
    article.publishedAt,
    article.contentHash,
    a.id,
    a.label,
    String(a.start),
    String(a.end),
    a.quote,
    a.prefix,
    a.suffix,
    a.note,
    JSON.stringify(canonicalize(a.attributes)),
    a.annotator.id,
    a.annotator.name,
    String(a.gold),
    a.createdAt,
    a.updatedAt,
  ]);
}

async function* csvChunks(articles: AsyncIterable<ExportArticle>): AsyncGenerator<string> {
  yield stringify([[...CSV_COLUMNS]], CSV_STRINGIFY_OPTIONS);
  for await (const article of articles) {
    const rows = rowsOf(checkedArticle(article));
    // One stringify call per article: bounded memory, and each chunk ends on a record boundary.
    if (rows.length > 0) yield stringify(rows, CSV_STRINGIFY_OPTIONS);
  }
}

/** The options change nothing: the CSV never carries article text, and has no IRIs or title. */
export const writeCsv: ExportWriter = (articles) => csvChunks(articles);
