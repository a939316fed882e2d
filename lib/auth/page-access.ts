import { forbidden } from "next/navigation";
import { hasRole, type Actor } from "./permissions";

/** Pages for a role: anyone below it gets the 403 page (app/forbidden.tsx). */
export function requirePageRole(actor: Actor, minimum: Parameters<typeof hasRole>[1]): void {
  if (!hasRole(actor, minimum)) forbidden();
}
