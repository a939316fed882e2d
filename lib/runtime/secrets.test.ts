import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { resolveSecret, sessionSecret } from "./secrets";

const dirs: string[] = [];
const dataDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "slant-secrets-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const A = "a".repeat(32);
const B = "b".repeat(40);

describe("resolveSecret: the one precedence rule", () => {
  it("takes the configured value over the store, the store otherwise, and nothing without either", async () => {
    let asked = 0;
    const store = async () => (asked++, "from the store");
    expect(await resolveSecret(A, store)).toBe(A);
    expect(asked).toBe(0);
    expect(await resolveSecret(undefined, store)).toBe("from the store");
    expect(await resolveSecret(undefined, undefined)).toBeUndefined();
  });
});

describe("sessionSecret", () => {
  it("is AUTH_SECRET, else NEXTAUTH_SECRET, whatever the database", async () => {
    const dir = await dataDir();
    expect(await sessionSecret(readEnv({ AUTH_SECRET: A, NEXTAUTH_SECRET: B, SLANT_DATA_DIR: dir }), "embedded")).toBe(A);
    expect(await sessionSecret(readEnv({ NEXTAUTH_SECRET: B, SLANT_DATA_DIR: dir }), "postgres")).toBe(B);
  });

  it("on the embedded database, is generated once into the data directory (owner-only) and read back after", async () => {
    const dir = await dataDir();
    const env = readEnv({ SLANT_DATA_DIR: dir });
    const first = await sessionSecret(env, "embedded");
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionSecret(env, "embedded")).toBe(first);
    expect((await readFile(path.join(dir, "auth-secret"), "utf8")).trim()).toBe(first);
    expect((await stat(path.join(dir, "auth-secret"))).mode & 0o777).toBe(0o600);
  });

  it("replaces a kept secret too short to be one", async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, "auth-secret"), "short");
    expect(await sessionSecret(readEnv({ SLANT_DATA_DIR: dir }), "embedded")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("on a PostgreSQL server, is none unless configured: web processes on several hosts must share it", async () => {
    const dir = await dataDir();
    expect(await sessionSecret(readEnv({ SLANT_DATA_DIR: dir }), "postgres")).toBeUndefined();
  });
});
