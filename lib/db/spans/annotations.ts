import { checkSpan, windowFor } from "../../annotations/span-check";
import { DEFAULT_CONTEXT_SIZE, type ProposedSpan } from "../../spans";
import { authorize, can, POOLED, type Actor } from "../../auth/policy";
import { getAssignmentStatus } from "../articles/assignments";
import { AppError, notFound } from "../../errors";
import { attributesSchema, type AttributeField } from "../../labels/attributes";
import { labelDefinition, labelForNewSpan, retiredLabel } from "../labels/labels";
import type { AnnotationListQuery, CreateAnnotationInput, UpdateAnnotationInput } from "../../schemas/annotation";
import { db } from "../client";
import { prepared } from "../raw";
import { ratersOf } from "../articles/raters";
import { spanKeys, spanKeysSet } from "./keys";
import { blindTextFor, blindTextForAnnotation, shownSpan, trueQuote } from "./outlet-quotes";
import { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;
const { sql, empty, join } = Prisma;

import type { AnnotationView } from "../../schemas/responses/annotations";
export type { AnnotationView };

// The annotation view built by Postgres, for rows `an` joined to their label
// `l` and annotator `u`. An article's list of thousands of spans then leaves
// as one JSON text, without an object per row in Node: the event loop is the
// scarce resource when many analysts work at once. Timestamps are formatted
// as Date.prototype.toISOString() does, in UTC whatever the session's zone.
const ISO_MS = "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"";
const VIEW_JSON = sql`json_build_object('id', an.id, 'label', l.key, 'start', an.start, 'end', an."end",
  'quote', an.quote, 'prefix', an.prefix, 'suffix', an.suffix, 'note', an.note, 'attributes', coalesce(an.attributes, '{}'::jsonb),
  'annotator', json_build_object('id', u.id, 'name', u.name), 'version', an.version, 'guidelineVersion', an."guidelineVersion",
  'createdAt', to_char(an."createdAt" AT TIME ZONE 'UTC', ${ISO_MS}), 'updatedAt', to_char(an."updatedAt" AT TIME ZONE 'UTC', ${ISO_MS}))`;
const VIEW_JOINS = sql`JOIN "Label" l ON l.id = an."labelId" JOIN "User" u ON u.id = an."annotatorId"`;

/**
 * Whether the actor has submitted the article (SQL, for `article`): submitting
 * is final for analysts, so their layer there no longer changes (they may have
 * read the others' work since). Reviewers and admins are never held.
 */
function submittedBy(actor: Actor, article: Prisma.Sql): Prisma.Sql {
  if (can(actor, "layer:change-after-submit")) return sql`FALSE`;
  return sql`EXISTS (SELECT 1 FROM "Assignment" s WHERE s."articleId" = ${article} AND s."userId" = ${actor.id}::uuid AND s.status = 'SUBMITTED')`;
}

const submittedIsFinal = () =>
  new AppError("SUBMITTED_IS_FINAL", "You submitted this article, and submitting is final: your annotations on it no longer change. Ask a reviewer to reopen it.");

/** The blind rule: others' layers only for reviewers, or for an analyst who has submitted this article. */
async function annotatorFilter(actor: Actor, articleId: string, annotator: AnnotationListQuery["annotator"]): Promise<Prisma.Sql> {
  const wanted = annotator === "me" ? actor.id : annotator;
  // Reviewers read every layer: their assignment is not looked up.
  if (wanted !== actor.id && !can(actor, "others-work:read", POOLED)) {
    authorize(actor, "layer:read", { author: wanted, scope: await getAssignmentStatus({ actor, articleId }) });
  }
  return wanted === "all" ? empty : sql`AND an."annotatorId" = ${wanted}::uuid`;
}

/** The article's live annotations in text order, as the JSON array the API sends. */
export async function listAnnotationsJson(args: { actor: Actor; articleId: string; query: AnnotationListQuery }): Promise<string> {
  if (args.query.deleted === "1") return listDeletedAnnotationsJson(args);
  const [row] = await prepared<{ found: boolean; items: string }>(db(), sql`
    SELECT EXISTS (SELECT 1 FROM "Article" WHERE id = ${args.articleId}::uuid) AS found,
      (SELECT coalesce(json_agg(${VIEW_JSON} ORDER BY an.start, an."end" DESC, an."createdAt"), '[]')::text
       FROM "Annotation" an ${VIEW_JOINS}
       WHERE an."articleId" = ${args.articleId}::uuid AND an."deletedAt" IS NULL ${await annotatorFilter(args.actor, args.articleId, args.query.annotator)}) AS items`);
  if (!row?.found) throw notFound("Article");
  // An analyst reading the article outlet-blind gets the spans as their text shows them (decision 0025).
  const blind = await blindTextFor(args);
  return blind ? JSON.stringify((JSON.parse(row.items) as AnnotationView[]).map((a) => shownSpan(blind, a))) : row.items;
}

/** Deleted annotations may be restored only by their author: the list is the actor's own, whatever the role. */
const DELETED_LIST_LIMIT = 1000;

async function listDeletedAnnotationsJson(args: { actor: Actor; articleId: string; query: AnnotationListQuery }): Promise<string> {
  authorize(args.actor, "annotation:list-deleted", { annotator: args.query.annotator === "me" ? args.actor.id : args.query.annotator });
  const [row] = await prepared<{ found: boolean; items: string }>(db(), sql`
    SELECT EXISTS (SELECT 1 FROM "Article" WHERE id = ${args.articleId}::uuid) AS found,
      (SELECT coalesce(json_agg(view ORDER BY "deletedAt" DESC), '[]')::text FROM (
         SELECT (${VIEW_JSON})::jsonb || jsonb_build_object('deletedAt', to_char(an."deletedAt" AT TIME ZONE 'UTC', ${ISO_MS})) AS view, an."deletedAt"
         FROM "Annotation" an ${VIEW_JOINS}
         WHERE an."articleId" = ${args.articleId}::uuid AND an."deletedAt" IS NOT NULL AND an."annotatorId" = ${args.actor.id}::uuid
         ORDER BY an."deletedAt" DESC LIMIT ${DELETED_LIST_LIMIT}::int) d) AS items`);
  if (!row?.found) throw notFound("Article");
  const blind = await blindTextFor(args);
  return blind ? JSON.stringify((JSON.parse(row.items) as AnnotationView[]).map((a) => shownSpan(blind, a))) : row.items;
}

export async function listAnnotations(args: { actor: Actor; articleId: string; query: AnnotationListQuery }): Promise<AnnotationView[]> {
  return JSON.parse(await listAnnotationsJson(args)) as AnnotationView[];
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

/**
 * A span's attributes checked against its label's fields as defined now; a
 * value equal to one the span (or, for gold, a span it comes from) already
 * holds is kept whatever the fields say today (lib/labels/attributes.ts).
 */
export function parseAttributes(label: { key: string; attributes: readonly AttributeField[] }, value: unknown, ...stored: Record<string, unknown>[]): Prisma.InputJsonObject {
  const parsed = attributesSchema(label.attributes, ...stored).safeParse(value ?? {});
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", `Invalid attributes for label "${label.key}"`, { attributes: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  }
  return parsed.data as Prisma.InputJsonObject;
}

/**
 * One statement: the span is checked against the stored text and inserted
 * with its audit event and the analyst's progress, or nothing is written.
 * The database applies the same rule as checkSpan (in code points, exact
 * quote); checkSpan then explains a refusal in words.
 */
export async function createAnnotation(args: { actor: Actor; articleId: string; input: CreateAnnotationInput }): Promise<AnnotationView> {
  const { actor, articleId } = args;
  // Outlet-blind (decision 0025): a quote selected across a masked self-reference is stored as the text reads.
  const blind = await blindTextFor({ actor, articleId });
  const input = blind ? { ...args.input, quote: trueQuote(blind, args.input) } : args.input;
  // The label's definition is read for each write: an admin's change applies to the next span at once, on every instance.
  const label = await labelForNewSpan(null, input.label);
  const parsedAttributes = parseAttributes(label, input.attributes);
  const attributes = JSON.stringify(parsedAttributes);
  const keys = spanKeys({ quote: input.quote, attributes: parsedAttributes });
  const { from, to } = windowFor(input);
  const [row] = await prepared<{ length: number; text: string; labelId: string | null; frozen: boolean; view: string | null }>(db(), sql`
    WITH target AS (
      SELECT a.id, char_length(a.body)::int AS length, substr(a.body, ${from + 1}::int, ${to - from}::int) AS text, l.id AS "labelId",
             ${submittedBy(actor, sql`a.id`)} AS frozen
      FROM "Article" a LEFT JOIN "Label" l ON l.key = ${input.label} AND l."retiredAt" IS NULL WHERE a.id = ${articleId}::uuid
    ), inserted AS (
      INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, note, attributes, "updatedAt",
                                "attributionKind", "quoteKey", "speakerKey", "speakerName", "guidelineVersion")
      SELECT t.id, ${actor.id}::uuid, t."labelId", ${input.start}::int, ${input.end}::int, ${input.quote},
             substr(t.text, 1, ${input.start - from}::int), substr(t.text, ${input.end - from + 1}::int, ${DEFAULT_CONTEXT_SIZE}::int),
             ${input.note ?? null}, ${attributes}::jsonb, now(), ${keys.attributionKind}, ${keys.quoteKey}, ${keys.speakerKey}, ${keys.speakerName},
             (SELECT max(g.number) FROM "GuidelineVersion" g)
      FROM target t
      WHERE NOT t.frozen AND t."labelId" IS NOT NULL AND ${input.start}::int < ${input.end}::int AND ${input.end}::int <= t.length
        AND substr(t.text, ${input.start - from + 1}::int, ${Math.max(0, input.end - input.start)}::int) = ${input.quote}
      RETURNING *
    ), after AS (
      SELECT ${VIEW_JSON} AS view FROM inserted an ${VIEW_JOINS}
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", after)
      SELECT ${actor.id}::uuid, 'annotation.create', 'Annotation', view->>'id', view::jsonb FROM after
    ), progress AS (
      INSERT INTO "Assignment" (id, "articleId", "userId", status, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${articleId}::uuid, ${actor.id}::uuid, 'IN_PROGRESS', now(), now() FROM inserted
      ON CONFLICT ("articleId", "userId") DO UPDATE SET status = 'IN_PROGRESS', "updatedAt" = now()
      WHERE "Assignment".status = 'ASSIGNED'
    )
    SELECT t.length, t.text, t."labelId", t.frozen, (SELECT view::text FROM after) AS view FROM target t`);
  if (!row) throw notFound("Article");
  if (row.frozen) throw submittedIsFinal();
  const span = checkSpan(input, { bodyLength: row.length, offset: from, text: row.text });
  if (row.view && !span.ok) throw new Error(`createAnnotation: the database accepted a span checkSpan refuses (${span.code})`);
  if (!span.ok) throw new AppError("INVALID_INPUT", span.message, { code: span.code, start: input.start, end: input.end });
  // Retired between the look-up above and the insert.
  if (!row.labelId) throw retiredLabel(input.label);
  if (!row.view) throw new Error("createAnnotation: the database refused a span checkSpan accepts");
  return shownSpan(blind, JSON.parse(row.view) as AnnotationView);
}

type Stored = { view: AnnotationView; viewJson: string; annotatorId: string; articleId: string; deleted: boolean; frozen: boolean };

/** The annotation as stored, whoever's it is; with the text around a proposed span when one is given. */
async function storedAnnotation(actor: Actor, id: string, span?: Pick<ProposedSpan, "start" | "end">) {
  const { from, to } = span ? windowFor(span) : { from: 0, to: 0 };
  const [row] = await prepared<Omit<Stored, "view"> & { length: number; text: string }>(db(), sql`
    SELECT ${VIEW_JSON}::text AS "viewJson", an."annotatorId", an."articleId", an."deletedAt" IS NOT NULL AS deleted, ${submittedBy(actor, sql`an."articleId"`)} AS frozen,
      char_length(a.body)::int AS length, ${span ? sql`substr(a.body, ${from + 1}::int, ${to - from}::int)` : sql`''`} AS text
    FROM "Annotation" an ${VIEW_JOINS} JOIN "Article" a ON a.id = an."articleId"
    WHERE an.id = ${id}::uuid`);
  if (!row) return null;
  return { ...row, view: JSON.parse(row.viewJson) as AnnotationView, window: { bodyLength: row.length, offset: from, text: row.text } };
}

type Change = "annotation:update" | "annotation:delete" | "annotation:restore";

/** The annotation if the actor may make this change to it (the policy: its author, or an admin). */
async function ownedAnnotation(actor: Actor, change: Change, id: string, options: { deleted: boolean; span?: Pick<ProposedSpan, "start" | "end"> }) {
  const stored = await storedAnnotation(actor, id, options.span);
  if (!stored || stored.deleted !== options.deleted) throw notFound("Annotation");
  authorize(actor, change, stored);
  if (stored.frozen) throw submittedIsFinal();
  return stored;
}

function staleVersion(current: AnnotationView): AppError {
  return new AppError("CONFLICT", `This annotation was changed elsewhere (now version ${current.version}); reload it and apply your change again.`, {
    currentVersion: current.version,
    current,
  });
}

/**
 * One statement: the change applies only to the version the caller read
 * (optimistic concurrency, no lock held across round trips), and its audit
 * event, with the view before and after, is written with it or not at all.
 * Returns the view after, or null when the version moved on meanwhile.
 */
async function writeVersioned(args: { actor: Actor; action: string; id: string; expected: { version: number; deleted: boolean }; set: Prisma.Sql[]; before: string | null; audit: { before: boolean; after: boolean } }): Promise<AnnotationView | null> {
  const { id, expected } = args;
  const [row] = await prepared<{ view: string }>(db(), sql`
    WITH updated AS (
      UPDATE "Annotation" SET ${join([...args.set, sql`version = version + 1`, sql`"updatedAt" = now()`], ", ")}
      WHERE id = ${id}::uuid AND version = ${expected.version}::int AND ("deletedAt" IS NOT NULL) = ${expected.deleted}
      RETURNING *
    ), after AS (
      SELECT ${VIEW_JSON} AS view FROM updated an ${VIEW_JOINS}
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after)
      SELECT ${args.actor.id}::uuid, ${args.action}, 'Annotation', ${id}, ${args.audit.before ? args.before : null}::jsonb, ${args.audit.after ? sql`view::jsonb` : sql`NULL::jsonb`}
      FROM after
    )
    SELECT view::text AS view FROM after`);
  return row ? (JSON.parse(row.view) as AnnotationView) : null;
}

export async function updateAnnotation(args: { actor: Actor; id: string; input: UpdateAnnotationInput }): Promise<AnnotationView> {
  const { actor, id, input } = args;
  const blind = await blindTextForAnnotation({ actor, annotationId: id });
  const spanChange = input.start !== undefined && input.end !== undefined && input.quote !== undefined ? { start: input.start, end: input.end, quote: trueQuote(blind, { start: input.start, end: input.end, quote: input.quote }) } : null;
  const before = await ownedAnnotation(actor, "annotation:update", id, { deleted: false, ...(spanChange ? { span: spanChange } : {}) });
  if (before.view.version !== input.version) throw staleVersion(shownSpan(blind, before.view));

  const set: Prisma.Sql[] = [];
  let quote = before.view.quote;
  let attributes: unknown = before.view.attributes;
  if (spanChange) {
    const span = checkSpan(spanChange, before.window);
    if (!span.ok) throw new AppError("INVALID_INPUT", span.message, { code: span.code, start: spanChange.start, end: spanChange.end });
    set.push(sql`start = ${spanChange.start}::int, "end" = ${spanChange.end}::int, quote = ${span.quote}, prefix = ${span.prefix}, suffix = ${span.suffix}`);
    quote = span.quote;
  }
  const labelKey = input.label ?? before.view.label;
  const relabelled = labelKey !== before.view.label;
  // Moving a span to another label makes a new span of that label: a retired one refuses it.
  // Attributes belong to a label: a new label without new attributes starts from none.
  if (input.attributes !== undefined || relabelled) {
    const label = relabelled ? await labelForNewSpan(null, labelKey) : await labelDefinition(null, labelKey);
    if (relabelled) set.push(sql`"labelId" = ${label.id}::uuid`);
    attributes = parseAttributes(label, input.attributes, ...(relabelled ? [] : [before.view.attributes]));
    set.push(sql`attributes = ${JSON.stringify(attributes)}::jsonb`);
  }
  if (spanChange || attributes !== before.view.attributes) set.push(spanKeysSet(spanKeys({ quote, attributes })));
  if (input.note !== undefined) set.push(sql`note = ${input.note}`);

  const after = await writeVersioned({ actor, action: "annotation.update", id, expected: { version: input.version, deleted: false }, set, before: before.viewJson, audit: { before: true, after: true } });
  if (after) return shownSpan(blind, after);
  const current = await storedAnnotation(actor, id);
  if (!current || current.deleted) throw notFound("Annotation");
  throw staleVersion(shownSpan(blind, current.view));
}

// Delete and restore carry no version from the caller: they apply to whatever
// version is current, retried when another write slips in between read and write.
const ATTEMPTS = 5;

/** Soft delete: hidden from every view, kept for undo and the audit trail. */
export async function deleteAnnotation(args: { actor: Actor; id: string }): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await ownedAnnotation(args.actor, "annotation:delete", args.id, { deleted: false });
    const done = await writeVersioned({ actor: args.actor, action: "annotation.delete", id: args.id, expected: { version: before.view.version, deleted: false }, set: [sql`"deletedAt" = now()`], before: before.viewJson, audit: { before: true, after: false } });
    if (done) return;
  }
  throw new AppError("CONFLICT", "This annotation keeps changing elsewhere; try again.");
}

/** Undo of a delete. */
export async function restoreAnnotation(args: { actor: Actor; id: string }): Promise<AnnotationView> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await ownedAnnotation(args.actor, "annotation:restore", args.id, { deleted: true });
    const after = await writeVersioned({ actor: args.actor, action: "annotation.restore", id: args.id, expected: { version: before.view.version, deleted: true }, set: [sql`"deletedAt" = NULL`], before: null, audit: { before: false, after: true } });
    if (after) return shownSpan(await blindTextFor({ actor: args.actor, articleId: before.articleId }), after);
  }
  throw new AppError("CONFLICT", "This annotation keeps changing elsewhere; try again.");
}

/** The article's annotators, for the reviewer's layer switcher (the same raters the compare view counts). */
export async function listAnnotators(args: { actor: Actor; articleId: string }): Promise<{ id: string; name: string }[]> {
  const visible = can(args.actor, "others-work:read", POOLED) || can(args.actor, "others-work:read", await getAssignmentStatus(args));
  return visible ? ratersOf(args.articleId) : [];
}
