// npm run bench:load — 50 simulated annotators for 60 s on loopback, then a check that every
// acknowledged annotation is stored in its last acknowledged state and nothing else appeared.
// BENCH_CLIENTS, BENCH_SECONDS; BENCH_DATABASE_URL=postgresql://… for a Postgres server;
// BENCH_TOPOLOGY=two-web-one-worker (with BENCH_DATABASE_URL): two web processes, started at
// once, and one job worker on one database, the clients spread over both (bench/load/topology.ts).
import { startBenchApp } from "../support/common";
import { longArticle, wordSpans } from "../support/corpus";
import { report, simulate, thinkTimeFromEnv, verify } from "./simulation";
import { signIn } from "../support/common";
import { startTwoWebOneWorker } from "./topology";

const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const topology = process.env.BENCH_TOPOLOGY ?? "one";
if (topology !== "one" && topology !== "two-web-one-worker") throw new Error(`BENCH_TOPOLOGY must be one or two-web-one-worker, got ${topology}`);
if (topology === "two-web-one-worker" && !process.env.BENCH_DATABASE_URL) throw new Error("BENCH_TOPOLOGY=two-web-one-worker needs BENCH_DATABASE_URL (a PostgreSQL server)");
const app =
  topology === "one"
    ? await startBenchApp(3304).then((one) => ({ baseURLs: [one.baseURL], stop: one.stop }))
    : await startTwoWebOneWorker(process.env.BENCH_DATABASE_URL!, [3304, 3305]);
const baseURL = app.baseURLs[0]!;
try {
  const cookie = await signIn(baseURL, "analyst1@example.org");
  const body = longArticle(800, `load ${Date.now()}`);
  const articleIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${baseURL}/api/articles`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ source: { name: `Load ${i % 3}` }, title: `Load ${i}`, body: `${body}\n\nArticle ${i}.` }) });
    articleIds.push(((await response.json()) as { id: string }).id);
  }
  const chars = Array.from(body);
  const words = wordSpans(body).map((w) => ({ ...w, quote: chars.slice(w.start, w.end).join("") }));
  const thinkMs = thinkTimeFromEnv();
  const result = await simulate({ baseURL, baseURLs: app.baseURLs, articleIds, bodyWords: words, clients, seconds, thinkMs });
  const where = topology === "one" ? "" : ", two web processes (started at once on an unmigrated database) and one job worker";
  console.log(`\n${clients} simulated annotators for ${seconds} s, pausing ${thinkMs.join("–")} ms between actions, ${process.env.BENCH_DATABASE_URL ? "Postgres server" : "embedded Postgres"}${where}`);
  report(result);
  // Checked through the other web process when there are two: what one acknowledged, the other serves.
  const check = await verify(app.baseURLs[app.baseURLs.length - 1]!, articleIds, result.acknowledged);
  console.log(`acknowledged annotations: ${check.acknowledged}; stored: ${check.stored}; lost: ${check.lost}; in a state other than the last acknowledged: ${check.wrongState}; appeared unacknowledged: ${check.appeared}`);
  const p95 = Math.max(...Object.values(result.latencies).map((v) => [...v].sort((a, b) => a - b)[Math.ceil(v.length * 0.95) - 1] ?? 0));
  console.log(`targets: 0 errors ${Object.keys(result.errors).length === 0 ? "met" : "NOT met"}; 0 lost ${check.lost + check.wrongState === 0 ? "met" : "NOT met"}; p95 < 100 ms ${p95 < 100 ? "met" : "NOT met"} (worst operation p95 ${p95.toFixed(1)} ms)`);
  if (check.lost + check.wrongState + check.appeared > 0) process.exitCode = 1;
} finally {
  await app.stop();
}
