// The app under test, started the way a user starts it (scripts/start.ts),
// on a database of its own: a fresh database on the server named by
// TEST_DATABASE_URL, or else a fresh embedded data directory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectDb } from "../../lib/db/client";
import { seedArticles, seedDemoUsers, seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { freshDatabase } from "../../tests/support/fresh-database";
import { DEMO_PASSWORD } from "./accounts";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? "3100",
  SLANT_DEMO_PASSWORD: DEMO_PASSWORD,
  DATABASE_URL: "",
};
const cleanups: (() => Promise<void>)[] = [];

if (process.env.TEST_DATABASE_URL) {
  const database = await freshDatabase();
  cleanups.push(database.dispose);
  const client = connectDb(database.url);
  const seeds = await loadSeeds();
  await seedLabels(client, seeds.labels);
  await seedArticles(client, seeds);
  await seedDemoUsers(client, DEMO_PASSWORD);
  await client.$disconnect();
  Object.assign(env, { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url") });
} else {
  const dataDir = await mkdtemp(path.join(tmpdir(), "slant-e2e-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  env.SLANT_DATA_DIR = dataDir;
}

const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
const stop = () => app.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
app.on("exit", async (code) => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
  process.exit(code ?? 0);
});
