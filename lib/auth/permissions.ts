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

/** The actor's own assignment on an article: null when they never started it. */
export type MyAssignmentStatus = "ASSIGNED" | "IN_PROGRESS" | "SUBMITTED" | null;

/**
 * A read that pools many articles (source figures, evidence lists, exports,
 * the agreement report): the actor cannot have submitted every article in it.
 */
export const POOLED = "POOLED" as const;

/**
 * The blind rule, the one place it is written: another annotator's spans,
 * quotes, speakers, notes and counts, and the gold standard, reach an analyst
 * only on an article the analyst has submitted (submitting is final for
 * them, so what they then see cannot flow back into their layer). Reviewers
 * and admins see everything. Pooled reads never qualify for an analyst: the
 * rollups behind them cannot tell which articles each analyst submitted
 * (docs/decisions/0007-blind-reads.md).
 */
export function mayReadOthersWork(actor: Pick<Actor, "role">, myStatus: MyAssignmentStatus | typeof POOLED): boolean {
  return hasRole(actor, "REVIEWER") || myStatus === "SUBMITTED";
}

/** The blind rule for one layer: the actor's own spans always, anyone else's (or gold) as `mayReadOthersWork` says. */
export function mayReadLayer(actor: Pick<Actor, "id" | "role">, author: string | "gold", myStatus: MyAssignmentStatus | typeof POOLED): boolean {
  return author === actor.id || mayReadOthersWork(actor, myStatus);
}

export function requireLayer(actor: Pick<Actor, "id" | "role">, author: string | "gold", myStatus: MyAssignmentStatus | typeof POOLED): void {
  if (mayReadLayer(actor, author, myStatus)) return;
  throw new AppError(
    "FORBIDDEN",
    myStatus === POOLED
      ? "Analysts see figures, evidence and exports of their own annotations only (basis=<your id>): others' work and gold stay hidden while you may still annotate."
      : "Analysts see others' annotations and gold on an article only after submitting their own work on it.",
  );
}

/**
 * Submitting is final for analysts: once they could read the others' work,
 * only a reviewer or admin may move the assignment back (and the layer is
 * then marked as having seen others' work).
 */
export function mayLeaveSubmitted(actor: Pick<Actor, "role">): boolean {
  return hasRole(actor, "REVIEWER");
}
