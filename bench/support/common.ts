import { startAppUnderTest, waitForHealthy, type AppUnderTest } from "../../tests/support/app-under-test";
import { freshDatabase, type TestDatabase } from "../../tests/support/fresh-database";

export const BENCH_PASSWORD = "bench-demo-password";

/** Slant on a fresh database: BENCH_DATABASE_URL's server, or an embedded one. */
export async function startBenchApp(port: number, dataDir?: string): Promise<AppUnderTest> {
  const app = await startAppUnderTest({ port, demoPassword: BENCH_PASSWORD, serverUrl: process.env.BENCH_DATABASE_URL, stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore", ...(dataDir ? { dataDir } : {}) });
  await waitForHealthy(app);
  return app;
}

/**
 * A fresh database (BENCH_DATABASE_URL's server, or an embedded one) that
 * lib/db will open: import lib/db modules only after this, since the client
 * reads its URL and mode from the environment when first used.
 */
export async function openBenchDatabase(): Promise<TestDatabase> {
  const database = await freshDatabase({ serverUrl: process.env.BENCH_DATABASE_URL });
  process.env.DATABASE_URL = database.url;
  process.env.SLANT_DATABASE_MODE = database.kind;
  return database;
}

/** Signs in through next-auth's endpoints and returns the Cookie header for later requests. */
export async function signIn(baseURL: string, email: string, password = BENCH_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(callback);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${callback.status})`);
  return cookie();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Summary = { n: number; p50: number; p95: number; p99: number; perSecond: number };

export function summarize(latenciesMs: number[], wallMs: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), perSecond: (sorted.length / wallMs) * 1000 };
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Runs `clients` loops concurrently, each doing `perClient` timed operations. */
export async function concurrently(clients: number, perClient: number, op: (client: number, i: number) => Promise<void>): Promise<Summary> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        await op(client, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summarize(latencies, performance.now() - started);
}
