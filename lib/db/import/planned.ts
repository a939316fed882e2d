// One record of the file, planned but not yet written: what to store (if
// anything), what its planning reported, and what to report once it is stored.
// Rows are planned one by one and written in batches (batch.ts).
import type { ImportReport } from "../../datasets/import-report";
import type { AnnotationRows } from "./annotations";
import type { Prisma } from "../generated/client";

type NewArticle = Omit<Prisma.ArticleUncheckedCreateInput, "sourceId"> & { id: string };
export type SourceRef = { name: string; id: string | null; slug: string | null };
export type RowWrite = { article?: { data: NewArticle; source: SourceRef }; rows: AnnotationRows };

export type PlannedRow = {
  line: number;
  /** What the planning reported (orphaned, duplicates, rejected items), merged into the job's report in line order. */
  planned: ImportReport | null;
  /** null: nothing to store (all duplicates, or a row the reader refused). */
  write: RowWrite | null;
  /** Report entries that hold only once the row is stored (created, anchored, annotators). */
  stored: (report: ImportReport) => void;
};

/** A row that must wait until the rows planned before it are written (it needs to see them). */
export const WAIT_FOR_BATCH = Symbol("wait for the batch");
export type Planning = PlannedRow | typeof WAIT_FOR_BATCH;

export const hasRows = (w: RowWrite) => {
  const { rows } = w;
  const r = rows.record;
  return Boolean(w.article) || rows.annotations.length + rows.gold.length + r.reviews.length + r.goldSources.length + r.comments.length > 0;
};
