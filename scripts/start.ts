// npm start (production build, built on first start) / npm run dev (next dev).
// Opens the database (embedded unless DATABASE_URL is set), migrates, seeds a
// fresh embedded database, then runs Next.js with the resolved configuration.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectDb, poolOf } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seedArticles, seedDemoUsers, seedLabels } from "../lib/db/seed";
import { countUsers } from "../lib/db/accounts/users";
import { readEnv } from "../lib/env";
import { JOB_KINDS } from "../lib/jobs/kinds";
import { installJobQueue } from "../lib/jobs/queue";
import { openDatabase, type OpenDatabase } from "../lib/runtime/database";
import { generatePassword, sessionSecret } from "../lib/runtime/secrets";
import { loadSeeds } from "../seeds/load";
import { buildIsStale } from "./build-freshness";

// --web-only: no job worker here, for a web host of a deployment whose workers run elsewhere (`npm run worker`, decision 0012).
const { values: flags } = parseArgs({ options: { dev: { type: "boolean", default: false }, "web-only": { type: "boolean", default: false } } });
const log = (line: string) => console.log(`[slant] ${line}`);

async function main() {
  const env = readEnv();
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.SLANT_DATA_DIR,
    onEmbeddedCrash: (restart) => {
      log("embedded database stopped unexpectedly; restarting it");
      restart().then(() => log("embedded database is back"), (e: unknown) => log(`could not restart the embedded database: ${String(e)}`));
    },
  });
  log(database.mode === "embedded" ? `database: embedded Postgres, data in ${database.location}` : `database: Postgres server at ${database.location}`);

  const { applied } = await migrate(database.url, { log: (line) => log(line) });
  if (applied.length === 0) log("migrations: up to date");
  await seedFreshDatabase(database, env.SLANT_DEMO_PASSWORD);
  await installQueue(database);

  const secret = await sessionSecret(env, database.mode);
  if (!secret) throw new Error("AUTH_SECRET is not set. With DATABASE_URL, set AUTH_SECRET to a random string of 32+ characters (e.g. `openssl rand -base64 32`).");

  if (!flags.dev && buildIsStale()) {
    log("building the app (first start or changed sources)…");
    const build = spawnSync(nextBin(), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const port = String(env.PORT);
  const command = flags.dev ? [nextBin(), "dev", "--port", port] : [process.execPath, "--import", "tsx", "scripts/serve.ts"];
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    NODE_ENV: flags.dev ? "development" : "production",
    SLANT_WORKERS: String(workerCount(database.mode, env.SLANT_WORKERS)),
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    SLANT_DATABASE_MODE: database.mode,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: childEnv });
  // On a server the background jobs run in a process of their own (the web server only enqueues); on the
  // embedded database, inside the web server's process (instrumentation.ts), on its one connection.
  const jobs = database.mode === "postgres" && !flags["web-only"] ? superviseWorker(childEnv) : null;
  log(`Slant is starting on http://localhost:${port}`);
  stopTogether(next, database, jobs);
}

/** The schema of the job queue and its queues, before any process enqueues (docs/decisions/0011). */
async function installQueue(database: OpenDatabase) {
  const client = connectDb(database.url, database.mode);
  try {
    await installJobQueue(poolOf(client).pool, JOB_KINDS);
  } finally {
    await client.$disconnect();
  }
}

/** Runs scripts/worker.ts and starts it again when it dies (a second later: a worker that cannot start does not spin). */
function superviseWorker(env: NodeJS.ProcessEnv): { stop: () => void } {
  let stopping = false;
  let child: ChildProcess;
  const start = () => {
    child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: "inherit", env });
    child.on("exit", (code, signal) => {
      if (stopping) return;
      log(`the job worker stopped (${signal ?? `code ${code}`}); starting another`);
      setTimeout(start, 1000);
    });
  };
  start();
  return {
    stop: () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}

async function seedFreshDatabase(database: OpenDatabase, demoPassword: string | undefined) {
  const client = connectDb(database.url, database.mode);
  try {
    const seeds = await loadSeeds();
    await seedLabels(client, seeds.labels);
    if (database.mode !== "embedded" || (await countUsers(client)) > 0) return;
    const articles = await seedArticles(client, seeds);
    const password = demoPassword ?? generatePassword();
    const accounts = await seedDemoUsers(client, password);
    log(`fresh database: ${articles} seed articles and ${accounts.length} demo accounts created`);
    log(`demo accounts: ${accounts.join(", ")}`);
    log(demoPassword ? "demo password: the value of SLANT_DEMO_PASSWORD" : `demo password (shown once, note it down): ${password}`);
  } finally {
    await client.$disconnect();
  }
}

/**
 * SLANT_WORKERS, else half the cores (the other half is the database's and the
 * clients'; on 2 cores a second worker measured slower, bench:api); always one
 * on the embedded database.
 */
function workerCount(mode: OpenDatabase["mode"], wanted: number | undefined): number {
  if (mode === "embedded") return 1;
  return wanted ?? Math.max(1, Math.floor(availableParallelism() / 2));
}

function nextBin(): string {
  return path.resolve(process.cwd(), "node_modules/.bin/next");
}

function stopTogether(next: ChildProcess, database: OpenDatabase, jobs: { stop: () => void } | null) {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    jobs?.stop();
    if (next.exitCode === null) next.kill("SIGTERM");
    await database.stop();
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 0));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(`[slant] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
