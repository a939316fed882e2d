// npm run import -- <file> [--kind articles|annotations] [--format jsonl|csv|zip|labelstudio|w3c]
//   [--source NAME] [--as EMAIL] [--base-url https://slant.example.org]
// Runs the same import job as the web page (it shows up in the job list), as
// the user given with --as (default: the first admin), with progress on stderr
// and the report (JSON) on stdout. Exit code 1 when any row was rejected.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { describeRejected, summarizeReport, type ImportReport } from "../lib/datasets/import-report";
import { startImport } from "../lib/db/import/jobs";
import { ImportOptions, MAX_IMPORT_BYTES } from "../lib/schemas/datasets";
import { fail, withDatabase } from "./with-database";

console.log = (...args: unknown[]) => console.error(...args); // stdout is for the report

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: "string", default: "articles" }, format: { type: "string" }, source: { type: "string" }, as: { type: "string" }, "base-url": { type: "string" } },
});
const file = positionals[0] ?? fail("Usage: npm run import -- <file> [--kind articles|annotations] [--format …] [--source NAME] [--as EMAIL]");
const options = ImportOptions.safeParse({ kind: values.kind, format: values.format, source: values.source });
if (!options.success) fail(`Cannot import:\n${z.prettifyError(options.error)}`);
if ((await stat(file).catch(() => fail(`No such file: ${file}`))).size > MAX_IMPORT_BYTES) fail(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`);

await withDatabase(async (client) => {
  const user = await client.user.findFirst({
    where: values.as ? { email: values.as.toLowerCase(), deactivatedAt: null } : { role: "ADMIN", deactivatedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!user) fail(values.as ? `No active user ${values.as}.` : "No admin user: pass --as EMAIL.");
  const bytes = new Uint8Array(await readFile(file));
  const baseUrl = values["base-url"] ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  const job = await startImport({ actor: user, client, file: { ...options.data, bytes, filename: path.basename(file), baseUrl } });
  const progress = setInterval(async () => {
    const row = await client.importJob.findUnique({ where: { id: job.id }, select: { processed: true, total: true } }).catch(() => null);
    if (row) process.stderr.write(`\rimporting as ${user.email}: ${row.processed} of ${row.total ?? "?"} rows`);
  }, 500);
  await job.finished.finally(() => clearInterval(progress));
  const done = await client.importJob.findUniqueOrThrow({ where: { id: job.id } });
  const report = done.report as unknown as ImportReport;
  process.stderr.write(`\r${done.status.toLowerCase()}: ${summarizeReport(report)}\n`);
  for (const r of report.rejected) process.stderr.write(`  ${describeRejected(r)}\n`);
  for (const m of report.annotators ?? []) process.stderr.write(`  annotator ${m.key ? `"${m.name || m.key}"` : "(none given)"} → ${m.to.name} (${m.how}): ${m.annotations} annotations\n`);
  process.stdout.write(`${JSON.stringify({ id: done.id, status: done.status, error: done.error, report }, null, 2)}\n`);
  if (done.status !== "SUCCEEDED" || report.rejected.length > 0) process.exitCode = 1;
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
