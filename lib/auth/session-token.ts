// The session cookie, read and written the way next-auth v4 does it (a JWE,
// "dir" + A256GCM, with a key derived from the secret by HKDF), so sign-in and
// sign-out stay next-auth's. Two differences, both for the cost of every
// request: the derived key is computed once per secret instead of once per
// call, and reading a session does not run next-auth's whole handler.
import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

const COOKIE = "next-auth.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;
// next-auth's own tolerance for clocks that disagree a little.
const CLOCK_TOLERANCE_SECONDS = 15;

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

export async function encodeSessionToken(args: { token: JWTPayload; secret: string; maxAgeSeconds: number; now?: Date }): Promise<string> {
  const issuedAt = Math.floor((args.now ?? new Date()).getTime() / 1000);
  return new EncryptJWT(args.token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + args.maxAgeSeconds)
    .setJti(crypto.randomUUID())
    .encrypt(encryptionKey(args.secret));
}

// A browser sends the same token with every request until it signs in again:
// its claims are decrypted once, and only the expiry is checked after that.
const decoded = new Map<string, { secret: string; payload: JWTPayload }>();
const DECODED_KEPT = 10_000;

/** The token's claims, or null when it is malformed, forged, or expired. */
export async function decodeSessionToken(args: { token: string; secret: string; now?: Date }): Promise<JWTPayload | null> {
  const now = args.now ?? new Date();
  const known = decoded.get(args.token);
  if (known && known.secret === args.secret) {
    return (known.payload.exp ?? 0) + CLOCK_TOLERANCE_SECONDS > now.getTime() / 1000 ? known.payload : null;
  }
  try {
    const { payload } = await jwtDecrypt(args.token, encryptionKey(args.secret), { clockTolerance: CLOCK_TOLERANCE_SECONDS, currentDate: now });
    if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
    decoded.set(args.token, { secret: args.secret, payload });
    return payload;
  } catch {
    return null;
  }
}

/** next-auth's choice: the `__Secure-` cookie when the app is served over HTTPS. */
export function sessionCookieName(appUrl: string | undefined): string {
  return appUrl?.startsWith("https://") ? SECURE_COOKIE : COOKIE;
}

/** The session token among a request's cookies; next-auth splits one over 4 KB into `<name>.0`, `<name>.1`, …. */
export function sessionTokenFrom(cookies: ReadonlyMap<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join("") : null;
}
