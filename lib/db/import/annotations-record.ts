// Imports annotation records: spans aimed at an article that should already
// be in Slant, found by id, content hash, exact text or (for hand-written
// CSV) a title that names one article.
import { addToReport } from "../../datasets/import-report";
import { isRejected, type AnnotationEntry, type ArticleTarget } from "../../datasets/import-records";
import { normalizeBody } from "../../text/article-text";
import { contentHash } from "../../text/content-hash";
import { annotationRows } from "./annotations";
import { isUuid, type ImportContext } from "./context";
import { hasRows, WAIT_FOR_BATCH, type PlannedRow, type Planning } from "./planned";

type Target = { id: string; body: string };

async function findTarget(ctx: ImportContext, target: ArticleTarget): Promise<Target | string> {
  const select = { id: true, body: true } as const;
  const { client } = ctx;
  if (isUuid(target.id)) {
    const byId = await client.article.findUnique({ where: { id: target.id }, select });
    if (byId) return byId;
  }
  if (target.contentHash) {
    const byHash = await client.article.findUnique({ where: { contentHash: target.contentHash }, select });
    if (byHash) return byHash;
  }
  if (target.text) {
    const byText = await client.article.findUnique({ where: { contentHash: contentHash(normalizeBody(target.text)) }, select });
    if (byText) return byText;
  }
  if (target.title) {
    const where = { title: target.title, ...(target.sourceName ? { source: { name: target.sourceName } } : {}) };
    const byTitle = await client.article.findMany({ where, select, take: 2 });
    if (byTitle.length === 1) return byTitle[0]!;
    if (byTitle.length > 1) return `more than one article is titled "${target.title}"${target.sourceName ? ` in ${target.sourceName}` : ""}: name it by article_id`;
  }
  return "no article matches its id, content hash, text or title";
}

/** CSV rows of one article come one after another: the last lookup is kept. */
async function cachedTarget(ctx: ImportContext, target: ArticleTarget): Promise<Target | string> {
  const key = JSON.stringify([target.id, target.contentHash, target.title, target.sourceName, target.text?.length ?? null]);
  if (ctx.lastTarget?.key === key && ctx.lastTarget.article && !target.text) return ctx.lastTarget.article;
  const found = await findTarget(ctx, target);
  ctx.lastTarget = { key, article: typeof found === "string" ? null : found };
  return found;
}

/**
 * A row for an article that rows planned earlier in the batch also touch waits
 * for them to be written when review records are involved (their duplicate
 * checks read stored reviews, links and comments); plain spans see the batch's
 * planned spans instead (annotations.ts), so CSV rows of one article share a batch.
 */
export function mustWaitFor(ctx: ImportContext, articleId: string, annotations: AnnotationEntry[]): boolean {
  const { batch } = ctx;
  if (batch.recordArticles.has(articleId)) return true;
  const touched = batch.plannedSpans.has(articleId) || batch.plannedArticleIds.has(articleId);
  return touched && annotations.some((a) => !isRejected(a) && a.record);
}

/** The spans of one row into an article already stored, each checked for duplicates. */
export async function mergeIntoArticle(ctx: ImportContext, line: number, article: Target, annotations: AnnotationEntry[]): Promise<PlannedRow> {
  const nothing: PlannedRow = { line, planned: ctx.report, write: null, stored: () => undefined };
  if (annotations.length === 0) return nothing;
  const rows = await annotationRows(ctx, line, article.id, article.body, annotations, false);
  if (annotations.some((a) => !isRejected(a) && a.record)) ctx.batch.recordArticles.add(article.id);
  const write = { rows };
  // With nothing to store, `commit` counts what was already there, or ignored.
  return { line, planned: ctx.report, write: hasRows(write) ? write : null, stored: (report) => rows.commit(report) };
}

export async function planAnnotationRecord(ctx: ImportContext, line: number, target: ArticleTarget, annotations: AnnotationEntry[]): Promise<Planning> {
  const article = await cachedTarget(ctx, target);
  if (typeof article === "string") {
    for (const a of annotations) {
      if (isRejected(a)) addToReport(ctx.report, "rejected", a.ref ? { line, item: a.ref, reason: a.rejected } : { line, reason: a.rejected });
      else addToReport(ctx.report, "orphaned", { line, id: a.id, label: a.label, quote: a.quote, reason: article });
    }
    return { line, planned: ctx.report, write: null, stored: () => undefined };
  }
  if (mustWaitFor(ctx, article.id, annotations)) return WAIT_FOR_BATCH;
  return mergeIntoArticle(ctx, line, article, annotations);
}
