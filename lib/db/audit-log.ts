// The audit log as admins read it: newest first, filtered by who, what kind of
// thing and which action, paged by keyset on the event id (stable while new
// events arrive: a page never repeats or skips an event).
import { authorize, type Actor } from "../auth/policy";
import type { AuditQuery } from "../schemas/people";
import type { AuditEventView, AuditPage } from "../schemas/responses/people";
import { db } from "./client";
import type { Prisma } from "./generated/client";

type Filters = Pick<AuditQuery, "actor" | "entity" | "action">;

const where = (filters: Filters, before?: bigint): Prisma.AuditEventWhereInput => ({
  ...(filters.actor ? { actorId: filters.actor } : {}),
  ...(filters.entity ? { entityType: filters.entity } : {}),
  ...(filters.action ? { action: filters.action } : {}),
  ...(before !== undefined ? { id: { lt: before } } : {}),
});

const select = { id: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } } as const;

type Row = { id: bigint; action: string; entityType: string; entityId: string; before: unknown; after: unknown; createdAt: Date; actor: { id: string; name: string } | null };
const toView = (r: Row): AuditEventView => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString() });

export async function listAuditEvents(args: { actor: Actor; query: Pick<AuditQuery, "actor" | "entity" | "action" | "cursor" | "limit"> }): Promise<AuditPage> {
  authorize(args.actor, "audit:read");
  const { cursor, limit } = args.query;
  const rows = await db().auditEvent.findMany({ where: where(args.query, cursor ? BigInt(cursor) : undefined), orderBy: { id: "desc" }, take: limit + 1, select });
  const page = rows.slice(0, limit);
  return { items: page.map(toView), nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null };
}

/** Every event the filters match, newest first, a page at a time (the CSV download streams them). */
export async function* allAuditEvents(args: { actor: Actor; filters: Filters; pageSize?: number }): AsyncGenerator<AuditEventView> {
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ actor: args.actor, query: { ...args.filters, cursor, limit: args.pageSize ?? 200 } });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The values the filters offer: entity types and actions that occur, and who acted. */
export async function auditFacets(args: { actor: Actor }): Promise<{ entities: string[]; actions: string[]; actors: { id: string; name: string }[] }> {
  authorize(args.actor, "audit:read");
  // DISTINCT in the database (Prisma's `distinct` would fetch every event and dedupe in Node); both columns lead an index.
  const [entities, actions, actors] = await Promise.all([
    db().$queryRaw<{ value: string }[]>`SELECT DISTINCT "entityType" AS value FROM "AuditEvent" ORDER BY 1`,
    db().$queryRaw<{ value: string }[]>`SELECT DISTINCT action AS value FROM "AuditEvent" ORDER BY 1`,
    db().user.findMany({ where: { auditEvents: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { entities: entities.map((e) => e.value), actions: actions.map((a) => a.value), actors };
}
