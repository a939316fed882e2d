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

/** Each rater's values of the admin-defined profile fields (leaning, language…), by field name in the fields' order: for reviewers only (the caller asks the policy). */
export async function raterProfiles(raterIds: string[]): Promise<Map<string, { field: string; value: string }[]>> {
  if (raterIds.length === 0) return new Map();
  const [fields, users] = await Promise.all([
    db().profileField.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }], select: { key: true, name: true } }),
    db().user.findMany({ where: { id: { in: raterIds } }, select: { id: true, profile: true } }),
  ]);
  return new Map(
    users.map((u) => {
      const values = (u.profile ?? {}) as Record<string, unknown>;
      return [u.id, fields.flatMap((f) => (typeof values[f.key] === "string" && values[f.key] !== "" ? [{ field: f.name, value: values[f.key] as string }] : []))];
    }),
  );
}
