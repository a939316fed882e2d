// The common shape every import reader produces, whatever the file format:
// an article to create (with its annotations), or annotations aimed at an
// article that should already exist. `line` is the file's line number for
// JSONL and CSV, and the 1-based item (task, annotation, zip entry) otherwise.

export type ImportedAnnotation = {
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
  annotator: { id: string; name: string } | null;
  gold: boolean;
  createdAt: string | null;
  updatedAt: string | null;
};

export type ImportedArticle = {
  id: string | null;
  title: string;
  source: { name: string; id: string | null; slug: string | null };
  byline: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  annotations: ImportedAnnotation[];
};

/** How to find the article an annotation belongs to: by id, else content hash, else exact text. */
export type ArticleTarget = { id: string | null; contentHash: string | null; text: string | null };

export type { ImportKind } from "../schemas/datasets";

export type ImportRecord =
  | { ok: true; line: number; kind: "article"; article: ImportedArticle }
  | { ok: true; line: number; kind: "annotations"; target: ArticleTarget; annotations: ImportedAnnotation[] }
  | { ok: false; line: number; reason: string };

/** `total` may be counted later, inside the job, when counting means parsing the whole file. */
export type OpenedImport = { total: number | (() => Promise<number>); records: AsyncIterable<ImportRecord> };
