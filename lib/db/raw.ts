// Plain `pg` reads for the few places where Prisma's per-row work is the cost
// (an export of a million annotations): rows come back as arrays of what the
// database sent, with no result mapping in between. They run on the client's
// own pool, so on the embedded database they take turns with Prisma's queries
// on its one connection.
import { poolOf, type Db } from "./client";

/** One statement with positional parameters ($1, $2, …); rows as arrays in column order. */
export type RawQuery = (text: string, values: readonly unknown[]) => Promise<unknown[][]>;

export function rawQuery(client: Db): RawQuery {
  const pool = poolOf(client);
  return async (text, values) => (await pool.query({ text, values: [...values], rowMode: "array" })).rows as unknown[][];
}
