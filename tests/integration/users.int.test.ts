import { describe, expect, it } from "vitest";
import { authOptions } from "../../lib/auth/options";
import { findActiveActor, findCredentials, setDeactivated } from "../../lib/db/accounts/users";
import { db } from "../../lib/db/client";
import { startSession } from "../../lib/db/accounts/sessions";
import { makeUser } from "../support/factories";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

describe("accounts", () => {
  it("a deactivated user is refused at once and can no longer sign in", async () => {
    const user = await makeUser("ANALYST", "correct horse battery");
    const session = await startSession(user.id);
    expect(await findActiveActor(user.id, session)).toMatchObject({ id: user.id });
    await expect(authorize({ email: user.email, password: "correct horse battery" }, { headers: {} })).resolves.toMatchObject({ id: user.id });
    await setDeactivated(user.email, true);
    expect(await findActiveActor(user.id, session)).toBeNull();
    await expect(authorize({ email: user.email, password: "correct horse battery" }, { headers: {} })).rejects.toThrow(/incorrect/);
    await setDeactivated(user.email, false);
    expect(await findActiveActor(user.id, session)).not.toBeNull();
  });

  it("password hashes are omitted from every query unless asked for", async () => {
    const user = await makeUser();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
    expect((await findCredentials(user.email))?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
