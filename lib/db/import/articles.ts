// Plans one article record. New text: the article, its source, its spans and
// their audit events, written with its batch (and alone if the batch is
// refused, so a rejected row creates nothing). Text already in Slant (in the
// file, or stored before): the article is a reported duplicate, and its spans
// are merged into the stored article with the same duplicate rules as any
// span, so importing a file twice changes nothing and importing a colleague's
// export of the same articles adds their spans.
import { randomUUID } from "node:crypto";
import { addToReport } from "../../datasets/import-report";
import type { ImportedArticle } from "../../datasets/import-records";
import { countWords, normalizeBody } from "../../text/article-text";
import { contentHash } from "../../text/content-hash";
import { annotationRows } from "./annotations";
import { mergeIntoArticle, mustWaitFor } from "./annotations-record";
import { isUuid, type ImportContext, type StoredArticle } from "./context";
import { WAIT_FOR_BATCH, type Planning } from "./planned";

/** The stored article with this text, from the batch's bulk lookup when it made one. */
export async function existingWithText(ctx: ImportContext, hash: string): Promise<StoredArticle | null> {
  const known = ctx.batch.byHash.get(hash);
  if (known !== undefined) return known;
  return ctx.client.article.findUnique({ where: { contentHash: hash }, select: { id: true, title: true, body: true } });
}

/** Looks up, in one query each, the stored texts and taken ids of a batch's article records. */
export async function lookUpArticles(ctx: ImportContext, articles: ImportedArticle[]): Promise<void> {
  const hashes = [...new Set(articles.map((a) => contentHash(normalizeBody(a.text))))];
  const ids = [...new Set(articles.flatMap((a) => (isUuid(a.id) ? [a.id.toLowerCase()] : [])))];
  const [stored, taken] = await Promise.all([
    hashes.length ? ctx.client.article.findMany({ where: { contentHash: { in: hashes } }, select: { id: true, title: true, body: true, contentHash: true } }) : [],
    ids.length ? ctx.client.article.findMany({ where: { id: { in: ids } }, select: { id: true } }) : [],
  ]);
  for (const h of hashes) ctx.batch.byHash.set(h, null);
  for (const { contentHash: h, ...article } of stored) ctx.batch.byHash.set(h, article);
  for (const id of ids) ctx.batch.checkedArticleIds.add(id);
  for (const { id } of taken) ctx.batch.takenArticleIds.add(id);
}

async function idIsFree(ctx: ImportContext, id: string): Promise<boolean> {
  const { batch } = ctx;
  if (batch.plannedArticleIds.has(id)) return false;
  if (batch.checkedArticleIds.has(id)) return !batch.takenArticleIds.has(id);
  return (await ctx.client.article.count({ where: { id } })) === 0;
}

export async function planArticleRecord(ctx: ImportContext, line: number, input: ImportedArticle): Promise<Planning> {
  const { report } = ctx;
  const body = normalizeBody(input.text);
  const hash = contentHash(body);
  // The same text earlier in this batch: it becomes a duplicate of that article once stored.
  if (ctx.batch.plannedHashes.has(hash)) return WAIT_FOR_BATCH;
  const duplicate = await existingWithText(ctx, hash);
  if (duplicate) {
    if (mustWaitFor(ctx, duplicate.id, input.annotations)) return WAIT_FOR_BATCH;
    addToReport(report, "duplicates", { line, what: "article", existingId: duplicate.id, title: duplicate.title });
    return mergeIntoArticle(ctx, line, duplicate, input.annotations);
  }
  const id = isUuid(input.id) && (await idIsFree(ctx, input.id.toLowerCase())) ? input.id.toLowerCase() : randomUUID();
  const rows = await annotationRows(ctx, line, id, body, input.annotations, true);
  const data = {
    id,
    title: input.title,
    byline: input.byline,
    url: input.url,
    publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
    body,
    contentHash: hash,
    wordCount: countWords(body),
    importedById: ctx.actor.id,
  };
  ctx.batch.plannedHashes.add(hash);
  ctx.batch.plannedArticleIds.add(id);
  return {
    line,
    planned: report,
    write: { article: { data, source: input.source }, rows },
    stored: (into) => {
      into.created.articles++;
      rows.commit(into);
    },
  };
}
