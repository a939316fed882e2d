import { z } from "zod";
import { parseTrustedProxies, PEER_FROM_SOCKET_ENV } from "./auth/client-address";

// The only reader of process.env in app/, lib/ and components/ (an ESLint rule
// holds the rest to it). Parsed at start-up: a misconfigured deployment fails
// with a readable message instead of at the first request that needs a variable.
const Secret = z.string().min(32, "must be at least 32 characters");
const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  AUTH_SECRET: Secret.optional(),
  NEXTAUTH_SECRET: Secret.optional(),
  /** The app's public address: links in exports and the session cookie's name (secure cookies under https). */
  NEXTAUTH_URL: z.url().optional(),
  /** The key of export pseudonyms; unset, the one stored in the database (decision 0018). Never the session secret. */
  SLANT_PSEUDONYM_SECRET: Secret.optional(),
  /** Set by scripts/start.ts for the server it starts. */
  SLANT_DATABASE_MODE: z.enum(["embedded", "postgres"]).default("postgres"),
  /** Set by scripts/serve.ts: its peer header (the socket's address) may be believed. */
  [PEER_FROM_SOCKET_ENV]: z.literal("1").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLANT_DATA_DIR: z.string().min(1).default(".data"),
  SLANT_DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); none by default. */
  SLANT_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      }
    }),
  SLANT_WORKERS: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(64).optional(),
  /** Where mail goes out (invitations), e.g. smtps://user:password@mail.example.org:465; unset, Slant sends none and shows links to pass on. */
  SLANT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender of Slant's mail. */
  SLANT_MAIL_FROM: z.string().min(3).default("Slant <slant@localhost>"),
});
export type Env = z.infer<typeof Env>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

let parsed: Env | undefined;
/** This process's configuration, parsed on first use (scripts/start.ts has already refused a bad one). */
export function env(): Env {
  parsed ??= readEnv();
  return parsed;
}

/** The configured session secret: AUTH_SECRET, or NEXTAUTH_SECRET as next-auth calls it. lib/runtime/secrets.ts says what applies when neither is set. */
export function authSecretFrom(env: Env): string | undefined {
  return env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
}

let trusted: ReturnType<typeof parseTrustedProxies> | undefined;
/** The configured trusted proxies, parsed once per process (start.ts has already refused a bad value). */
export function trustedProxies(): ReturnType<typeof parseTrustedProxies> {
  trusted ??= parseTrustedProxies(env().SLANT_TRUSTED_PROXIES);
  return trusted;
}
