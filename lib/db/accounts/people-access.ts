// An admin helping someone back in: a new temporary password (which ends every
// session the person had: whoever knew the old one may be signed in) and
// lifting the lock that failed sign-ins put on the account. Both audited.
import { hashPassword } from "../../auth/password";
import { authorize, type Actor } from "../../auth/policy";
import type { PasswordResetInput } from "../../schemas/people";
import type { PasswordResetResult, PersonView } from "../../schemas/responses/people";
import { recordAudit } from "../audit";
import { db } from "../client";
import { accountKey, getPersonOrThrow, temporaryPassword } from "./people";
import { endOtherSessions } from "./sessions";

export async function resetPassword(args: { actor: Actor; id: string; input: PasswordResetInput }): Promise<PasswordResetResult> {
  authorize(args.actor, "user:manage");
  const password = args.input.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const person = await getPersonOrThrow(tx, args.id);
    await tx.user.update({ where: { id: args.id }, data: { passwordHash }, select: { id: true } });
    const endedSessions = await endOtherSessions(args.id, null, tx);
    // A reset is how a locked-out person gets back in: their failed attempts no longer count.
    await tx.signInAttempts.deleteMany({ where: { key: accountKey(person.email) } });
    await recordAudit(tx, { actorId: args.actor.id, action: "user.password-reset", entityType: "user", entityId: args.id, after: { endedSessions, chosenByAdmin: args.input.password !== undefined } });
    return { temporaryPassword: password, endedSessions };
  });
}

/** Forgets the account's failed sign-ins: the person may try again at once. */
export async function unlockPerson(args: { actor: Actor; id: string }): Promise<PersonView> {
  authorize(args.actor, "user:manage");
  return db().$transaction(async (tx) => {
    const before = await getPersonOrThrow(tx, args.id);
    await tx.signInAttempts.deleteMany({ where: { key: accountKey(before.email) } });
    await recordAudit(tx, { actorId: args.actor.id, action: "user.unlock", entityType: "user", entityId: args.id, before: { locked: before.locked }, after: { locked: false } });
    return { ...before, locked: false };
  });
}
