import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { actorForToken, createToken, hashToken, listTokens, revokeToken } from "../../lib/db/accounts/tokens";
import { makeUser } from "../support/factories";

describe("personal API tokens", () => {
  it("stores only the hash, resolves to the owner with their role, and notes the last use at most once a minute", async () => {
    const reviewer = await makeUser("REVIEWER");
    const created = await createToken({ actor: reviewer, input: { name: "notebook" } });
    expect(created.token).toMatch(/^slant_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    expect(await actorForToken(created.token)).toEqual({ id: reviewer.id, email: reviewer.email, name: reviewer.name, role: "REVIEWER" });
    const firstUse = (await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(firstUse).not.toBeNull();
    await actorForToken(created.token);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(firstUse);

    await db().apiToken.update({ where: { id: created.id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await actorForToken(created.token);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect((await listTokens({ actor: reviewer })).map((t) => t.name)).toEqual(["notebook"]);
  });

  it("refuses revoked tokens, tokens of deactivated users and made-up tokens; only the owner may revoke", async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    const token = await createToken({ actor: owner, input: { name: "ci" } });
    await expect(revokeToken({ actor: other, id: token.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await actorForToken(token.token)).not.toBeNull();
    await revokeToken({ actor: owner, id: token.id });
    expect(await actorForToken(token.token)).toBeNull();
    expect(await listTokens({ actor: owner })).toEqual([]);
    await expect(revokeToken({ actor: owner, id: token.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const second = await createToken({ actor: owner, input: { name: "later" } });
    await db().user.update({ where: { id: owner.id }, data: { deactivatedAt: new Date() } });
    expect(await actorForToken(second.token)).toBeNull();
    expect(await actorForToken(`slant_${"A".repeat(43)}`)).toBeNull();
    expect(await actorForToken("not a token")).toBeNull();
  });
});
