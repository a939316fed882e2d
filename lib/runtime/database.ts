import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { findRunningEmbedded } from "./embedded-postgres";

export type DatabaseMode = "embedded" | "postgres";
export type OpenDatabase = {
  mode: DatabaseMode;
  url: string;
  /** Where the data lives, for the start log. */
  location: string;
  /** True when this process started the embedded server (and must stop it). */
  owned: boolean;
  stop: () => Promise<void>;
};

const embeddedEntry = path.resolve(process.cwd(), "scripts/embedded-db.ts");

/** With DATABASE_URL, that server; otherwise the embedded database in dataDir (reusing a running one). */
export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  onEmbeddedCrash?: (restart: () => Promise<void>) => void;
}): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    const where = new URL(opts.databaseUrl);
    return { mode: "postgres", url: opts.databaseUrl, location: `${where.host}${where.pathname}`, owned: false, stop: async () => {} };
  }
  const dataDir = path.resolve(opts.dataDir);
  const running = await findRunningEmbedded(dataDir);
  if (running) {
    return { mode: "embedded", url: running.url, location: dataDir, owned: false, stop: async () => {} };
  }
  let child = await spawnEmbedded(dataDir, 0);
  const port = child.port;
  let stopping = false;
  const watch = (proc: ChildProcess) =>
    proc.once("exit", () => {
      if (stopping || !opts.onEmbeddedCrash) return;
      opts.onEmbeddedCrash(async () => {
        child = await spawnEmbedded(dataDir, port);
        watch(child.process);
      });
    });
  watch(child.process);
  return {
    mode: "embedded",
    url: child.url,
    location: dataDir,
    owned: true,
    stop: async () => {
      stopping = true;
      await stopChild(child.process);
    },
  };
}

type EmbeddedChild = { process: ChildProcess; url: string; port: number };

function spawnEmbedded(dataDir: string, port: number): Promise<EmbeddedChild> {
  const proc = spawn(process.execPath, ["--import", "tsx", embeddedEntry, dataDir, String(port)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`The embedded database exited during start-up (code ${code}). Is ${dataDir} in use by another Slant?`));
    proc.once("exit", onExit);
    proc.once("message", (message: { type: string; url: string; port: number }) => {
      proc.off("exit", onExit);
      resolve({ process: proc, url: message.url, port: message.port });
    });
  });
}

function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    proc.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill("SIGTERM");
  });
}
