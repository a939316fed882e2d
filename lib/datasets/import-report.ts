// What an import job reports while it runs and when it ends. Lists are capped
// so that a 100,000-row file with a systematic problem does not produce a
// report larger than the file; `omitted` counts what was left out.

export type RejectedRow = { line: number; reason: string };
export type DuplicateRow = { line: number; what: "article" | "annotation"; existingId: string; title?: string };
export type ReanchoredAnnotation = { line: number; id: string | null; label: string; from: { start: number | null; end: number | null }; to: { start: number; end: number } };
export type OrphanedAnnotation = { line: number; id: string | null; label: string; quote: string; reason: string };

export type ImportReport = {
  created: { articles: number; annotations: number };
  anchored: number;
  reanchored: ReanchoredAnnotation[];
  orphaned: OrphanedAnnotation[];
  duplicates: DuplicateRow[];
  rejected: RejectedRow[];
  omitted: number;
};

export const REPORT_LIST_LIMIT = 1000;

export function emptyReport(): ImportReport {
  return { created: { articles: 0, annotations: 0 }, anchored: 0, reanchored: [], orphaned: [], duplicates: [], rejected: [], omitted: 0 };
}

type ListKey = "reanchored" | "orphaned" | "duplicates" | "rejected";

export function addToReport<K extends ListKey>(report: ImportReport, key: K, entry: ImportReport[K][number]): void {
  const list = report[key] as ImportReport[K][number][];
  if (list.length < REPORT_LIST_LIMIT) list.push(entry);
  else report.omitted += 1;
}

/** One line for the CLI and the page heading. */
export function summarizeReport(r: ImportReport): string {
  return [
    `${r.created.articles} articles and ${r.created.annotations} annotations created`,
    `${r.anchored} anchored, ${r.reanchored.length} re-anchored, ${r.orphaned.length} orphaned`,
    `${r.duplicates.length} duplicates skipped, ${r.rejected.length} rows rejected`,
    ...(r.omitted ? [`${r.omitted} more entries not listed`] : []),
  ].join("; ");
}
