import { db } from "../client";

/**
 * The raters of an article: annotators with spans, plus anyone whose
 * assignment shows they worked on it, so an annotator who marked nothing
 * counts (and is reported) instead of silently vanishing from agreement.
 */
export async function ratersOf(articleId: string): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: {
      OR: [
        { annotations: { some: { articleId, deletedAt: null } } },
        { assignments: { some: { articleId, status: { in: ["IN_PROGRESS", "SUBMITTED"] } } } },
      ],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
