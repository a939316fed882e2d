import { describe, expect, it } from "vitest";
import { retryAfter } from "../../lib/auth/rate-limit";
import { db } from "../../lib/db/client";
import { clearSignInFailures, recentSignInFailures, recordSignInFailure } from "../../lib/db/sign-in-failures";
import { unique } from "../support/factories";

const WINDOW = 15 * 60 * 1000;

describe("sign-in failures", () => {
  it("are counted per key in the database, so every process applies the same limit", async () => {
    const account = `account:${unique("a")}@example.org`;
    const address = `address:${unique("10.0.0")}`;
    for (let i = 0; i < 5; i++) await recordSignInFailure([account, address], WINDOW);
    const { now, failures } = await recentSignInFailures([account, address, "account:nobody"], WINDOW);
    expect(failures.get(account)).toHaveLength(5);
    expect(failures.get(address)).toHaveLength(5);
    expect(failures.get("account:nobody")).toEqual([]);
    expect(retryAfter(failures.get(account)!, now, { maxFailures: 5, windowMs: WINDOW })).toBeGreaterThan(WINDOW - 60_000);

    await clearSignInFailures(account);
    const after = await recentSignInFailures([account, address], WINDOW);
    expect(after.failures.get(account)).toEqual([]);
    expect(after.failures.get(address)).toHaveLength(5);
  });

  it("failures older than the window no longer count and are forgotten on the next failure", async () => {
    const account = `account:${unique("old")}@example.org`;
    await db().$executeRaw`INSERT INTO "SignInFailure" (key, at) VALUES (${account}, now() - interval '16 minutes')`;
    expect((await recentSignInFailures([account], WINDOW)).failures.get(account)).toEqual([]);
    await recordSignInFailure([account], WINDOW);
    expect(await db().signInFailure.count({ where: { key: account } })).toBe(1);
  });
});
