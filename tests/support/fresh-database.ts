import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { serveEmbeddedPostgres } from "../../lib/runtime/embedded-postgres";

export type TestDatabase = { url: string; kind: "postgres" | "embedded"; dispose: () => Promise<void> };

/**
 * A new, migrated database for one test run: a fresh database on the server
 * named by TEST_DATABASE_URL, or an in-memory embedded Postgres when unset.
 */
export async function freshDatabase(
  options: { migrated?: boolean; serverUrl?: string | undefined; collation?: "C" } = {},
): Promise<TestDatabase> {
  const { migrated = true, serverUrl = process.env.TEST_DATABASE_URL, collation } = options;
  if (!serverUrl) {
    const server = await serveEmbeddedPostgres(null);
    if (migrated) await migrate(server.url);
    return { url: server.url, kind: "embedded", dispose: server.stop };
  }
  const name = `slant_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // A collation other than the server's default needs template0 (the default template carries its own).
  await admin.query(collation ? `CREATE DATABASE "${name}" TEMPLATE template0 LC_COLLATE '${collation}' LC_CTYPE '${collation}' ENCODING 'UTF8'` : `CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (migrated) await migrate(url.toString());
  return {
    url: url.toString(),
    kind: "postgres",
    dispose: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
