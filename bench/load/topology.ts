import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { connectDb } from "../../lib/db/client";
import { seedDemoUsers } from "../../lib/db/seed";
import { buildIsStale } from "../../scripts/build-freshness";
import { waitForHealthy } from "../../tests/support/app-under-test";
import { freshDatabase } from "../../tests/support/fresh-database";
import { BENCH_PASSWORD } from "../support/common";

// Scale-out on one machine (issue #13 §7, docs/decisions/0012): two web
// processes and one job worker sharing one PostgreSQL database. Both
// instances start at once on a database that has not even been migrated, as
// two hosts of a deployment would: both migrate, seed and install the job
// queue at the same time, and both must come up. The first runs the job
// worker (`npm start`); the second serves only (`npm start -- --web-only`).

export type Topology = { baseURLs: string[]; stop: () => Promise<void> };

export async function startTwoWebOneWorker(serverUrl: string, ports: [number, number]): Promise<Topology> {
  if (buildIsStale()) {
    const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const database = await freshDatabase({ serverUrl, migrated: false });
  const secret = randomBytes(32).toString("base64url");
  const start = (port: number, webOnly: boolean): ChildProcess =>
    spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...(webOnly ? ["--web-only"] : [])], {
      stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore",
      env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, AUTH_SECRET: secret, SLANT_WORKERS: "1" },
    });
  const instances = [start(ports[0], false), start(ports[1], true)];
  const baseURLs = ports.map((port) => `http://localhost:${port}`);
  const stop = async () => {
    await Promise.all(
      instances.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await database.dispose();
  };
  try {
    await Promise.all(instances.map((child, i) => waitForHealthy({ baseURL: baseURLs[i]!, process: child })));
    const client = connectDb(database.url);
    await seedDemoUsers(client, BENCH_PASSWORD);
    await client.$disconnect();
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURLs, stop };
}
