import { createHash } from "node:crypto";

/** SHA-256 of the normalized body, hex: the key that de-duplicates articles. */
export function contentHash(normalizedBody: string): string {
  return createHash("sha256").update(normalizedBody, "utf8").digest("hex");
}
