// Creates one imported article with its annotations in one transaction, so a
// record is either wholly there or reported as not created. The same text
// twice (in the file, or already in Slant) is a reported duplicate.
import { randomUUID } from "node:crypto";
import { addToReport } from "../datasets/import-report";
import type { ImportedArticle } from "../datasets/import-records";
import { placeAnnotations } from "../datasets/place-annotations";
import { countWords, normalizeBody } from "../text/article-text";
import { contentHash } from "../text/content-hash";
import { annotationRows } from "./import-annotations";
import { isUuid, sourceIdFor, type ImportContext } from "./import-context";

async function existingWithText(ctx: ImportContext, hash: string) {
  return ctx.client.article.findUnique({ where: { contentHash: hash }, select: { id: true, title: true } });
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

export async function importArticleRecord(ctx: ImportContext, line: number, input: ImportedArticle): Promise<void> {
  const { client, report } = ctx;
  const body = normalizeBody(input.text);
  const hash = contentHash(body);
  const duplicate = await existingWithText(ctx, hash);
  if (duplicate) {
    addToReport(report, "duplicates", { line, what: "article", existingId: duplicate.id, title: duplicate.title });
    return;
  }
  const idFree = isUuid(input.id) && (await client.article.count({ where: { id: input.id } })) === 0;
  const id = idFree ? input.id! : randomUUID();
  const sourceId = await sourceIdFor(ctx, input.source);
  const rows = await annotationRows(ctx, line, id, await placeAnnotations(body, input.annotations));
  const article = {
    id,
    sourceId,
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
    await client.$transaction([
      client.article.create({ data: article, select: { id: true } }),
      client.annotation.createMany({ data: rows.annotations }),
      client.goldAnnotation.createMany({ data: rows.gold }),
    ]);
  } catch (error) {
    // Another import (or a colleague) stored the same text a moment ago.
    const raced = isUniqueViolation(error) ? await existingWithText(ctx, hash) : null;
    if (!raced) throw error;
    addToReport(report, "duplicates", { line, what: "article", existingId: raced.id, title: raced.title });
    return;
  }
  report.created.articles++;
  rows.commit(report);
}
