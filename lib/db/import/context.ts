// State shared by every record of one import: the report, and small caches
// (labels, annotators, sources) so a 100,000-row file does not look the same
// user up 100,000 times. Caches only ever hold what has been committed (or,
// for annotators, say that it is still to be created), so a rejected row
// leaves nothing behind in them either.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/policy";
import type { ImportReport } from "../../datasets/import-report";
import { slugify } from "../../text/article-text";
import type { Db } from "../client";
import { storedFields } from "../../labels/fields";
import type { LabelDefinition } from "../labels/labels";
import type { Prisma } from "../generated/client";
import type { ResolvedAnnotator } from "./annotators";
import { findOrCreateSourceByName, findSourceByName } from "../articles/sources";

export type ImportContext = {
  client: Db;
  actor: Actor;
  report: ImportReport;
  labels: Map<string, string>;
  /** Each label's fields and whether it is retired, by key, as they were when the import began. */
  labelDefinitions: Map<string, LabelDefinition>;
  /** By the file's key for the annotator. */
  annotators: Map<string, ResolvedAnnotator>;
  sources: Map<string, string>;
  /** Annotation ids already used in this file: a repeat is a duplicate, not a crash. */
  seenAnnotationIds: Set<string>;
  /** The last article an annotations record was aimed at: CSV rows of one article come together. */
  lastTarget: { key: string; article: { id: string; body: string } | null } | null;
  /** What the batch being planned holds and looked up in bulk (batch.ts). */
  batch: BatchState;
};

export type StoredArticle = { id: string; title: string; body: string };
/** A span already stored or planned in this batch, as the duplicate rules compare them. */
export type ExistingSpan = { id: string; who: string; labelId: string; start: number; end: number; externalId: string | null };

/**
 * Rows planned but not yet written are invisible to the database, so the batch
 * keeps what later rows of the same batch must see: the new articles' texts
 * and ids, and the spans planned per article. Lookups done in bulk for the
 * batch's records (content hashes, article ids, span ids) are kept here too.
 */
export type BatchState = {
  plannedHashes: Set<string>;
  plannedArticleIds: Set<string>;
  plannedSpans: Map<string, ExistingSpan[]>;
  /** Articles whose stored review record later rows of the batch may need: a row that touches one waits for the write. */
  recordArticles: Set<string>;
  /** Stored articles by content hash (null: none), for the hashes looked up in bulk. */
  byHash: Map<string, StoredArticle | null>;
  /** Ids looked up in bulk: taken ones, by kind. */
  checkedArticleIds: Set<string>;
  takenArticleIds: Set<string>;
  checkedSpanIds: Set<string>;
  takenSpanIds: Set<string>;
};

export const emptyBatch = (): BatchState => ({
  plannedHashes: new Set(),
  plannedArticleIds: new Set(),
  plannedSpans: new Map(),
  recordArticles: new Set(),
  byHash: new Map(),
  checkedArticleIds: new Set(),
  takenArticleIds: new Set(),
  checkedSpanIds: new Set(),
  takenSpanIds: new Set(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A file's timestamp, or now when it gives none. */
export const timestamp = (value: string | null) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : new Date());

export const isUuid = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);

export async function importContext(client: Db, actor: Actor, report: ImportReport): Promise<ImportContext> {
  const labels = await client.label.findMany({ select: { id: true, key: true, attributes: true, retiredAt: true } });
  const definitions = labels.map((l): LabelDefinition => ({ id: l.id, key: l.key, attributes: storedFields(l.attributes), retired: l.retiredAt !== null }));
  return { client, actor, report, labels: new Map(labels.map((l) => [l.key, l.id])), labelDefinitions: new Map(definitions.map((d) => [d.key, d])), annotators: new Map(), sources: new Map(), seenAnnotationIds: new Set(), lastTarget: null, batch: emptyBatch() };
}

type Tx = Prisma.TransactionClient;

/**
 * The source named in the file, created inside the row's transaction `tx` when
 * new (so a rejected row creates none); a new one keeps the file's id and slug
 * when they are free, so re-exports match. Cache it with rememberSource once committed.
 */
export async function sourceIdFor(ctx: ImportContext, tx: Tx, source: { name: string; id: string | null; slug: string | null }): Promise<string> {
  const cached = ctx.sources.get(source.name);
  if (cached) return cached;
  // Matched by the source key (case, spacing and punctuation ignored), so "FOX" joins "Fox".
  const existing = await findSourceByName(source.name, tx as unknown as Db);
  if (existing) return existing.id;
  if (source.slug && slugify(source.slug) === source.slug) {
    const idFree = isUuid(source.id) && (await tx.source.count({ where: { id: source.id } })) === 0;
    const slugFree = (await tx.source.count({ where: { slug: source.slug } })) === 0;
    if (slugFree) return (await tx.source.create({ data: { id: idFree ? source.id! : randomUUID(), name: source.name, slug: source.slug }, select: { id: true } })).id;
  }
  return (await findOrCreateSourceByName(source.name, tx as unknown as Db)).id;
}
