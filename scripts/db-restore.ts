// npm run db:restore -- <file>   — replaces the configured database with a backup made by db:backup.
import path from "node:path";
import { readEnv } from "../lib/env";
import { restoreEmbedded, restoreServer } from "../lib/runtime/backup";

const env = readEnv();
const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
try {
  if (env.DATABASE_URL) {
    await restoreServer(env.DATABASE_URL, path.resolve(file));
    console.log("restored");
  } else {
    const previous = await restoreEmbedded(path.resolve(env.SLANT_DATA_DIR), path.resolve(file));
    console.log(previous ? `restored; the previous database is kept in ${previous}` : "restored");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
