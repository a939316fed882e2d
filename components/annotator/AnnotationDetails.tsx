"use client";

import { Button } from "@/components/ui/Button";
import { AttributeForm } from "./AttributeForm";
import type { LabelOption, ShownAnnotation } from "./types";

type Props = {
  annotation: ShownAnnotation;
  labels: LabelOption[];
  editable: boolean;
  onChangeLabel: (key: string) => void;
  onChangeNote: (note: string | null) => void;
  onChangeAttributes: (values: Record<string, unknown>) => void;
  onMoveEdge: (edge: "start" | "end", direction: -1 | 1) => void;
  onDelete: () => void;
  onRetry: () => void;
  onClose: () => void;
};

/** The selected annotation: label, boundaries, note and attributes, all editable by its author. */
export function AnnotationDetails(props: Props) {
  const { annotation: a, labels, editable } = props;
  const label = labels.find((l) => l.key === a.label);
  const saved = !a.id.startsWith("pending-");
  return (
    <section aria-label="Selected annotation" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <blockquote className="font-serif text-slate-900">“{a.quote}”</blockquote>
        <button type="button" onClick={props.onClose} aria-label="Close details" className="text-slate-400 hover:text-slate-700">
          ✕
        </button>
      </div>
      {a.pending === "failed" && (
        <div role="alert" className="rounded-md bg-red-50 px-2 py-1.5 text-sm text-red-800">
          Not saved: {a.error}{" "}
          <button type="button" onClick={props.onRetry} className="font-medium underline">
            Retry
          </button>
        </div>
      )}
      <p className="text-xs text-slate-500">
        {a.annotator.name} · characters {a.start}–{a.end}
      </p>
      <label className="block text-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-600">Label</span>
        <select value={a.label} disabled={!editable || !saved} onChange={(e) => props.onChangeLabel(e.target.value)} className="w-full rounded-md border border-slate-300 px-2 py-1">
          {labels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {editable && saved && (
        <div className="grid grid-cols-2 gap-1 text-xs" role="group" aria-label="Boundaries">
          <Button variant="secondary" onClick={() => props.onMoveEdge("start", -1)} title="[">◀ Extend start</Button>
          <Button variant="secondary" onClick={() => props.onMoveEdge("end", 1)} title="}">Extend end ▶</Button>
          <Button variant="secondary" onClick={() => props.onMoveEdge("start", 1)} title="]">Shrink start ▶</Button>
          <Button variant="secondary" onClick={() => props.onMoveEdge("end", -1)} title="{">◀ Shrink end</Button>
        </div>
      )}
      <label className="block text-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-600">Note</span>
        <textarea
          key={`${a.id}:${a.version}:${a.note ?? ""}`}
          defaultValue={a.note ?? ""}
          disabled={!editable || !saved}
          rows={3}
          maxLength={5000}
          onBlur={(e) => e.target.value !== (a.note ?? "") && props.onChangeNote(e.target.value || null)}
          className="w-full rounded-md border border-slate-300 px-2 py-1"
          placeholder="Why this span, what it implies…"
        />
      </label>
      {label && label.attributes.length > 0 && (
        <AttributeForm key={`${a.id}:${a.version}`} fields={label.attributes} values={a.attributes} disabled={!editable || !saved} onChange={props.onChangeAttributes} />
      )}
      {editable && (
        <Button variant="secondary" onClick={props.onDelete} className="w-full text-red-700">
          Delete annotation
        </Button>
      )}
    </section>
  );
}
