import { connectDb, type Db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { readEnv } from "../lib/env";
import { openDatabase, type OpenDatabase } from "../lib/runtime/database";

/** For CLI scripts: the configured database (embedded one reused if the app runs), migrated. */
export async function withDatabase<T>(fn: (client: Db, database: OpenDatabase) => Promise<T>): Promise<T> {
  const env = readEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.SLANT_DATA_DIR });
  const client = connectDb(database.url, database.mode);
  try {
    await migrate(database.url, { log: (line) => console.log(line) });
    return await fn(client, database);
  } finally {
    await client.$disconnect();
    await database.stop();
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
