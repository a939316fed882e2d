import type { PoolMember } from "./assignment";

// A campaign's pool as the assignment rules see it: each member's group is
// their value of the balancing profile field, when it is one of the field's
// options (a value left over from an option an admin removed counts as none).

export type StoredMember = { id: string; profile: unknown };

export function groupOf(profile: unknown, key: string | null, options: readonly string[]): string | null {
  if (key === null || typeof profile !== "object" || profile === null || Array.isArray(profile)) return null;
  const value = (profile as Record<string, unknown>)[key];
  return typeof value === "string" && options.includes(value) ? value : null;
}

export function poolOf(members: readonly StoredMember[], balanceBy: string | null, options: readonly string[]): PoolMember[] {
  return members.map((m) => ({ id: m.id, group: groupOf(m.profile, balanceBy, options) }));
}

/** Slots still to fill: articles × k minus the hand-outs held now. */
export function openSlots(articles: number, overlap: number, held: number): number {
  return Math.max(0, articles * overlap - held);
}
