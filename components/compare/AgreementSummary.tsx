"use client";

import type { LabelAgreement } from "@/lib/agreement";
import type { LabelOption } from "@/components/annotator/types";

const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));

type Props = { agreement: LabelAgreement[]; labels: Map<string, LabelOption>; raterName: (id: string) => string; focus: string | null; onFocus: (label: string | null) => void };

/** Per-label agreement with its sample sizes; a click narrows the lanes to that label's disagreements. */
export function AgreementSummary({ agreement, labels, raterName, focus, onFocus }: Props) {
  return (
    <table className="w-full text-sm" aria-label="Agreement by label">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Label</th>
          <th className="py-1 pr-3 font-medium" title="Krippendorff's unitizing alpha on characters">uα</th>
          <th className="py-1 pr-3 font-medium" title="Token kappa: Cohen's for two annotators, Fleiss' for more">κ</th>
          <th className="py-1 pr-3 font-medium" title="Mean pairwise span F1, exact / partial (SemEval-2020 Task 11)">F1 exact / partial</th>
          <th className="py-1 pr-3 font-medium">Spans per annotator</th>
          <th className="py-1 font-medium">Notes</th>
        </tr>
      </thead>
      <tbody>
        {agreement.map((a) => (
          <tr key={a.label} className={`cursor-pointer border-t border-slate-100 ${focus === a.label ? "bg-amber-50" : "hover:bg-slate-50"}`} onClick={() => onFocus(focus === a.label ? null : a.label)}>
            <td className="py-1.5 pr-3 font-medium" style={{ color: labels.get(a.label)?.color }}>
              <button type="button" className="hover:underline">{labels.get(a.label)?.name ?? a.label}</button>
            </td>
            <td className="py-1.5 pr-3 tabular-nums">{fixed(a.unitizingAlpha.value)}</td>
            <td className="py-1.5 pr-3 tabular-nums" title={`${a.kappa.method ?? "n/a"} over ${a.kappa.tokens} tokens`}>{fixed(a.kappa.value)}</td>
            <td className="py-1.5 pr-3 tabular-nums">
              {fixed(a.f1.exact)} / {fixed(a.f1.partial)}
            </td>
            <td className="py-1.5 pr-3 text-slate-600">{Object.entries(a.counts).map(([id, n]) => `${raterName(id)} ${n}`).join(" · ")}</td>
            <td className="py-1.5">
              {a.warnings.length > 0 && (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" title={a.warnings.join("\n")}>
                  ⚠ {a.warnings.length}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
