// The one rule that keeps a Slant instance manageable from the browser: there
// is always at least one active admin. Pure; lib/db/accounts/people.ts asks it
// inside the transaction that makes the change, after locking the admins, so
// two admins demoting each other at once cannot both succeed.
import type { Role } from "../schemas/user";

export type AccountChange = { role?: Role; active?: boolean };

/** Would this change to `targetId` leave no active admin, given who the active admins are now? */
export function leavesNoActiveAdmin(activeAdminIds: readonly string[], targetId: string, change: AccountChange): boolean {
  if (!activeAdminIds.includes(targetId)) return false;
  const stopsBeingAdmin = (change.role !== undefined && change.role !== "ADMIN") || change.active === false;
  return stopsBeingAdmin && activeAdminIds.length <= 1;
}

export const LAST_ADMIN_MESSAGE = "This is the last active admin: make someone else an admin first.";
