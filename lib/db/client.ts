import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// The embedded database is one PGlite session behind a socket multiplexer that
// interleaves protocol messages of concurrent connections; two connections
// running extended-protocol queries at once corrupt each other's unnamed
// portal. One pooled connection per process keeps every exchange whole (PGlite
// executes one query at a time anyway).
const POOL_SIZE = { embedded: 1, postgres: 10 } as const;
export type DatabaseMode = keyof typeof POOL_SIZE;

function createClient(connectionString: string, mode: DatabaseMode) {
  const adapter = new PrismaPg({ connectionString, max: POOL_SIZE[mode], connectionTimeoutMillis: 15_000 });
  // Password hashes are omitted from every query by default; only the credential check asks for them.
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 15_000, timeout: 15_000 },
  });
}
export type Db = ReturnType<typeof createClient>;

// One client per process, kept on globalThis so Next's dev reloads don't open a new pool on every edit.
const cache = globalThis as unknown as { slantDb?: Db };

export function db(): Db {
  if (!cache.slantDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Slant with `npm start` (or `npm run dev`).");
    cache.slantDb = createClient(url, process.env.SLANT_DATABASE_MODE === "embedded" ? "embedded" : "postgres");
  }
  return cache.slantDb;
}

export function connectDb(connectionString: string, mode: DatabaseMode = "postgres"): Db {
  return createClient(connectionString, mode);
}
