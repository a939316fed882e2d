// People as the admin console manages them: list, create with a temporary
// password, change role, deactivate and reactivate, set profile attributes.
// Every change is audited with before and after, in the same transaction.
import { randomBytes } from "node:crypto";
import { LAST_ADMIN_MESSAGE, leavesNoActiveAdmin } from "../../accounts/last-admin";
import { hashPassword } from "../../auth/password";
import { authorize, type Actor } from "../../auth/policy";
import { PER_ACCOUNT } from "../../auth/rate-limit";
import { AppError, notFound } from "../../errors";
import { applyProfileChange, profileChangeSchema, readProfile, type ProfileFieldDefinition } from "../../profile-fields/profile-schema";
import type { AdminCreateUserInput, UpdateUserInput } from "../../schemas/people";
import type { CreatedPerson, PersonView } from "../../schemas/responses/people";
import { recordAudit } from "../audit";
import { db } from "../client";
import type { Prisma } from "../generated/client";
import { ADMINS_LOCK } from "../locks";
import { listProfileFieldDefinitions } from "./profile-fields";

type Tx = Prisma.TransactionClient;

const personFields = { id: true, email: true, name: true, role: true, deactivatedAt: true, lastSignInAt: true, createdAt: true, profile: true } as const;
type PersonRow = { id: string; email: string; name: string; role: PersonView["role"]; deactivatedAt: Date | null; lastSignInAt: Date | null; createdAt: Date; profile: unknown };

/** 16 characters from 96 random bits: typed once by the person it is passed to, then changed on /profile. */
export const temporaryPassword = () => randomBytes(12).toString("base64url");

export const accountKey = (email: string) => `account:${email}`;

function toView(row: PersonRow, extra: { spans: number; locked: boolean }, fields: readonly ProfileFieldDefinition[]): PersonView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.deactivatedAt === null,
    locked: extra.locked,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    spans: extra.spans,
    createdAt: row.createdAt.toISOString(),
    profile: readProfile(row.profile, fields),
  };
}

/** Accounts whose sign-in limit is used up in its current window (lib/db/accounts/sign-in-attempts.ts). */
async function lockedEmails(client: Tx | ReturnType<typeof db>, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await client.signInAttempts.findMany({
    where: { key: { in: emails.map(accountKey) }, count: { gte: PER_ACCOUNT.maxAttempts }, windowStart: { gt: new Date(Date.now() - PER_ACCOUNT.windowMs) } },
    select: { key: true },
  });
  return new Set(rows.map((r) => r.key.slice("account:".length)));
}

async function views(client: Tx | ReturnType<typeof db>, rows: PersonRow[]): Promise<PersonView[]> {
  const ids = rows.map((r) => r.id);
  // One after another: inside a transaction they share one connection, which runs one query at a time anyway.
  const counts = await client.annotation.groupBy({ by: ["annotatorId"], where: { annotatorId: { in: ids }, deletedAt: null }, _count: { _all: true } });
  const locked = await lockedEmails(client, rows.map((r) => r.email));
  const fields = await listProfileFieldDefinitions(client);
  const spans = new Map(counts.map((c) => [c.annotatorId, c._count._all]));
  return rows.map((r) => toView(r, { spans: spans.get(r.id) ?? 0, locked: locked.has(r.email) }, fields));
}

/** Everyone with an account, active first, then by name. */
export async function listPeople(args: { actor: Actor }): Promise<PersonView[]> {
  authorize(args.actor, "user:manage");
  const rows = await db().user.findMany({ select: personFields, orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }] });
  return views(db(), rows);
}

export async function getPersonOrThrow(client: Tx | ReturnType<typeof db>, id: string): Promise<PersonView> {
  const row = await client.user.findUnique({ where: { id }, select: personFields });
  if (!row) throw notFound("User");
  const [view] = await views(client, [row]);
  return view!;
}

/** What the audit log keeps of a person: never a password or its hash. */
const audited = (p: PersonView) => ({ email: p.email, name: p.name, role: p.role, active: p.active, profile: p.profile });

/** A new account with the admin's password, or a temporary one made here and returned this once. */
export async function createPerson(args: { actor: Actor; input: AdminCreateUserInput }): Promise<CreatedPerson> {
  authorize(args.actor, "user:manage");
  const made = args.input.password === undefined ? temporaryPassword() : null;
  const passwordHash = await hashPassword(args.input.password ?? made!);
  return db().$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: args.input.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "Someone already has an account with this email.", { existingUserId: taken.id });
    const { id } = await tx.user.create({ data: { email: args.input.email, name: args.input.name, role: args.input.role, passwordHash }, select: { id: true } });
    const user = await getPersonOrThrow(tx, id);
    await recordAudit(tx, { actorId: args.actor.id, action: "user.create", entityType: "user", entityId: id, after: audited(user) });
    return { user, temporaryPassword: made };
  });
}

/**
 * Role, active flag and profile attributes. A change of role or active flag
 * takes ADMINS_LOCK first and reads the active admins under it, so the
 * last-admin rule holds under concurrency: of two admins demoting each other
 * at once, the second waits for the first and is then refused.
 */
export async function updatePerson(args: { actor: Actor; id: string; input: UpdateUserInput }): Promise<PersonView> {
  authorize(args.actor, "user:manage");
  const { role, active, profile } = args.input;
  return db().$transaction(async (tx) => {
    if (role !== undefined || active !== undefined) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK})`;
    const before = await getPersonOrThrow(tx, args.id);
    if (role !== undefined || active !== undefined) {
      const admins = await tx.user.findMany({ where: { role: "ADMIN", deactivatedAt: null }, select: { id: true } });
      if (leavesNoActiveAdmin(admins.map((a) => a.id), args.id, { role, active })) throw new AppError("CONFLICT", LAST_ADMIN_MESSAGE, { userId: args.id });
    }
    const data: Prisma.UserUpdateInput = {};
    if (role !== undefined) data.role = role;
    if (active !== undefined && active !== before.active) data.deactivatedAt = active ? null : new Date();
    if (profile !== undefined) {
      const change = profileChangeSchema(await listProfileFieldDefinitions(tx)).parse(profile);
      data.profile = applyProfileChange(before.profile, change);
    }
    await tx.user.update({ where: { id: args.id }, data, select: { id: true } });
    const after = await getPersonOrThrow(tx, args.id);
    await recordAudit(tx, { actorId: args.actor.id, action: "user.update", entityType: "user", entityId: args.id, before: audited(before), after: audited(after) });
    return after;
  });
}
