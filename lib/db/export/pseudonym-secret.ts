import { env } from "../../env";
import { AppError } from "../../errors";
import { resolveSecret } from "../../runtime/secrets";
import { db, type Db } from "../client";

/**
 * The key of export pseudonyms: SLANT_PSEUDONYM_SECRET, else the one its
 * migration stored in the database — the same for every web process and the
 * CLI, kept by backups, and independent of the session secret, so rotating
 * that (to sign everyone out) does not rename everyone in shared datasets.
 */
export async function pseudonymSecret(client: Db = db()): Promise<string> {
  const secret = await resolveSecret(env().SLANT_PSEUDONYM_SECRET, () => storedSecret(client, "pseudonym"));
  if (!secret) throw new AppError("UNAVAILABLE", "No pseudonym secret: set SLANT_PSEUDONYM_SECRET or run the migrations.");
  return secret;
}

async function storedSecret(client: Db, name: string): Promise<string> {
  const row = await client.storedSecret.findUnique({ where: { name }, select: { value: true } });
  return row?.value ?? "";
}
