// One-time invitation links. The token (256 random bits) is in the link only;
// the database keeps its SHA-256, as for API tokens. Claiming a link is one
// UPDATE … WHERE "acceptedAt" IS NULL AND "expiresAt" > now(), so of two
// people opening the same link at once exactly one gets an account.
import { randomBytes } from "node:crypto";
import { invitationExpiry, invitationRefusal, invitationState, type InvitationState } from "../../accounts/invitation-expiry";
import { hashPassword } from "../../auth/password";
import { authorize, type Actor } from "../../auth/policy";
import { AppError } from "../../errors";
import type { AcceptInvitationInput, InviteInput } from "../../schemas/people";
import type { Role } from "../../schemas/user";
import { recordAudit } from "../audit";
import { db } from "../client";
import { hashToken } from "./tokens";

export type NewInvitation = { id: string; email: string; role: Role; token: string; expiresAt: string };

export async function createInvitation(args: { actor: Actor; input: InviteInput; now?: Date }): Promise<NewInvitation> {
  authorize(args.actor, "user:manage");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = invitationExpiry(args.now ?? new Date());
  return db().$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: args.input.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "Someone already has an account with this email.", { existingUserId: taken.id });
    const row = await tx.invitation.create({
      data: { email: args.input.email, role: args.input.role, tokenHash: hashToken(token), createdById: args.actor.id, expiresAt },
      select: { id: true, email: true, role: true },
    });
    await recordAudit(tx, { actorId: args.actor.id, action: "invitation.create", entityType: "invitation", entityId: row.id, after: { email: row.email, role: row.role, expiresAt: expiresAt.toISOString() } });
    return { ...row, token, expiresAt: expiresAt.toISOString() };
  });
}

/** What the invitation page shows before the invitee fills it in; null for a token that was never issued. */
export async function findInvitation(token: string): Promise<{ email: string; role: Role; state: InvitationState } | null> {
  const row = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, role: true, expiresAt: true, acceptedAt: true } });
  return row ? { email: row.email, role: row.role, state: invitationState(row, new Date()) } : null;
}

/**
 * Claims the invitation and makes the account in one transaction: the claim
 * is undone if the account cannot be made (the email got an account
 * meanwhile), and a used or expired link changes nothing.
 */
export async function acceptInvitation(args: { token: string; input: AcceptInvitationInput }): Promise<{ id: string; email: string; role: Role }> {
  const tokenHash = hashToken(args.token);
  const passwordHash = await hashPassword(args.input.password);
  return db().$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string; email: string; role: Role; createdById: string }[]>`
      UPDATE "Invitation" SET "acceptedAt" = now()
      WHERE "tokenHash" = ${tokenHash} AND "acceptedAt" IS NULL AND "expiresAt" > now()
      RETURNING id, email, role::text AS role, "createdById"`;
    if (!claimed) {
      const row = await tx.invitation.findUnique({ where: { tokenHash }, select: { expiresAt: true, acceptedAt: true } });
      if (!row) throw new AppError("NOT_FOUND", invitationRefusal.unknown);
      const state = invitationState(row, new Date());
      throw new AppError("CONFLICT", invitationRefusal[state === "open" ? "used" : state], { state });
    }
    if (await tx.user.findUnique({ where: { email: claimed.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "An account with this email exists already: sign in with it instead.", { state: "account-exists" });
    }
    const user = await tx.user.create({ data: { email: claimed.email, name: args.input.name, role: claimed.role, passwordHash }, select: { id: true, email: true, role: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, name: args.input.name, role: user.role, active: true, invitationId: claimed.id, invitedBy: claimed.createdById },
    });
    return user;
  });
}
