import { checkSpan, windowFor } from "../annotations/span-check";
import type { ProposedSpan } from "../spans";
import { hasRole, type Actor } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { attributesSchema } from "../labels/attributes";
import type { AnnotationListQuery, CreateAnnotationInput, UpdateAnnotationInput } from "../schemas/annotation";
import { recordAudit } from "./audit";
import { db } from "./client";
import { ratersOf } from "./raters";
import type { Prisma } from "./generated/client";

type Tx = Prisma.TransactionClient;

const viewFields = {
  id: true,
  start: true,
  end: true,
  quote: true,
  prefix: true,
  suffix: true,
  note: true,
  attributes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  articleId: true,
  annotatorId: true,
  deletedAt: true,
  label: { select: { key: true } },
  annotator: { select: { id: true, name: true } },
} as const satisfies Prisma.AnnotationSelect;

type Row = Prisma.AnnotationGetPayload<{ select: typeof viewFields }>;

export type AnnotationView = {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string | null;
  attributes: Record<string, unknown>;
  annotator: { id: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
};

function toView(row: Row): AnnotationView {
  return {
    id: row.id,
    label: row.label.key,
    start: row.start,
    end: row.end,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    note: row.note,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    annotator: row.annotator,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Analysts see only their own layer, so that agreement later means something. */
function annotatorFilter(actor: Actor, annotator: AnnotationListQuery["annotator"]): { annotatorId?: string } {
  const wanted = annotator === "me" ? actor.id : annotator;
  if (wanted !== actor.id && !hasRole(actor, "REVIEWER")) {
    throw new AppError("FORBIDDEN", "Analysts see only their own annotations (annotator=me).");
  }
  return wanted === "all" ? {} : { annotatorId: wanted };
}

export async function listAnnotations(args: { actor: Actor; articleId: string; query: AnnotationListQuery }): Promise<AnnotationView[]> {
  const where = { articleId: args.articleId, deletedAt: null, ...annotatorFilter(args.actor, args.query.annotator) };
  const [article, rows] = await Promise.all([
    db().article.findUnique({ where: { id: args.articleId }, select: { id: true } }),
    db().annotation.findMany({ where, orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }], select: viewFields }),
  ]);
  if (!article) throw notFound("Article");
  return rows.map(toView);
}

export async function checkedSpan(tx: Tx, articleId: string, span: ProposedSpan) {
  const { from, to } = windowFor(span);
  const rows = await tx.$queryRaw<{ length: number; text: string }[]>`
    SELECT char_length(body)::int AS length, substr(body, ${from + 1}::int, ${to - from}::int) AS text
    FROM "Article" WHERE id = ${articleId}::uuid`;
  const row = rows[0];
  if (!row) throw notFound("Article");
  const result = checkSpan(span, { bodyLength: row.length, offset: from, text: row.text });
  if (!result.ok) throw new AppError("INVALID_INPUT", result.message, { code: result.code, start: span.start, end: span.end });
  return result;
}

export async function labelByKey(tx: Tx, key: string) {
  const label = await tx.label.findUnique({ where: { key }, select: { id: true, key: true } });
  if (!label) throw new AppError("INVALID_INPUT", `Unknown label "${key}"`, { label: key });
  return label;
}

export function parseAttributes(labelKey: string, value: unknown): Prisma.InputJsonObject {
  const parsed = attributesSchema(labelKey).safeParse(value ?? {});
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", `Invalid attributes for label "${labelKey}"`, { attributes: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  }
  return parsed.data as Prisma.InputJsonObject;
}

export async function createAnnotation(args: { actor: Actor; articleId: string; input: CreateAnnotationInput }): Promise<AnnotationView> {
  const { actor, articleId, input } = args;
  const { from, to } = windowFor(input);
  const [target] = await db().$queryRaw<{ length: number; text: string; labelId: string | null }[]>`
    SELECT char_length(a.body)::int AS length, substr(a.body, ${from + 1}::int, ${to - from}::int) AS text, l.id AS "labelId"
    FROM "Article" a LEFT JOIN "Label" l ON l.key = ${input.label} WHERE a.id = ${articleId}::uuid`;
  if (!target) throw notFound("Article");
  const span = checkSpan(input, { bodyLength: target.length, offset: from, text: target.text });
  if (!span.ok) throw new AppError("INVALID_INPUT", span.message, { code: span.code, start: input.start, end: input.end });
  if (!target.labelId) throw new AppError("INVALID_INPUT", `Unknown label "${input.label}"`, { label: input.label });
  const attributes = JSON.stringify(parseAttributes(input.label, input.attributes));
  const note = input.note ?? null;

  const [row] = await db().$queryRaw<{ id: string; createdAt: Date; updatedAt: Date }[]>`
    WITH inserted AS (
      INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, note, attributes, "updatedAt")
      VALUES (${articleId}::uuid, ${actor.id}::uuid, ${target.labelId}::uuid, ${input.start}::int, ${input.end}::int,
              ${span.quote}, ${span.prefix}, ${span.suffix}, ${note}, ${attributes}::jsonb, now())
      RETURNING id, "createdAt", "updatedAt"
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
      SELECT ${actor.id}::uuid, 'annotation.create', 'Annotation', id::text,
             jsonb_build_object('id', id, 'label', ${input.label}::text, 'start', ${input.start}::int, 'end', ${input.end}::int,
               'quote', ${span.quote}::text, 'note', ${note}::text, 'attributes', ${attributes}::jsonb, 'version', 1)
      FROM inserted
    ), progress AS (
      INSERT INTO "Assignment" (id, "articleId", "userId", status, "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${articleId}::uuid, ${actor.id}::uuid, 'IN_PROGRESS', now(), now())
      ON CONFLICT ("articleId", "userId") DO UPDATE SET status = 'IN_PROGRESS', "updatedAt" = now()
      WHERE "Assignment".status = 'ASSIGNED'
    )
    SELECT id, "createdAt", "updatedAt" FROM inserted`;
  return {
    id: row!.id,
    label: input.label,
    start: input.start,
    end: input.end,
    quote: span.quote,
    prefix: span.prefix,
    suffix: span.suffix,
    note,
    attributes: JSON.parse(attributes) as Record<string, unknown>,
    annotator: { id: actor.id, name: actor.name },
    version: 1,
    createdAt: row!.createdAt.toISOString(),
    updatedAt: row!.updatedAt.toISOString(),
  };
}

async function ownedAnnotation(tx: Tx, actor: Actor, id: string, options: { deleted: boolean }) {
  const row = await tx.annotation.findUnique({ where: { id }, select: viewFields });
  if (!row || (row.deletedAt !== null) !== options.deleted) throw notFound("Annotation");
  if (row.annotatorId !== actor.id && actor.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "Only the annotator who made this annotation (or an admin) may change it.");
  }
  return row;
}

function staleVersion(current: Row): AppError {
  return new AppError("CONFLICT", `This annotation was changed elsewhere (now version ${current.version}); reload it and apply your change again.`, {
    currentVersion: current.version,
    current: toView(current),
  });
}

export async function updateAnnotation(args: { actor: Actor; id: string; input: UpdateAnnotationInput }): Promise<AnnotationView> {
  const { actor, id, input } = args;
  return db().$transaction(async (tx) => {
    const before = await ownedAnnotation(tx, actor, id, { deleted: false });
    if (before.version !== input.version) throw staleVersion(before);
    const data: Prisma.AnnotationUncheckedUpdateManyInput = { version: { increment: 1 } };
    if (input.start !== undefined && input.end !== undefined && input.quote !== undefined) {
      const span = await checkedSpan(tx, before.articleId, { start: input.start, end: input.end, quote: input.quote });
      Object.assign(data, { start: input.start, end: input.end, quote: span.quote, prefix: span.prefix, suffix: span.suffix });
    }
    const labelKey = input.label ?? before.label.key;
    if (input.label !== undefined && input.label !== before.label.key) data.labelId = (await labelByKey(tx, input.label)).id;
    if (input.attributes !== undefined) data.attributes = parseAttributes(labelKey, input.attributes);
    else if (labelKey !== before.label.key) data.attributes = parseAttributes(labelKey, {}); // attributes belong to a label
    if (input.note !== undefined) data.note = input.note;

    const { count } = await tx.annotation.updateMany({ where: { id, version: input.version, deletedAt: null }, data });
    if (count === 0) throw staleVersion(await tx.annotation.findUniqueOrThrow({ where: { id }, select: viewFields }));
    const after = toView(await tx.annotation.findUniqueOrThrow({ where: { id }, select: viewFields }));
    await recordAudit(tx, { actorId: actor.id, action: "annotation.update", entityType: "Annotation", entityId: id, before: toView(before), after });
    return after;
  });
}

/** Soft delete: hidden from every view, kept for undo and the audit trail. */
export async function deleteAnnotation(args: { actor: Actor; id: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await ownedAnnotation(tx, args.actor, args.id, { deleted: false });
    await tx.annotation.update({ where: { id: args.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { actorId: args.actor.id, action: "annotation.delete", entityType: "Annotation", entityId: args.id, before: toView(before) });
  });
}

/** Undo of a delete. */
export async function restoreAnnotation(args: { actor: Actor; id: string }): Promise<AnnotationView> {
  return db().$transaction(async (tx) => {
    await ownedAnnotation(tx, args.actor, args.id, { deleted: true });
    const row = await tx.annotation.update({ where: { id: args.id }, data: { deletedAt: null, version: { increment: 1 } }, select: viewFields });
    const view = toView(row);
    await recordAudit(tx, { actorId: args.actor.id, action: "annotation.restore", entityType: "Annotation", entityId: args.id, after: view });
    return view;
  });
}

/** The article's annotators, for the reviewer's layer switcher (the same raters the compare view counts). */
export async function listAnnotators(args: { actor: Actor; articleId: string }): Promise<{ id: string; name: string }[]> {
  return hasRole(args.actor, "REVIEWER") ? ratersOf(args.articleId) : [];
}
