import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { clearSignInFailures, recentSignInFailures, recordSignInFailure } from "../db/sign-in-failures";
import { findCredentials } from "../db/users";
import { SignInInput } from "../schemas/user";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import { retryAfter, type FailureLimit } from "./rate-limit";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const PER_ACCOUNT: FailureLimit = { maxFailures: 5, windowMs: FIFTEEN_MINUTES };
const PER_ADDRESS: FailureLimit = { maxFailures: 30, windowMs: FIFTEEN_MINUTES };
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? "unknown") : "unknown";
}

function tooMany(ms: number): Error {
  return new Error(`Too many failed sign-in attempts. Try again in ${Math.ceil(ms / 60_000)} minute(s).`);
}

export const authOptions: NextAuthOptions = {
  // Eight hours: a working day; the JWT carries only id and role, and every
  // request re-reads the user so a deactivation takes effect at once.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: {
    encode: ({ token, secret, maxAge }) => encodeSessionToken({ token: token ?? {}, secret: String(secret), maxAgeSeconds: maxAge ?? SESSION_MAX_AGE_SECONDS }),
    // The claims are the ones the jwt callback below put in.
    decode: async ({ token, secret }) => (token ? ((await decodeSessionToken({ token, secret: String(secret) })) as JWT | null) : null),
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = SignInInput.safeParse(credentials);
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        const { email, password } = parsed.data;
        // Counted in the database, so every Slant process sees the same failures.
        const account = `account:${email}`;
        const address = `address:${clientAddress(req.headers)}`;
        const { now, failures } = await recentSignInFailures([account, address], FIFTEEN_MINUTES);
        const wait = Math.max(retryAfter(failures.get(account) ?? [], now, PER_ACCOUNT), retryAfter(failures.get(address) ?? [], now, PER_ADDRESS));
        if (wait > 0) throw tooMany(wait);

        const user = await findCredentials(email);
        const ok = user && !user.deactivatedAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
        if (!ok || !user) {
          await recordSignInFailure([account, address], FIFTEEN_MINUTES);
          throw new Error(WRONG_CREDENTIALS);
        }
        await clearSignInFailures(account);
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.id, role: token.role };
      return session;
    },
  },
};
