// npm run bench:load — 50 simulated annotators for 60 s on loopback, then a check that every
// acknowledged annotation is stored in its last acknowledged state and nothing else appeared.
// BENCH_CLIENTS, BENCH_SECONDS; BENCH_DATABASE_URL=postgresql://… for a Postgres server.
import { startBenchApp } from "../support/common";
import { longArticle, wordSpans } from "../support/corpus";
import { report, simulate, thinkTimeFromEnv, verify } from "./simulation";
import { signIn } from "../support/common";

const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const app = await startBenchApp(3304);
try {
  const cookie = await signIn(app.baseURL, "analyst1@example.org");
  const body = longArticle(800, `load ${Date.now()}`);
  const articleIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${app.baseURL}/api/articles`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ source: { name: `Load ${i % 3}` }, title: `Load ${i}`, body: `${body}\n\nArticle ${i}.` }) });
    articleIds.push(((await response.json()) as { id: string }).id);
  }
  const chars = Array.from(body);
  const words = wordSpans(body).map((w) => ({ ...w, quote: chars.slice(w.start, w.end).join("") }));
  const thinkMs = thinkTimeFromEnv();
  const result = await simulate({ baseURL: app.baseURL, articleIds, bodyWords: words, clients, seconds, thinkMs });
  console.log(`\n${clients} simulated annotators for ${seconds} s, pausing ${thinkMs.join("–")} ms between actions, ${process.env.BENCH_DATABASE_URL ? "Postgres server" : "embedded Postgres"}`);
  report(result);
  const check = await verify(app.baseURL, articleIds, result.acknowledged);
  console.log(`acknowledged annotations: ${check.acknowledged}; stored: ${check.stored}; lost: ${check.lost}; in a state other than the last acknowledged: ${check.wrongState}; appeared unacknowledged: ${check.appeared}`);
  const p95 = Math.max(...Object.values(result.latencies).map((v) => [...v].sort((a, b) => a - b)[Math.ceil(v.length * 0.95) - 1] ?? 0));
  console.log(`targets: 0 errors ${Object.keys(result.errors).length === 0 ? "met" : "NOT met"}; 0 lost ${check.lost + check.wrongState === 0 ? "met" : "NOT met"}; p95 < 100 ms ${p95 < 100 ? "met" : "NOT met"} (worst operation p95 ${p95.toFixed(1)} ms)`);
  if (check.lost + check.wrongState + check.appeared > 0) process.exitCode = 1;
} finally {
  await app.stop();
}
