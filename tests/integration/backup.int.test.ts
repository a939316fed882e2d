import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { connectDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { seedArticles, seedDemoUsers, seedLabels } from "../../lib/db/seed";
import { backupEmbedded, backupServer, restoreEmbedded, restoreServer } from "../../lib/runtime/backup";
import { serveEmbeddedPostgres } from "../../lib/runtime/embedded-postgres";
import { loadSeeds } from "../../seeds/load";
import { freshDatabase } from "../support/fresh-database";

/** Every table's rows, hashed in a canonical order: equal maps mean equal data. */
async function tableChecksums(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ sum: string | null; n: string }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum, count(*) AS n FROM "${name}" t`);
      sums[name] = `${rows[0]!.n}:${rows[0]!.sum}`;
    }
    return sums;
  } finally {
    await client.end();
  }
}

async function fill(url: string, mode: "embedded" | "postgres") {
  const client = connectDb(url, mode);
  const seeds = await loadSeeds();
  await seedLabels(client, seeds.labels);
  await seedArticles(client, seeds);
  await seedDemoUsers(client, "backup-test-password");
  await client.$disconnect();
}

describe("backup and restore", () => {
  it("embedded: backup → wipe → restore gives back every row", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "slant-backup-"));
    const file = path.join(dataDir, "..", `${path.basename(dataDir)}.tar.gz`);
    try {
      let server = await serveEmbeddedPostgres(dataDir);
      await migrate(server.url);
      await fill(server.url, "embedded");
      const before = await tableChecksums(server.url);
      await expect(backupEmbedded(dataDir, file)).rejects.toThrow(/stop it first/);
      await server.stop();

      await backupEmbedded(dataDir, file);
      await rm(path.join(dataDir, "pgdata"), { recursive: true });
      expect(await restoreEmbedded(dataDir, file)).toBeNull();
      server = await serveEmbeddedPostgres(dataDir);
      expect(await tableChecksums(server.url)).toEqual(before);
      expect(Number(before.Article?.split(":")[0])).toBe(2);
      await server.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await rm(file, { force: true });
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)("server: pg_dump → wipe → pg_restore gives back every row", async () => {
    const database = await freshDatabase({ serverUrl: process.env.TEST_DATABASE_URL });
    const file = path.join(tmpdir(), `slant-backup-${Date.now()}.dump`);
    try {
      await fill(database.url, "postgres");
      const before = await tableChecksums(database.url);
      await backupServer(database.url, file);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
      await client.end();
      await restoreServer(database.url, file);
      expect(await tableChecksums(database.url)).toEqual(before);
    } finally {
      await database.dispose();
      await rm(file, { force: true });
    }
  });
});
