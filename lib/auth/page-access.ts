import { forbidden, notFound } from "next/navigation";
import { AppError } from "../errors";
import { can, type Actor, type RoleAction } from "./policy";

/** A page behind a role question of the policy: anyone it refuses gets the 403 page (app/forbidden.tsx). */
export function requirePage(actor: Actor, action: RoleAction): void {
  if (!can(actor, action)) forbidden();
}

/**
 * A page's read of data the actor may be refused (a basis hidden by the blind
 * rule, an unknown annotator or source in the URL): the 403 or 404 page, as
 * the API would answer, never a 500.
 */
export async function pageRead<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) notFound();
    throw error;
  }
}
