import { clearSignInAttempts, reserveSignInAttempt } from "../db/accounts/sign-in-attempts";
import { changePassword, findCredentials } from "../db/accounts/users";
import { AppError } from "../errors";
import type { ChangePasswordInput } from "../schemas/user";
import { verifyPassword } from "./password";
import type { Actor } from "./policy";
import { PER_ACCOUNT, tooManyAttemptsMessage } from "./rate-limit";

/**
 * A signed-in person sets a new password. The current one is checked under
 * the same per-account limit as signing in (an open tab must not become a
 * way to guess it), and every other session of theirs ends: whoever knew the
 * old password is signed out everywhere but here.
 */
export async function changeOwnPassword(args: { actor: Actor; sessionId: string; input: ChangePasswordInput }): Promise<{ endedSessions: number }> {
  const account = `account:${args.actor.email}`;
  const attempt = await reserveSignInAttempt(account, PER_ACCOUNT);
  if (!attempt.allowed) throw new AppError("RATE_LIMITED", tooManyAttemptsMessage(attempt.retryAfterMs));
  const credentials = await findCredentials(args.actor.email);
  if (!credentials || !(await verifyPassword(credentials.passwordHash, args.input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "The current password is not correct.", { fieldErrors: { currentPassword: ["is not your current password"] } });
  }
  await clearSignInAttempts(account, PER_ACCOUNT);
  return changePassword({ userId: args.actor.id, newPassword: args.input.newPassword, keepSessionId: args.sessionId });
}
