import { hashPassword } from "../auth/password";
import type { Actor } from "../auth/permissions";
import type { CreateUserInput } from "../schemas/user";
import { db, type Db } from "./client";
import { Prisma } from "./generated/client";
import { prepared } from "./raw";

const actorFields = { id: true, email: true, name: true, role: true } as const;

/** The only query that reads a password hash; it never leaves lib/auth's credential check. */
export async function findCredentials(email: string) {
  return db().user.findUnique({
    where: { email },
    select: { ...actorFields, passwordHash: true, deactivatedAt: true },
  });
}

/**
 * The signed-in user as the database has them now: null once deactivated.
 * Every request asks, so it is a prepared plain query (a model query costs
 * twice the CPU).
 */
export async function findActiveActor(id: string): Promise<Actor | null> {
  const [actor] = await prepared<Actor>(db(), Prisma.sql`
    SELECT id, email, name, role FROM "User" WHERE id = ${id}::uuid AND "deactivatedAt" IS NULL`);
  return actor ?? null;
}

export async function createUser(input: CreateUserInput, client: Db = db()): Promise<Actor> {
  return client.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: actorFields,
  });
}

/** Creates the user, or resets name, role and password of an existing one with that email. */
export async function upsertUser(input: CreateUserInput, client: Db = db()): Promise<{ user: Actor; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  const existing = await client.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const user = await client.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name, role: input.role, passwordHash },
    update: { name: input.name, role: input.role, passwordHash, deactivatedAt: null },
    select: actorFields,
  });
  return { user, created: existing === null };
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
