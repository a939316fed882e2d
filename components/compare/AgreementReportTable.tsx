
import type { ReportRow } from "@/lib/agreement";

const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const cell = (s: { mean: number | null; defined: number }) => fixed(s.mean);

export type ReportLine = ReportRow & { group: string };

/** One table of the report; every figure shows the number of articles it rests on. */
export function AgreementReportTable({ title, lines, labelName }: { title: string; lines: ReportLine[]; labelName: (key: string) => string }) {
  return (
    <section>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <table className="w-full text-sm" aria-label={title}>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Group</th>
            <th className="py-1 pr-3 font-medium">Label</th>
            <th className="py-1 pr-3 text-right font-medium">Articles</th>
            <th className="py-1 pr-3 text-right font-medium">Spans</th>
            <th className="py-1 pr-3 text-right font-medium">uα (n)</th>
            <th className="py-1 pr-3 text-right font-medium">κ (n)</th>
            <th className="py-1 pr-3 text-right font-medium" title="Mean over articles of each article's span F1 (articles where it is undefined left out)">F1 exact, per-article mean (n)</th>
            <th className="py-1 pr-3 text-right font-medium" title="Mean over articles of each article's span F1 (articles where it is undefined left out)">F1 partial, per-article mean (n)</th>
            <th className="py-1 pr-3 text-right font-medium" title="Corpus-level (micro) span F1 as SemEval-2020 Task 11 defines it: credit and span counts summed over all articles, then P, R, F1">F1 pooled exact / partial (SemEval-2020 T11)</th>
            <th className="py-1 font-medium">Warnings</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {lines.map((l) => (
            <tr key={`${l.group}-${l.key}`} className="border-t border-slate-100">
              <td className="py-1 pr-3">{l.group}</td>
              <td className="py-1 pr-3">{labelName(l.key)}</td>
              <td className="py-1 pr-3 text-right">{l.articles}</td>
              <td className="py-1 pr-3 text-right">{l.spans}</td>
              <td className="py-1 pr-3 text-right">{cell(l.alpha)} ({l.alpha.defined})</td>
              <td className="py-1 pr-3 text-right">{cell(l.kappa)} ({l.kappa.defined})</td>
              <td className="py-1 pr-3 text-right">{cell(l.f1Exact)} ({l.f1Exact.defined})</td>
              <td className="py-1 pr-3 text-right">{cell(l.f1Partial)} ({l.f1Partial.defined})</td>
              <td className="py-1 pr-3 text-right" data-pooled-f1="">
                {fixed(l.f1Pooled.exact)} / {fixed(l.f1Pooled.partial)}
              </td>
              <td className="py-1">
                {l.warnings.length > 0 && (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" title={l.warnings.join("\n")}>
                    ⚠ {l.warnings.length}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
