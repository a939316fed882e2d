import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readEnv } from "../env";
import { PrismaClient } from "./generated/client";

// The embedded database is one PGlite session behind a socket multiplexer that
// interleaves protocol messages of concurrent connections; two connections
// running extended-protocol queries at once corrupt each other's unnamed
// portal. One pooled connection per process keeps every exchange whole (PGlite
// executes one query at a time anyway).
const POOL_SIZE = { embedded: 1, postgres: 10 } as const;
export type DatabaseMode = keyof typeof POOL_SIZE;
// How long a query waits for a connection before the request gets a 503 it can
// retry. On a server, 5 s: a restarting database should not hold requests for
// longer than people wait. The embedded database's one connection is also held
// by import batches for seconds at a time, so waiting there is normal.
const CONNECT_TIMEOUT_MS = { embedded: 15_000, postgres: 5_000 } as const;

// Prisma's own pool, also lent to the few plain-pg readers (lib/db/raw.ts), so
// that they share its connections, and its single one on the embedded database.
// On globalThis, like the client: Next.js may load this module more than once
// (route handlers and pages are bundled apart), and db() is shared by them all.
const registry = globalThis as unknown as { slantPools?: WeakMap<object, { pool: pg.Pool; mode: DatabaseMode }> };
const pools = (registry.slantPools ??= new WeakMap());

function createClient(connectionString: string, mode: DatabaseMode) {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE[mode],
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS[mode],
    // The embedded database's one connection is kept while the process runs (idle, it does not hold the
    // process open): the statements it prepared (lib/db/raw.ts) live in the shared session, and a new
    // connection every idle pause would prepare them again under a new tag.
    ...(mode === "embedded" ? { idleTimeoutMillis: 0, allowExitOnIdle: true } : {}),
  });
  // Password hashes are omitted from every query by default; only the credential check asks for them.
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: CONNECT_TIMEOUT_MS[mode], timeout: 15_000 },
  });
  pools.set(client, { pool, mode });
  return client;
}
export type Db = ReturnType<typeof createClient>;

/** The pg pool under a client of connectDb()/db(), and which kind of database it reaches. */
export function poolOf(client: Db): { pool: pg.Pool; mode: DatabaseMode } {
  const found = pools.get(client);
  if (!found) throw new Error("poolOf: not a client made by lib/db/client");
  return found;
}

// One client per process, kept on globalThis so Next's dev reloads don't open a new pool on every edit.
const cache = globalThis as unknown as { slantDb?: Db };

export function db(): Db {
  if (!cache.slantDb) {
    // Read now, not from env()'s copy: tests and benches point DATABASE_URL at their database before the first query.
    const { DATABASE_URL: url, SLANT_DATABASE_MODE: mode } = readEnv();
    if (!url) throw new Error("DATABASE_URL is not set: start Slant with `npm start` (or `npm run dev`).");
    cache.slantDb = createClient(url, mode);
  }
  return cache.slantDb;
}

export function connectDb(connectionString: string, mode: DatabaseMode = "postgres"): Db {
  return createClient(connectionString, mode);
}
