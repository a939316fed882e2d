// Imports one article record. New text: the article, its source, its spans
// and their audit events in one transaction, so a rejected row creates
// nothing. Text already in Slant (in the file, or stored before): the article
// is a reported duplicate, and its spans are merged into the stored article
// with the same duplicate rules as any span, so importing a file twice
// changes nothing and importing a colleague's export of the same articles
// adds their spans.
import { randomUUID } from "node:crypto";
import { addToReport } from "../../datasets/import-report";
import type { ImportedArticle } from "../../datasets/import-records";
import { countWords, normalizeBody } from "../../text/article-text";
import { contentHash } from "../../text/content-hash";
import { annotationRows } from "./annotations";
import { isUuid, type ImportContext } from "./context";
import { mergeIntoArticle } from "./annotations-record";
import { isRowRefusal, isUniqueViolation, STORE_FAILED, writeRow } from "./write";

async function existingWithText(ctx: ImportContext, hash: string) {
  return ctx.client.article.findUnique({ where: { contentHash: hash }, select: { id: true, title: true, body: true } });
}

export async function importArticleRecord(ctx: ImportContext, line: number, input: ImportedArticle): Promise<void> {
  const { client, report } = ctx;
  const body = normalizeBody(input.text);
  const hash = contentHash(body);
  const duplicate = await existingWithText(ctx, hash);
  if (duplicate) {
    addToReport(report, "duplicates", { line, what: "article", existingId: duplicate.id, title: duplicate.title });
    await mergeIntoArticle(ctx, line, duplicate, input.annotations);
    return;
  }
  const idFree = isUuid(input.id) && (await client.article.count({ where: { id: input.id } })) === 0;
  const id = idFree ? input.id!.toLowerCase() : randomUUID();
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
  try {
    const { sourceId } = await writeRow(ctx, { article: { data, source: input.source }, rows });
    if (sourceId) ctx.sources.set(input.source.name, sourceId);
  } catch (error) {
    // Another import (or a colleague) stored the same text a moment ago.
    const raced = isUniqueViolation(error) ? await existingWithText(ctx, hash) : null;
    if (raced) {
      addToReport(report, "duplicates", { line, what: "article", existingId: raced.id, title: raced.title });
      return;
    }
    if (!isRowRefusal(error)) throw error;
    addToReport(report, "rejected", { line, reason: STORE_FAILED });
    return;
  }
  report.created.articles++;
  rows.commit(report);
}
