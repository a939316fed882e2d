import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// One client per process, kept on globalThis so Next's dev reloads don't open
// a new pool on every edit. Password hashes are omitted from every query by
// default; only the credential check asks for them explicitly.
function createClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}
export type Db = ReturnType<typeof createClient>;

const cache = globalThis as unknown as { slantDb?: Db };

export function db(): Db {
  if (!cache.slantDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Slant with `npm start` (or `npm run dev`).");
    cache.slantDb = createClient(url);
  }
  return cache.slantDb;
}

export function connectDb(connectionString: string): Db {
  return createClient(connectionString);
}
