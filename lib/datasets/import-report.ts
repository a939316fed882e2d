// What an import job reports while it runs and when it ends. Lists are capped
// so that a 100,000-row file with a systematic problem does not produce a
// report larger than the file; `omitted` counts what was left out.

/** `item` names the annotation within the row ("annotation 3", "region wH3bR") when the row was not rejected whole. */
export type RejectedRow = { line: number; item?: string; reason: string };
/** `match`: the same id, the same external id (e.g. a Label Studio region id), or the same annotator, label and range. */
export type DuplicateRow = { line: number; what: "article" | "annotation"; existingId: string; title?: string; match?: "id" | "external id" | "same span" };
export type ReanchoredAnnotation = { line: number; id: string | null; label: string; from: { start: number | null; end: number | null }; to: { start: number; end: number } };
export type OrphanedAnnotation = { line: number; id: string | null; label: string; quote: string; reason: string };

/** How an annotator named in the file was mapped to a Slant account. */
export type AnnotatorHow = "you" | "email" | "id" | "earlier import" | "new imported annotator" | "you (analysts import in their own name)";
export type AnnotatorMapping = { key: string; name: string; to: { id: string; name: string }; how: AnnotatorHow; annotations: number };

export type ImportReport = {
  created: { articles: number; annotations: number };
  anchored: number;
  reanchored: ReanchoredAnnotation[];
  orphaned: OrphanedAnnotation[];
  duplicates: DuplicateRow[];
  rejected: RejectedRow[];
  annotators: AnnotatorMapping[];
  omitted: number;
};

export const REPORT_LIST_LIMIT = 1000;

export function emptyReport(): ImportReport {
  return { created: { articles: 0, annotations: 0 }, anchored: 0, reanchored: [], orphaned: [], duplicates: [], rejected: [], annotators: [], omitted: 0 };
}

type ListKey = "reanchored" | "orphaned" | "duplicates" | "rejected" | "annotators";

export function addToReport<K extends ListKey>(report: ImportReport, key: K, entry: ImportReport[K][number]): void {
  const list = report[key] as ImportReport[K][number][];
  if (list.length < REPORT_LIST_LIMIT) list.push(entry);
  else report.omitted += 1;
}

/** "line 12, annotation 3: quote … is not the text at 40–52 (found …)". */
export function describeRejected(r: RejectedRow): string {
  return `line ${r.line}${r.item ? `, ${r.item}` : ""}: ${r.reason}`;
}

/** One line for the CLI and the page heading. */
export function summarizeReport(r: ImportReport): string {
  return [
    `${r.created.articles} articles and ${r.created.annotations} annotations created`,
    `${r.anchored} anchored, ${r.reanchored.length} re-anchored, ${r.orphaned.length} orphaned`,
    `${r.duplicates.length} duplicates skipped, ${r.rejected.length} rejected`,
    ...(r.omitted ? [`${r.omitted} more entries not listed`] : []),
  ].join("; ");
}
