// What an import job reports while it runs and when it ends. Lists are capped
// so that a 100,000-row file with a systematic problem does not produce a
// report larger than the file; `counts` has every list's full length and
// `omitted` how many entries were left out. A capped list's entries are not
// even built: a million rejected rows cost a count each, not a million
// worded reasons (and the validator errors behind them) for the collector.

/** `item` names the annotation within the row ("annotation 3", "region wH3bR") when the row was not rejected whole. */
export type RejectedRow = { line: number; item?: string; reason: string };
/** `match`: the same id, the same external id (e.g. a Label Studio region id), or the same annotator, label and range. */
export type DuplicateRow = { line: number; what: "article" | "annotation"; existingId: string; title?: string; match?: "id" | "external id" | "same span" };
export type ReanchoredAnnotation = { line: number; id: string | null; label: string; from: { start: number | null; end: number | null }; to: { start: number; end: number } };
export type OrphanedAnnotation = { line: number; id: string | null; label: string; quote: string; reason: string };

/** How an annotator named in the file was mapped to a Slant account. */
export type AnnotatorHow = "you" | "email" | "id" | "earlier import" | "new imported annotator" | "you (analysts import in their own name)";
export type AnnotatorMapping = { key: string; name: string; to: { id: string; name: string }; how: AnnotatorHow; annotations: number };

export type RecordCounts = { reviews: number; goldSources: number; comments: number };
/**
 * Review decisions, gold provenance links and comments from the file: created,
 * already there (a re-import adds nothing), or ignored (analysts do not import
 * reviewers' records). `unlinked`: gold sources naming a span that is neither
 * in the file nor on the article.
 */
export type SpanRecordReport = { created: RecordCounts; existing: RecordCounts; ignored: RecordCounts; unlinked: number };

export type ImportReport = {
  created: { articles: number; annotations: number };
  anchored: number;
  reanchored: ReanchoredAnnotation[];
  orphaned: OrphanedAnnotation[];
  duplicates: DuplicateRow[];
  rejected: RejectedRow[];
  annotators: AnnotatorMapping[];
  records: SpanRecordReport;
  /** Every list's full length; absent from reports written before it existed (then the lists are whole). */
  counts?: Record<ListKey, number>;
  omitted: number;
  /** Set when the job was cancelled: the records before this many were imported, the rest not read. */
  cancelled?: { afterRecords: number };
};

export const REPORT_LIST_LIMIT = 1000;

const noRecords = (): RecordCounts => ({ reviews: 0, goldSources: 0, comments: 0 });

export function emptyReport(): ImportReport {
  const records = { created: noRecords(), existing: noRecords(), ignored: noRecords(), unlinked: 0 };
  const counts = { reanchored: 0, orphaned: 0, duplicates: 0, rejected: 0, annotators: 0 };
  return { created: { articles: 0, annotations: 0 }, anchored: 0, reanchored: [], orphaned: [], duplicates: [], rejected: [], annotators: [], records, counts, omitted: 0 };
}

export function addRecordCounts(into: RecordCounts, add: RecordCounts): void {
  into.reviews += add.reviews;
  into.goldSources += add.goldSources;
  into.comments += add.comments;
}

const recordTotal = (c: RecordCounts) => c.reviews + c.goldSources + c.comments;
const recordWords = (c: RecordCounts) => `${c.reviews} review decisions, ${c.goldSources} gold provenance links and ${c.comments} comments`;

/** The review record's part of the summary; nothing when the file had none. */
function summarizeRecords(r: SpanRecordReport | undefined): string[] {
  if (!r) return [];
  return [
    ...(recordTotal(r.created) + recordTotal(r.existing) > 0 ? [`${recordWords(r.created)} created (${recordTotal(r.existing)} already there)`] : []),
    ...(r.unlinked ? [`${r.unlinked} gold provenance links name spans not in the file or the article`] : []),
    ...(recordTotal(r.ignored) > 0 ? [`${recordWords(r.ignored)} ignored: only reviewers and admins import them`] : []),
  ];
}

type ListKey = "reanchored" | "orphaned" | "duplicates" | "rejected" | "annotators";

/** `entry` may be a function, called only when the list has room for it. */
export function addToReport<K extends ListKey>(report: ImportReport, key: K, entry: ImportReport[K][number] | (() => ImportReport[K][number])): void {
  const list = report[key] as ImportReport[K][number][];
  if (report.counts) report.counts[key]++;
  if (list.length < REPORT_LIST_LIMIT) list.push(typeof entry === "function" ? entry() : entry);
  else report.omitted += 1;
}

/** A list's full length, listed or not. */
export const reportCount = (report: ImportReport, key: ListKey): number => report.counts?.[key] ?? report[key].length;

/** "line 12, annotation 3: quote … is not the text at 40–52 (found …)". */
export function describeRejected(r: RejectedRow): string {
  return `line ${r.line}${r.item ? `, ${r.item}` : ""}: ${r.reason}`;
}

/** One line for the CLI and the page heading. */
export function summarizeReport(r: ImportReport): string {
  return [
    `${r.created.articles} articles and ${r.created.annotations} annotations created`,
    `${r.anchored} anchored, ${reportCount(r, "reanchored")} re-anchored, ${reportCount(r, "orphaned")} orphaned`,
    `${reportCount(r, "duplicates")} duplicates skipped, ${reportCount(r, "rejected")} rejected`,
    ...summarizeRecords(r.records),
    ...(r.omitted ? [`${r.omitted} more entries not listed`] : []),
    ...(r.cancelled ? [`cancelled after ${r.cancelled.afterRecords} records`] : []),
  ].join("; ");
}
