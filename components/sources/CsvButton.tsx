"use client";

import { toCsv, type CsvCell } from "@/lib/aggregates/csv";
import type { ViewBasis } from "@/lib/schemas/responses/sources";
import { downloadCsv } from "@/components/ui/download";

/** Downloads a table as CSV, with the basis and filters as comment lines above the header. */
export function CsvButton({ filename, basis, columns, rows, about = {} }: { filename: string; basis: ViewBasis; columns: string[]; rows: CsvCell[][]; about?: Record<string, string> }) {
  const csv = () => toCsv({ about: { ...about, basis: basis.description, filters: basis.filters }, columns, rows });
  return (
    <button type="button" className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100" onClick={() => downloadCsv(csv(), filename)}>
      Download CSV
    </button>
  );
}
