import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { actorForToken } from "../db/accounts/tokens";
import { findActiveActor } from "../db/accounts/users";
import { authSecretFrom, env } from "../env";
import { AppError } from "../errors";
import type { Actor } from "./policy";
import { decodeSessionToken, sessionCookieName, sessionTokenFrom } from "./session-token";

/**
 * The signed-in, still-active user of this request and their session's id,
 * or null. Read once per request: the session cookie names the user and the
 * session (null once the cookie has expired), the database says whether the
 * session is still open and the user may still work.
 */
export const currentSession = cache(async (): Promise<{ actor: Actor; sessionId: string } | null> => {
  const secret = authSecretFrom(env());
  const jar = new Map((await cookies()).getAll().map((c) => [c.name, c.value] as const));
  const token = sessionTokenFrom(jar, sessionCookieName(env().NEXTAUTH_URL));
  if (!token || !secret) return null;
  const claims = await decodeSessionToken({ token, secret });
  if (typeof claims?.id !== "string" || typeof claims.sid !== "string") return null;
  const actor = await findActiveActor(claims.id, claims.sid);
  return actor ? { actor, sessionId: claims.sid } : null;
});

/** The signed-in, still-active user of this request, or null. */
export const currentActor = async (): Promise<Actor | null> => (await currentSession())?.actor ?? null;

/** The token of an `Authorization: Bearer …` header, or null when the request has none. */
async function bearerToken(): Promise<string | null> {
  const authorization = (await headers()).get("authorization");
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1] ?? null;
}

/** Who an API request acts for: `"user"`, a session or a personal API token; `"session"`, a signed-in session only. */
export type AuthKind = "user" | "session";
export type Authenticated<K extends AuthKind = AuthKind> = { actor: Actor; sessionId: K extends "session" ? string : string | null };

/**
 * For API routes, once per request (lib/api/route.ts): the token's owner when
 * the request carries a personal API token, else the session's user; 401
 * without either. A request with a bad token is refused even if it also has a
 * session cookie, so a script never silently runs as whoever happens to be
 * signed in. `"session"` refuses working tokens too: a token that could mint
 * tokens or change the password would survive its own revocation.
 */
export async function authenticate<K extends AuthKind>(kind: K): Promise<Authenticated<K>> {
  const token = await bearerToken();
  if (token !== null) {
    const owner = await actorForToken(token);
    if (!owner) throw new AppError("UNAUTHENTICATED", "Sign in first: this API token is unknown or revoked.");
    if (kind === "session") throw new AppError("FORBIDDEN", "API tokens are managed from a signed-in session, not with a token.");
    return { actor: owner, sessionId: null } as Authenticated<K>;
  }
  const session = await currentSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in first: this endpoint needs a session.");
  return session;
}

/** For pages: a redirect to the sign-in page without a valid session (pages never accept tokens). */
export async function requirePageUser(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
