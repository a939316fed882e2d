// npm run bench:faults — faults in the middle of the load, then the same check: nothing acknowledged lost.
//   BENCH_FAULT=kill-db     (default) kill -9 the embedded database process; Slant restarts it
//   BENCH_FAULT=kill-app    kill -9 every Slant process; start it again on the same data
//   BENCH_FAULT=restart-pg  restart the PostgreSQL server (needs BENCH_DATABASE_URL and pg_ctlcluster)
import { execSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { infoFile } from "../../lib/runtime/embedded-postgres";
import { signIn, startBenchApp } from "../support/common";
import { longArticle, wordSpans } from "../support/corpus";
import { report, simulate, thinkTimeFromEnv, verify } from "./simulation";

const fault = process.env.BENCH_FAULT ?? "kill-db";
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = 3305;
if (fault === "restart-pg" && !process.env.BENCH_DATABASE_URL) throw new Error("restart-pg needs BENCH_DATABASE_URL");
if (fault !== "restart-pg" && process.env.BENCH_DATABASE_URL) throw new Error(`${fault} is a fault of the embedded mode: unset BENCH_DATABASE_URL`);

let app = await startBenchApp(PORT);
const dataDir = app.dataDir;
try {
  const cookie = await signIn(app.baseURL, "analyst1@example.org");
  const body = longArticle(800, `faults ${Date.now()}`);
  const articleIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${app.baseURL}/api/articles`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ source: { name: "Faults" }, title: `Faults ${i}`, body: `${body}\n\nArticle ${i}.` }) });
    articleIds.push(((await response.json()) as { id: string }).id);
  }
  const chars = Array.from(body);
  const words = wordSpans(body).map((w) => ({ ...w, quote: chars.slice(w.start, w.end).join("") }));

  let injected = false;
  const inject = async (elapsed: number) => {
    if (injected || elapsed < seconds / 3) return;
    injected = true;
    if (fault === "kill-db") {
      const { pid } = JSON.parse(await readFile(infoFile(dataDir!), "utf8")) as { pid: number };
      process.kill(pid, "SIGKILL");
      console.log(`t=${elapsed.toFixed(0)} s: killed the embedded database (pid ${pid}) with SIGKILL`);
    } else if (fault === "kill-app") {
      const tree = (pid: number): number[] => [pid, ...execSync(`pgrep -P ${pid} || true`).toString().split("\n").filter(Boolean).flatMap((child) => tree(Number(child)))];
      const exited = new Promise((resolve) => app.process.once("exit", resolve));
      for (const pid of tree(app.process.pid!)) process.kill(pid, "SIGKILL");
      await exited;
      console.log(`t=${elapsed.toFixed(0)} s: killed every Slant process with SIGKILL; starting again on the same data`);
      app = await startBenchApp(PORT, dataDir!);
    } else {
      execSync(`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n1) main restart`);
      console.log(`t=${elapsed.toFixed(0)} s: restarted the PostgreSQL server`);
    }
  };
  const result = await simulate({ baseURL: app.baseURL, articleIds, bodyWords: words, clients: Number(process.env.BENCH_CLIENTS ?? 30), seconds, thinkMs: thinkTimeFromEnv(), onTick: (t) => void inject(t) });
  console.log(`\nFault "${fault}" during ${seconds} s of load`);
  report(result);
  await new Promise((r) => setTimeout(r, 2000));
  const check = await verify(app.baseURL, articleIds, result.acknowledged);
  console.log(`acknowledged: ${check.acknowledged}; lost: ${check.lost}; in a state other than the last acknowledged: ${check.wrongState}; appeared without an acknowledgement: ${check.appeared} (at most the ${result.inDoubt} requests in doubt)`);
  console.log(`result: ${check.lost + check.wrongState === 0 && check.appeared <= result.inDoubt ? "nothing acknowledged was lost" : "DATA LOST"}`);
  if (check.lost + check.wrongState > 0 || check.appeared > result.inDoubt) process.exitCode = 1;
} finally {
  await app.stop();
}
