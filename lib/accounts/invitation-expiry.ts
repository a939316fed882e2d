// When an invitation link stops working, and what a link's state is. Pure, so
// the rule is the same for the page that shows the link and the statement
// that claims it (which re-checks it in SQL against the database's clock).

/** An invitation link works for a week: long enough to reach someone on leave, short enough that a forgotten one dies. */
export const INVITATION_VALID_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_VALID_DAYS * DAY_MS);
}

export type InvitationState = "open" | "used" | "expired";

/** Used wins over expired: someone who already made their account should be told so, not that the link is old. */
export function invitationState(invitation: { expiresAt: Date; acceptedAt: Date | null }, now: Date): InvitationState {
  if (invitation.acceptedAt) return "used";
  return now.getTime() < invitation.expiresAt.getTime() ? "open" : "expired";
}

export const invitationRefusal: Record<Exclude<InvitationState, "open"> | "unknown", string> = {
  used: "This invitation has already been used. Sign in with the account it created, or ask an admin for a new one.",
  expired: `This invitation has expired (links work for ${INVITATION_VALID_DAYS} days). Ask an admin for a new one.`,
  unknown: "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.",
};
