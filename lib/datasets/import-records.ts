// The common shape every import reader produces, whatever the file format:
// an article to create (with its annotations), or annotations aimed at an
// article that should already exist. `line` is the file's line number for
// JSONL and CSV, and the 1-based item (task, annotation, zip entry) otherwise.

/** Someone named in a file: `key` is how the file tells them apart (their id there, else email, else name). */
export type ImportedAnnotator = { key: string; name: string; email: string | null };

export type ImportedAnnotation = {
  /** How a message names it: "annotation 3", "region wH3bR". */
  ref: string;
  /** Its id in the file: a Slant id is kept as the annotation's id, any other as its external id. */
  id: string | null;
  label: string;
  /** Where the file says the span is; absent when the format has no offsets. */
  start: number | null;
  end: number | null;
  quote: string;
  prefix: string;
  suffix: string;
  note: string | null;
  attributes: Record<string, unknown>;
  /** null: the importing user. */
  annotator: ImportedAnnotator | null;
  gold: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  /** The guideline version the file says the span was made under (absent or null: not known, stored as null). */
  guidelineVersion?: number | null;
  /** Its review decision, gold provenance (ids of spans in the same article, as the file names them) and comments. */
  record?: ImportedSpanRecord;
};

/** People as for annotators: null is the importing user. */
export type ImportedSpanRecord = {
  review: { decision: "ACCEPTED" | "REJECTED"; reason: string | null; reviewer: ImportedAnnotator | null; at: string | null } | null;
  goldFrom: string[];
  comments: { id: string | null; author: ImportedAnnotator | null; body: string; createdAt: string | null }[];
};

/** An annotation the reader could not use: reported with its reason, never created. */
export type RejectedAnnotation = { ref: string; rejected: string };
export type AnnotationEntry = ImportedAnnotation | RejectedAnnotation;
export const isRejected = (entry: AnnotationEntry): entry is RejectedAnnotation => "rejected" in entry;

export type ImportedArticle = {
  id: string | null;
  title: string;
  source: { name: string; id: string | null; slug: string | null };
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  annotations: AnnotationEntry[];
};

/** How to find the article an annotation belongs to: by id, else content hash, else exact text, else its title. */
export type ArticleTarget = { id: string | null; contentHash: string | null; text: string | null; title?: string | null; sourceName?: string | null };

export type { ImportKind } from "../schemas/datasets";

export type ImportRecord =
  | { ok: true; line: number; kind: "article"; article: ImportedArticle }
  | { ok: true; line: number; kind: "annotations"; target: ArticleTarget; annotations: AnnotationEntry[] }
  | { ok: false; line: number; reason: string };

/**
 * A row the reader refused. The reason is worded on first read, so a reader
 * can hand over `describe` (holding, say, a failed zod parse) and a report
 * that no longer lists rejections never builds the validator's error.
 */
export function rejectedRow(line: number, describe: () => string): ImportRecord {
  let reason: string | undefined;
  return {
    ok: false,
    line,
    get reason() {
      reason ??= describe();
      return reason;
    },
  };
}

/** `total` may be counted later, inside the job, when counting means parsing the whole file. */
export type OpenedImport = { total: number | (() => Promise<number>); records: AsyncIterable<ImportRecord> };
