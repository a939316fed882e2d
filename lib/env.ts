import { z } from "zod";
import { parseTrustedProxies } from "./auth/client-address";

// Parsed once: a misconfigured deployment fails at start-up with a readable
// message instead of at the first request that happens to need a variable.
const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
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

export function authSecretFrom(env: Env): string | undefined {
  return env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
}

let trusted: ReturnType<typeof parseTrustedProxies> | undefined;
/** The configured trusted proxies, parsed once per process (start.ts has already refused a bad value). */
export function trustedProxies(): ReturnType<typeof parseTrustedProxies> {
  trusted ??= parseTrustedProxies(readEnv().SLANT_TRUSTED_PROXIES);
  return trusted;
}
