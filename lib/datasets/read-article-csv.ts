// Articles from a spreadsheet: one row per article with the columns title,
// source and body, and optionally byline, url and publishedAt. Unknown
// columns refuse the whole file, since their data would be silently lost.
import { parse } from "csv-parse/sync";
import { AppError } from "../errors";
import { articleRecord } from "./article-fields";
import type { ImportRecord, OpenedImport } from "./import-records";

const REQUIRED = ["title", "source", "body"] as const;
const OPTIONAL = ["byline", "url", "publishedAt"] as const;
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);

type Parsed = { record: string[]; info: { lines: number }; raw: string };

function parseRows(text: string): Parsed[] {
  try {
    return parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Parsed[];
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file is not readable as CSV: ${(error as Error).message}`);
  }
}

export function openArticleCsv(text: string): OpenedImport {
  const rows = parseRows(text);
  const header = rows[0]?.record.map((c) => c.trim());
  if (!header) throw new AppError("INVALID_INPUT", "The CSV file is empty.");
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !KNOWN.has(c));
  if (missing.length || unknown.length) {
    const problems = [missing.length ? `missing ${missing.join(", ")}` : "", unknown.length ? `unknown ${unknown.join(", ")}` : ""].filter(Boolean);
    throw new AppError("INVALID_INPUT", `CSV columns must be title, source, body and optionally byline, url, publishedAt (${problems.join("; ")}).`, { header });
  }
  const body = rows.slice(1);
  async function* records(): AsyncGenerator<ImportRecord> {
    for (const { record, info, raw } of body) {
      // info.lines is the line the record ends on; a quoted body may span many.
      const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
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
  return { total: body.length, records: records() };
}
