// What bench:stall watches while a hostile input is processed: the worst
// /api/health latency (one request every ~20 ms, each timed from send to
// answer, so a blocked event loop shows as one long request) and the serving
// worker's peak RSS (VmHWM, reset before each input where the kernel allows,
// and VmRSS sampled every 10 ms).
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "./http";

const HEALTH_INTERVAL_MS = 20;

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : 0;
}

/** Resets the process's RSS high-water mark (Linux ≥ 4.0); false where not permitted. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** The process serving requests: start.ts's child running serve.ts (one worker on a 2-core machine). */
export function servingPid(startPid: number): number {
  const children = readFileSync(`/proc/${startPid}/task/${startPid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  const serve = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/serve.ts"));
  if (!serve) throw new Error(`no serve.ts process under ${startPid}`);
  return serve;
}

export type Watch = { worstHealthMs: number; healthChecks: number; failedChecks: number; peakRssMb: number; seconds: number };

/** Watches the server while `work` runs; health checks go on until it settles. */
export async function watch(baseURL: string, pid: number, work: () => Promise<unknown>): Promise<Watch & { error?: string }> {
  const hwmReset = resetPeak(pid);
  let peakKb = statusKb(pid, "VmRSS");
  const sampler = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, statusKb(pid, "VmRSS"));
    } catch {
      // the worker went away; the health checks will say so
    }
  }, 10);
  let running = true;
  let worst = 0;
  let checks = 0;
  let failed = 0;
  const poller = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const answer = await request(`${baseURL}/api/health`, { timeoutMs: 600_000 });
        if (answer.status !== 200) failed++;
      } catch {
        failed++;
      }
      worst = Math.max(worst, performance.now() - started);
      checks++;
      await new Promise((resolve) => setTimeout(resolve, HEALTH_INTERVAL_MS));
    }
  })();
  const started = performance.now();
  let error: string | undefined;
  try {
    await work();
  } catch (e) {
    error = (e as Error).message;
  }
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await poller;
  clearInterval(sampler);
  if (hwmReset) peakKb = Math.max(peakKb, statusKb(pid, "VmHWM"));
  return { worstHealthMs: worst, healthChecks: checks, failedChecks: failed, peakRssMb: peakKb / 1024, seconds, ...(error ? { error } : {}) };
}
