"use client";

import type { LabelOption } from "@/components/annotator/types";
import type { DisagreementKind } from "@/lib/compare/disagreements";
import type { CompareAnnotation } from "@/lib/schemas/responses/compare";
import { SpanValues } from "./SpanValues";

export const kindText: Record<DisagreementKind, string> = {
  agreed: "agreed",
  attributes: "attributes differ",
  label: "label differs",
  boundary: "boundaries differ",
  missing: "only some annotators",
};
const kindStyle: Record<DisagreementKind, string> = {
  agreed: "bg-emerald-100 text-emerald-900",
  attributes: "bg-rose-100 text-rose-900",
  label: "bg-violet-100 text-violet-900",
  boundary: "bg-sky-100 text-sky-900",
  missing: "bg-amber-100 text-amber-900",
};

type Props = {
  annotation: CompareAnnotation;
  label: LabelOption | undefined;
  kind: DisagreementKind;
  notesDiffer: boolean;
  showQuote: boolean;
  inGold: boolean;
  focused: boolean;
  onFocus: () => void;
  onAccept: () => void;
  onReject: () => void;
};

/** One annotator's span in its lane: label, kind of disagreement, its attributes and note, and the reviewer's actions. */
export function SpanChip({ annotation: a, label, kind, notesDiffer, showQuote, inGold, focused, onFocus, onAccept, onReject }: Props) {
  return (
    <div
      role="group"
      aria-label={`${label?.name ?? a.label} span`}
      tabIndex={0}
      onFocus={onFocus}
      onClick={onFocus}
      className={`mb-1 rounded-md border bg-white p-1.5 text-xs ${focused ? "border-slate-500 ring-1 ring-slate-400" : "border-slate-200"}`}
      style={{ borderLeft: `4px solid ${label?.color ?? "#64748b"}` }}
    >
      <div className="flex flex-wrap items-center gap-1">
        <span className="font-medium">{label?.name ?? a.label}</span>
        <span className={`rounded px-1 ${kindStyle[kind]}`} data-kind={kind}>{kindText[kind]}</span>
        {a.review?.decision === "REJECTED" && <span className="rounded bg-red-100 px-1 text-red-900" title={a.review.reason ?? ""}>rejected</span>}
        {notesDiffer && <span className="rounded bg-orange-100 px-1 text-orange-900" data-notes-differ="">notes differ</span>}
        {inGold && <span className="rounded bg-yellow-100 px-1 text-yellow-900">in gold</span>}
        {a.comments > 0 && <span className="text-slate-500">💬 {a.comments}</span>}
      </div>
      {showQuote && <p className="mt-0.5 line-clamp-2 font-serif text-slate-700">“{a.quote}”</p>}
      <SpanValues attributes={a.attributes} note={a.note} label={label} />
      <div className="mt-1 flex gap-2">
        {!inGold && (
          <button type="button" onClick={onAccept} className="font-medium text-emerald-700 hover:underline" title="a">
            Accept into gold
          </button>
        )}
        {a.review?.decision !== "REJECTED" && (
          <button type="button" onClick={onReject} className="text-red-700 hover:underline" title="x">
            Reject…
          </button>
        )}
      </div>
    </div>
  );
}
