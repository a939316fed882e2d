import { basisKey, describeBasis, layerOf, type Basis } from "../aggregates/layers";
import { hasRole, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { SourceViewQuery } from "../schemas/sources";
import { db } from "./client";

export type ResolvedBasis = { key: string; layer: string; description: string; basis: Basis };
/** allTime: no range, so readers take the rollups' all-time bucket (month 'infinity') instead of summing months. */
export type MonthBounds = { from: string; to: string; allTime: boolean; description: string };

/** Checks who may see which layer: analysts their own or the pooled ones, reviewers any annotator's. */
export async function resolveBasis(actor: Actor, basis: Basis): Promise<ResolvedBasis> {
  if (basis.kind !== "annotator") return { key: basisKey(basis), layer: layerOf(basis), description: describeBasis(basis), basis };
  if (basis.userId !== actor.id && !hasRole(actor, "REVIEWER")) {
    throw new AppError("FORBIDDEN", "Analysts see one annotator's figures only for themselves (basis=all, gold or your own id).");
  }
  const user = await db().user.findUnique({ where: { id: basis.userId }, select: { name: true } });
  if (!user) throw new AppError("INVALID_INPUT", "No annotator has this id", { basis: "unknown user id" });
  return { key: basisKey(basis), layer: layerOf(basis), description: describeBasis(basis, user.name), basis };
}

/** Inclusive month range for SQL; undated articles count only when no range is set. */
export function monthBounds(query: Pick<SourceViewQuery, "from" | "to">): MonthBounds {
  if (!query.from && !query.to) return { from: "-infinity", to: "infinity", allTime: true, description: "all months, undated articles included" };
  return {
    allTime: false,
    from: query.from ? `${query.from}-01` : "0001-01-01",
    to: query.to ? `${query.to}-01` : "infinity",
    description: `published ${query.from ? `from ${query.from}` : ""}${query.from && query.to ? " " : ""}${query.to ? `to ${query.to}` : ""} (undated articles excluded)`,
  };
}

export type BasisChoice = { value: string; label: string };

/** What the basis selector offers: the pooled layers, and annotators the actor may look at one by one. */
export async function listBasisChoices(actor: Actor): Promise<BasisChoice[]> {
  const annotators = hasRole(actor, "REVIEWER")
    ? await db().user.findMany({ where: { annotations: { some: { deletedAt: null } } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
    : [{ id: actor.id, name: actor.name }];
  return [
    { value: "all", label: "All annotations (annotators averaged per article)" },
    { value: "gold", label: "Gold standard only" },
    ...annotators.map((u) => ({ value: u.id, label: `Annotator: ${u.name}${u.id === actor.id ? " (you)" : ""}` })),
  ];
}
