// Turns placed annotations into rows (checking label, attributes, the right
// to write gold, and ids already taken), and imports annotation records aimed
// at existing articles. Report entries that depend on the write succeeding
// (anchored, re-anchored, created) are returned, to be counted after commit.
import { randomUUID } from "node:crypto";
import { hasRole } from "../auth/permissions";
import { addToReport, type ImportReport } from "../datasets/import-report";
import type { ArticleTarget, ImportedAnnotation } from "../datasets/import-records";
import { placeAnnotations, type Placement } from "../datasets/place-annotations";
import { describeIssues } from "../formats/model";
import { attributesSchema } from "../labels/attributes";
import { normalizeBody } from "../text/article-text";
import { contentHash } from "../text/content-hash";
import type { Prisma } from "./generated/client";
import { annotatorId, isUuid, type ImportContext } from "./import-context";

export type AnnotationRows = {
  annotations: Prisma.AnnotationCreateManyInput[];
  gold: Prisma.GoldAnnotationCreateManyInput[];
  /** Applied to the report once the rows are committed. */
  commit: (report: ImportReport) => void;
};

const timestamp = (value: string | null) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : new Date());
const describe = (a: ImportedAnnotation) => (a.id ? `annotation ${a.id}` : `annotation "${a.quote.slice(0, 40)}"`);

async function takenIds(ctx: ImportContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const [plain, gold] = await Promise.all([
    ctx.client.annotation.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    ctx.client.goldAnnotation.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  ]);
  return new Set([...plain, ...gold].map((r) => r.id));
}

/** Unusable annotations are reported now (orphaned, rejected, duplicate); the rest become rows. */
export async function annotationRows(ctx: ImportContext, line: number, articleId: string, placements: Placement[]): Promise<AnnotationRows> {
  const rows: AnnotationRows = { annotations: [], gold: [], commit: () => undefined };
  const taken = await takenIds(ctx, placements.flatMap((p) => (isUuid(p.annotation.id) ? [p.annotation.id] : [])));
  const placed: Extract<Placement, { start: number }>[] = [];
  for (const p of placements) {
    const a = p.annotation;
    if (p.status === "orphaned") {
      addToReport(ctx.report, "orphaned", { line, id: a.id, label: a.label, quote: a.quote, reason: p.reason });
      continue;
    }
    const labelId = ctx.labels.get(a.label);
    const attributes = attributesSchema(a.label).safeParse(a.attributes);
    const problem = !labelId ? `unknown label "${a.label}"` : !attributes.success ? `invalid attributes: ${describeIssues(attributes.error)}` : a.gold && !hasRole(ctx.actor, "REVIEWER") ? "gold annotations can only be imported by a reviewer" : null;
    if (problem || !labelId || !attributes.success) {
      addToReport(ctx.report, "rejected", { line, reason: `${describe(a)}: ${problem}` });
      continue;
    }
    if (isUuid(a.id) && (taken.has(a.id) || ctx.seenAnnotationIds.has(a.id))) {
      addToReport(ctx.report, "duplicates", { line, what: "annotation", existingId: a.id });
      continue;
    }
    const id = isUuid(a.id) ? a.id : randomUUID();
    ctx.seenAnnotationIds.add(id);
    const common = { id, articleId, labelId, start: p.start, end: p.end, quote: p.quote, prefix: p.prefix, suffix: p.suffix, note: a.note, attributes: attributes.data as Prisma.InputJsonObject, createdAt: timestamp(a.createdAt), updatedAt: timestamp(a.updatedAt ?? a.createdAt) };
    const who = await annotatorId(ctx, a.annotator);
    if (a.gold) rows.gold.push({ ...common, adjudicatorId: who });
    else rows.annotations.push({ ...common, annotatorId: who });
    placed.push(p);
  }
  rows.commit = (report) => {
    report.created.annotations += placed.length;
    for (const p of placed) {
      if (p.status === "anchored") report.anchored++;
      else addToReport(report, "reanchored", { line, id: p.annotation.id, label: p.annotation.label, from: { start: p.annotation.start, end: p.annotation.end }, to: { start: p.start, end: p.end } });
    }
  };
  return rows;
}

async function findTarget(ctx: ImportContext, target: ArticleTarget): Promise<{ id: string; body: string } | null> {
  const select = { id: true, body: true } as const;
  if (isUuid(target.id)) {
    const byId = await ctx.client.article.findUnique({ where: { id: target.id }, select });
    if (byId) return byId;
  }
  if (target.contentHash) {
    const byHash = await ctx.client.article.findUnique({ where: { contentHash: target.contentHash }, select });
    if (byHash) return byHash;
  }
  if (target.text) return ctx.client.article.findUnique({ where: { contentHash: contentHash(normalizeBody(target.text)) }, select });
  return null;
}

export async function importAnnotationRecord(ctx: ImportContext, line: number, target: ArticleTarget, annotations: ImportedAnnotation[]): Promise<void> {
  const article = await findTarget(ctx, target);
  if (!article) {
    for (const a of annotations) addToReport(ctx.report, "orphaned", { line, id: a.id, label: a.label, quote: a.quote, reason: "no article matches its id, content hash or text" });
    return;
  }
  const rows = await annotationRows(ctx, line, article.id, await placeAnnotations(article.body, annotations));
  await ctx.client.$transaction([ctx.client.annotation.createMany({ data: rows.annotations }), ctx.client.goldAnnotation.createMany({ data: rows.gold })]);
  rows.commit(ctx.report);
}
