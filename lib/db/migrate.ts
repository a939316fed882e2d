import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { MIGRATION_LOCK } from "./locks";
import { keyUnkeyedSpans } from "./span-keys";

// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, recording
// each in Prisma Migrate's own `_prisma_migrations` table (same columns, same
// SHA-256 checksum of the file) and under Prisma's advisory lock key, so this
// runner and `prisma migrate deploy/status` agree and exclude each other.

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrationFile = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma/migrations");

/**
 * Repeatable SQL (decision 0015): the functions, triggers and views in
 * prisma/sql/*.sql, beside the migrations folder. Each file is CREATE OR
 * REPLACE throughout and applied again whenever its checksum differs from the
 * one recorded in "_slant_repeatable", as Flyway does with repeatable
 * migrations. With a migrations folder of its own (a test's partial copy) the
 * runner applies repeatable files only from the `repeatableDir` it is given.
 */
export const repeatableDirOf = (migrationsDir: string) => path.join(path.dirname(migrationsDir), "sql");

export async function readRepeatables(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries.filter((e) => e.isFile() && e.name.endsWith(".sql")).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Compares the files with what the database has applied; throws if history was rewritten. */
export function pendingMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const byName = new Map(applied.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) {
      pending.push(file);
    } else if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${file.name} started but never finished. Inspect the database, then mark it rolled back in _prisma_migrations before starting again.`,
      );
    } else if (row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
      );
    }
  }
  if (pending.length > 0) {
    const lastApplied = files.findLast((f) => byName.has(f.name));
    const firstPending = pending[0];
    if (lastApplied && firstPending && firstPending.name < lastApplied.name) {
      throw new MigrationError(`Migration ${firstPending.name} is older than the applied ${lastApplied.name}; rename it to a newer timestamp.`);
    }
  }
  return pending;
}

export type MigrateResult = { applied: string[]; upToDate: number; repeated?: string[]; keyed?: number };

/**
 * Each migration runs in its own transaction that first takes Prisma's
 * advisory lock (transaction-scoped) and re-reads what is applied, so two
 * instances starting at once apply every migration exactly once. A
 * transaction-scoped lock also works on the embedded server, whose
 * connections share one backend session (where a session lock would be
 * granted to everyone) but whose transactions are serialized.
 */
export async function migrate(
  connectionString: string,
  options: { dir?: string; repeatableDir?: string | null; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = await readMigrations(options.dir);
  const repeatableDir = options.repeatableDir !== undefined ? options.repeatableDir : options.dir ? null : repeatableDirOf(defaultMigrationsDir);
  const repeatables = repeatableDir ? await readRepeatables(repeatableDir) : [];
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    for (;;) {
      const next = await inLockedTransaction(client, async () => {
        await client.query(CREATE_MIGRATIONS_TABLE);
        const { rows } = await client.query<AppliedRow>(
          `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
        );
        const file = pendingMigrations(files, rows)[0];
        if (file) {
          log(`applying migration ${file.name}`);
          await applyOne(client, file);
        }
        return file;
      });
      if (!next) break;
      applied.push(next.name);
    }
    const after = await inLockedTransaction(client, () => applyRepeatables(client, repeatables, log));
    return { applied, upToDate: files.length - applied.length, ...after };
  } finally {
    await client.end();
  }
}

/**
 * After the migrations, in one transaction under the same lock (so several
 * instances starting at once do this once): the repeatable files whose
 * checksum changed, the key step (spans written before their figure keys
 * existed get them from lib/aggregates/normalize.ts), and, if either did
 * anything, one rebuild of the figures from the spans, since what the figures
 * count may have changed with them.
 */
async function applyRepeatables(client: pg.Client, repeatables: MigrationFile[], log: (line: string) => void) {
  if (repeatables.length === 0) return {};
  const { rows: ready } = await client.query<{ ok: boolean }>(`SELECT to_regclass('"_slant_repeatable"') IS NOT NULL AS ok`);
  if (!ready[0]?.ok) return {}; // a partial set of migrations, older than repeatable SQL
  const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_slant_repeatable"`);
  const stored = new Map(rows.map((r) => [r.name, r.checksum]));
  const repeated: string[] = [];
  for (const file of repeatables.filter((f) => stored.get(f.name) !== f.checksum)) {
    log(`applying repeatable ${file.name}`);
    try {
      await client.query(file.sql);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Repeatable ${file.name} failed and was rolled back: ${reason}`);
    }
    await client.query(
      `INSERT INTO "_slant_repeatable" (name, checksum) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, "appliedAt" = now()`,
      [file.name, file.checksum],
    );
    repeated.push(file.name);
  }
  const keyed = await keyUnkeyedSpans(client);
  if (keyed > 0) log(`keyed ${keyed} spans written before their figure keys existed`);
  if (repeated.length > 0 || keyed > 0) await client.query(`SELECT slant_rebuild_source_rollups()`);
  return { repeated, keyed };
}

async function inLockedTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, file.checksum, file.name],
  );
  try {
    await client.query(file.sql);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`);
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}
