import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findActiveActor } from "../db/users";
import { AppError } from "../errors";
import { authOptions } from "./options";
import type { Actor } from "./permissions";

/** The signed-in, still-active user of this request, or null. Read once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return findActiveActor(session.user.id);
});

/** For API routes: 401 without a valid session. */
export async function requireUser(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first: this endpoint needs a session.");
  return actor;
}

/** For pages: a redirect to the sign-in page without a valid session. */
export async function requirePageUser(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
