import { authorize, type Actor } from "../../auth/policy";
import { AppError, notFound } from "../../errors";
import type { CommentInput } from "../../schemas/gold";
import { db } from "../client";
import type { CommentView } from "../../schemas/responses/compare";

const fields = { id: true, body: true, createdAt: true, annotationId: true, goldAnnotationId: true, author: { select: { id: true, name: true } } } as const;

export async function listComments(args: { actor: Actor; articleId: string }): Promise<CommentView[]> {
  authorize(args.actor, "comment:read");
  const rows = await db().comment.findMany({ where: { articleId: args.articleId }, orderBy: { createdAt: "asc" }, select: fields });
  return rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}

/** A remark in the discussion of a disputed span (an annotator's or a gold one) of this article. */
export async function addComment(args: { actor: Actor; articleId: string; input: CommentInput }): Promise<CommentView> {
  authorize(args.actor, "comment:create");
  const { articleId, input } = args;
  const target = input.annotationId
    ? await db().annotation.findFirst({ where: { id: input.annotationId, articleId }, select: { id: true } })
    : await db().goldAnnotation.findFirst({ where: { id: input.goldAnnotationId!, articleId }, select: { id: true } });
  if (!(await db().article.findUnique({ where: { id: articleId }, select: { id: true } }))) throw notFound("Article");
  if (!target) throw new AppError("INVALID_INPUT", "That span is not on this article.");
  const row = await db().comment.create({
    data: { articleId, authorId: args.actor.id, body: input.body, annotationId: input.annotationId ?? null, goldAnnotationId: input.goldAnnotationId ?? null },
    select: fields,
  });
  return { ...row, createdAt: row.createdAt.toISOString() };
}
