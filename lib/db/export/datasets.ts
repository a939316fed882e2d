// Streams the export model out of the database one batch of articles at a
// time (keyset pagination on the article id), so an export of any size holds
// at most two batches of articles and their annotations in memory: the one
// being written and the next, fetched meanwhile. Reads go through plain pg on
// Prisma's own pool (lib/db/raw.ts), because at a million annotations Prisma's
// per-row mapping is most of the cost.
import { authorize, can, POOLED, type Actor } from "../../auth/policy";
import { pseudonymFor } from "../../datasets/pseudonym";
import type { ExportAnnotation, ExportArticle } from "../../formats/model";
import type { ExportComment, ExportPerson, ExportReview } from "../../formats/provenance";
import type { ExportFilters } from "../../schemas/datasets";
import { db, type Db } from "../client";
import { annotationBatch, articleBatch, exportCount, provenanceBatch } from "./query";
import { blindReaderOf } from "../campaigns/outlet-blind";
import { blindExportArticle } from "./outlet-blind";
import { rawQuery, type RawQuery } from "../raw";
import type { ExportCount } from "../../schemas/responses/datasets";

/**
 * A batch holds about this many characters of article text and annotation
 * rows (about 6 articles with 100 annotations each). Measured on a million
 * annotations: four times larger batches were no faster on a server, and on
 * the embedded database (whose socket hands a whole result over at once) they
 * raised peak memory by 150 MB. The number of articles per batch follows from
 * the last one.
 */
const BATCH_CHARS = 250_000;
/** An annotation row's columns, roughly, in characters. */
const ROW_CHARS = 300;
const FIRST_BATCH = 6;
/** Where the text is in an article row (see articleBatch). */
const TEXT = 8;
const MAX_BATCH = 1000;

function nextBatchSize(articles: Rows, annotations: Rows): number {
  let chars = annotations.length * ROW_CHARS;
  for (const a of articles) chars += (a[TEXT] as string | null)?.length ?? 0;
  const perArticle = Math.max(1, chars / articles.length);
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_CHARS / perArticle)));
}

export type ExportSource = {
  actor: Actor;
  filters: ExportFilters;
  /** The database to read; db() by default. */
  client?: Db;
  /** Required when filters.pseudonymize. */
  pseudonymSecret?: string | undefined;
};

/** An export pools articles: under the blind rule, analysts export only their own layer, never gold. */
function scopedFilters(actor: Actor, filters: ExportFilters): ExportFilters {
  if (can(actor, "others-work:read", POOLED)) return filters;
  if (filters.gold) authorize(actor, "layer:read", { author: "gold", scope: POOLED });
  for (const id of filters.annotator) authorize(actor, "layer:read", { author: id, scope: POOLED });
  return { ...filters, annotator: [actor.id] };
}

type Rows = unknown[][];

type Annotator = ExportPerson;
type AnnotatorOf = (id: string, name: string, email: unknown) => Annotator;

/**
 * annotator → { id, name[, email] }, one object per person; pseudonymized
 * (name too: names identify people as well as ids do, and never an email)
 * with a secret. Emails only `withEmails`: a reviewer's or admin's export,
 * so that another Slant can match people by email (decision 0005).
 */
function annotators(secret: string | null, withEmails: boolean): AnnotatorOf {
  const cache = new Map<string, Annotator>();
  return (id, name, email) => {
    const known = cache.get(id);
    if (known && (secret || known.name === name)) return known;
    const value = secret ? pseudonymFor(id, secret) : null;
    const annotator = value ? { id: value, name: value } : withEmails && typeof email === "string" ? { id, name, email } : { id, name };
    cache.set(id, annotator);
    return annotator;
  };
}

// Most annotations have no attributes: skip JSON.parse for them. A JSON null reads as no attributes.
const attributesOf = (json: unknown) => (json === "{}" ? {} : ((JSON.parse(json as string) ?? {}) as Record<string, unknown>));
// See isoText in export-query.ts: 24 characters of ISO text, or epoch milliseconds outside years 1–9999.
const isoOf = (value: unknown) => (typeof value === "string" && value.length === 24 ? value : new Date(Number(value)).toISOString());

/** Rows in the column order of articleBatch and annotationBatch → the export model. */
function* articlesOf(articles: Rows, annotations: Rows, annotatorOf: AnnotatorOf): Generator<ExportArticle> {
  const byArticle = new Map<string, ExportAnnotation[]>();
  for (const r of annotations) {
    const annotation: ExportAnnotation = {
      id: r[1] as string,
      start: r[2] as number,
      end: r[3] as number,
      label: r[4] as string,
      quote: r[5] as string,
      prefix: r[6] as string,
      suffix: r[7] as string,
      note: r[8] as string | null,
      attributes: attributesOf(r[9]),
      annotator: annotatorOf(r[10] as string, r[11] as string, r[15]),
      gold: r[12] as boolean,
      createdAt: isoOf(r[13]),
      updatedAt: isoOf(r[14]),
      ...(r[16] !== null && r[16] !== undefined && { guidelineVersion: r[16] as number }),
    };
    const list = byArticle.get(r[0] as string);
    if (list) list.push(annotation);
    else byArticle.set(r[0] as string, [annotation]);
  }
  for (const a of articles) {
    const id = a[0] as string;
    const article: ExportArticle = {
      id,
      title: a[1] as string,
      source: { id: a[2] as string, name: a[3] as string, slug: a[4] as string },
      byline: a[5] as string | null,
      url: a[6] as string | null,
      publishedAt: a[7] as string | null,
      text: a[TEXT] as string | null,
      contentHash: a[9] as string,
      annotations: byArticle.get(id) ?? [],
    };
    // Outlet-blind for this analyst (decision 0025; the columns after contentHash come only for such a reader).
    yield a[10] === true ? blindExportArticle(article, { name: a[3] as string, domain: a[11] as string | null, homepage: a[12] as string | null }, a[13] as string) : article;
  }
}

type Provenance = { reviews: Map<string, ExportReview>; goldFrom: Map<string, string[]>; comments: Map<string, ExportComment[]> };

/** Reviews, gold sources and comments of a batch, keyed by annotation id (gold and annotator ids are distinct UUIDs). */
async function provenanceOf(run: RawQuery, articleIds: string[], annotatorOf: AnnotatorOf): Promise<Provenance> {
  const statements = provenanceBatch(articleIds);
  const [reviews, goldSources, comments] = await Promise.all([run(statements.reviews), run(statements.goldSources), run(statements.comments)]);
  const result: Provenance = { reviews: new Map(), goldFrom: new Map(), comments: new Map() };
  for (const r of reviews) {
    result.reviews.set(r[0] as string, { decision: r[1] as ExportReview["decision"], reason: r[2] as string | null, reviewer: annotatorOf(r[3] as string, r[4] as string, r[6]), at: isoOf(r[5]) });
  }
  for (const r of goldSources) {
    const list = result.goldFrom.get(r[0] as string);
    if (list) list.push(r[1] as string);
    else result.goldFrom.set(r[0] as string, [r[1] as string]);
  }
  for (const r of comments) {
    const on = (r[0] ?? r[1]) as string;
    const comment: ExportComment = { id: r[2] as string, author: annotatorOf(r[3] as string, r[4] as string, r[7]), body: r[5] as string, createdAt: isoOf(r[6]) };
    const list = result.comments.get(on);
    if (list) list.push(comment);
    else result.comments.set(on, [comment]);
  }
  return result;
}

function withProvenance(article: ExportArticle, provenance: Provenance): ExportArticle {
  for (const a of article.annotations) {
    const review = a.gold ? undefined : provenance.reviews.get(a.id);
    const goldFrom = a.gold ? provenance.goldFrom.get(a.id) : undefined;
    const comments = provenance.comments.get(a.id);
    if (review) a.review = review;
    if (goldFrom) a.goldFrom = goldFrom;
    if (comments) a.comments = comments;
  }
  return article;
}

/**
 * Checks the filters at once, then streams. A refusal must come before the
 * response starts: formats that write a header before their first article
 * (W3C, CoNLL, Label Studio) would otherwise send 200 and cut the stream.
 */
export function exportArticles(args: ExportSource): AsyncGenerator<ExportArticle> {
  const f = scopedFilters(args.actor, args.filters);
  if (f.pseudonymize && !args.pseudonymSecret) throw new Error("exportArticles: pseudonymize needs a secret");
  return streamArticles(args, f);
}

async function* streamArticles(args: ExportSource, f: ExportFilters): AsyncGenerator<ExportArticle> {
  // Reviews, adjudication and comments are the reviewers' record, and may quote other analysts' work: the blind rule.
  const withRecord = can(args.actor, "others-work:read", POOLED);
  const annotatorOf = annotators(f.pseudonymize && args.pseudonymSecret ? args.pseudonymSecret : null, withRecord);
  const run = rawQuery(args.client ?? db());
  type Batch = { articles: Rows; annotations: Rows; provenance: Provenance | null; complete: boolean };
  const fetchBatch = async (after: string | null, size: number): Promise<Batch> => {
    const articles = await run(articleBatch(f, after, size, blindReaderOf(args.actor)));
    const ids = articles.map((a) => a[0] as string);
    const annotations = articles.length > 0 ? await run(annotationBatch(f, ids)) : [];
    const provenance = withRecord && annotations.length > 0 ? await provenanceOf(run, ids, annotatorOf) : null;
    return { articles, annotations, provenance, complete: articles.length < size };
  };
  let next: Promise<Batch> | null = fetchBatch(null, FIRST_BATCH);
  while (next) {
    const { articles, annotations, provenance, complete }: Batch = await next;
    // The next batch is read while this one is written; a consumer that stops early leaves it to fail unobserved.
    next = complete ? null : fetchBatch(articles[articles.length - 1]![0] as string, nextBatchSize(articles, annotations));
    next?.catch(() => {});
    for (const article of articlesOf(articles, annotations, annotatorOf)) yield provenance ? withProvenance(article, provenance) : article;
  }
}

/** What exportArticles would yield, counted in the database: the export page shows it before starting. */
export async function countExport(args: Omit<ExportSource, "pseudonymSecret">): Promise<ExportCount> {
  const [row] = await (args.client ?? db()).$queryRaw<{ articles: number; annotations: number }[]>(exportCount(scopedFilters(args.actor, args.filters), blindReaderOf(args.actor)));
  return row ?? { articles: 0, annotations: 0 };
}

/** Whom the export page offers as annotator filters: everyone who annotated, or just yourself for an analyst. */
/** The label keys an export's columns are made of (CoNLL): every label, retired ones too, in the label list's order. */
export async function exportLabels(client: Db = db()): Promise<string[]> {
  return (await client.label.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true } })).map((l) => l.key);
}

export async function exportAnnotatorOptions(args: { actor: Actor; client?: Db }): Promise<{ id: string; name: string }[]> {
  if (!can(args.actor, "others-work:read", POOLED)) return [{ id: args.actor.id, name: args.actor.name }];
  return (args.client ?? db()).user.findMany({
    where: { OR: [{ annotations: { some: { deletedAt: null } } }, { adjudicated: { some: { deletedAt: null } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
