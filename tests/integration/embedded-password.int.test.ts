import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { infoFile, serveEmbeddedPostgres } from "../../lib/runtime/embedded-postgres";

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe("the embedded database", () => {
  it("requires its generated password, kept with the data for its owner only, and listens on loopback only", async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "slant-embedded-")), "data");
    const server = await serveEmbeddedPostgres(dataDir);
    try {
      const url = new URL(server.url);
      expect(url.hostname).toBe("127.0.0.1");
      const password = decodeURIComponent(url.password);
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect((await readFile(path.join(dataDir, "embedded-postgres-password"), "utf8")).trim()).toBe(password);
      expect(await mode(dataDir)).toBe(0o700);
      expect(await mode(path.join(dataDir, "embedded-postgres-password"))).toBe(0o600);
      expect(await mode(infoFile(dataDir))).toBe(0o600);

      for (const wrong of ["postgres", "x", `${password}x`]) {
        const intruder = new pg.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres", password: wrong });
        await expect(intruder.connect()).rejects.toMatchObject({ code: "28P01" });
        await intruder.end().catch(() => {});
      }
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query("SELECT 1 + 1 AS two")).rows).toEqual([{ two: 2 }]);
      await client.end();

      const elsewhere = Object.values((await import("node:os")).networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
      if (elsewhere) {
        const outside = new pg.Client({ host: elsewhere.address, port: server.port, password, user: "postgres", database: "postgres", connectionTimeoutMillis: 2_000 });
        await expect(outside.connect()).rejects.toThrow(/ECONNREFUSED|timeout/);
        await outside.end().catch(() => {});
      }
    } finally {
      await server.stop();
      await rm(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
