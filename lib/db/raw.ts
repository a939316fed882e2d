// Plain `pg` for the two places where Prisma's own work is the cost: reading
// a million annotations for an export (rows as arrays, no result mapping), and
// the few statements every request of an annotator runs (prepared once per
// connection). Both run on the client's own pool, so on the embedded database
// they take turns with Prisma's queries on its one connection.
import { createHash } from "node:crypto";
import { poolOf, type Db } from "./client";
import type { Prisma } from "./generated/client";

/** Runs one statement with positional parameters ($1, $2, …); rows as arrays in column order. */
export type RawQuery = (statement: { text: string; values: readonly unknown[] }) => Promise<unknown[][]>;

export function rawQuery(client: Db): RawQuery {
  const { pool } = poolOf(client);
  return async ({ text, values }) => (await pool.query({ text, values: [...values], rowMode: "array" })).rows as unknown[][];
}

/**
 * The statements every annotator sends all day (who is signed in, list, create,
 * edit, delete spans) as prepared statements on a PostgreSQL server: parsed
 * and planned once per connection instead of at every call, which doubled what
 * the database handles per second (bench:api without HTTP, 20 clients). A
 * statement's name is a digest of its text, so one name never stands for two
 * texts. The embedded database runs them unnamed: the connections of every
 * process there share one session, and with it one namespace of names.
 */
export async function prepared<Row>(client: Db, statement: Prisma.Sql): Promise<Row[]> {
  const { pool, mode } = poolOf(client);
  const text = statement.text;
  const name = mode === "postgres" ? `slant_${createHash("sha1").update(text).digest("base64url")}` : undefined;
  return (await pool.query({ text, values: statement.values, ...(name ? { name } : {}) })).rows as Row[];
}
