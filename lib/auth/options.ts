import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { clearSignInAttempts, releaseSignInAttempt, reserveSignInAttempt } from "../db/accounts/sign-in-attempts";
import { endSession, startSession } from "../db/accounts/sessions";
import { findCredentials } from "../db/accounts/users";
import { env, trustedProxies } from "../env";
import { SignInInput } from "../schemas/user";
import { clientAddress, PEER_FROM_SOCKET_ENV, PEER_HEADER } from "./client-address";
import { verifyAgainstDecoy, verifyPassword } from "./password";
import { PER_ACCOUNT, PER_ADDRESS, tooManyAttemptsMessage } from "./rate-limit";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

/** The address to count a request's attempts under: see client-address.ts. */
export function requestAddress(headers: Record<string, unknown> | undefined): string {
  const header = (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : undefined);
  const peer = env()[PEER_FROM_SOCKET_ENV] === "1" ? header(PEER_HEADER) : undefined;
  return clientAddress({ peer, forwardedFor: header("x-forwarded-for"), trusted: trustedProxies() });
}

/**
 * The credential check behind the sign-in form. Each attempt is counted
 * (atomically, in the database) under its address and then its account
 * BEFORE any password is checked, so a parallel burst checks at most the
 * limit's passwords; a successful sign-in gives its attempts back.
 */
export async function checkCredentials(credentials: unknown, headers: Record<string, unknown> | undefined) {
  const parsed = SignInInput.safeParse(credentials);
  if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
  const { email, password } = parsed.data;
  const address = `address:${requestAddress(headers)}`;
  const account = `account:${email}`;

  const byAddress = await reserveSignInAttempt(address, PER_ADDRESS);
  if (!byAddress.allowed) throw new Error(tooManyAttemptsMessage(byAddress.retryAfterMs));
  const byAccount = await reserveSignInAttempt(account, PER_ACCOUNT);
  if (!byAccount.allowed) {
    await releaseSignInAttempt(address);
    throw new Error(tooManyAttemptsMessage(byAccount.retryAfterMs));
  }

  const user = await findCredentials(email);
  const ok = user && !user.deactivatedAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!ok || !user) throw new Error(WRONG_CREDENTIALS);
  await clearSignInAttempts(account, PER_ACCOUNT);
  await releaseSignInAttempt(address);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export const authOptions: NextAuthOptions = {
  // Eight hours: a working day. The JWT carries id, role and the session's
  // id; every request reads the session and the user together, so signing
  // out, a password change and a deactivation take effect at once.
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
      authorize: (credentials, req) => checkCredentials(credentials, req.headers),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.id, role: token.role };
      return session;
    },
  },
  events: {
    // next-auth clears the cookie; deleting the row ends every copy of it too.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
};
