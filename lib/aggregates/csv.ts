// Tables download as CSV (RFC 4180, CRLF) with the basis and filters in "#"
// comment lines above the header, so a file read later still says how its
// figures were counted (pandas: read_csv(…, comment="#")). Fields go through
// the one CSV field writer (lib/formats/csv-field.ts), spreadsheet-safe: these
// files are made to be opened in a spreadsheet.
import { csvCommentLine, csvRecord } from "../formats/csv-field";

export type CsvCell = string | number | null;
export type CsvTable = { about: Record<string, string>; columns: readonly string[]; rows: readonly (readonly CsvCell[])[] };

const SAFE = { spreadsheetSafe: true };

export function toCsv(table: CsvTable): string {
  const about = Object.entries(table.about).map(([key, value]) => csvCommentLine(key, value, SAFE));
  return [...about, csvRecord(table.columns, SAFE), ...table.rows.map((row) => csvRecord(row, SAFE))].join("");
}
