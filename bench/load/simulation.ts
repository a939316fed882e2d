import { randomInt } from "node:crypto";
import { percentile, signIn } from "../support/common";
import { request, type BenchResponse } from "../support/http";

// Simulated annotators on loopback: each opens articles and creates, edits and
// deletes its own annotations at an accelerated human pace. Every answer is
// recorded; afterwards the database is compared with what was acknowledged.
//
// The pace: a fast analyst tags a span every few seconds. Each simulated one
// pauses `thinkMs` between actions: by default 20–100 ms, some fifty times a
// person's pace, so fifty of them load the server like thousands of analysts
// would; BENCH_THINK_MS="min-max" changes it (e.g. 250-750 for a gentler run).

/** BENCH_THINK_MS as "min-max" in milliseconds. */
export function thinkTimeFromEnv(value = process.env.BENCH_THINK_MS ?? "20-100"): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(value);
  if (!match || Number(match[1]) > Number(match[2])) throw new Error(`BENCH_THINK_MS must look like 250-750, got ${value}`);
  return [Number(match[1]), Number(match[2])];
}

export type Op = "open" | "create" | "edit" | "delete";
type Known = { id: string; version: number; note: string | null; deleted: boolean };
export type LoadResult = {
  latencies: Record<Op, number[]>;
  errors: Record<string, number>;
  acknowledged: Map<string, Known & { articleId: string }>;
  /** Requests that got no answer (connection reset, timeout): their effect is unknown. */
  inDoubt: number;
  seconds: number;
};

export async function simulate(options: { baseURL: string; /** Several web processes: client i talks to baseURLs[i % n]. */ baseURLs?: string[]; articleIds: string[]; bodyWords: { start: number; end: number; quote: string }[]; clients: number; seconds: number; thinkMs: [number, number]; onTick?: (elapsed: number) => void }): Promise<LoadResult> {
  const { articleIds, bodyWords } = options;
  const bases = options.baseURLs ?? [options.baseURL];
  const baseOf = (client: number) => bases[client % bases.length]!;
  const result: LoadResult = { latencies: { open: [], create: [], edit: [], delete: [] }, errors: {}, acknowledged: new Map(), inDoubt: 0, seconds: options.seconds };
  // One sign-in per account and web process, one at a time: fifty parallel sign-ins of two accounts
  // trip the per-account sign-in limit (decision 0009), which counts attempts in flight.
  const sessions = new Map<string, string>();
  for (let i = 0; i < Math.min(options.clients, 2 * bases.length); i++) {
    const account = i % 2 ? "analyst2@example.org" : "analyst1@example.org";
    const key = `${baseOf(i)} ${account}`;
    if (!sessions.has(key)) sessions.set(key, await signIn(baseOf(i), account));
  }
  const cookies = Array.from({ length: options.clients }, (_, i) => sessions.get(`${baseOf(i)} ${i % 2 ? "analyst2@example.org" : "analyst1@example.org"}`)!);
  const deadline = Date.now() + options.seconds * 1000;
  const started = Date.now();
  const ticker = options.onTick && setInterval(() => options.onTick!((Date.now() - started) / 1000), 1000);

  async function timed(op: Op, client: number, method: string, url: string, body?: unknown): Promise<BenchResponse | null> {
    const cookie = cookies[client]!;
    const t0 = performance.now();
    try {
      const response = await request(`${baseOf(client)}${url}`, { method, headers: { cookie }, body });
      result.latencies[op].push(performance.now() - t0);
      if (response.status >= 300) result.errors[`${op} ${response.status}`] = (result.errors[`${op} ${response.status}`] ?? 0) + 1;
      return response;
    } catch {
      result.inDoubt++;
      result.errors[`${op} no answer`] = (result.errors[`${op} no answer`] ?? 0) + 1;
      return null;
    }
  }

  await Promise.all(
    cookies.map(async (_cookie, client) => {
      const mine: (Known & { articleId: string })[] = [];
      while (Date.now() < deadline) {
        const articleId = articleIds[randomInt(articleIds.length)]!;
        await timed("open", client, "GET", `/api/articles/${articleId}/annotations`);
        const live = mine.filter((a) => !a.deleted);
        const roll = randomInt(100);
        if (roll < 50 || live.length === 0) {
          const word = bodyWords[randomInt(bodyWords.length)]!;
          const response = await timed("create", client, "POST", `/api/articles/${articleId}/annotations`, { label: ["claim", "attribution", "loaded_language", "unverified"][randomInt(4)], ...word });
          if (response?.status === 201) {
            const created = JSON.parse(response.body) as { id: string; version: number };
            const known = { id: created.id, version: created.version, note: null, deleted: false, articleId };
            mine.push(known);
            result.acknowledged.set(created.id, known);
          }
        } else if (roll < 80) {
          const target = live[randomInt(live.length)]!;
          const note = `note ${randomInt(1_000_000)}`;
          const response = await timed("edit", client, "PATCH", `/api/annotations/${target.id}`, { version: target.version, note });
          if (response?.status === 200) Object.assign(target, { version: (JSON.parse(response.body) as { version: number }).version, note });
        } else {
          const target = live[randomInt(live.length)]!;
          const response = await timed("delete", client, "DELETE", `/api/annotations/${target.id}`);
          if (response?.status === 204) target.deleted = true;
        }
        const [least, most] = options.thinkMs;
        await new Promise((r) => setTimeout(r, least + randomInt(most - least + 1)));
      }
    }),
  );
  if (ticker) clearInterval(ticker);
  return result;
}

/** Compares the database (through a reviewer's API view of every layer) with what was acknowledged. */
export async function verify(baseURL: string, articleIds: string[], acknowledged: LoadResult["acknowledged"]) {
  const cookie = await signIn(baseURL, "reviewer@example.org");
  const stored = new Map<string, { version: number; note: string | null }>();
  for (const articleId of articleIds) {
    const response = await fetch(`${baseURL}/api/articles/${articleId}/annotations?annotator=all`, { headers: { cookie } });
    for (const a of ((await response.json()) as { items: { id: string; version: number; note: string | null }[] }).items) stored.set(a.id, a);
  }
  let lost = 0;
  let wrongState = 0;
  for (const known of acknowledged.values()) {
    const row = stored.get(known.id);
    if (known.deleted) {
      if (row) wrongState++;
    } else if (!row) lost++;
    else if (row.version !== known.version || row.note !== known.note) wrongState++;
  }
  const appeared = [...stored.keys()].filter((id) => !acknowledged.has(id)).length;
  return { acknowledged: acknowledged.size, stored: stored.size, lost, wrongState, appeared };
}

export function report(result: LoadResult) {
  console.log(`${"operation".padEnd(10)} ${"count".padStart(7)} ${"per s".padStart(7)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)}`);
  for (const [op, values] of Object.entries(result.latencies)) {
    const sorted = [...values].sort((a, b) => a - b);
    const f = (p: number) => `${percentile(sorted, p).toFixed(1)} ms`;
    console.log(`${op.padEnd(10)} ${String(sorted.length).padStart(7)} ${(sorted.length / result.seconds).toFixed(1).padStart(7)} ${f(50).padStart(9)} ${f(95).padStart(9)} ${f(99).padStart(9)}`);
  }
  const total = Object.values(result.latencies).reduce((n, values) => n + values.length, 0);
  console.log(`${"all".padEnd(10)} ${String(total).padStart(7)} ${(total / result.seconds).toFixed(1).padStart(7)}`);
  const errorCount = Object.values(result.errors).reduce((a, b) => a + b, 0);
  console.log(`errors: ${errorCount}${errorCount ? ` (${Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""}; in doubt (no answer): ${result.inDoubt}`);
}
