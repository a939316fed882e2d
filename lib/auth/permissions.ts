import { AppError } from "../errors";
import type { Role } from "../schemas/user";

const rank: Record<Role, number> = { ANALYST: 1, REVIEWER: 2, ADMIN: 3 };

export type Actor = { id: string; email: string; name: string; role: Role };

export function hasRole(actor: Pick<Actor, "role">, minimum: Role): boolean {
  return rank[actor.role] >= rank[minimum];
}

export function requireRole(actor: Pick<Actor, "role">, minimum: Role): void {
  if (!hasRole(actor, minimum)) {
    throw new AppError("FORBIDDEN", `This needs the ${minimum.toLowerCase()} role or higher; you are ${actor.role.toLowerCase()}.`);
  }
}
