import { authorize, can, type Actor } from "../../auth/policy";
import { AppError, notFound } from "../../errors";
import { db } from "../client";
import type { AssignmentStatus } from "../generated/client";

type Written = { id: string; status: AssignmentStatus; submittedAt: Date | null; seenOthersWorkAt: Date | null; updatedAt: Date; reopened: boolean };

/**
 * Sets the status of the actor's own assignment, or (reviewers) anyone's.
 * Submitting is final for analysts (the blind rule lets them read the others'
 * work from then on), so the write is conditional in the database itself: two
 * tabs cannot race a submitted assignment back open. A reviewer who reopens a
 * submitted one marks the layer as having seen others' work, with an audit event.
 */
export async function setAssignmentStatus(args: { actor: Actor; articleId: string; status: AssignmentStatus; userId?: string | undefined }) {
  const { actor, articleId, status } = args;
  const userId = args.userId ?? actor.id;
  authorize(actor, "assignment:set-for", { userId });
  if (userId !== actor.id) {
    if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError("INVALID_INPUT", "No user has this id", { userId });
  }
  const [row] = await db().$queryRaw<({ found: boolean } & Partial<Written>)[]>`
    WITH target AS (
      SELECT id FROM "Article" WHERE id = ${articleId}::uuid
    ), written AS (
      INSERT INTO "Assignment" AS s (id, "articleId", "userId", status, "submittedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), t.id, ${userId}::uuid, ${status}::"AssignmentStatus", CASE WHEN ${status} = 'SUBMITTED' THEN now() END, now(), now() FROM target t
      ON CONFLICT ("articleId", "userId") DO UPDATE SET
        status = excluded.status,
        "submittedAt" = CASE WHEN excluded.status <> 'SUBMITTED' THEN NULL WHEN s.status = 'SUBMITTED' THEN s."submittedAt" ELSE now() END,
        "seenOthersWorkAt" = CASE WHEN s.status = 'SUBMITTED' AND excluded.status <> 'SUBMITTED' THEN now() ELSE s."seenOthersWorkAt" END,
        "updatedAt" = now()
      WHERE s.status <> 'SUBMITTED' OR excluded.status = 'SUBMITTED' OR ${can(actor, "assignment:reopen")}::boolean
      RETURNING s.id, s.status, s."submittedAt", s."seenOthersWorkAt", s."updatedAt", s."seenOthersWorkAt" IS NOT DISTINCT FROM now()::timestamptz(3) AS reopened
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after)
      SELECT ${actor.id}::uuid, 'assignment.reopen', 'Assignment', w.id::text,
             jsonb_build_object('userId', ${userId}::text, 'status', 'SUBMITTED'), jsonb_build_object('userId', ${userId}::text, 'status', w.status)
      FROM written w WHERE w.reopened
    )
    SELECT EXISTS (SELECT 1 FROM target) AS found, w.* FROM (SELECT 1) one LEFT JOIN written w ON TRUE`;
  if (!row?.found) throw notFound("Article");
  if (!row.id) {
    throw new AppError("SUBMITTED_IS_FINAL", "This article is submitted, and submitting is final: you may have seen the other annotators' work since. Ask a reviewer to reopen it.", { status: "SUBMITTED" });
  }
  return {
    articleId,
    userId,
    status: row.status!,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    seenOthersWorkAt: row.seenOthersWorkAt?.toISOString() ?? null,
    updatedAt: row.updatedAt!.toISOString(),
  };
}

export async function getAssignmentStatus(args: { actor: Actor; articleId: string }): Promise<AssignmentStatus | null> {
  const row = await db().assignment.findUnique({
    where: { articleId_userId: { articleId: args.articleId, userId: args.actor.id } },
    select: { status: true },
  });
  return row?.status ?? null;
}

import type { ArticleProgress } from "../../schemas/responses/articles";
export type { ArticleProgress };

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

/** Annotators whose submitted work on the article a reviewer reopened: their layer may have seen the others' (shown on compare). */
export async function layersThatSawOthersWork(args: { actor: Actor; articleId: string }): Promise<{ id: string; name: string; at: string }[]> {
  authorize(args.actor, "article:compare");
  const rows = await db().assignment.findMany({
    where: { articleId: args.articleId, seenOthersWorkAt: { not: null } },
    orderBy: { seenOthersWorkAt: "asc" },
    select: { seenOthersWorkAt: true, user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ ...r.user, at: r.seenOthersWorkAt!.toISOString() }));
}
