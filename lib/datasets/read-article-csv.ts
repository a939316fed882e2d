// Articles from a spreadsheet: one row per article with the columns title,
// source and body, and optionally byline, url and publishedAt. Unknown
// columns refuse the whole file, since their data would be silently lost.
// Only the header is read when the file is opened (a 4xx before any job);
// the rows are parsed by csv-parse's streaming parser inside the job, a
// piece at a time with a turn for other requests between pieces (parsing a
// million lines in one go held the server for 15 s).
import { Readable } from "node:stream";
import { parse, type Options } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { AppError } from "../errors";
import { articleRecord } from "./article-fields";
import type { ImportRecord, OpenedImport } from "./import-records";
import { inPieces, yieldToRequests } from "./time-slices";

const REQUIRED = ["title", "source", "body"] as const;
const OPTIONAL = ["byline", "url", "publishedAt"] as const;
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);
// No `info`: the parser would build several objects per row to say where it is; RowScanner says it for free.
const OPTIONS: Options = { bom: true, relax_column_count: true, skip_empty_lines: true };
/**
 * The parser is fed this many characters at a time: few rows wait in the
 * stream between turns, so little survives long enough to burden the garbage collector.
 */
const PIECE_CHARS = 1024;
/** Rows scanned between turns for other requests when counting. */
const SCAN_ROWS = 4096;

/**
 * Walks the text as the parser reads it, allocating nothing: a row ends at a
 * line end outside quotes (an escaped `""` toggles twice), CRLF is one line
 * end, empty lines are skipped. It gives each row's first line for the report,
 * and the count of rows for the progress bar without parsing them twice. (A
 * file the parser refuses fails the job whatever this says.)
 */
class RowScanner {
  private at = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  private lineEndWidth(at: number): number {
    const c = this.text.charCodeAt(at);
    if (c === 0x0a) return 1;
    return c === 0x0d ? (this.text.charCodeAt(at + 1) === 0x0a ? 2 : 1) : 0;
  }

  /** The line the next row starts on, moving past the row; null after the last. */
  next(): number | null {
    const { text } = this;
    for (let width = this.lineEndWidth(this.at); width > 0; width = this.lineEndWidth(this.at)) {
      this.at += width;
      this.line++;
    }
    if (this.at >= text.length) return null;
    const first = this.line;
    let quoted = false;
    while (this.at < text.length) {
      const width = this.lineEndWidth(this.at);
      if (width === 0) {
        if (text.charCodeAt(this.at) === 0x22) quoted = !quoted;
        this.at++;
        continue;
      }
      this.at += width;
      this.line++;
      if (!quoted) break;
    }
    return first;
  }
}

const unreadable = (error: unknown) => new AppError("INVALID_INPUT", `The file is not readable as CSV: ${(error as Error).message}`);

/** The header row, from the file's first line (column names do not span lines). */
function readHeader(text: string): string[] | undefined {
  const firstLineEnd = text.indexOf("\n");
  const head = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd + 1);
  try {
    const [first] = parseSync(head, OPTIONS) as unknown as string[][];
    return first?.map((c) => c.trim());
  } catch (error) {
    throw unreadable(error);
  }
}

/** Every row after the header with the line it starts on, parsed as the text streams through csv-parse. */
async function* rows(text: string): AsyncGenerator<{ record: string[]; line: number }> {
  const parser = Readable.from(inPieces(text, PIECE_CHARS)).pipe(parse(OPTIONS));
  const lines = new RowScanner(text);
  let header = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = lines.next() ?? 0;
      if (header) header = false;
      else yield { record, line };
    }
  } catch (error) {
    throw unreadable(error);
  }
}

/** The rows after the header: the progress bar's total. */
async function countRows(text: string): Promise<number> {
  const scanner = new RowScanner(text);
  let rows = 0;
  while (scanner.next() !== null) if (++rows % SCAN_ROWS === 0) await yieldToRequests();
  return Math.max(0, rows - 1);
}

export function openArticleCsv(text: string): OpenedImport {
  const header = readHeader(text);
  if (!header) throw new AppError("INVALID_INPUT", "The CSV file is empty.");
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !KNOWN.has(c));
  if (missing.length || unknown.length) {
    const problems = [missing.length ? `missing ${missing.join(", ")}` : "", unknown.length ? `unknown ${unknown.join(", ")}` : ""].filter(Boolean);
    throw new AppError("INVALID_INPUT", `CSV columns must be title, source, body and optionally byline, url, publishedAt (${problems.join("; ")}).`, { header });
  }
  async function* records(): AsyncGenerator<ImportRecord> {
    for await (const { record, line } of rows(text)) {
      if (record.length !== header!.length) {
        yield { ok: false, line, reason: `expected ${header!.length} fields, found ${record.length}` };
        continue;
      }
      const cell = (name: string) => {
        const i = header!.indexOf(name);
        return i === -1 ? undefined : record[i];
      };
      yield articleRecord(line, { title: cell("title"), source: { name: cell("source")?.trim() }, text: cell("body"), byline: cell("byline"), url: cell("url"), publishedAt: cell("publishedAt") }, [], "body");
    }
  }
  return { total: () => countRows(text), records: records() };
}
