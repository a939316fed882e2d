// Export of 1,000,000 annotations (10,000 articles × 100) as JSONL and CSV,
// against COPY (SELECT the same rows) TO STDOUT through psql in the same run;
// then an import of 10,000 articles with 100,000 annotations.
// Each export runs the HTTP route's path: rows read as the app reads them
// (plain pg on a server, Prisma's connection on the embedded database), the
// writer, and readableFrom's UTF-8 encoding; bytes are counted, not kept.
// "Peak RSS so far" is the process's high-water mark (getrusage maxRSS) since
// start, so it includes everything before it (data generation, the previous
// export); each export also reports the highest RSS sampled every 10 ms while
// it ran (the process as a whole, baseline included).
// Usage: npm run bench:export   (BENCH_DATABASE_URL=postgresql://… for a server; else embedded in a child process;
//        BENCH_ONLY=import runs only the import; run with node --expose-gc for a settled baseline)
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "../lib/auth/policy";
import { connectDb } from "../lib/db/client";
import { readableFrom } from "../lib/datasets/stream";
import { exportArticles } from "../lib/db/export/datasets";
import { startImport } from "../lib/db/import/jobs";
import { migrate } from "../lib/db/migrate";
import { seedLabels } from "../lib/db/seed";
import { exportFormats } from "../lib/formats/registry";
import { openDatabase } from "../lib/runtime/database";
import { loadSeeds } from "../seeds/load";
import { freshDatabase } from "../tests/support/fresh-database";
import { BASELINE_QUERY, generateExportData, importJsonl } from "./support/export-data";

const ARTICLES = 10_000;
const PER_ARTICLE = 100;
const ANNOTATIONS = ARTICLES * PER_ARTICLE;
const filters = { sourceId: [], label: [], annotator: [], gold: false, pseudonymize: false, annotationsOnly: false };
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** Samples RSS until the returned function is called, which gives the highest value in KB. */
function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / 1024;
  };
}

async function database(): Promise<{ url: string; mode: "postgres" | "embedded"; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) {
    const db = await freshDatabase({ serverUrl: process.env.BENCH_DATABASE_URL });
    return { url: db.url, mode: "postgres", stop: db.dispose };
  }
  // Not freshDatabase's in-process PGlite: its memory would count against this process's peak RSS.
  const dir = await mkdtemp(path.join(tmpdir(), "slant-bench-"));
  const db = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  await migrate(db.url);
  return { url: db.url, mode: "embedded", stop: async () => { await db.stop(); await rm(dir, { recursive: true, force: true }); } };
}

const target = await database();
const client = connectDb(target.url, target.mode);
try {
  const labels = (await loadSeeds()).labels;
  await seedLabels(client, labels);
  let t0 = performance.now();
  const onlyImport = process.env.BENCH_ONLY === "import";
  if (!onlyImport) await exportBench();
  async function exportBench() {
  await generateExportData(client, ARTICLES, PER_ARTICLE);
  console.log(`${target.mode}: generated ${ARTICLES} articles, ${ANNOTATIONS} annotations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const actor: Actor = { id: "00000000-0000-0000-0000-000000000000", email: "bench@localhost", name: "bench", role: "ADMIN" };

  t0 = performance.now();
  // psql writes to /dev/null itself: buffering 400 MiB here would inflate this process's peak RSS.
  const copy = spawnSync("psql", [target.url, "-X", "-q", "-o", "/dev/null", "-c", `COPY (${BASELINE_QUERY}) TO STDOUT WITH (FORMAT csv)`], { stdio: ["ignore", "ignore", "pipe"] });
  const copyS = (performance.now() - t0) / 1000;
  const copyOk = copy.status === 0;
  console.log(copyOk ? `COPY … TO STDOUT (psql): ${copyS.toFixed(2)} s, ${Math.round(ANNOTATIONS / copyS).toLocaleString()} rows/s` : `COPY baseline unavailable: ${copy.error?.message ?? copy.stderr.toString().trim()}`);
  console.log(`peak RSS before the exports ${mb(process.resourceUsage().maxRSS)}`);

  for (const key of ["jsonl", "csv"] as const) {
    const rss = sampleRss();
    t0 = performance.now();
    let bytes = 0;
    const articles = exportArticles({ actor, filters, client });
    const body = await readableFrom(exportFormats[key].write(articles, { annotationsOnly: false, baseUrl: "http://bench" }));
    const reader = body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
    const s = (performance.now() - t0) / 1000;
    const ratio = copyOk ? `, ${(s / copyS).toFixed(2)}× COPY` : "";
    console.log(`export ${key}: ${s.toFixed(2)} s, ${Math.round(ANNOTATIONS / s).toLocaleString()} annotations/s, ${(bytes / 2 ** 20).toFixed(0)} MiB${ratio}; RSS ≤ ${mb(rss())} during it, peak RSS so far ${mb(process.resourceUsage().maxRSS)}`);
  }
  }

  const admin = await client.user.create({ data: { email: "bench-admin@example.org", name: "Bench Admin", passwordHash: "x", role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
  const bytes = new TextEncoder().encode(importJsonl(Number(process.env.BENCH_IMPORT_ARTICLES ?? ARTICLES), 10, labels.map((l) => l.key)));
  // The quiet baseline: this process at rest with the file in hand, after the exports' garbage is collected.
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const quietKb = process.memoryUsage.rss() / 1024;
  const rss = sampleRss();
  t0 = performance.now();
  const job = await startImport({ actor: admin, client, file: { bytes, filename: "bench.jsonl", kind: "articles", baseUrl: "http://bench" } });
  await job.finished;
  const s = (performance.now() - t0) / 1000;
  const peakKb = rss();
  const done = await client.importJob.findUniqueOrThrow({ where: { id: job.id } });
  const report = done.report as { created: { articles: number; annotations: number }; rejected: unknown[] };
  const fileKb = bytes.byteLength / 1024;
  console.log(`import jsonl: ${report.created.articles} articles, ${report.created.annotations} annotations in ${s.toFixed(1)} s, ${Math.round(report.created.annotations / s).toLocaleString()} annotations/s (${done.status}, ${report.rejected.length} rejected, ${(fileKb / 1024).toFixed(0)} MiB file)`);
  console.log(`import RSS: quiet baseline ${mb(quietKb)}, peak during the import ${mb(peakKb)} (target < baseline + 4 × file = ${mb(quietKb + 4 * fileKb)}); peak RSS of the whole run ${mb(process.resourceUsage().maxRSS)}`);
} finally {
  await client.$disconnect();
  await target.stop();
}
