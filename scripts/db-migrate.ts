// npm run db:migrate — apply pending migrations to the configured database.
import { withDatabase } from "./with-database";

await withDatabase(async (_client, database) => {
  console.log(`${database.mode} database at ${database.location} is up to date.`);
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
