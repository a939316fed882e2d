import { db } from "./client";

/** The failure times (epoch ms) of each key within the window, and the database's clock to compare them with. */
export async function recentSignInFailures(keys: string[], windowMs: number): Promise<{ now: number; failures: Map<string, number[]> }> {
  const rows = await db().$queryRaw<{ now: number; key: string | null; at: number | null }[]>`
    SELECT extract(epoch FROM now()) * 1000 AS now, f.key, extract(epoch FROM f.at) * 1000 AS at
    FROM (SELECT 1) one
    LEFT JOIN "SignInFailure" f ON f.key = ANY (${keys}) AND f.at > now() - make_interval(secs => ${windowMs / 1000})`;
  const failures = new Map(keys.map((key) => [key, [] as number[]]));
  for (const row of rows) if (row.key !== null && row.at !== null) failures.get(row.key)?.push(Number(row.at));
  return { now: Number(rows[0]?.now ?? Date.now()), failures };
}

/** Records one failure under each key, and forgets those keys' failures older than the window. */
export async function recordSignInFailure(keys: string[], windowMs: number): Promise<void> {
  await db().$executeRaw`
    WITH forgotten AS (
      DELETE FROM "SignInFailure" WHERE key = ANY (${keys}) AND at <= now() - make_interval(secs => ${windowMs / 1000})
    )
    INSERT INTO "SignInFailure" (key) SELECT unnest(${keys}::text[])`;
}

export async function clearSignInFailures(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "SignInFailure" WHERE key = ${key}`;
}
