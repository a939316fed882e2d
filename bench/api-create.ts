// Annotation creation through the API with 20 concurrent clients, each
// annotating its own article as analysts do, against a raw `INSERT` of the
// same rows through `pg` on the same database, same run; both fire the same
// triggers (each span appends one row to the rollup delta log). The clients
// speak node:http (bench/support/http.ts), which leaves the server the CPU
// that fetch would have taken.
// Usage: npm run bench:api   (BENCH_DATABASE_URL=postgresql://… for a server)
import pg from "pg";
import { concurrently, ms, signIn, startBenchApp, type Summary } from "./support/common";
import { request } from "./support/http";
import { longArticle, wordSpans } from "./support/corpus";

const CLIENTS = 20;
const PER_CLIENT = Number(process.env.BENCH_REQUESTS_PER_CLIENT ?? 100);
const WARM_UP_PER_CLIENT = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3301);

const app = await startBenchApp(PORT);
try {
  const cookie = await signIn(app.baseURL, "analyst1@example.org");
  const headers = { "content-type": "application/json", cookie };
  const body = longArticle(2_000, `bench-api-${Date.now()}`);
  const articleIds: string[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const created = await fetch(`${app.baseURL}/api/articles`, { method: "POST", headers, body: JSON.stringify({ source: { name: "Bench" }, title: `API bench ${c}`, body: `${body}\n\nClient ${c}.` }) });
    articleIds.push(((await created.json()) as { id: string }).id);
  }
  const chars = Array.from(body);
  const words = wordSpans(body);
  const rowFor = (n: number) => {
    const w = words[n % words.length]!;
    return { label: ["claim", "attribution", "loaded_language", "unverified"][n % 4]!, start: w.start, end: w.end, quote: chars.slice(w.start, w.end).join("") };
  };

  const post = async (client: number, n: number) => {
    const response = await request(`${app.baseURL}/api/articles/${articleIds[client]}/annotations`, { method: "POST", headers: { cookie }, body: rowFor(n) });
    if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.body}`);
  };
  // Warm-up, as the clients will run: JIT, connection pools, prepared statements.
  await concurrently(CLIENTS, WARM_UP_PER_CLIENT, (c, i) => post(c, c * PER_CLIENT + i));

  const api = await concurrently(CLIENTS, PER_CLIENT, (c, i) => post(c, c * PER_CLIENT + i));

  // The embedded database serves one session at a time over its socket (as the app uses it): one connection there.
  const pool = new pg.Pool({ connectionString: await app.databaseUrl(), max: process.env.BENCH_DATABASE_URL ? CLIENTS : 1 });
  const ids = (await pool.query<{ annotator: string; label: string }>(
    `SELECT (SELECT id FROM "User" WHERE email = 'analyst1@example.org') AS annotator, (SELECT id FROM "Label" WHERE key = 'claim') AS label`,
  )).rows[0]!;
  const insert = async (client: number, n: number) => {
    const r = rowFor(n);
    await pool.query(
      `INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, '', '', now())`,
      [articleIds[client], ids.annotator, ids.label, r.start, r.end, r.quote],
    );
  };
  await concurrently(CLIENTS, WARM_UP_PER_CLIENT, (c, i) => insert(c, c * PER_CLIENT + i));
  const raw = await concurrently(CLIENTS, PER_CLIENT, (c, i) => insert(c, c * PER_CLIENT + i));
  await pool.end();

  const row = (name: string, s: Summary) => `${name.padEnd(34)} ${String(s.n).padStart(6)} ${ms(s.p50).padStart(10)} ${ms(s.p95).padStart(10)} ${ms(s.p99).padStart(10)} ${s.perSecond.toFixed(0).padStart(8)}/s`;
  console.log(`\nCreating annotations, ${CLIENTS} concurrent clients on their own articles, ${process.env.BENCH_DATABASE_URL ? "Postgres server" : "embedded Postgres"}`);
  console.log(`${"".padEnd(34)} ${"n".padStart(6)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"throughput".padStart(10)}`);
  console.log(row("POST /api/articles/:id/annotations", api));
  console.log(row("raw INSERT through pg (baseline)", raw));
  console.log(`ratio API/raw: p95 ×${(api.p95 / raw.p95).toFixed(1)}, throughput ×${(raw.perSecond / api.perSecond).toFixed(1)} slower`);
  console.log(`target p95 < 50 ms: ${api.p95 < 50 ? "met" : "NOT met"}`);
} finally {
  await app.stop();
}
