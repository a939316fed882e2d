import { authorize, type Actor } from "../../auth/policy";
import { unanimousSpans } from "../../compare/disagreements";
import { attributesKey, sameAttributes, sameNote } from "../../compare/values";
import { AppError, notFound } from "../../errors";
import type { AcceptIntoGoldInput, ReviewInput, UpdateGoldInput } from "../../schemas/gold";
import { checkedSpan, parseAttributes } from "./annotations";
import { labelForNewSpan } from "../labels/labels";
import { storedFields } from "../../labels/fields";
import type { AttributeField } from "../../labels/attributes";
import { recordAudit } from "../audit";
import { db } from "../client";
import { ratersOf } from "../articles/raters";
import { spanKeys } from "./keys";
import type { Prisma } from "../generated/client";

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

import type { GoldView } from "../../schemas/responses/compare";
export type { GoldView };

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
  authorize(args.actor, "gold:read");
  return goldOf(args.articleId);
}

/** The article's live gold spans, for a caller that has asked the policy already (the compare view). */
export async function goldOf(articleId: string): Promise<GoldView[]> {
  const rows = await db().goldAnnotation.findMany({ where: { articleId, deletedAt: null }, orderBy: [{ start: "asc" }, { end: "desc" }], select: goldFields });
  return rows.map(toView);
}

/** Gold work has begun once something is in it; an explicit ADJUDICATED is never downgraded here. */
const markInProgress = (tx: Tx, articleId: string) => tx.article.updateMany({ where: { id: articleId, goldStatus: "NONE" }, data: { goldStatus: "IN_PROGRESS" } });

/** The reviewer's choice of gold values; what is left out comes from the annotations when they agree. */
export type GoldChoice = Pick<AcceptIntoGoldInput, "attributes" | "note">;

type Source = { id: string; annotatorId: string; attributes: Record<string, unknown>; note: string | null };
const attributesDiffer = (sources: Source[], gold?: { attributes: Record<string, unknown> }) =>
  new AppError(
    "ATTRIBUTES_DIFFER",
    gold
      ? "Gold already has this span with other attribute values: send the attributes gold should have."
      : "These annotations have the same span and label but different attributes: send the attributes gold should have.",
    { ...(gold ? { gold: gold.attributes } : {}), annotations: sources.map(({ id, annotatorId, attributes, note }) => ({ id, annotatorId, attributes, note })) },
  );

/**
 * Takes identical spans (same range and label) into gold, with the values the reviewer chose.
 * One live gold span per article, label and range is the database's rule (a partial unique
 * index): the insert targets it with ON CONFLICT, so parallel accepts make one gold span.
 * `onExistingDiffers: "skip"` (accept all agreed) leaves a gold span with other values as it is
 * and returns null, rather than overwrite what a reviewer chose.
 */
async function acceptGroup(tx: Tx, actor: Actor, articleId: string, annotationIds: string[], choice: GoldChoice, onExistingDiffers: "refuse" | "skip" = "refuse"): Promise<GoldView | null> {
  const rows = await tx.annotation.findMany({ where: { id: { in: annotationIds }, articleId, deletedAt: null }, include: { label: { select: { key: true, attributes: true } } } });
  if (rows.length !== new Set(annotationIds).size) throw new AppError("INVALID_INPUT", "Some annotations are not (or no longer) on this article.", { annotationIds });
  const first = rows[0]!;
  if (rows.some((s) => s.start !== first.start || s.end !== first.end || s.labelId !== first.labelId)) {
    throw new AppError("INVALID_INPUT", "These annotations differ in span or label; accept one of them, then adjust the gold span.");
  }
  const sources: Source[] = rows.map((r) => ({ id: r.id, annotatorId: r.annotatorId, attributes: (r.attributes ?? {}) as Record<string, unknown>, note: r.note }));
  const agreedAttributes = new Set(sources.map((s) => attributesKey(s.attributes))).size === 1 ? sources[0]!.attributes : null;
  if (choice.attributes === undefined && agreedAttributes === null) throw attributesDiffer(sources);
  // Gold adjudicates spans already made, so a retired label's spans may still be accepted, with the values they hold.
  const label = { key: first.label.key, attributes: storedFields(first.label.attributes) };
  const held = sources.map((s) => s.attributes);
  const attributes = parseAttributes(label, choice.attributes !== undefined ? choice.attributes : agreedAttributes, ...held);
  const note = choice.note !== undefined ? choice.note : sources.every((s) => sameNote(s.note, first.note)) ? first.note : null;

  const keys = spanKeys({ quote: first.quote, attributes });
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "GoldAnnotation" ("articleId", "labelId", start, "end", quote, prefix, suffix, note, attributes, "adjudicatorId", "updatedAt",
                                  "attributionKind", "quoteKey", "speakerKey", "speakerName", "guidelineVersion")
    VALUES (${articleId}::uuid, ${first.labelId}::uuid, ${first.start}::int, ${first.end}::int, ${first.quote}, ${first.prefix}, ${first.suffix},
            ${note}, ${JSON.stringify(attributes)}::jsonb, ${actor.id}::uuid, now(), ${keys.attributionKind}, ${keys.quoteKey}, ${keys.speakerKey}, ${keys.speakerName},
            (SELECT max(g.number) FROM "GuidelineVersion" g))
    ON CONFLICT ("articleId", "labelId", start, "end") WHERE "deletedAt" IS NULL DO NOTHING
    RETURNING id::text AS id`;
  let goldId = inserted[0]?.id;
  let action = "gold.accept";
  let before: GoldView | undefined;
  if (!goldId) {
    const existing = await tx.goldAnnotation.findFirstOrThrow({ where: { articleId, labelId: first.labelId, start: first.start, end: first.end, deletedAt: null }, select: goldFields });
    goldId = existing.id;
    before = toView(existing);
    action = "gold.link";
    const change: Prisma.GoldAnnotationUpdateInput = {};
    if (!sameAttributes(before.attributes, attributes)) {
      if (choice.attributes !== undefined) Object.assign(change, { attributes, ...spanKeys({ quote: existing.quote, attributes }) });
      else if (onExistingDiffers === "skip") return null;
      else throw attributesDiffer(sources, before);
    }
    if (choice.note !== undefined && !sameNote(before.note, choice.note)) change.note = choice.note;
    if (Object.keys(change).length > 0) {
      await tx.goldAnnotation.update({ where: { id: goldId }, data: { ...change, version: { increment: 1 } } });
      action = "gold.link-update";
    }
  }
  await tx.goldSource.createMany({ data: sources.map((s) => ({ goldAnnotationId: goldId, annotationId: s.id })), skipDuplicates: true });
  await markInProgress(tx, articleId);
  const view = toView(await tx.goldAnnotation.findUniqueOrThrow({ where: { id: goldId }, select: goldFields }));
  await recordAudit(tx, { actorId: actor.id, action, entityType: "GoldAnnotation", entityId: goldId, ...(before ? { before } : {}), after: view });
  return view;
}

/** Takes annotators' identical spans into gold, keeping which ones it came from; the reviewer chooses values that differ. */
export async function acceptIntoGold(args: { actor: Actor; articleId: string; annotationIds: string[]; choice?: GoldChoice }): Promise<GoldView> {
  authorize(args.actor, "gold:write");
  return (await db().$transaction((tx) => acceptGroup(tx, args.actor, args.articleId, args.annotationIds, args.choice ?? {})))!;
}

export type AcceptAgreedResult = {
  accepted: number;
  /** Unanimous spans whose annotators wrote different notes: gold took none of them. */
  notesLeftOut: number;
  /** Unanimous spans already in gold with other values, left as the reviewer set them. */
  keptExisting: number;
};

/** One action: every span all the article's annotators made identically (range, label, attributes) goes into gold. */
export async function acceptAgreed(args: { actor: Actor; articleId: string }): Promise<AcceptAgreedResult> {
  authorize(args.actor, "gold:write");
  if (!(await db().article.findUnique({ where: { id: args.articleId }, select: { id: true } }))) throw notFound("Article");
  const raters = (await ratersOf(args.articleId)).map((r) => r.id);
  return db().$transaction(async (tx) => {
    const annotations = await tx.annotation.findMany({
      where: { articleId: args.articleId, deletedAt: null },
      select: { id: true, annotatorId: true, start: true, end: true, attributes: true, note: true, label: { select: { key: true } } },
    });
    const groups = unanimousSpans(
      annotations.map((a) => ({ id: a.id, rater: a.annotatorId, label: a.label.key, start: a.start, end: a.end, attributes: (a.attributes ?? {}) as Record<string, unknown>, note: a.note })),
      raters,
    );
    const result: AcceptAgreedResult = { accepted: 0, notesLeftOut: 0, keptExisting: 0 };
    for (const group of groups) {
      const view = await acceptGroup(tx, args.actor, args.articleId, group.ids, {}, "skip");
      if (!view) result.keptExisting++;
      else {
        result.accepted++;
        if (group.notesDiffer) result.notesLeftOut++;
      }
    }
    return result;
  });
}

export async function updateGold(args: { actor: Actor; id: string; input: UpdateGoldInput }): Promise<GoldView> {
  authorize(args.actor, "gold:write");
  const { id, input } = args;
  return db().$transaction(async (tx) => {
    const before = await tx.goldAnnotation.findFirst({ where: { id, deletedAt: null }, select: { ...goldFields, articleId: true, labelId: true, label: { select: { key: true, attributes: true } } } });
    if (!before) throw notFound("Gold annotation");
    if (before.version !== input.version) throw new AppError("CONFLICT", `This gold annotation was changed elsewhere (now version ${before.version}).`, { currentVersion: before.version, current: toView(before) });
    const data: Prisma.GoldAnnotationUncheckedUpdateManyInput = { version: { increment: 1 } };
    if (input.start !== undefined && input.end !== undefined && input.quote !== undefined) {
      const span = await checkedSpan(tx, before.articleId, { start: input.start, end: input.end, quote: input.quote });
      Object.assign(data, { start: input.start, end: input.end, quote: span.quote, prefix: span.prefix, suffix: span.suffix });
    }
    const relabelled = input.label !== undefined && input.label !== before.label.key;
    const label = relabelled ? await labelForNewSpan(tx, input.label!) : { id: before.labelId, key: before.label.key, attributes: storedFields(before.label.attributes) };
    if (relabelled) data.labelId = label.id;
    if (input.note !== undefined) data.note = input.note;
    const held = (before.attributes ?? {}) as Record<string, unknown>;
    if (input.attributes !== undefined) data.attributes = parseAttributes(label, input.attributes, ...(relabelled ? [] : [held]));
    else if (relabelled) data.attributes = fittingAttributes(label, held);
    if (data.quote !== undefined || data.attributes !== undefined) {
      Object.assign(data, spanKeys({ quote: (data.quote as string | undefined) ?? before.quote, attributes: data.attributes ?? before.attributes }));
    }
    const target = { labelId: label.id, start: input.start ?? before.start, end: input.end ?? before.end };
    const taken = await tx.goldAnnotation.findFirst({ where: { articleId: before.articleId, ...target, deletedAt: null, id: { not: id } }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "Gold already has a span with this label and range.", { existingId: taken.id });
    const { count } = await tx.goldAnnotation.updateMany({ where: { id, version: input.version }, data });
    if (count === 0) throw new AppError("CONFLICT", "This gold annotation was changed elsewhere; reload it.");
    const after = toView(await tx.goldAnnotation.findUniqueOrThrow({ where: { id }, select: goldFields }));
    await recordAudit(tx, { actorId: args.actor.id, action: "gold.update", entityType: "GoldAnnotation", entityId: id, before: toView(before), after });
    return after;
  });
}

/** A relabelled gold span keeps the attribute values its new label also has. */
function fittingAttributes(label: { key: string; attributes: readonly AttributeField[] }, attributes: Record<string, unknown>): Prisma.InputJsonObject {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    try {
      Object.assign(kept, parseAttributes(label, { [key]: value }));
    } catch {
      // Not an attribute of the new label: dropped, as the audit event's `before` still shows.
    }
  }
  return kept as Prisma.InputJsonObject;
}

export async function deleteGold(args: { actor: Actor; id: string }): Promise<void> {
  authorize(args.actor, "gold:write");
  await db().$transaction(async (tx) => {
    const before = await tx.goldAnnotation.findFirst({ where: { id: args.id, deletedAt: null }, select: goldFields });
    if (!before) throw notFound("Gold annotation");
    await tx.goldAnnotation.update({ where: { id: args.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { actorId: args.actor.id, action: "gold.delete", entityType: "GoldAnnotation", entityId: args.id, before: toView(before) });
  });
}

/** A reviewer's verdict on an annotator's span; rejecting needs a reason. */
export async function reviewAnnotation(args: { actor: Actor; annotationId: string; input: ReviewInput }) {
  authorize(args.actor, "annotation:review");
  return db().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({ where: { id: args.annotationId, deletedAt: null }, select: { id: true } });
    if (!annotation) throw notFound("Annotation");
    const data = { reviewerId: args.actor.id, decision: args.input.decision, reason: args.input.reason ?? null };
    const review = await tx.annotationReview.upsert({ where: { annotationId: annotation.id }, create: { annotationId: annotation.id, ...data }, update: data });
    await recordAudit(tx, { actorId: args.actor.id, action: "annotation.review", entityType: "Annotation", entityId: annotation.id, after: data });
    return { annotationId: review.annotationId, decision: review.decision, reason: review.reason };
  });
}
