import { basisKey, describeBasis, layerOf, type Basis } from "../../aggregates/layers";
import { authorize, can, POOLED, type Actor } from "../../auth/policy";
import { AppError } from "../../errors";
import type { SourceViewQuery } from "../../schemas/sources";
import { db } from "../client";

export type ResolvedBasis = { key: string; layer: string; description: string; basis: Basis };
/** allTime: no range, so readers take the rollups' all-time bucket (month 'infinity') instead of summing months. */
export type MonthBounds = { from: string; to: string; allTime: boolean; description: string };

/**
 * Checks the basis against the blind rule: pooled figures of others' work
 * (basis=all, gold, another annotator) are for reviewers; an analyst sees
 * their own layer, which is also their default (`basis` absent).
 */
export async function resolveBasis(actor: Actor, requested: Basis | undefined): Promise<ResolvedBasis> {
  const basis: Basis = requested ?? defaultBasis(actor);
  authorize(actor, "layer:read", { author: basis.kind === "annotator" ? basis.userId : basis.kind, scope: POOLED });
  if (basis.kind !== "annotator") return { key: basisKey(basis), layer: layerOf(basis), description: describeBasis(basis), basis };
  const user = basis.userId === actor.id ? actor : await db().user.findUnique({ where: { id: basis.userId }, select: { name: true } });
  if (!user) throw new AppError("INVALID_INPUT", "No annotator has this id", { basis: "unknown user id" });
  return { key: basisKey(basis), layer: layerOf(basis), description: describeBasis(basis, user.name), basis };
}

/** What a source view shows without `?basis=`: everything a reviewer may see, an analyst's own work. */
export function defaultBasis(actor: Actor): Basis {
  return can(actor, "others-work:read", POOLED) ? { kind: "all" } : { kind: "annotator", userId: actor.id };
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

import type { BasisChoice } from "../../schemas/responses/sources";
export type { BasisChoice };

/** What the basis selector offers: the pooled layers and every annotator for reviewers; an analyst's own layer. */
export async function listBasisChoices(actor: Actor): Promise<BasisChoice[]> {
  const mine = { value: actor.id, label: `Annotator: ${actor.name} (you)` };
  if (!can(actor, "others-work:read", POOLED)) return [mine];
  const annotators = await db().user.findMany({ where: { annotations: { some: { deletedAt: null } } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return [
    { value: "all", label: "All annotations (annotators averaged per article)" },
    { value: "gold", label: "Gold standard only" },
    ...annotators.map((u) => (u.id === actor.id ? mine : { value: u.id, label: `Annotator: ${u.name}` })),
  ];
}
