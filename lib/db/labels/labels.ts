import { authorize, type Actor } from "../../auth/policy";
import { AppError, notFound } from "../../errors";
import { storedFields } from "../../labels/fields";
import type { CreateLabelInput, UpdateLabelInput } from "../../schemas/labels";
import { labelSelect, toLabelView, type LabelView } from "./list";
import { recordAudit } from "../audit";
import { db } from "../client";
import { Prisma } from "../generated/client";
import { prepared } from "../raw";

type Tx = Prisma.TransactionClient;

// Admins' changes to labels (/admin/labels, /api/labels). Each is one
// transaction with its audit event (before and after); a refusal writes nothing.

const taken = (field: "key" | "shortcut", value: string, by: string) =>
  new AppError("CONFLICT", field === "key" ? `A label with the key "${value}" already exists` : `"${value}" is already the shortcut of ${by}`, { field, value, label: by });

async function refuseTakenShortcut(tx: Tx, shortcut: string | null | undefined, exceptId?: string) {
  if (!shortcut) return;
  const other = await tx.label.findFirst({ where: { shortcut, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (other) throw taken("shortcut", shortcut, other.name);
}

export async function createLabel(args: { actor: Actor; input: CreateLabelInput }): Promise<LabelView> {
  authorize(args.actor, "label:write");
  const { input } = args;
  return db().$transaction(async (tx) => {
    const existing = await tx.label.findUnique({ where: { key: input.key }, select: { name: true } });
    if (existing) throw taken("key", input.key, existing.name);
    await refuseTakenShortcut(tx, input.shortcut);
    // New labels go last in the picker; the admin moves them from there.
    const last = await tx.label.aggregate({ _max: { sortOrder: true } });
    const row = await tx.label.create({ data: { ...input, attributes: input.attributes as Prisma.InputJsonArray, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: labelSelect });
    const after = toLabelView(row);
    await recordAudit(tx, { actorId: args.actor.id, action: "label.create", entityType: "Label", entityId: row.id, after });
    return after;
  });
}

export async function updateLabel(args: { actor: Actor; id: string; input: UpdateLabelInput }): Promise<LabelView> {
  authorize(args.actor, "label:write");
  const { id, input } = args;
  return db().$transaction(async (tx) => {
    const row = await tx.label.findUnique({ where: { id }, select: labelSelect });
    if (!row) throw notFound("Label");
    const before = toLabelView(row);
    if (input.shortcut !== undefined && input.shortcut !== before.shortcut) await refuseTakenShortcut(tx, input.shortcut, id);
    const { retired, attributes, ...rest } = input;
    const data: Prisma.LabelUpdateInput = { ...rest };
    if (attributes !== undefined) data.attributes = attributes as Prisma.InputJsonArray;
    if (retired !== undefined && retired !== before.retired) data.retiredAt = retired ? new Date() : null;
    const after = toLabelView(await tx.label.update({ where: { id }, data, select: labelSelect }));
    const action = retired !== undefined && retired !== before.retired ? (retired ? "label.retire" : "label.unretire") : "label.update";
    await recordAudit(tx, { actorId: args.actor.id, action, entityType: "Label", entityId: id, before, after });
    return after;
  });
}

/** What a span of this label may hold, read from its row for each write (decision 0021: no cache to go stale). */
export type LabelDefinition = Pick<LabelView, "id" | "key" | "attributes" | "retired">;

type DefinitionRow = { id: string; key: string; attributes: unknown; retired: boolean };

function definitionOf(row: DefinitionRow | null | undefined, key: string): LabelDefinition {
  if (!row) throw new AppError("INVALID_INPUT", `Unknown label "${key}"`, { label: key });
  return { id: row.id, key: row.key, attributes: storedFields(row.attributes), retired: row.retired };
}

/**
 * A label's definition, in a transaction when one is given; else as a prepared statement: it is
 * read for every span the annotator writes, where Prisma's own work cost more than the query.
 */
export async function labelDefinition(client: Pick<Tx, "label"> | null, key: string): Promise<LabelDefinition> {
  if (!client) {
    const [row] = await prepared<DefinitionRow>(db(), Prisma.sql`SELECT id::text AS id, key, attributes, "retiredAt" IS NOT NULL AS retired FROM "Label" WHERE key = ${key}`);
    return definitionOf(row, key);
  }
  const row = await client.label.findUnique({ where: { key }, select: { id: true, key: true, attributes: true, retiredAt: true } });
  return definitionOf(row && { ...row, retired: row.retiredAt !== null }, key);
}

/** The label of a new span (or of a span moved to another label): a retired one takes none. Outside a transaction, client null. */
export async function labelForNewSpan(client: Pick<Tx, "label"> | null, key: string): Promise<LabelDefinition> {
  const label = await labelDefinition(client, key);
  if (label.retired) throw retiredLabel(key);
  return label;
}

export const retiredLabel = (key: string) =>
  new AppError("INVALID_INPUT", `The label "${key}" is retired: its spans are kept, but it takes no new ones`, { label: key, code: "LABEL_RETIRED" });
