import { notFound } from "../../errors";
import { db, type Db } from "../client";

/**
 * How long a session row is honoured at most, however often its cookie is
 * renewed. The cookie itself expires after 8 idle hours (lib/auth/options.ts).
 */
export const SESSION_LIFETIME_DAYS = 30;

/** A new session for a user who just signed in; their sessions past the lifetime are forgotten. */
export async function startSession(userId: string): Promise<string> {
  const [, , created] = await db().$transaction([
    db().$executeRaw`DELETE FROM "Session" WHERE "userId" = ${userId}::uuid AND "createdAt" < now() - make_interval(days => ${SESSION_LIFETIME_DAYS})`,
    // Kept on the user: the admin console shows it, and sessions are deleted at sign-out.
    db().$executeRaw`UPDATE "User" SET "lastSignInAt" = now() WHERE id = ${userId}::uuid`,
    db().session.create({ data: { userId }, select: { id: true } }),
  ]);
  return created.id;
}

/** The user's open sessions, newest first, the one asking marked. */
export async function listOwnSessions(args: { actor: { id: string }; sessionId: string }): Promise<{ id: string; createdAt: string; current: boolean }[]> {
  const rows = await db().$queryRaw<{ id: string; createdAt: Date }[]>`
    SELECT id, "createdAt" FROM "Session"
    WHERE "userId" = ${args.actor.id}::uuid AND "createdAt" > now() - make_interval(days => ${SESSION_LIFETIME_DAYS})
    ORDER BY "createdAt" DESC`;
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), current: r.id === args.sessionId }));
}

/** Signing out: the cookie, or any copy of it, stops working at once. */
export async function endSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** A password change or reset: every session of the user ends, except `keep` (the one that made the change). */
export async function endOtherSessions(userId: string, keep: string | null, client: Pick<Db, "$executeRaw"> = db()): Promise<number> {
  return client.$executeRaw`DELETE FROM "Session" WHERE "userId" = ${userId}::uuid AND id IS DISTINCT FROM ${keep}::uuid`;
}

/** Signs out one of the user's own sessions (from the profile page); someone else's is "not found". */
export async function endOwnSession(args: { actor: { id: string }; sessionId: string }): Promise<void> {
  const { count } = await db().session.deleteMany({ where: { id: args.sessionId, userId: args.actor.id } });
  if (count === 0) throw notFound("Session");
}
