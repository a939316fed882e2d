// Plain `pg` reads for the few places where Prisma's per-row work is the cost
// (an export of a million annotations): rows come back as arrays of what the
// database sent, with no result mapping in between.
import pg from "pg";
import type { DatabaseMode } from "./client";

export type DatabaseTarget = { url: string; mode: DatabaseMode };
/** One statement with positional parameters ($1, $2, …); rows as arrays in column order. */
export type RawQuery = (text: string, values: readonly unknown[]) => Promise<unknown[][]>;

/** A few connections shared by every raw reader of a process, next to Prisma's pool of 10. */
const POOL_MAX = 4;
const cache = globalThis as unknown as { slantRawPools?: Map<string, pg.Pool> };

/** The database db() uses: DATABASE_URL in the mode SLANT_DATABASE_MODE names. */
export function configuredTarget(): DatabaseTarget | null {
  const url = process.env.DATABASE_URL;
  return url ? { url, mode: process.env.SLANT_DATABASE_MODE === "embedded" ? "embedded" : "postgres" } : null;
}

/**
 * Queries on a small pool of plain connections to a PostgreSQL server; null
 * for the embedded database, whose socket multiplexer corrupts statements of
 * two connections of one process running at once (see lib/db/client.ts):
 * there, callers go through Prisma's single connection instead.
 */
export function rawQuery(target: DatabaseTarget): RawQuery | null {
  if (target.mode === "embedded") return null;
  const pools = (cache.slantRawPools ??= new Map());
  let pool = pools.get(target.url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: target.url, max: POOL_MAX, connectionTimeoutMillis: 15_000, allowExitOnIdle: true });
    // An idle connection dropped by the server is discarded by the pool; the next query opens a new one.
    pool.on("error", () => {});
    pools.set(target.url, pool);
  }
  const open = pool;
  return async (text, values) => (await open.query({ text, values: [...values], rowMode: "array" })).rows as unknown[][];
}

/** Closes the pools (tests and scripts that drop their database afterwards). */
export async function closeRawPools(): Promise<void> {
  const pools = [...(cache.slantRawPools?.values() ?? [])];
  cache.slantRawPools?.clear();
  await Promise.all(pools.map((pool) => pool.end()));
}
