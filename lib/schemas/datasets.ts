import { z } from "zod";
import { LabelKey } from "./annotation";
import { IsoDate, Line, Text, Uuid } from "./common";

// Query strings carry repeated keys (?label=claim&label=unverified) as arrays
// (see lib/datasets/query.ts); a single value arrives as a plain string.
const many = <T extends z.ZodType>(item: T) =>
  z.union([item.transform((v) => [v]), z.array(item)]).default([]);

/** "1"/"true" → true, "0"/"false" → false: HTML checkboxes and curl both work. */
const Flag = z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true").default(false);

export const EXPORT_FORMAT_KEYS = ["jsonl", "csv", "w3c", "brat", "conll", "labelstudio"] as const;
export const ExportFormatKey = z.enum(EXPORT_FORMAT_KEYS);

/** What to export; shared by /api/export, /api/export/count, the /export page and the CLI. */
export const ExportFilters = z.strictObject({
  sourceId: many(Uuid),
  label: many(LabelKey),
  annotator: many(Uuid),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  gold: Flag,
  pseudonymize: Flag,
  annotationsOnly: Flag,
});
export type ExportFilters = z.infer<typeof ExportFilters>;

/** CSV only: "0" turns off spreadsheet-safe cells (a leading ' before =, +, -, @…) for pipelines; absent means on. */
const CsvSafe = z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true").optional();

export const ExportQuery = ExportFilters.extend({ format: ExportFormatKey, csvSafe: CsvSafe }).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "from must not be after to",
  path: ["to"],
});
export type ExportQuery = z.infer<typeof ExportQuery>;

export const ExportCountQuery = ExportFilters.extend({ format: ExportFormatKey.optional() });

export const IMPORT_KINDS = ["articles", "annotations"] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const IMPORT_FORMATS = ["jsonl", "csv", "zip", "labelstudio", "w3c"] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** The fields sent next to the file (multipart) or in the query string (raw body). */
export const ImportOptions = z.strictObject({
  kind: ImportKind,
  format: ImportFormat.optional(),
  /** Source name for a zip of text files, which carry none. */
  source: Line(200).optional(),
  filename: Text().trim().min(1).max(300).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** Imports larger than this are refused with 413 before a job is created. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const CreateTokenInput = z.strictObject({ name: Line(100) });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;


