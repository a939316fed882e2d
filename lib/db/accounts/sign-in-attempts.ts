import type { AttemptLimit } from "../../auth/rate-limit";
import { db } from "../client";

export type Reservation = { allowed: boolean; retryAfterMs: number };

/**
 * Counts one sign-in attempt under `key` and says whether it may go on to a
 * password check. One statement (INSERT … ON CONFLICT … RETURNING) both counts
 * and reads, so of any number of parallel attempts exactly `maxAttempts` per
 * window are allowed: the count is taken before the password is checked,
 * never after. The window runs from the first attempt (a fixed window).
 */
export async function reserveSignInAttempt(key: string, limit: AttemptLimit): Promise<Reservation> {
  const seconds = limit.windowMs / 1000;
  const [row] = await db().$queryRaw<{ count: number; retryAfterMs: number }[]>`
    INSERT INTO "SignInAttempts" AS a (key, "windowStart", count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN a."windowStart" <= now() - make_interval(secs => ${seconds}) THEN 1 ELSE a.count + 1 END,
      "windowStart" = CASE WHEN a."windowStart" <= now() - make_interval(secs => ${seconds}) THEN now() ELSE a."windowStart" END
    RETURNING count, (extract(epoch FROM a."windowStart" + make_interval(secs => ${seconds}) - now()) * 1000)::float8 AS "retryAfterMs"`;
  const count = Number(row?.count ?? Infinity);
  return { allowed: count <= limit.maxAttempts, retryAfterMs: Math.max(0, Number(row?.retryAfterMs ?? limit.windowMs)) };
}

/** Gives back one reserved attempt: a successful sign-in (or one refused for another key) is not a failure of this key. */
export async function releaseSignInAttempt(key: string): Promise<void> {
  await db().$executeRaw`UPDATE "SignInAttempts" SET count = GREATEST(count - 1, 0) WHERE key = ${key}`;
}

/** Forgets a key's attempts (an account that signed in), and a batch of long-expired keys with it. */
export async function clearSignInAttempts(key: string, limit: AttemptLimit): Promise<void> {
  await db().$executeRaw`
    DELETE FROM "SignInAttempts" WHERE key = ${key} OR key IN (
      SELECT key FROM "SignInAttempts" WHERE "windowStart" < now() - make_interval(secs => ${limit.windowMs / 1000}) LIMIT 100)`;
}
