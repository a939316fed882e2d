import { requireRole, type Actor } from "../auth/permissions";
import { unanimousSpans } from "../compare/disagreements";
import { AppError, notFound } from "../errors";
import type { ReviewInput, UpdateGoldInput } from "../schemas/gold";
import { checkedSpan, labelByKey } from "./annotations";
import { recordAudit } from "./audit";
import { db } from "./client";
import { ratersOf } from "./raters";
import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

const goldFields = {
  id: true,
  start: true,
  end: true,
  quote: true,
  note: true,
  attributes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  label: { select: { key: true } },
  adjudicator: { select: { id: true, name: true } },
  sources: { select: { annotationId: true } },
} as const satisfies Prisma.GoldAnnotationSelect;

export type GoldView = {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
  attributes: Record<string, unknown>;
  version: number;
  adjudicator: { id: string; name: string };
  fromAnnotationIds: string[];
  updatedAt: string;
};

function toView(row: Prisma.GoldAnnotationGetPayload<{ select: typeof goldFields }>): GoldView {
  return {
    id: row.id,
    label: row.label.key,
    start: row.start,
    end: row.end,
    quote: row.quote,
    note: row.note,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    version: row.version,
    adjudicator: row.adjudicator,
    fromAnnotationIds: row.sources.map((s) => s.annotationId),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listGold(args: { actor: Actor; articleId: string }): Promise<GoldView[]> {
  requireRole(args.actor, "REVIEWER");
  const rows = await db().goldAnnotation.findMany({ where: { articleId: args.articleId, deletedAt: null }, orderBy: [{ start: "asc" }, { end: "desc" }], select: goldFields });
  return rows.map(toView);
}

/** Gold work has begun once something is in it; an explicit ADJUDICATED is never downgraded here. */
const markInProgress = (tx: Tx, articleId: string) => tx.article.updateMany({ where: { id: articleId, goldStatus: "NONE" }, data: { goldStatus: "IN_PROGRESS" } });

async function acceptGroup(tx: Tx, actor: Actor, articleId: string, annotationIds: string[]): Promise<GoldView> {
  const sources = await tx.annotation.findMany({ where: { id: { in: annotationIds }, articleId, deletedAt: null }, include: { label: { select: { key: true } } } });
  if (sources.length !== new Set(annotationIds).size) throw new AppError("INVALID_INPUT", "Some annotations are not (or no longer) on this article.", { annotationIds });
  const first = sources[0]!;
  if (sources.some((s) => s.start !== first.start || s.end !== first.end || s.labelId !== first.labelId)) {
    throw new AppError("INVALID_INPUT", "These annotations differ in span or label; accept one of them, then adjust the gold span.");
  }
  const existing = await tx.goldAnnotation.findFirst({ where: { articleId, start: first.start, end: first.end, labelId: first.labelId, deletedAt: null }, select: { id: true } });
  const goldId =
    existing?.id ??
    (
      await tx.goldAnnotation.create({
        data: {
          articleId, labelId: first.labelId, start: first.start, end: first.end, quote: first.quote, prefix: first.prefix, suffix: first.suffix,
          note: first.note, attributes: first.attributes ?? {}, adjudicatorId: actor.id,
        },
        select: { id: true },
      })
    ).id;
  await tx.goldSource.createMany({ data: sources.map((s) => ({ goldAnnotationId: goldId, annotationId: s.id })), skipDuplicates: true });
  await markInProgress(tx, articleId);
  const view = toView(await tx.goldAnnotation.findUniqueOrThrow({ where: { id: goldId }, select: goldFields }));
  await recordAudit(tx, { actorId: actor.id, action: existing ? "gold.link" : "gold.accept", entityType: "GoldAnnotation", entityId: goldId, after: view });
  return view;
}

/** Takes annotators' identical annotations into gold, keeping which ones it came from. */
export async function acceptIntoGold(args: { actor: Actor; articleId: string; annotationIds: string[] }): Promise<GoldView> {
  requireRole(args.actor, "REVIEWER");
  return db().$transaction((tx) => acceptGroup(tx, args.actor, args.articleId, args.annotationIds));
}

/** One action: every span all the article's annotators made identically goes into gold. */
export async function acceptAgreed(args: { actor: Actor; articleId: string }): Promise<{ accepted: number }> {
  requireRole(args.actor, "REVIEWER");
  if (!(await db().article.findUnique({ where: { id: args.articleId }, select: { id: true } }))) throw notFound("Article");
  const raters = (await ratersOf(args.articleId)).map((r) => r.id);
  return db().$transaction(async (tx) => {
    const annotations = await tx.annotation.findMany({ where: { articleId: args.articleId, deletedAt: null }, select: { id: true, annotatorId: true, start: true, end: true, label: { select: { key: true } } } });
    const groups = unanimousSpans(annotations.map((a) => ({ id: a.id, rater: a.annotatorId, label: a.label.key, start: a.start, end: a.end })), raters);
    for (const group of groups) await acceptGroup(tx, args.actor, args.articleId, group.ids);
    return { accepted: groups.length };
  });
}

export async function updateGold(args: { actor: Actor; id: string; input: UpdateGoldInput }): Promise<GoldView> {
  requireRole(args.actor, "REVIEWER");
  const { id, input } = args;
  return db().$transaction(async (tx) => {
    const before = await tx.goldAnnotation.findFirst({ where: { id, deletedAt: null }, select: { ...goldFields, articleId: true } });
    if (!before) throw notFound("Gold annotation");
    if (before.version !== input.version) throw new AppError("CONFLICT", `This gold annotation was changed elsewhere (now version ${before.version}).`, { currentVersion: before.version, current: toView(before) });
    const data: Prisma.GoldAnnotationUncheckedUpdateManyInput = { version: { increment: 1 } };
    if (input.start !== undefined && input.end !== undefined && input.quote !== undefined) {
      const span = await checkedSpan(tx, before.articleId, { start: input.start, end: input.end, quote: input.quote });
      Object.assign(data, { start: input.start, end: input.end, quote: span.quote, prefix: span.prefix, suffix: span.suffix });
    }
    if (input.label !== undefined) data.labelId = (await labelByKey(tx, input.label)).id;
    if (input.note !== undefined) data.note = input.note;
    const { count } = await tx.goldAnnotation.updateMany({ where: { id, version: input.version }, data });
    if (count === 0) throw new AppError("CONFLICT", "This gold annotation was changed elsewhere; reload it.");
    const after = toView(await tx.goldAnnotation.findUniqueOrThrow({ where: { id }, select: goldFields }));
    await recordAudit(tx, { actorId: args.actor.id, action: "gold.update", entityType: "GoldAnnotation", entityId: id, before: toView(before), after });
    return after;
  });
}

export async function deleteGold(args: { actor: Actor; id: string }): Promise<void> {
  requireRole(args.actor, "REVIEWER");
  await db().$transaction(async (tx) => {
    const before = await tx.goldAnnotation.findFirst({ where: { id: args.id, deletedAt: null }, select: goldFields });
    if (!before) throw notFound("Gold annotation");
    await tx.goldAnnotation.update({ where: { id: args.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { actorId: args.actor.id, action: "gold.delete", entityType: "GoldAnnotation", entityId: args.id, before: toView(before) });
  });
}

/** A reviewer's verdict on an annotator's span; rejecting needs a reason. */
export async function reviewAnnotation(args: { actor: Actor; annotationId: string; input: ReviewInput }) {
  requireRole(args.actor, "REVIEWER");
  return db().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({ where: { id: args.annotationId, deletedAt: null }, select: { id: true } });
    if (!annotation) throw notFound("Annotation");
    const data = { reviewerId: args.actor.id, decision: args.input.decision, reason: args.input.reason ?? null };
    const review = await tx.annotationReview.upsert({ where: { annotationId: annotation.id }, create: { annotationId: annotation.id, ...data }, update: data });
    await recordAudit(tx, { actorId: args.actor.id, action: "annotation.review", entityType: "Annotation", entityId: annotation.id, after: data });
    return { annotationId: review.annotationId, decision: review.decision, reason: review.reason };
  });
}

export async function setGoldStatus(args: { actor: Actor; articleId: string; status: "NONE" | "IN_PROGRESS" | "ADJUDICATED" }) {
  requireRole(args.actor, "REVIEWER");
  return db().$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id: args.articleId }, select: { goldStatus: true } });
    if (!before) throw notFound("Article");
    const after = await tx.article.update({ where: { id: args.articleId }, data: { goldStatus: args.status }, select: { id: true, goldStatus: true } });
    await recordAudit(tx, { actorId: args.actor.id, action: "article.gold-status", entityType: "Article", entityId: args.articleId, before, after: { goldStatus: after.goldStatus } });
    return after;
  });
}
