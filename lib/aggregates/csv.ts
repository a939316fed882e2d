// Tables download as CSV (RFC 4180, CRLF) with the basis and filters in "#"
// comment lines above the header, so a file read later still says how its
// figures were counted (pandas: read_csv(…, comment="#")).

export type CsvCell = string | number | null;
export type CsvTable = { about: Record<string, string>; columns: readonly string[]; rows: readonly (readonly CsvCell[])[] };

export function toCsv(table: CsvTable): string {
  const about = Object.entries(table.about).map(([key, value]) => `# ${key}: ${value.replace(/[\r\n]+/g, " ")}`);
  const lines = [...about, table.columns.map(cell).join(","), ...table.rows.map((row) => row.map(cell).join(","))];
  return lines.join("\r\n") + "\r\n";
}

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection): quote it as text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}
