import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded database is a real Postgres (PGlite, compiled to WASM) served on
// loopback by pglite-socket, so the app speaks the same wire protocol through
// the same `pg` + Prisma adapter path as against a Postgres server.

/** Enough for the app's pool (10) plus migrations, seeding and a CLI script at once. */
const MAX_CONNECTIONS = 24;

export type EmbeddedServer = { url: string; port: number; stop: () => Promise<void> };
export type EmbeddedInfo = { pid: number; url: string };

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export function infoFile(dataDir: string): string {
  return path.join(dataDir, "embedded-postgres.json");
}

/** Opens `<dataDir>/pgdata` (or memory when dataDir is null) and serves it on 127.0.0.1. */
export async function serveEmbeddedPostgres(dataDir: string | null, port = 0): Promise<EmbeddedServer> {
  let db: PGlite;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    db = await PGlite.create(path.join(dataDir, "pgdata"));
  } else {
    db = await PGlite.create();
  }
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
  const listening = new Promise<number>((resolve) => {
    server.addEventListener("listening", (event) => {
      const detail = (event as CustomEvent<{ port?: number }>).detail;
      resolve(detail.port ?? port);
    });
  });
  await server.start();
  const boundPort = await listening;
  const url = embeddedUrl(boundPort);
  if (dataDir) await writeFile(infoFile(dataDir), JSON.stringify({ pid: process.pid, url } satisfies EmbeddedInfo));
  return {
    url,
    port: boundPort,
    stop: async () => {
      await server.stop();
      await db.close();
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
