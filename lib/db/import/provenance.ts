// The review record of imported spans: an annotator span's review decision,
// the annotator spans a gold span was adjudicated from (GoldSource, resolved
// through the file's ids to what the spans became here), and comments. Only
// reviewers and admins import it (analysts' imports count it as ignored).
// Nothing is overwritten and nothing doubles: a span that already has a
// review keeps it, a link already there is not made again, and a comment is
// already there when the span has one with the same id, or the same author
// and text. Each new item gets its audit event, written with the row.
import { randomUUID } from "node:crypto";
import { can } from "../../auth/policy";
import { addToReport, type RecordCounts } from "../../datasets/import-report";
import type { ImportedAnnotation, ImportedSpanRecord } from "../../datasets/import-records";
import { readableIssue } from "../../formats/issues";
import { CommentInput, ReviewInput } from "../../schemas/gold";
import type { Prisma } from "../generated/client";
import { resolveAnnotator, type ResolvedAnnotator } from "./annotators";
import { isUuid, timestamp, type ImportContext } from "./context";

/** A span of the row as it ended up here: `id` is the new span's, or the stored one it duplicates. */
export type SpanTarget = { annotation: ImportedAnnotation; id: string; gold: boolean; isNew: boolean; onArticle: boolean };

export type RecordRows = {
  reviews: Prisma.AnnotationReviewCreateManyInput[];
  goldSources: Prisma.GoldSourceCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  events: Prisma.AuditEventCreateManyInput[];
  /** Reviewers and comment authors, some perhaps still to be created with the row. */
  people: ResolvedAnnotator[];
  counts: { created: RecordCounts; existing: RecordCounts; ignored: RecordCounts; unlinked: number };
};

const zero = (): RecordCounts => ({ reviews: 0, goldSources: 0, comments: 0 });
export const noRecordRows = (): RecordRows => ({ reviews: [], goldSources: [], comments: [], events: [], people: [], counts: { created: zero(), existing: zero(), ignored: zero(), unlinked: 0 } });

/** How a file id is compared: Slant ids in any case, other ids as written. */
const fileKey = (id: string) => (isUuid(id) ? id.toLowerCase() : id);

function countIgnored(into: RecordCounts, record: ImportedSpanRecord, gold: boolean) {
  if (record.review && !gold) into.reviews++;
  if (gold) into.goldSources += record.goldFrom.length;
  into.comments += record.comments.length;
}

/** What the article already holds of the record, for the spans in question. */
async function existingRecord(ctx: ImportContext, articleId: string, targets: SpanTarget[], outsideRefs: string[], commentIds: string[]) {
  const { client } = ctx;
  const stored = targets.filter((t) => !t.isNew).map((t) => t.id);
  const [reviews, links, comments, spans] = await Promise.all([
    stored.length ? client.annotationReview.findMany({ where: { annotationId: { in: stored } }, select: { annotationId: true } }) : [],
    stored.length ? client.goldSource.findMany({ where: { goldAnnotationId: { in: stored } } }) : [],
    stored.length || commentIds.length
      ? client.comment.findMany({ where: { OR: [{ id: { in: commentIds } }, { annotationId: { in: stored } }, { goldAnnotationId: { in: stored } }] }, select: { id: true, annotationId: true, goldAnnotationId: true, authorId: true, body: true } })
      : [],
    outsideRefs.length ? client.annotation.findMany({ where: { id: { in: outsideRefs }, articleId, deletedAt: null }, select: { id: true } }) : [],
  ]);
  return {
    reviewed: new Set(reviews.map((r) => r.annotationId)),
    links: new Set(links.map((l) => `${l.goldAnnotationId} ${l.annotationId}`)),
    commentOn: new Map(comments.map((c) => [c.id, c.annotationId ?? c.goldAnnotationId])),
    commentKeys: new Set(comments.map((c) => `${c.annotationId ?? c.goldAnnotationId} ${c.authorId} ${c.body}`)),
    articleSpans: new Set(spans.map((s) => s.id)),
  };
}

/** Spans that matched a stored one only by id may sit on another article or layer: those carry no record. */
async function onThisArticle(ctx: ImportContext, articleId: string, targets: SpanTarget[]): Promise<SpanTarget[]> {
  const unsure = targets.filter((t) => !t.onArticle);
  if (unsure.length === 0) return targets;
  const ids = (gold: boolean) => unsure.filter((t) => t.gold === gold).map((t) => t.id);
  const [plain, gold] = await Promise.all([
    ctx.client.annotation.findMany({ where: { id: { in: ids(false) }, articleId, deletedAt: null }, select: { id: true } }),
    ctx.client.goldAnnotation.findMany({ where: { id: { in: ids(true) }, articleId, deletedAt: null }, select: { id: true } }),
  ]);
  const found = new Set([...plain, ...gold].map((r) => r.id));
  return targets.filter((t) => t.onArticle || found.has(t.id));
}

export async function recordRows(ctx: ImportContext, line: number, articleId: string, all: SpanTarget[]): Promise<RecordRows> {
  const out = noRecordRows();
  const withRecord = all.filter((t) => t.annotation.record);
  if (withRecord.length === 0) return out;
  if (!can(ctx.actor, "import:review-record")) {
    for (const t of withRecord) countIgnored(out.counts.ignored, t.annotation.record!, t.gold);
    return out;
  }
  const targets = await onThisArticle(ctx, articleId, all);
  const byFileId = new Map(targets.flatMap((t) => (!t.gold && t.annotation.id ? [[fileKey(t.annotation.id), t.id] as const] : [])));
  const refs = targets.flatMap((t) => (t.gold ? (t.annotation.record?.goldFrom ?? []).map(fileKey) : []));
  const outsideRefs = refs.filter((r) => !byFileId.has(r) && isUuid(r));
  const commentIds = targets.flatMap((t) => (t.annotation.record?.comments ?? []).flatMap((c) => (isUuid(c.id) ? [c.id.toLowerCase()] : [])));
  const existing = await existingRecord(ctx, articleId, targets, outsideRefs, commentIds);
  const event = (action: string, entityType: string, entityId: string, after: Prisma.InputJsonObject) => out.events.push({ actorId: ctx.actor.id, action, entityType, entityId, after });
  const person = (who: ImportedSpanRecord["comments"][number]["author"]) => resolveAnnotator(ctx, who);
  const uses = (who: ResolvedAnnotator) => {
    if (!out.people.includes(who)) out.people.push(who);
  };
  const reject = (t: SpanTarget, what: string, reason: string) => addToReport(ctx.report, "rejected", { line, item: `${t.annotation.ref ? `${t.annotation.ref}, ` : ""}${what}`, reason });

  for (const t of targets) {
    const record = t.annotation.record;
    if (!record) continue;
    if (record.review && !t.gold) {
      const review = ReviewInput.safeParse({ decision: record.review.decision, reason: record.review.reason ?? undefined });
      if (!review.success) reject(t, "review", readableIssue(review.error));
      else if (existing.reviewed.has(t.id)) out.counts.existing.reviews++;
      else {
        const reviewer = await person(record.review.reviewer);
        const at = timestamp(record.review.at);
        const data = { reviewerId: reviewer.userId, decision: review.data.decision, reason: review.data.reason ?? null };
        uses(reviewer);
        out.reviews.push({ annotationId: t.id, ...data, createdAt: at, updatedAt: at });
        existing.reviewed.add(t.id);
        out.counts.created.reviews++;
        event("annotation.review.import", "Annotation", t.id, { ...data, at: at.toISOString() });
      }
    }
    if (t.gold && record.goldFrom.length) {
      const linked: string[] = [];
      for (const ref of record.goldFrom.map(fileKey)) {
        const annotationId = byFileId.get(ref) ?? (existing.articleSpans.has(ref) ? ref : null);
        if (!annotationId) out.counts.unlinked++;
        else if (existing.links.has(`${t.id} ${annotationId}`)) out.counts.existing.goldSources++;
        else {
          existing.links.add(`${t.id} ${annotationId}`);
          out.goldSources.push({ goldAnnotationId: t.id, annotationId });
          linked.push(annotationId);
        }
      }
      out.counts.created.goldSources += linked.length;
      if (linked.length) event("gold.sources.import", "GoldAnnotation", t.id, { annotationIds: linked });
    }
    for (const [i, c] of record.comments.entries()) {
      const parsed = CommentInput.safeParse({ [t.gold ? "goldAnnotationId" : "annotationId"]: t.id, body: c.body });
      if (!parsed.success) {
        reject(t, `comment ${i + 1}`, readableIssue(parsed.error));
        continue;
      }
      const fileId = isUuid(c.id) ? c.id.toLowerCase() : null;
      const author = await person(c.author);
      const key = `${t.id} ${author.userId} ${parsed.data.body}`;
      if ((fileId && existing.commentOn.get(fileId) === t.id) || existing.commentKeys.has(key)) {
        out.counts.existing.comments++;
        continue;
      }
      // An id taken by a comment elsewhere is not this one: it gets a new id.
      const id = fileId && !existing.commentOn.has(fileId) ? fileId : randomUUID();
      existing.commentOn.set(id, t.id);
      existing.commentKeys.add(key);
      const on = t.gold ? { goldAnnotationId: t.id } : { annotationId: t.id };
      uses(author);
      out.comments.push({ id, articleId, ...on, authorId: author.userId, body: parsed.data.body, createdAt: timestamp(c.createdAt) });
      out.counts.created.comments++;
      event("comment.import", "Comment", id, { articleId, ...on, authorId: author.userId, body: parsed.data.body });
    }
  }
  return out;
}
