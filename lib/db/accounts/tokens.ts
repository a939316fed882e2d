// Personal API tokens. Only a SHA-256 of each token is stored: a database
// leak does not leak usable tokens, and since tokens are 256 random bits a
// plain (unsalted, fast) hash is enough — there is nothing to brute-force.
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../../auth/policy";
import { notFound } from "../../errors";
import type { CreateTokenInput } from "../../schemas/datasets";
import { db, type Db } from "../client";

const TOKEN_PREFIX = "slant_";
/** Enough of the token to tell tokens apart in a list, far too little to guess the rest. */
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 6;
/** lastUsedAt is a hint for the owner, not an audit log: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
export const looksLikeToken = (value: string) => /^slant_[A-Za-z0-9_-]{43}$/.test(value);

import type { CreatedToken, TokenView } from "../../schemas/responses/accounts";
export type { TokenView };

const viewFields = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;
const toView = (t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): TokenView => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** The token itself is in the result once, here, and nowhere else ever again. */
export async function createToken(args: { actor: Actor; input: CreateTokenInput; client?: Db }): Promise<CreatedToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await (args.client ?? db()).apiToken.create({
    data: { userId: args.actor.id, name: args.input.name, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_CHARACTERS) },
    select: viewFields,
  });
  return { ...toView(row), token };
}

/** The actor's tokens that still work, newest first. */
export async function listTokens(args: { actor: Actor; client?: Db }): Promise<TokenView[]> {
  const rows = await (args.client ?? db()).apiToken.findMany({
    where: { userId: args.actor.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: viewFields,
  });
  return rows.map(toView);
}

/** Someone else's token is "not found": its existence is none of the caller's business. */
export async function revokeToken(args: { actor: Actor; id: string; client?: Db }): Promise<void> {
  const { count } = await (args.client ?? db()).apiToken.updateMany({
    where: { id: args.id, userId: args.actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token");
}

/** The owner of a working token (not revoked, owner not deactivated), or null. */
export async function actorForToken(token: string, client: Db = db()): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const row = await client.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } } },
  });
  if (!row || row.revokedAt || row.user.deactivatedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests with the same token write once.
    await client.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  const { id, email, name, role } = row.user;
  return { id, email, name, role };
}
