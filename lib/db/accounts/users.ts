import { hashPassword } from "../../auth/password";
import type { Actor } from "../../auth/policy";
import type { CreateUserInput } from "../../schemas/user";
import { db, type Db } from "../client";
import { Prisma } from "../generated/client";
import { recordAudit } from "../audit";
import { prepared } from "../raw";
import { endOtherSessions, SESSION_LIFETIME_DAYS } from "./sessions";

const actorFields = { id: true, email: true, name: true, role: true } as const;

/** The only query that reads a password hash; it never leaves lib/auth's credential check. */
export async function findCredentials(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { ...actorFields, passwordHash: true, deactivatedAt: true },
  });
}

/**
 * The user of a session cookie as the database has them now: null once the
 * session has ended (signed out, password changed or reset, past its
 * lifetime) or the user is deactivated. Every request asks, so it is one
 * prepared plain query on two primary keys (a model query costs twice the CPU).
 */
export async function findActiveActor(id: string, sessionId: string): Promise<Actor | null> {
  const [actor] = await prepared<Actor>(db(), Prisma.sql`
    SELECT u.id, u.email, u.name, u.role FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid AND u.id = ${id}::uuid AND u."deactivatedAt" IS NULL
      AND s."createdAt" > now() - make_interval(days => ${SESSION_LIFETIME_DAYS})`);
  return actor ?? null;
}

export async function createUser(input: CreateUserInput, client: Db = db()): Promise<Actor> {
  return client.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: actorFields,
  });
}

/**
 * Creates the user, or resets name, role and password of an existing one with
 * that email; a reset ends every session the user had (someone who knew the
 * old password may be signed in).
 */
export async function upsertUser(input: CreateUserInput, client: Db = db()): Promise<{ user: Actor; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name, role: input.role, passwordHash },
      update: { name: input.name, role: input.role, passwordHash, deactivatedAt: null },
      select: actorFields,
    });
    if (existing) await endOtherSessions(user.id, null, tx);
    return { user, created: existing === null };
  });
}

/** A new password for a signed-in user: their other sessions end, the one that changed it stays. */
export async function changePassword(args: { userId: string; newPassword: string; keepSessionId: string | null }): Promise<{ endedSessions: number }> {
  const passwordHash = await hashPassword(args.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: args.userId }, data: { passwordHash }, select: { id: true } });
    return { endedSessions: await endOtherSessions(args.userId, args.keepSessionId, tx) };
  });
}

export async function countUsers(client: Db = db()): Promise<number> {
  return client.user.count();
}

/** Locks the account out: every request re-reads the user, so open sessions and tokens stop at once. */
export async function setDeactivated(email: string, deactivated: boolean, client: Db = db()): Promise<Actor | null> {
  const found = await client.user.findUnique({ where: { email }, select: { id: true } });
  if (!found) return null;
  return client.user.update({ where: { email }, data: { deactivatedAt: deactivated ? new Date() : null }, select: actorFields });
}

/** A person changes their own name (the profile page); audited like an admin's change. */
export async function renameOwnAccount(args: { actor: Actor; name: string }): Promise<Actor> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: args.actor.id }, data: { name: args.name }, select: actorFields });
    await recordAudit(tx, { actorId: args.actor.id, action: "user.rename", entityType: "user", entityId: args.actor.id, before: { name: args.actor.name }, after: { name: user.name } });
    return user;
  });
}
