import { createHmac } from "node:crypto";

/**
 * A stable stand-in for a user id in a shared dataset: the same person gets
 * the same pseudonym in every export signed with the same secret, yet the id
 * cannot be recovered (or guessed by hashing known ids) without the secret.
 */
export function pseudonymFor(userId: string, secret: string): string {
  return `annotator-${createHmac("sha256", secret).update(userId).digest("hex").slice(0, 10)}`;
}
