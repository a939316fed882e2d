import { describe, expect, it } from "vitest";
import { changeOwnPassword } from "../../lib/auth/change-password";
import { endSession, startSession } from "../../lib/db/accounts/sessions";
import { changePassword, findActiveActor, findCredentials, upsertUser } from "../../lib/db/accounts/users";
import { verifyPassword } from "../../lib/auth/password";
import { makeUser } from "../support/factories";

describe("sessions", () => {
  it("signing out ends that session at once and leaves the user's others open", async () => {
    const user = await makeUser();
    const [laptop, phone] = [await startSession(user.id), await startSession(user.id)];
    await endSession(laptop);
    expect(await findActiveActor(user.id, laptop)).toBeNull();
    expect(await findActiveActor(user.id, phone)).toMatchObject({ id: user.id });
  });

  it("a session names its user: another user's id with it is refused", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const session = await startSession(a.id);
    expect(await findActiveActor(b.id, session)).toBeNull();
  });

  it("changing the password ends the user's other sessions, keeps the one that changed it, and no one else's", async () => {
    const [user, bystander] = [await makeUser(), await makeUser()];
    const [current, other, theirs] = [await startSession(user.id), await startSession(user.id), await startSession(bystander.id)];
    expect(await changePassword({ userId: user.id, newPassword: "a brand new password", keepSessionId: current })).toEqual({ endedSessions: 1 });
    expect(await findActiveActor(user.id, current)).toMatchObject({ id: user.id });
    expect(await findActiveActor(user.id, other)).toBeNull();
    expect(await findActiveActor(bystander.id, theirs)).not.toBeNull();
    expect(await verifyPassword((await findCredentials(user.email))!.passwordHash, "a brand new password")).toBe(true);
  });

  it("a password reset (user:create on an existing email) ends every session of the user", async () => {
    const user = await makeUser();
    const session = await startSession(user.id);
    await upsertUser({ email: user.email, name: user.name, role: user.role, password: "reset by an admin" });
    expect(await findActiveActor(user.id, session)).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("needs the current password, is limited like signing in, and ends the other sessions", async () => {
    const user = await makeUser("ANALYST", "the old password");
    const [here, elsewhere] = [await startSession(user.id), await startSession(user.id)];
    const change = (currentPassword: string) => changeOwnPassword({ actor: user, sessionId: here, input: { currentPassword, newPassword: "the new password" } });
    await expect(change("not it")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await findActiveActor(user.id, elsewhere)).not.toBeNull();
    await expect(change("the old password")).resolves.toEqual({ endedSessions: 1 });
    expect(await findActiveActor(user.id, elsewhere)).toBeNull();
    expect(await findActiveActor(user.id, here)).not.toBeNull();
    for (let i = 0; i < 5; i++) await change("wrong again").catch(() => {});
    await expect(change("the new password")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
