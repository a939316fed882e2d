// Does any one request stall the server? Starts Slant as a user would (one
// serving worker, as on a 2-core machine), measures a quiet baseline (the
// worst /api/health latency over a few seconds of idling, and the worker's
// RSS), then sends each hostile input from issue #12 §4 in turn and prints,
// per input, the worst health latency seen while it ran and the worker's
// peak RSS, beside the baseline and the targets: health < 200 ms, peak RSS
// < 2 × baseline + 4 × the upload the server had to accept.
// Usage: npm run bench:stall   (BENCH_DATABASE_URL=postgresql://… for a server, else embedded;
//        BENCH_PORT, default 3106; BENCH_ONLY=<words> runs only inputs whose name contains them)
import { signIn, startBenchApp } from "./support/common";
import { agreementReport, inputs, seedAgreementCorpus, type Users } from "./support/stall-inputs";
import { servingPid, watch, type Watch } from "./support/stall-monitor";

const HEALTH_TARGET_MS = 200;
const QUIET_SECONDS = 3;
const port = Number(process.env.BENCH_PORT ?? 3106);
const only = process.env.BENCH_ONLY?.toLowerCase();

const app = await startBenchApp(port);
const { baseURL } = app;
const rows: { name: string; watch: Watch & { error?: string }; outcome: string; rssLimitMb: number }[] = [];
try {
  const pid = servingPid(app.process.pid!);
  const users: Users = {
    admin: await signIn(baseURL, "admin@example.org"),
    analyst1: await signIn(baseURL, "analyst1@example.org"),
    analyst2: await signIn(baseURL, "analyst2@example.org"),
    reviewer: await signIn(baseURL, "reviewer@example.org"),
  };
  // Warm up the routes the inputs use, so the baseline and the inputs compare like with like.
  for (let i = 0; i < 5; i++) await fetch(`${baseURL}/api/health`);
  const quiet = await watch(baseURL, pid, () => new Promise((resolve) => setTimeout(resolve, QUIET_SECONDS * 1000)));
  console.log(`quiet baseline: worst health ${quiet.worstHealthMs.toFixed(0)} ms over ${quiet.healthChecks} checks, worker RSS ${quiet.peakRssMb.toFixed(0)} MB (pid ${pid})`);

  // Refused bodies first and the million-line CSV last: a worker's heap does not shrink after a large input, which would count against the next one.
  const selected = [...inputs.filter((i) => !i.last), agreementReport, ...inputs.filter((i) => i.last)].filter((input) => !only || input.name.toLowerCase().includes(only));
  if (selected.includes(agreementReport)) console.log(`setup for the agreement report: ${await seedAgreementCorpus(baseURL, users)}`);
  for (const input of selected) {
    let outcome = "";
    const result = await watch(baseURL, pid, async () => {
      outcome = await input.run(baseURL, users);
    });
    const rssLimitMb = 2 * quiet.peakRssMb + (4 * input.uploadBytes) / 2 ** 20;
    rows.push({ name: input.name, watch: result, outcome: result.error ? `error: ${result.error}` : outcome, rssLimitMb });
    report(rows.at(-1)!, quiet);
  }

  const failing = rows.filter((r) => !passes(r));
  console.log(`\n${rows.length - failing.length} of ${rows.length} inputs within both targets (health < ${HEALTH_TARGET_MS} ms, RSS < 2 × ${quiet.peakRssMb.toFixed(0)} MB + 4 × upload)`);
  for (const r of failing) console.log(`  over target: ${r.name}`);
} finally {
  await app.stop();
}

function passes(r: (typeof rows)[number]): boolean {
  return !r.watch.error && r.watch.failedChecks === 0 && r.watch.worstHealthMs < HEALTH_TARGET_MS && r.watch.peakRssMb < r.rssLimitMb;
}

function report(r: (typeof rows)[number], quiet: Watch): void {
  const w = r.watch;
  console.log(
    `${passes(r) ? "ok  " : "OVER"} ${r.name}\n` +
      `     ${r.outcome}; ${w.seconds.toFixed(1)} s\n` +
      `     worst health ${w.worstHealthMs.toFixed(0)} ms (${(w.worstHealthMs / Math.max(1, quiet.worstHealthMs)).toFixed(1)}× quiet) over ${w.healthChecks} checks${w.failedChecks ? `, ${w.failedChecks} failed` : ""}; ` +
      `peak RSS ${w.peakRssMb.toFixed(0)} MB (${(w.peakRssMb / quiet.peakRssMb).toFixed(2)}× quiet, limit ${r.rssLimitMb.toFixed(0)} MB)`,
  );
}
