import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { authSecretFrom, type Env } from "../env";

/** The data directory, readable by its owner only (0700), whether it is new or was made by an older Slant. */
export async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** A file only its owner can read (0600), also when it already existed with looser permissions. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await writeFile(file, content, { mode: 0o600 });
  await chmod(file, 0o600);
}

/** A secret kept in `<dataDir>/<name>`: generated on first start, then read back, never in the repo. */
async function keptSecret(dataDir: string, name: string): Promise<string> {
  await privateDir(dataDir);
  const file = path.join(dataDir, name);
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) {
      await chmod(file, 0o600);
      return existing;
    }
  } catch {
    // first start: fall through and create it
  }
  const secret = randomBytes(32).toString("base64url");
  await writePrivateFile(file, secret);
  return secret;
}

/** Where a secret lives when no variable sets it: reads it back, or makes and keeps it on first need. */
export type SecretStore = () => Promise<string>;

/**
 * The one precedence rule for Slant's secrets: a value set in the environment
 * wins (an operator shares it between hosts or rotates it); else the kept one,
 * generated the first time; with nowhere to keep one, none (the caller says
 * which variable to set).
 */
export async function resolveSecret(configured: string | undefined, store: SecretStore | undefined): Promise<string | undefined> {
  if (configured !== undefined) return configured;
  return store ? store() : undefined;
}

/**
 * The session secret: AUTH_SECRET (or NEXTAUTH_SECRET); else, on the embedded
 * database, `<SLANT_DATA_DIR>/auth-secret`. A PostgreSQL server may serve
 * several web processes on several hosts, which must share it: there it is set.
 */
export const sessionSecret = (env: Env, mode: "embedded" | "postgres") =>
  resolveSecret(authSecretFrom(env), mode === "embedded" ? () => keptSecret(path.resolve(env.SLANT_DATA_DIR), "auth-secret") : undefined);

/** The embedded database's password: its server refuses any other (lib/runtime/password-gate.ts). */
export const embeddedDatabasePassword = (dataDir: string) => keptSecret(dataDir, "embedded-postgres-password");

/** A demo password a person can type: three groups of four letters and digits. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join("")).join("-");
}
