import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectDb } from "../../lib/db/client";
import { seedArticles, seedDemoUsers, seedLabels } from "../../lib/db/seed";
import { infoFile } from "../../lib/runtime/embedded-postgres";
import { loadSeeds } from "../../seeds/load";
import { freshDatabase } from "./fresh-database";

export type AppUnderTest = { baseURL: string; process: ChildProcess; databaseUrl: () => Promise<string>; dataDir: string | null; stop: () => Promise<void> };

/**
 * Slant started the way a user starts it (scripts/start.ts) on a database of
 * its own: a fresh database on the server named by `serverUrl`, or else a
 * fresh embedded data directory. Demo accounts use `demoPassword`.
 */
export async function startAppUnderTest(options: {
  port: number;
  demoPassword: string;
  serverUrl?: string | undefined;
  stdio?: "inherit" | "ignore";
  /** Reuse this embedded data directory (kept on stop), e.g. to restart after a crash. */
  dataDir?: string;
  /** The session secret; else a random one (server) or the data directory's own (embedded). */
  authSecret?: string;
}): Promise<AppUnderTest> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    SLANT_DEMO_PASSWORD: options.demoPassword,
    DATABASE_URL: "",
    ...(options.authSecret ? { AUTH_SECRET: options.authSecret } : {}),
  };
  const cleanups: (() => Promise<void>)[] = [];
  let databaseUrl: () => Promise<string>;
  let dataDir: string | null = null;

  if (options.serverUrl) {
    const database = await freshDatabase({ serverUrl: options.serverUrl });
    cleanups.push(database.dispose);
    const client = connectDb(database.url);
    const seeds = await loadSeeds();
    await seedLabels(client, seeds.labels);
    await seedArticles(client, seeds);
    await seedDemoUsers(client, options.demoPassword);
    await client.$disconnect();
    env.DATABASE_URL = database.url;
    env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    databaseUrl = async () => database.url;
  } else {
    const dir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "slant-app-")));
    if (!options.dataDir) cleanups.push(() => rm(dir, { recursive: true, force: true }));
    env.SLANT_DATA_DIR = dataDir = dir;
    databaseUrl = async () => (JSON.parse(await readFile(infoFile(dir), "utf8")) as { url: string }).url;
  }

  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: options.stdio ?? "inherit", env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  };
  const baseURL = `http://localhost:${options.port}`;
  return { baseURL, process: child, databaseUrl, dataDir, stop };
}

export async function waitForHealthy(app: Pick<AppUnderTest, "baseURL" | "process">, timeoutMs = 900_000): Promise<void> {
  const { baseURL } = app;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`Slant exited (code ${app.process.exitCode}) before becoming healthy`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${baseURL} did not become healthy`);
}
