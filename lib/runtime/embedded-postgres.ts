import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { startPasswordGate } from "./password-gate";
import { embeddedDatabasePassword, privateDir, writePrivateFile } from "./secrets";

// The embedded database is a real Postgres (PGlite, compiled to WASM) served on
// loopback by pglite-socket, so the app speaks the same wire protocol through
// the same `pg` + Prisma adapter path as against a Postgres server. pglite-socket
// accepts anyone, so it listens on a Unix socket in a private directory, and
// clients come in through a password gate on 127.0.0.1 (password-gate.ts); the
// password is generated once and kept with the data, readable by its owner only.

/** Enough for the app's pool (10) plus migrations, seeding and a CLI script at once. */
const MAX_CONNECTIONS = 24;

export type EmbeddedServer = { url: string; port: number; stop: () => Promise<void> };
export type EmbeddedInfo = { pid: number; url: string };

export function embeddedUrl(port: number, password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export function infoFile(dataDir: string): string {
  return path.join(dataDir, "embedded-postgres.json");
}

/** Opens `<dataDir>/pgdata` (or memory when dataDir is null) and serves it on 127.0.0.1. */
export async function serveEmbeddedPostgres(dataDir: string | null, port = 0): Promise<EmbeddedServer> {
  let db: PGlite;
  let password: string;
  if (dataDir) {
    await privateDir(dataDir);
    password = await embeddedDatabasePassword(dataDir);
    db = await PGlite.create(path.join(dataDir, "pgdata"));
  } else {
    password = randomBytes(32).toString("base64url");
    db = await PGlite.create();
  }
  // mkdtemp makes the directory 0700: only this user can reach the unauthenticated socket.
  const socketDir = await mkdtemp(path.join(tmpdir(), "slant-pg-"));
  const socketPath = path.join(socketDir, ".s.PGSQL.5432"); // where libpq clients look for port 5432
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const gate = await startPasswordGate({ port, password, upstreamPath: socketPath });
  const url = embeddedUrl(gate.port, password);
  if (dataDir) await writePrivateFile(infoFile(dataDir), JSON.stringify({ pid: process.pid, url } satisfies EmbeddedInfo));
  return {
    url,
    port: gate.port,
    stop: async () => {
      await gate.close();
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
      if (dataDir) await rm(infoFile(dataDir), { force: true });
    },
  };
}

/**
 * The running embedded server for this data directory, if a live process owns
 * it and answers. After a crash the info file stays behind, and its pid may be
 * dead, a zombie or reused: only a server that accepts connections counts.
 */
export async function findRunningEmbedded(dataDir: string): Promise<EmbeddedInfo | null> {
  let info: EmbeddedInfo;
  try {
    info = JSON.parse(await readFile(infoFile(dataDir), "utf8")) as EmbeddedInfo;
    process.kill(info.pid, 0);
  } catch {
    return null;
  }
  return (await accepts(new URL(info.url).port)) ? info : null;
}

function accepts(port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: Number(port), timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}
