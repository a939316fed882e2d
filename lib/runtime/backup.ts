import { spawn } from "node:child_process";
import { rename, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { findRunningEmbedded } from "./embedded-postgres";

// Backups in each database mode's own native format: the embedded data
// directory as PGlite's tarball (a consistent snapshot, taken while no server
// has it open), a server database as pg_dump's custom format.

async function refuseWhileRunning(dataDir: string) {
  const running = await findRunningEmbedded(dataDir);
  if (running) throw new Error(`Slant is running on ${dataDir} (process ${running.pid}): stop it first, so the backup is consistent.`);
}

export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  await refuseWhileRunning(dataDir);
  const pgdata = path.join(dataDir, "pgdata");
  await stat(pgdata).catch(() => {
    throw new Error(`No embedded database in ${dataDir}.`);
  });
  const db = await PGlite.create(pgdata);
  try {
    const tarball = await db.dumpDataDir("gzip");
    const bytes = Buffer.from(await tarball.arrayBuffer());
    await writeFile(file, bytes);
    return bytes.length;
  } finally {
    await db.close();
  }
}

/** Replaces the embedded database with the backup; the previous one is kept beside it, renamed. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<string | null> {
  await refuseWhileRunning(dataDir);
  const tarball = new Blob([await readFile(file)]);
  const pgdata = path.join(dataDir, "pgdata");
  const previous = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  const hadData = await stat(pgdata).then(() => true, () => false);
  if (hadData) await rename(pgdata, previous);
  try {
    const db = await PGlite.create(pgdata, { loadDataDir: tarball });
    await db.query("SELECT 1");
    await db.close();
  } catch (error) {
    await rm(pgdata, { recursive: true, force: true });
    if (hadData) await rename(previous, pgdata);
    throw new Error(`The backup could not be restored (the database was left as it was): ${error instanceof Error ? error.message : String(error)}`);
  }
  return hadData ? previous : null;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${command} is not available: ${error.message}`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim()}`))));
  });
}

export const backupServer = (databaseUrl: string, file: string) => run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${databaseUrl}`]);

/** Drops and recreates every object from the dump, in one transaction: all or nothing. */
export const restoreServer = (databaseUrl: string, file: string) =>
  run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${databaseUrl}`, file]);
