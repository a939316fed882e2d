// The one CSV field writer behind every CSV Slant writes: the dataset export,
// the sources and figures tables, evidence lists and the agreement report.
// RFC 4180: a field is quoted when it contains a comma, a quote, CR or LF,
// quotes inside are doubled, null is an empty unquoted field and "" is "".
//
// Spreadsheet-safe by default (OWASP "CSV injection"): a field starting with
// =, +, -, @, tab or CR (or their fullwidth forms, which some spreadsheets
// fold) would run as a formula when the file is opened, so it gets a leading
// single quote and is quoted. That changes the text, so the dataset export
// can turn it off for pipelines (csvSafe=0, --raw-csv).

export type CsvFieldOptions = { spreadsheetSafe: boolean };

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One field: null → nothing, "" → "" (quoted), otherwise quoted when needed (always when neutralised). */
export function csvField(value: string | null, { spreadsheetSafe }: CsvFieldOptions): string {
  if (value === null) return "";
  if (value === "") return '""';
  if (spreadsheetSafe && FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A record: fields joined by commas, CRLF at the end. Numbers are written as they are (a negative figure stays a number). */
export function csvRecord(values: readonly (string | number | null)[], options: CsvFieldOptions): string {
  return `${values.map((v) => (typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : csvField(v, options))).join(",")}\r\n`;
}

/**
 * A "# key: value" comment line (pandas: read_csv(…, comment="#")). A spreadsheet
 * still splits it at commas, so every comma-separated part is neutralised too.
 */
export function csvCommentLine(key: string, value: string, { spreadsheetSafe }: CsvFieldOptions): string {
  const line = `# ${key}: ${value.replace(/[\r\n]+/g, " ")}`;
  if (!spreadsheetSafe) return `${line}\r\n`;
  return `${line
    .split(",")
    .map((part) => (/^[ "]*[=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20]/.test(part) ? `'${part}` : part))
    .join(",")}\r\n`;
}
