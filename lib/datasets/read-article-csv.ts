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
const OPTIONS: Options = { bom: true, info: true, relax_column_count: true, skip_empty_lines: true };
/**
 * The parser is fed this many characters at a time: few rows wait in the
 * stream between turns, so little survives long enough to burden the garbage collector.
 */
const PIECE_CHARS = 1024;

type Parsed = { record: string[]; info: { lines: number } };

/** Line breaks inside a row's (quoted) cells. */
function breaksInside(record: string[]): number {
  let breaks = 0;
  for (const cell of record) for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) breaks++;
  return breaks;
}

const unreadable = (error: unknown) => new AppError("INVALID_INPUT", `The file is not readable as CSV: ${(error as Error).message}`);

/** The header row, from the file's first line (column names do not span lines). */
function readHeader(text: string): string[] | undefined {
  const firstLineEnd = text.indexOf("\n");
  const head = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd + 1);
  try {
    const [first] = parseSync(head, OPTIONS) as unknown as Parsed[];
    return first?.record.map((c) => c.trim());
  } catch (error) {
    throw unreadable(error);
  }
}

/** Every row after the header, parsed as the text streams through csv-parse. */
async function* rows(text: string): AsyncGenerator<Parsed> {
  const parser = Readable.from(inPieces(text, PIECE_CHARS)).pipe(parse(OPTIONS));
  let header = true;
  try {
    for await (const row of parser as AsyncIterable<Parsed>) {
      if (header) header = false;
      else yield row;
    }
  } catch (error) {
    throw unreadable(error);
  }
}

/** Characters scanned between turns for other requests. */
const SCAN_CHARS = 64 * 1024;

/**
 * The rows after the header, counted by scanning for line ends outside quotes
 * (an escaped `""` toggles twice) and skipping empty lines as the parser does:
 * the progress bar's total, without building every row a second time for the
 * collector. A file the parser refuses fails the job whatever this says.
 */
async function countRows(text: string): Promise<number> {
  let records = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    if (!quoted && (c === 0x0a || c === 0x0d)) {
      if (content) records++;
      content = false;
    } else content = true;
    if (i % SCAN_CHARS === 0) await yieldToRequests();
  }
  if (content) records++;
  return Math.max(0, records - 1);
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
    for await (const { record, info } of rows(text)) {
      // info.lines is the line the record ends on; a quoted body may span many.
      const line = info.lines - breaksInside(record);
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
