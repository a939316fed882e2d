import type { ReactNode } from "react";
import { reportCount, summarizeReport, type ImportReport } from "@/lib/datasets/import-report";

function Section({ title, count, listed, children }: { title: string; count: number; listed: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <details open className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {title} ({count})
      </summary>
      <ul className="max-h-64 divide-y divide-slate-100 overflow-auto text-sm">
        {children}
        {count > listed && <li className="px-3 py-1.5 text-slate-500">… and {count - listed} more, not listed</li>}
      </ul>
    </details>
  );
}

const Item = ({ line, children }: { line: number; children: ReactNode }) => (
  <li className="flex gap-3 px-3 py-1.5">
    <span className="w-20 shrink-0 tabular-nums text-slate-500">line {line}</span>
    <span className="min-w-0 break-words">{children}</span>
  </li>
);

const MATCH_TEXT = { id: "same id", "external id": "same id in the file it came from", "same span": "same annotator, label and range" } as const;

/** Who each annotator named in the file became in Slant. */
function Annotators({ report }: { report: ImportReport }) {
  const annotators = report.annotators ?? [];
  if (annotators.length === 0) return null;
  return (
    <details open className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Annotators ({annotators.length})</summary>
      <ul className="max-h-64 divide-y divide-slate-100 overflow-auto text-sm">
        {annotators.map((m, i) => (
          <li key={i} className="px-3 py-1.5">
            {m.key ? `“${m.name || m.key}”` : "No annotator in the file"} → {m.to.name} ({m.how}): {m.annotations} annotations
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The final report: every row that was not created plainly, with its line and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <section aria-label="Import report" className="space-y-3">
      <p className="text-sm font-medium">{summarizeReport(report)}</p>
      <Annotators report={report} />
      <Section title="Rejected rows" count={reportCount(report, "rejected")} listed={report.rejected.length}>
        {report.rejected.map((r, i) => (
          <Item key={i} line={r.line}>
            {r.item ? `${r.item}: ` : ""}
            {r.reason}
          </Item>
        ))}
      </Section>
      <Section title="Duplicates skipped" count={reportCount(report, "duplicates")} listed={report.duplicates.length}>
        {report.duplicates.map((d, i) => (
          <Item key={i} line={d.line}>
            {d.what} already in Slant{d.title ? `: “${d.title}”` : ""}
            {d.match ? ` (${MATCH_TEXT[d.match]})` : ""} ({d.existingId})
          </Item>
        ))}
      </Section>
      <Section title="Orphaned annotations (not created)" count={reportCount(report, "orphaned")} listed={report.orphaned.length}>
        {report.orphaned.map((o, i) => (
          <Item key={i} line={o.line}>
            {o.label} “{o.quote}”: {o.reason}
          </Item>
        ))}
      </Section>
      <Section title="Re-anchored annotations (created at a new position)" count={reportCount(report, "reanchored")} listed={report.reanchored.length}>
        {report.reanchored.map((r, i) => (
          <Item key={i} line={r.line}>
            {r.label} [{r.from.start ?? "?"}, {r.from.end ?? "?"}) → [{r.to.start}, {r.to.end})
          </Item>
        ))}
      </Section>
    </section>
  );
}
