"use client";

import type { LabelOption } from "@/components/annotator/types";
import type { GoldView } from "@/lib/schemas/responses/compare";
import { SpanValues } from "./SpanValues";

type Props = {
  gold: GoldView;
  labels: LabelOption[];
  onChangeLabel: (key: string) => void;
  onMoveEdge: (edge: "start" | "end", direction: -1 | 1) => void;
  onDelete: () => void;
};

/** A gold span: its label and boundaries stay adjustable, and it shows where it came from. */
export function GoldChip({ gold, labels, onChangeLabel, onMoveEdge, onDelete }: Props) {
  const label = labels.find((l) => l.key === gold.label);
  return (
    <div role="group" aria-label={`Gold ${label?.name ?? gold.label} span`} className="mb-1 rounded-md border border-yellow-300 bg-yellow-50 p-1.5 text-xs" style={{ borderLeft: `4px solid ${label?.color ?? "#64748b"}` }}>
      <select aria-label="Gold label" value={gold.label} onChange={(e) => onChangeLabel(e.target.value)} className="rounded border border-slate-300 bg-white px-1 py-0.5">
        {labels.map((l) => (
          <option key={l.key} value={l.key}>
            {l.name}
          </option>
        ))}
      </select>
      <p className="mt-0.5 line-clamp-2 font-serif text-slate-700">“{gold.quote}”</p>
      <SpanValues attributes={gold.attributes} note={gold.note} label={label} />
      <p className="text-slate-500">
        from {gold.fromAnnotationIds.length} annotation{gold.fromAnnotationIds.length === 1 ? "" : "s"} · {gold.adjudicator.name}
      </p>
      <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label="Gold boundaries">
        <button type="button" className="rounded border px-1" onClick={() => onMoveEdge("start", -1)} title="Extend start by a word">◀</button>
        <button type="button" className="rounded border px-1" onClick={() => onMoveEdge("start", 1)} title="Shrink start by a word">▶</button>
        <span className="text-slate-400">|</span>
        <button type="button" className="rounded border px-1" onClick={() => onMoveEdge("end", -1)} title="Shrink end by a word">◀</button>
        <button type="button" className="rounded border px-1" onClick={() => onMoveEdge("end", 1)} title="Extend end by a word">▶</button>
        <button type="button" className="ml-auto text-red-700 hover:underline" onClick={onDelete}>
          Remove
        </button>
      </div>
    </div>
  );
}
