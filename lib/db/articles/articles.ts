import type { Actor } from "../../auth/policy";
import { AppError, notFound } from "../../errors";
import type { ArticleListQuery, CreateArticleInput } from "../../schemas/article";
import { countWords, normalizeBody } from "../../text/article-text";
import type { CodePointRange } from "../../spans/offsets";
import { contentHash } from "../../text/content-hash";
import { db, type Db } from "../client";
import { blindText, blindTitle, excludeBlind, outletBlindArticleIds } from "../campaigns/outlet-blind";
import { findOrCreateSourceByName } from "./sources";

const listFields = {
  id: true,
  title: true,
  publishedAt: true,
  wordCount: true,
  goldStatus: true,
  changedSinceAdjudicationAt: true,
  source: { select: { id: true, name: true, domain: true, homepage: true } },
} as const;

type GoldState = { goldStatus: "NONE" | "IN_PROGRESS" | "ADJUDICATED"; changedSinceAdjudication: boolean };
import type { ArticleListItem } from "../../schemas/responses/articles";
export type { ArticleListItem };

/** "Changed since adjudication": an annotator's span changed after the article was adjudicated (a trigger keeps the time). */
function goldState<A extends { goldStatus: GoldState["goldStatus"]; changedSinceAdjudicationAt: Date | null }>({ changedSinceAdjudicationAt, ...a }: A): Omit<A, "changedSinceAdjudicationAt"> & GoldState {
  return { ...a, changedSinceAdjudication: a.goldStatus === "ADJUDICATED" && changedSinceAdjudicationAt !== null };
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Newest first (undated last); `nextCursor` is the id to pass back for the next page. Articles the
 * actor reads outlet-blind (decision 0025) come without source and date, their title without the
 * outlet's markers; a list filtered by source leaves them out (the filter would name their outlet).
 */
export async function listArticles(args: { actor: Actor; query: ArticleListQuery }) {
  const { sourceId, cursor, limit } = args.query;
  const rows = await db().article.findMany({
    where: sourceId ? { sourceId, ...excludeBlind(args.actor) } : {},
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 0 } : {}),
    select: listFields,
  });
  const page = rows.slice(0, limit);
  const blind = await outletBlindArticleIds({ actor: args.actor, articleIds: page.map((a) => a.id) });
  const items: ArticleListItem[] = page.map(({ source, ...a }) =>
    blind.has(a.id)
      ? { ...goldState(a), title: blindTitle(a.title, source), source: null, publishedAt: null, outletBlind: true }
      : { ...goldState(a), source: { id: source.id, name: source.name }, publishedAt: isoDate(a.publishedAt), outletBlind: false },
  );
  return { items, nextCursor: rows.length > limit ? (rows[limit]?.id ?? null) : null };
}

/**
 * One article with its text. For an actor who reads it outlet-blind the same shape comes back with
 * source, byline, URL and date null, the title without the outlet's markers, and the text's
 * self-references replaced code point for code point (`outletMasks` says where), so offsets hold.
 */
export async function getArticle(args: { actor: Actor; id: string }) {
  const a = await db().article.findUnique({
    where: { id: args.id },
    select: {
      ...listFields,
      byline: true,
      url: true,
      body: true,
      contentHash: true,
      createdAt: true,
      source: { select: { id: true, name: true, slug: true, domain: true, homepage: true } },
    },
  });
  if (!a) return null;
  const { source, ...rest } = a;
  const seen = { ...goldState(rest), publishedAt: isoDate(a.publishedAt), createdAt: a.createdAt.toISOString() };
  if ((await outletBlindArticleIds({ actor: args.actor, articleIds: [a.id] })).has(a.id)) {
    return { ...seen, ...blindText(a.body, source), title: blindTitle(a.title, source), source: null, byline: null, url: null, publishedAt: null, outletBlind: true as const };
  }
  return { ...seen, source: { id: source.id, name: source.name, slug: source.slug }, outletBlind: false as const, outletMasks: [] as CodePointRange[] };
}

export async function getArticleOrThrow(args: { actor: Actor; id: string }) {
  const article = await getArticle(args);
  if (!article) throw notFound("Article");
  return article;
}

/** Stores a normalized article; the same text twice is a 409 pointing at the first. */
export async function createArticle(args: { actor: Actor | null; input: CreateArticleInput; client?: Db }) {
  const client = args.client ?? db();
  const { input } = args;
  const body = normalizeBody(input.body);
  const hash = contentHash(body);
  const duplicate = await client.article.findUnique({ where: { contentHash: hash }, select: { id: true, title: true } });
  if (duplicate) {
    throw new AppError("CONFLICT", "An article with exactly this text already exists.", { existingArticleId: duplicate.id, title: duplicate.title });
  }
  const sourceId = "id" in input.source ? await requireSourceId(client, input.source.id) : (await findOrCreateSourceByName(input.source.name, client)).id;
  return client.article.create({
    data: {
      sourceId,
      title: input.title,
      byline: input.byline ?? null,
      url: input.url ?? null,
      publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
      body,
      contentHash: hash,
      wordCount: countWords(body),
      importedById: args.actor?.id ?? null,
    },
    select: { id: true, title: true, contentHash: true, wordCount: true, source: { select: { id: true, name: true } } },
  });
}

async function requireSourceId(client: Db, id: string): Promise<string> {
  const source = await client.source.findUnique({ where: { id }, select: { id: true } });
  if (!source) throw new AppError("INVALID_INPUT", "Unknown source", { source: { id: "no source has this id" } });
  return source.id;
}
