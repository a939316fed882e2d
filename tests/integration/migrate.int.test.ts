import { cp, mkdtemp, writeFile, appendFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations, readRepeatables } from "../../lib/db/migrate";
import { freshDatabase, type TestDatabase } from "../support/fresh-database";

const opened: TestDatabase[] = [];
async function emptyDatabase() {
  const database = await freshDatabase({ migrated: false });
  opened.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.dispose()));
});

async function appliedRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(tmpdir(), "slant-migrations-"));
  await cp("prisma/migrations", dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("records every migration as Prisma Migrate does: name, SHA-256 of the file, finished", async () => {
    const { url } = await emptyDatabase();
    const result = await migrate(url);
    const files = await readMigrations();
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await appliedRows(url);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(files.map((f) => [f.name, f.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    const { url } = await emptyDatabase();
    await migrate(url);
    expect(await migrate(url)).toEqual({ applied: [], upToDate: (await readMigrations()).length, repeated: [], keyed: 0 });
  });

  it("two runners started together apply each migration exactly once", async () => {
    const { url } = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const files = await readMigrations();
    expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
    expect((await appliedRows(url)).length).toBe(files.length);
  });

  it("refuses to run when an applied migration file was edited", async () => {
    const { url } = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const first = (await readMigrations(dir))[0];
    if (!first) throw new Error("no migrations");
    await appendFile(path.join(dir, first.name, "migration.sql"), "\n-- an edit\n");
    await expect(migrate(url, { dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls a failing migration back completely and says which one failed", async () => {
    const { url } = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const broken = path.join(dir, "29990101000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "no_such_table";\n`);
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('"Half"') AS t`);
    await client.end();
    expect(half.rows[0].t).toBeNull();
    expect((await appliedRows(url)).map((r) => r.migration_name)).not.toContain("29990101000000_broken");
  });

  it("applies a repeatable file on the first run and whenever its checksum changes, once for runners started together", async () => {
    const { url } = await emptyDatabase();
    const repeatableDir = await mkdtemp(path.join(tmpdir(), "slant-sql-"));
    await cp("prisma/sql", repeatableDir, { recursive: true });
    const first = await migrate(url, { repeatableDir });
    expect(first.repeated).toEqual((await readRepeatables(repeatableDir)).map((f) => f.name));
    expect((await migrate(url, { repeatableDir })).repeated).toEqual([]);

    const file = path.join(repeatableDir, "figures.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\nCREATE OR REPLACE FUNCTION slant_repeatable_probe() RETURNS int LANGUAGE sql AS 'SELECT 7';\n`);
    const results = await Promise.all([migrate(url, { repeatableDir }), migrate(url, { repeatableDir }), migrate(url, { repeatableDir })]);
    expect(results.flatMap((r) => r.repeated ?? [])).toEqual(["figures.sql"]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT slant_repeatable_probe() AS n`)).rows[0].n).toBe(7);
      const { rows } = await client.query(`SELECT name, checksum FROM "_slant_repeatable"`);
      expect(rows).toEqual((await readRepeatables(repeatableDir)).map((f) => ({ name: f.name, checksum: f.checksum })));
    } finally {
      await client.end();
    }
  });

  it("rolls a failing repeatable file back and keeps the checksum it had", async () => {
    const { url } = await emptyDatabase();
    const repeatableDir = await mkdtemp(path.join(tmpdir(), "slant-sql-"));
    await cp("prisma/sql", repeatableDir, { recursive: true });
    await migrate(url, { repeatableDir });
    await appendFile(path.join(repeatableDir, "figures.sql"), `\nCREATE OR REPLACE FUNCTION slant_half() RETURNS int LANGUAGE sql AS 'SELECT 1';\nSELECT * FROM no_such_table;\n`);
    await expect(migrate(url, { repeatableDir })).rejects.toThrow(/Repeatable figures.sql failed and was rolled back/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT to_regproc('slant_half') AS f`)).rows[0].f).toBeNull();
    } finally {
      await client.end();
    }
  });
});
