"use client";

import { forwardRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { relabel, type Relabel } from "@/lib/annotations/relabel";
import { AttributeForm } from "./AttributeForm";
import { ConflictPanel } from "./ConflictPanel";
import type { Change, LabelOption, ShownAnnotation } from "./types";
import { useDraft } from "./useDraft";

type Props = {
  annotation: ShownAnnotation;
  labels: LabelOption[];
  editable: boolean;
  /** `group` folds one field's autosaves into one undo step. */
  onChange: (change: Change, group?: string) => void;
  onMoveEdge: (edge: "start" | "end", direction: -1 | 1) => void;
  onDelete: () => void;
  onRetry: () => void;
  onResolve: (choice: { keep: "mine" } | { keep: "theirs" } | { keep: "merged"; note: string | null }) => void;
  onClose: () => void;
};

/**
 * The selected annotation: label, boundaries, note and attributes, all
 * editable by its author. Mounted once per annotation (keyed by id): saves
 * re-render it but never rebuild a field.
 */
export const AnnotationDetails = forwardRef<HTMLElement, Props>(function AnnotationDetails(props, ref) {
  const { annotation: a, labels, editable } = props;
  const label = labels.find((l) => l.key === a.label);
  const saved = !a.id.startsWith("pending-");
  const disabled = !editable || !saved;
  // Text stays selectable (and copyable) when it may not be changed: read-only rather than disabled.
  const readOnly = !editable;
  const [relabelling, setRelabelling] = useState<({ to: LabelOption } & Relabel) | null>(null);
  const note = useDraft(a.note ?? "", (text, sitting) => props.onChange({ note: text === "" ? null : text }, `note:${sitting}`), undefined, readOnly);

  function chooseLabel(key: string) {
    const to = labels.find((l) => l.key === key);
    if (!to || key === a.label) return;
    const carried = relabel(a.attributes, label?.attributes ?? [], to.attributes);
    if (carried.dropped.length === 0) props.onChange({ label: key, attributes: carried.kept });
    else setRelabelling({ to, ...carried });
  }

  return (
    <section
      ref={ref}
      aria-label="Selected annotation"
      tabIndex={-1}
      data-annotation-id={saved ? a.id : undefined}
      className="annotation-focus space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <div className="flex items-start justify-between gap-2">
        <blockquote className="font-serif break-words text-slate-900">“{a.quote}”</blockquote>
        <button type="button" onClick={props.onClose} aria-label="Close details" className="text-slate-500 hover:text-slate-800">
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
      {a.conflict && <ConflictPanel conflict={a.conflict} labels={labels} onResolve={props.onResolve} />}
      <p className="text-xs text-slate-600">
        {a.annotator.name} · characters {a.start}–{a.end}
        {readOnly && saved && " · read only"}
      </p>
      <label className="block text-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-700">Label</span>
        <select value={relabelling?.to.key ?? a.label} disabled={disabled || relabelling !== null} onChange={(e) => chooseLabel(e.target.value)} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1">
          {labels
            .filter((l) => !l.retired || l.key === a.label)
            .map((l) => (
              <option key={l.key} value={l.key}>
                {l.retired ? `${l.name} (retired)` : l.name}
              </option>
            ))}
        </select>
      </label>
      {relabelling && (
        <div role="alertdialog" aria-label="Drop attributes?" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-slate-900">
          <p>
            {relabelling.to.name} has no place for{" "}
            {relabelling.dropped.map((d, i) => (
              <span key={d.key}>
                {i > 0 && ", "}
                <strong>{d.label}</strong> (“{String(d.value)}”)
              </span>
            ))}
            . Change the label and drop {relabelling.dropped.length === 1 ? "it" : "them"}?
          </p>
          <div className="flex gap-2">
            <Button
              variant="primary"
              onClick={() => {
                props.onChange({ label: relabelling.to.key, attributes: relabelling.kept });
                setRelabelling(null);
              }}
            >
              Change label and drop
            </Button>
            <Button variant="secondary" onClick={() => setRelabelling(null)} autoFocus>
              Keep {label?.name ?? a.label}
            </Button>
          </div>
        </div>
      )}
      {editable && saved && (
        <div className="grid grid-cols-2 gap-1 text-xs" role="group" aria-label="Boundaries">
          <Button variant="secondary" onClick={() => props.onMoveEdge("start", -1)} title="[">◀ Extend start</Button>
          <Button variant="secondary" onClick={() => props.onMoveEdge("end", 1)} title="}">Extend end ▶</Button>
          <Button variant="secondary" onClick={() => props.onMoveEdge("start", 1)} title="]">Shrink start ▶</Button>
          <Button variant="secondary" onClick={() => props.onMoveEdge("end", -1)} title="{">◀ Shrink end</Button>
        </div>
      )}
      <label className="block text-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-700">Note</span>
        <textarea {...note} readOnly={readOnly} disabled={!saved} rows={3} maxLength={5000} className={`w-full rounded-md border border-slate-300 px-2 py-1 ${readOnly ? "bg-slate-50 text-slate-700" : "bg-white"}`} placeholder="Why this span, what it implies…" />
      </label>
      {/* Values of fields since removed still show (read-only) when the label has no fields left. */}
      {label && (label.attributes.length > 0 || Object.keys(a.attributes).length > 0) && (
        <AttributeForm fields={label.attributes} values={a.attributes} disabled={disabled} readOnly={readOnly} onChange={(attributes, group) => props.onChange({ attributes }, group)} />
      )}
      {editable && (
        <Button variant="secondary" onClick={props.onDelete} className="w-full text-red-700">
          Delete annotation
        </Button>
      )}
    </section>
  );
});
