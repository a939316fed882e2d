// The table the export API serves from: one entry per format, with what an
// HTTP response needs (Content-Type, file extension) and the writer.
import { writeBrat } from "./brat";
import { writeConll } from "./conll";
import { writeCsv } from "./csv.write";
import { writeJsonl } from "./jsonl";
import { writeLabelStudio } from "./labelstudio.write";
import type { ExportWriter } from "./model";
import { writeW3c } from "./w3c.write";

export type { ExportWriter };

export type ExportFormat = {
  /** Human-readable name for a format picker. */
  title: string;
  contentType: string;
  /** Without the dot. */
  extension: string;
  /** False when the writer throws FormatError for options.annotationsOnly (the format needs the text). */
  supportsAnnotationsOnly: boolean;
  write: ExportWriter;
};

export const exportFormats = {
  jsonl: { title: "JSON Lines (one article per line)", contentType: "application/jsonl; charset=utf-8", extension: "jsonl", supportsAnnotationsOnly: true, write: writeJsonl },
  csv: { title: "CSV (one annotation per row)", contentType: "text/csv; charset=utf-8; header=present", extension: "csv", supportsAnnotationsOnly: true, write: writeCsv },
  w3c: { title: "W3C Web Annotation (JSON-LD)", contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', extension: "jsonld", supportsAnnotationsOnly: true, write: writeW3c },
  brat: { title: "brat standoff (zip)", contentType: "application/zip", extension: "zip", supportsAnnotationsOnly: true, write: writeBrat },
  conll: { title: "CoNLL IOB2 (one column per label)", contentType: "text/plain; charset=utf-8", extension: "conll", supportsAnnotationsOnly: false, write: writeConll },
  labelstudio: { title: "Label Studio tasks (JSON)", contentType: "application/json; charset=utf-8", extension: "json", supportsAnnotationsOnly: false, write: writeLabelStudio },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatKey = keyof typeof exportFormats;

export function isExportFormatKey(key: string): key is ExportFormatKey {
  return Object.hasOwn(exportFormats, key);
}
