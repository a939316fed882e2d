// Plain `pg` for the two places where Prisma's own work is the cost: reading
// a million annotations for an export (rows as arrays, no result mapping), and
// the few statements every request of an annotator runs (prepared once per
// connection). Both run on the client's own pool, so on the embedded database
// they take turns with Prisma's queries on its one connection.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
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
 * edit, delete spans) as prepared statements: parsed and planned once per
 * connection instead of at every call, which doubled what a PostgreSQL server
 * handles per second (bench:api without HTTP, 20 clients). A statement's name
 * is a digest of its text, so one name never stands for two texts. On the
 * embedded database every connection of every process shares one session, and
 * with it one namespace of names, so there the name also carries a tag of its
 * connection: two connections never prepare the same name, and a statement
 * lives as long as the session (the embedded pool keeps its one connection;
 * lib/db/client.ts). Planning there is in WASM and costs as much as running:
 * the session lookup's join planned at every request took a fifth of
 * bench:api's database time (decision 0017).
 */
export async function prepared<Row>(client: Db, statement: Prisma.Sql): Promise<Row[]> {
  const { pool, mode } = poolOf(client);
  const { text, values } = statement;
  const name = `slant_${createHash("sha1").update(text).digest("base64url")}`;
  if (mode === "postgres") return (await pool.query({ text, values, name })).rows as Row[];
  const connection = await pool.connect();
  try {
    const rows = (await connection.query({ text, values, name: `${name}_${tagOf(connection)}` })).rows as Row[];
    connection.release();
    return rows;
  } catch (error) {
    // As pool.query does, a connection that failed is not lent again; a refused statement leaves it usable.
    connection.release(isStatementError(error) ? undefined : (error as Error));
    throw error;
  }
}

const tags = new WeakMap<pg.PoolClient, string>();

function tagOf(connection: pg.PoolClient): string {
  let tag = tags.get(connection);
  if (!tag) tags.set(connection, (tag = randomBytes(6).toString("base64url")));
  return tag;
}

/** An error the database answered for one statement (it has an SQLSTATE), not a broken connection. */
const isStatementError = (error: unknown) => error instanceof pg.DatabaseError;
