// Turns placed annotations into rows, checking label, attributes, the right
// to write gold, and whether the span is already there: the same id, the same
// external id (e.g. a Label Studio region id) for the same annotator and
// article, or the same annotator, label and range. Report entries that depend
// on the write succeeding (anchored, re-anchored, created, annotators) are
// applied by `commit`, after the rows are stored.
import { randomUUID } from "node:crypto";
import { can } from "../../auth/policy";
import { addRecordCounts, addToReport, type ImportReport } from "../../datasets/import-report";
import { isRejected, type AnnotationEntry, type ImportedAnnotation } from "../../datasets/import-records";
import { placeAnnotations, type Placement } from "../../datasets/place-annotations";
import { readableIssue } from "../../formats/issues";
import { attributesSchema } from "../../labels/attributes";
import { Note } from "../../schemas/annotation";
import type { Prisma } from "../generated/client";
import { resolveAnnotator, type ResolvedAnnotator } from "./annotators";
import { isUuid, timestamp, type ExistingSpan, type ImportContext } from "./context";
import { noRecordRows, recordRows, type RecordRows, type SpanTarget } from "./provenance";
import { withSpanKeys } from "../spans/keys";

export type AnnotationRows = {
  annotations: Prisma.AnnotationCreateManyInput[];
  gold: Prisma.GoldAnnotationCreateManyInput[];
  /** Imported annotators to create with the rows. */
  annotators: Prisma.UserCreateManyInput[];
  /** Reviews, gold provenance and comments from the file (import-provenance.ts). */
  record: RecordRows;
  /** Applied to the report once the rows are committed. */
  commit: (report: ImportReport) => void;
};


/** An annotation that could not be used: reported on the row's line, named within it. */
function reject(ctx: ImportContext, line: number, ref: string, reason: string) {
  addToReport(ctx.report, "rejected", ref ? { line, item: ref, reason } : { line, reason });
}

type Existing = ExistingSpan;

/** Span ids from the file that are already stored, in any layer (the batch looked most of them up in bulk). */
async function takenIds(ctx: ImportContext, ids: string[]): Promise<Set<string>> {
  const { batch } = ctx;
  const unchecked = ids.filter((id) => !batch.checkedSpanIds.has(id));
  if (unchecked.length) await lookUpSpanIds(ctx, unchecked);
  return new Set(ids.filter((id) => batch.takenSpanIds.has(id)));
}

/** Records which of these span ids are stored, in any layer, in the batch's lookups. */
export async function lookUpSpanIds(ctx: ImportContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const [plain, gold] = await Promise.all([
    ctx.client.annotation.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    ctx.client.goldAnnotation.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  ]);
  for (const id of ids) ctx.batch.checkedSpanIds.add(id);
  for (const r of [...plain, ...gold]) ctx.batch.takenSpanIds.add(r.id);
}

/** What the article already holds, for the annotators in question (gold: everyone's). */
async function existingSpans(ctx: ImportContext, articleId: string, annotatorIds: string[], ids: string[]) {
  const [plain, gold, taken] = await Promise.all([
    ctx.client.annotation.findMany({ where: { articleId, annotatorId: { in: annotatorIds } }, select: { id: true, annotatorId: true, labelId: true, start: true, end: true, externalId: true, deletedAt: true } }),
    ctx.client.goldAnnotation.findMany({ where: { articleId, deletedAt: null }, select: { id: true, labelId: true, start: true, end: true } }),
    takenIds(ctx, ids),
  ]);
  // Spans planned for this article earlier in the batch are not stored yet, but count all the same.
  const planned = ctx.batch.plannedSpans.get(articleId) ?? [];
  const spans: Existing[] = [...plain.flatMap((a) => (a.deletedAt ? [] : [{ ...a, who: a.annotatorId }])), ...planned.filter((p) => p.who !== "gold")];
  const external = [...plain.flatMap((a) => (a.externalId ? [{ ...a, who: a.annotatorId }] : [])), ...planned.filter((p) => p.externalId)];
  return {
    spans,
    external,
    gold: [...gold.map((g) => ({ ...g, who: "gold", externalId: null })), ...planned.filter((p) => p.who === "gold")],
    takenIds: taken,
  };
}

const spanKey = (who: string, labelId: string, start: number, end: number) => `${who} ${labelId} ${start} ${end}`;

type Candidate = { p: Extract<Placement, { start: number }>; labelId: string; attributes: Prisma.InputJsonObject; who: ResolvedAnnotator };

/** Unusable annotations are reported now (orphaned, rejected, duplicate); the rest become rows. */
export async function annotationRows(ctx: ImportContext, line: number, articleId: string, body: string, entries: AnnotationEntry[], isNewArticle: boolean): Promise<AnnotationRows> {
  const usable: ImportedAnnotation[] = [];
  for (const entry of entries) {
    if (isRejected(entry)) reject(ctx, line, entry.ref, entry.rejected);
    else usable.push(entry);
  }
  const candidates: Candidate[] = [];
  for (const p of await placeAnnotations(body, usable)) {
    const a = p.annotation;
    if (p.status === "orphaned") {
      addToReport(ctx.report, "orphaned", { line, id: a.id, label: a.label, quote: a.quote, reason: p.reason });
      continue;
    }
    const label = ctx.labelDefinitions.get(a.label);
    if (!label) {
      reject(ctx, line, a.ref, `unknown label "${a.label}"; the labels are ${[...ctx.labels.keys()].join(", ")}`);
      continue;
    }
    if (label.retired) {
      reject(ctx, line, a.ref, `the label "${a.label}" is retired: it takes no new spans`);
      continue;
    }
    const labelId = label.id;
    // An attribute the label has no field for is refused: an admin defines the field (/admin/labels), then the file imports.
    const attributes = attributesSchema(label.attributes).safeParse(a.attributes);
    if (!attributes.success) {
      reject(ctx, line, a.ref, `attributes: ${readableIssue(attributes.error)}`);
      continue;
    }
    const note = Note.safeParse(a.note);
    if (!note.success) {
      reject(ctx, line, a.ref, `note ${note.error.issues[0]?.message ?? "is not valid"}`);
      continue;
    }
    if (a.gold && !can(ctx.actor, "gold:write")) {
      reject(ctx, line, a.ref, "gold annotations can only be imported by a reviewer");
      continue;
    }
    candidates.push({ p, labelId, attributes: attributes.data as Prisma.InputJsonObject, who: await resolveAnnotator(ctx, a.annotator) });
  }

  const ids = candidates.flatMap((c) => (isUuid(c.p.annotation.id) ? [c.p.annotation.id.toLowerCase()] : []));
  // A new article holds nothing yet: only ids taken elsewhere can clash.
  const existing = isNewArticle ? { spans: [] as Existing[], external: [] as Existing[], gold: [] as Existing[], takenIds: await takenIds(ctx, ids) } : await existingSpans(ctx, articleId, [...new Set(candidates.map((c) => c.who.userId))], ids);
  const bySpan = new Map([...existing.spans, ...existing.gold].map((e) => [spanKey(e.who, e.labelId, e.start, e.end), e.id]));
  const byExternal = new Map(existing.external.map((e) => [`${e.who} ${e.externalId}`, e.id]));

  const rows: AnnotationRows = { annotations: [], gold: [], annotators: [], record: noRecordRows(), commit: () => undefined };
  const placed: Candidate[] = [];
  /** Every usable span, new or a duplicate, for the review record to attach to. */
  const targets: SpanTarget[] = [];
  for (const c of candidates) {
    const { p, labelId, who } = c;
    const a = p.annotation;
    const uuid = isUuid(a.id) ? a.id.toLowerCase() : null;
    const externalId = a.id && !uuid && !a.gold ? a.id : null;
    const layer = a.gold ? "gold" : who.userId;
    const key = spanKey(layer, labelId, p.start, p.end);
    const duplicateOf = (existingId: string, match: "id" | "external id" | "same span") => {
      addToReport(ctx.report, "duplicates", { line, what: "annotation", existingId, match });
      // A match by id alone may be a span of another article: import-provenance.ts checks.
      targets.push({ annotation: a, id: existingId, gold: a.gold, isNew: false, onArticle: match !== "id" });
    };
    if (uuid && (existing.takenIds.has(uuid) || ctx.seenAnnotationIds.has(uuid))) {
      duplicateOf(uuid, "id");
      continue;
    }
    const sameExternal = externalId ? byExternal.get(`${who.userId} ${externalId}`) : undefined;
    if (sameExternal) {
      duplicateOf(sameExternal, "external id");
      continue;
    }
    const sameSpan = bySpan.get(key);
    if (sameSpan) {
      duplicateOf(sameSpan, "same span");
      continue;
    }
    const id = uuid ?? randomUUID();
    ctx.seenAnnotationIds.add(id);
    bySpan.set(key, id);
    if (externalId) byExternal.set(`${who.userId} ${externalId}`, id);
    planSpan(ctx, articleId, { id, who: layer, labelId, start: p.start, end: p.end, externalId });
    const common = withSpanKeys({ id, articleId, labelId, start: p.start, end: p.end, quote: p.quote, prefix: p.prefix, suffix: p.suffix, note: a.note, attributes: c.attributes, createdAt: timestamp(a.createdAt), updatedAt: timestamp(a.updatedAt ?? a.createdAt), guidelineVersion: a.guidelineVersion ?? null });
    if (a.gold) rows.gold.push({ ...common, adjudicatorId: who.userId });
    else rows.annotations.push({ ...common, annotatorId: who.userId, externalId });
    if (who.pending && !rows.annotators.some((u) => u.id === who.pending!.id)) rows.annotators.push(who.pending);
    placed.push(c);
    targets.push({ annotation: a, id, gold: a.gold, isNew: true, onArticle: true });
  }
  rows.record = await recordRows(ctx, line, articleId, targets);
  for (const who of rows.record.people) if (who.pending && !rows.annotators.some((u) => u.id === who.pending!.id)) rows.annotators.push(who.pending);
  rows.commit = (report) => {
    report.created.annotations += placed.length;
    const { counts, people } = rows.record;
    addRecordCounts(report.records.created, counts.created);
    addRecordCounts(report.records.existing, counts.existing);
    addRecordCounts(report.records.ignored, counts.ignored);
    report.records.unlinked += counts.unlinked;
    for (const who of people) {
      who.pending = null;
      mentionAnnotator(report, who);
    }
    for (const { p, who } of placed) {
      who.pending = null;
      countForAnnotator(report, who);
      if (p.status === "anchored") report.anchored++;
      else addToReport(report, "reanchored", { line, id: p.annotation.id, label: p.annotation.label, from: { start: p.annotation.start, end: p.annotation.end }, to: { start: p.start, end: p.end } });
    }
  };
  return rows;
}

function planSpan(ctx: ImportContext, articleId: string, span: ExistingSpan) {
  const planned = ctx.batch.plannedSpans.get(articleId);
  if (planned) planned.push(span);
  else ctx.batch.plannedSpans.set(articleId, [span]);
}

/** A reviewer or comment author: listed in the mapping even when they annotated nothing. */
function mentionAnnotator(report: ImportReport, who: ResolvedAnnotator) {
  if (!report.annotators.some((m) => m.key === who.key && m.to.id === who.userId)) addToReport(report, "annotators", { key: who.key, name: who.name, to: { id: who.userId, name: who.userName }, how: who.how, annotations: 0 });
}

function countForAnnotator(report: ImportReport, who: ResolvedAnnotator) {
  const entry = report.annotators.find((m) => m.key === who.key && m.to.id === who.userId);
  if (entry) entry.annotations++;
  else addToReport(report, "annotators", { key: who.key, name: who.name, to: { id: who.userId, name: who.userName }, how: who.how, annotations: 1 });
}
