// npm run db:backup -- <file>   — embedded: PGlite data directory tarball; server: pg_dump custom format.
import path from "node:path";
import { readEnv } from "../lib/env";
import { backupEmbedded, backupServer } from "../lib/runtime/backup";

const env = readEnv();
const file = path.resolve(process.argv[2] ?? `slant-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.${env.DATABASE_URL ? "dump" : "tar.gz"}`);
try {
  if (env.DATABASE_URL) await backupServer(env.DATABASE_URL, file);
  else await backupEmbedded(path.resolve(env.SLANT_DATA_DIR), file);
  console.log(`backup written to ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
