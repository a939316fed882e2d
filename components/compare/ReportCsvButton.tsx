"use client";

import { downloadCsv } from "@/components/ui/download";
import { toCsv } from "@/lib/aggregates/csv";
import type { ReportLine } from "./AgreementReportTable";

/** The report as CSV (RFC 4180, spreadsheet-safe: label and group names are user text), with the filters it was computed for above the header. */
export function ReportCsvButton({ lines, filters }: { lines: (ReportLine & { table: string })[]; filters: string }) {
  function download() {
    const header = ["table", "group", "label", "articles", "spans", "alpha_mean", "alpha_n", "kappa_mean", "kappa_n", "f1_exact_mean", "f1_exact_n", "f1_partial_mean", "f1_partial_n", "f1_pooled_exact", "f1_pooled_partial", "warnings"];
    const rows = lines.map((l) => [l.table, l.group, l.key, l.articles, l.spans, l.alpha.mean, l.alpha.defined, l.kappa.mean, l.kappa.defined, l.f1Exact.mean, l.f1Exact.defined, l.f1Partial.mean, l.f1Partial.defined, l.f1Pooled.exact, l.f1Pooled.partial, l.warnings.join("; ")]);
    const csv = toCsv({ about: { "Slant agreement report; filters": filters }, columns: header, rows });
    downloadCsv(csv, "slant-agreement");
  }
  return (
    <button type="button" onClick={download} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
      Download CSV
    </button>
  );
}
