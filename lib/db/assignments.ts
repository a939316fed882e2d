import type { Actor } from "../auth/permissions";
import { notFound } from "../errors";
import { db } from "./client";
import type { AssignmentStatus } from "./generated/client";

export async function setAssignmentStatus(args: { actor: Actor; articleId: string; status: AssignmentStatus }) {
  const article = await db().article.findUnique({ where: { id: args.articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const submittedAt = args.status === "SUBMITTED" ? new Date() : null;
  const row = await db().assignment.upsert({
    where: { articleId_userId: { articleId: args.articleId, userId: args.actor.id } },
    create: { articleId: args.articleId, userId: args.actor.id, status: args.status, submittedAt },
    update: { status: args.status, submittedAt },
    select: { articleId: true, status: true, submittedAt: true, updatedAt: true },
  });
  return { ...row, submittedAt: row.submittedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() };
}

export async function getAssignmentStatus(args: { actor: Actor; articleId: string }): Promise<AssignmentStatus | null> {
  const row = await db().assignment.findUnique({
    where: { articleId_userId: { articleId: args.articleId, userId: args.actor.id } },
    select: { status: true },
  });
  return row?.status ?? null;
}

export type ArticleProgress = { myStatus: AssignmentStatus | null; submitted: number; inProgress: number; myAnnotations: number };

/** Per article: the actor's own status and annotation count, and how many annotators are at work or done. */
export async function progressFor(args: { actor: Actor; articleIds: string[] }): Promise<Map<string, ArticleProgress>> {
  const { actor, articleIds } = args;
  const [assignments, mine] = await Promise.all([
    db().assignment.findMany({ where: { articleId: { in: articleIds } }, select: { articleId: true, userId: true, status: true } }),
    db().annotation.groupBy({ by: ["articleId"], where: { articleId: { in: articleIds }, annotatorId: actor.id, deletedAt: null }, _count: true }),
  ]);
  const progress = new Map<string, ArticleProgress>(articleIds.map((id) => [id, { myStatus: null, submitted: 0, inProgress: 0, myAnnotations: 0 }]));
  for (const a of assignments) {
    const p = progress.get(a.articleId);
    if (!p) continue;
    if (a.userId === actor.id) p.myStatus = a.status;
    if (a.status === "SUBMITTED") p.submitted++;
    if (a.status === "IN_PROGRESS") p.inProgress++;
  }
  for (const m of mine) {
    const p = progress.get(m.articleId);
    if (p) p.myAnnotations = m._count;
  }
  return progress;
}
