// Turns an uploaded file into import records, or refuses it (with a 4xx
// AppError, before any job exists) when it cannot be read at all: wrong
// encoding, not the declared format, a kind the format cannot carry.
import { parse as parseCsv } from "csv-parse/sync";
import { AppError } from "../errors";
import { annotationCsvHeaderProblem } from "../formats/csv.read";
import type { ImportFormat, ImportKind } from "../schemas/datasets";
import type { OpenedImport } from "./import-records";
import { openArticleCsv } from "./read-article-csv";
import { openArticleZip } from "./read-article-zip";
import { openLabelStudio, openW3c } from "./read-annotation-json";
import { slantCsvRecords, slantJsonlRecords } from "./read-slant";
import { countYielding, yieldToRequests } from "./time-slices";
import { numberedLines, type TextInput } from "../formats/lines";

const FORMATS_BY_KIND: Record<ImportKind, readonly ImportFormat[]> = {
  articles: ["jsonl", "csv", "zip"],
  annotations: ["jsonl", "csv", "labelstudio", "w3c"],
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The format named by the file's extension or, for .json, by its content. */
export function detectFormat(filename: string, bytes: Uint8Array): ImportFormat | null {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return "zip";
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension === "jsonl" || extension === "ndjson") return "jsonl";
  if (extension === "csv") return "csv";
  if (extension === "jsonld") return "w3c";
  if (extension !== "json") return null;
  // Peek at the start only: W3C documents name their @context or Annotation type early.
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /"@context"|"type"\s*:\s*"Annotation/.test(head) ? "w3c" : "labelstudio";
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "The file is not UTF-8 text.");
  }
}

/** Non-blank lines, counted a piece at a time inside the job. */
async function countJsonLines(input: TextInput): Promise<number> {
  let count = 0;
  let lines = 0;
  for await (const { text } of numberedLines(input)) {
    if (text.trim() !== "") count++;
    if (++lines % 1024 === 0) await yieldToRequests();
  }
  return count;
}

/**
 * The formats read line by line (JSON Lines, the annotations CSV), opened on
 * `input`, which is called once per pass (the count, the records): a stored
 * upload is then read from the database piece by piece instead of whole
 * (decision 0013). Null for the formats that are read whole.
 */
export function openLineByLine(kind: ImportKind, format: ImportFormat, input: () => TextInput): OpenedImport | null {
  if (format === "jsonl") return { total: () => countJsonLines(input()), records: slantJsonlRecords(kind, input()) };
  if (format === "csv" && kind === "annotations") return { total: () => countYielding(slantCsvRecords(input())), records: slantCsvRecords(input()) };
  return null;
}

/** JSON Lines: the total is the count of non-blank lines; a first line that is not JSON means this is no JSONL file. */
function checkJsonl(text: string): void {
  try {
    JSON.parse(firstNonBlankLine(text).replace(/^\uFEFF/, ""));
  } catch {
    throw new AppError("INVALID_INPUT", "The first line of the file is not JSON: is it really JSON Lines?");
  }
}

function firstNonBlankLine(text: string): string {
  for (let from = 0; from < text.length; ) {
    const newline = text.indexOf("\n", from);
    const line = text.slice(from, newline === -1 ? text.length : newline);
    if (line.trim() !== "") return line;
    from = newline === -1 ? text.length : newline + 1;
  }
  return "";
}

/** Annotations CSV (any of the export's columns): only the header is checked now; rows can span lines, so the total is counted by a parse inside the job. */
function checkSlantCsv(text: string): void {
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n") + 1);
  let header: string[] = [];
  try {
    header = (parseCsv(firstLine, { bom: true }) as string[][])[0] ?? [];
  } catch {
    // reported below as an unexpected header
  }
  const problem = annotationCsvHeaderProblem(header.map((c) => c.trim()));
  if (problem) throw new AppError("INVALID_INPUT", `Not an annotations CSV: ${problem}.`);
}

export type ImportFile = { bytes: Uint8Array; filename: string; kind: ImportKind; format?: ImportFormat | undefined; source?: string | undefined; baseUrl: string };

export async function openImport(file: ImportFile): Promise<OpenedImport & { format: ImportFormat }> {
  const format = file.format ?? detectFormat(file.filename, file.bytes);
  if (!format) throw new AppError("INVALID_INPUT", `Cannot tell the format of "${file.filename}"; name it .jsonl, .csv, .zip or .json, or choose the format.`);
  if (!FORMATS_BY_KIND[file.kind].includes(format)) {
    throw new AppError("INVALID_INPUT", `${format} files cannot be imported as ${file.kind}; use ${FORMATS_BY_KIND[file.kind].join(", ")}.`);
  }
  if (file.bytes.byteLength === 0) throw new AppError("INVALID_INPUT", "The file is empty.");
  if (format === "zip") return { format, ...openArticleZip(file.bytes, file.source) };
  const text = decodeUtf8(file.bytes);
  switch (format) {
    case "jsonl":
      checkJsonl(text);
      return { format, ...openLineByLine(file.kind, format, () => text)! };
    case "csv":
      if (file.kind === "articles") return { format, ...openArticleCsv(text) };
      checkSlantCsv(text);
      return { format, ...openLineByLine(file.kind, format, () => text)! };
    case "labelstudio":
      return { format, ...openLabelStudio(text) };
    case "w3c":
      return { format, ...openW3c(text, file.baseUrl) };
  }
}
