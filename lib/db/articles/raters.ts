import { db } from "../client";

/**
 * The raters of an article, as the view "ArticleRater" defines them once
 * (prisma/sql/figures.sql, decision 0014): annotators with live spans, plus
 * anyone whose assignment shows they started or submitted it, so an annotator
 * who marked nothing counts (and is reported) instead of silently vanishing
 * from agreement. The agreement report, the per-source agreement and the
 * all-annotators mean read the same view.
 */
export async function ratersOf(articleId: string): Promise<{ id: string; name: string }[]> {
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT u.id::text AS id, u.name FROM "ArticleRater" r JOIN "User" u ON u.id = r."raterId"
    WHERE r."articleId" = ${articleId}::uuid ORDER BY u.name, u.id`;
}
