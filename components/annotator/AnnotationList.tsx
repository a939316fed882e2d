"use client";

import { memo, useState } from "react";
import type { LabelOption, ShownAnnotation } from "./types";

/** Long lists render in pages: thousands of rows would slow every keystroke in the annotator. */
const PAGE = 200;

type Props = {
  annotations: ShownAnnotation[];
  labels: LabelOption[];
  hiddenLabels: Set<string>;
  onToggleLabel: (key: string) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  showAnnotator: boolean;
};

/** The article's annotations in text order, with per-label counts that double as filters. */
export function AnnotationList({ annotations, labels, hiddenLabels, onToggleLabel, selectedId, onSelect, showAnnotator }: Props) {
  const counts = new Map<string, number>();
  for (const a of annotations) counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
  const [limit, setLimit] = useState(PAGE);
  const visible = annotations.filter((a) => !hiddenLabels.has(a.label));
  const byKey = new Map(labels.map((l) => [l.key, l]));
  const shown = Math.max(limit, visible.findIndex((a) => a.id === selectedId) + 1);

  return (
    <section aria-label="Annotations" className="flex min-h-0 flex-col">
      <div className="mb-2 flex flex-wrap gap-1.5" role="group" aria-label="Filter by label">
        {/* A retired label's filter shows only while the layer still holds its spans. */}
        {labels.filter((l) => !l.retired || (counts.get(l.key) ?? 0) > 0).map((l) => (
          <button
            key={l.key}
            type="button"
            aria-pressed={!hiddenLabels.has(l.key)}
            onClick={() => onToggleLabel(l.key)}
            className={`flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${hiddenLabels.has(l.key) ? "border-slate-200 text-slate-500 line-through" : "border-slate-300 text-slate-800"}`}
          >
            <span className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: hiddenLabels.has(l.key) ? "#cbd5e1" : l.color }} aria-hidden />
            <span style={{ textDecoration: `underline ${l.underline ?? "solid"} ${l.textColor ?? l.color}`, textUnderlineOffset: "0.2em" }}>{l.name}</span> <span className="tabular-nums" data-testid={`count-${l.key}`}>{counts.get(l.key) ?? 0}</span>
          </button>
        ))}
      </div>
      {visible.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          {annotations.length === 0 ? "No annotations yet. Select text in the article and press a label’s key." : "No annotations with the chosen labels."}
        </p>
      ) : (
        <ol className="min-h-0 space-y-1 overflow-y-auto pr-1">
          {visible.slice(0, shown).map((a) => (
            <ListItem key={a.id} annotation={a} label={byKey.get(a.label)} selected={a.id === selectedId} onSelect={onSelect} showAnnotator={showAnnotator} />
          ))}
          {visible.length > shown && (
            <li>
              <button type="button" onClick={() => setLimit(shown + PAGE)} className="w-full py-2 text-sm text-blue-700 hover:underline">
                Show {Math.min(PAGE, visible.length - shown)} more of {visible.length - shown}
              </button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

type ItemProps = { annotation: ShownAnnotation; label: LabelOption | undefined; selected: boolean; onSelect: (id: string) => void; showAnnotator: boolean };

const ListItem = memo(function ListItem({ annotation: a, label, selected, onSelect, showAnnotator }: ItemProps) {
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(a.id)}
        aria-current={selected}
        data-annotation-id={a.id.startsWith("pending-") ? undefined : a.id}
        className={`annotation-focus w-full rounded-md border px-2 py-1.5 text-left text-sm ${selected ? "border-slate-400 bg-slate-100" : "border-transparent hover:bg-slate-50"}`}
      >
        <span className="flex items-center gap-1.5 text-xs font-medium" style={{ color: label?.textColor ?? label?.color }}>
          {label?.name ?? a.label}
          {showAnnotator && <span className="font-normal text-slate-600">· {a.annotator.name}</span>}
          {a.pending === "saving" && <span className="font-normal text-slate-600">· saving…</span>}
          {a.pending === "conflict" && <span className="font-normal text-amber-800">· conflict</span>}
          {a.pending === "failed" && <span className="font-normal text-red-700">· not saved</span>}
        </span>
        <span className="line-clamp-2 break-words text-slate-800">“{a.quote}”</span>
        {a.note && <span className="line-clamp-1 break-words text-xs text-slate-600">{a.note}</span>}
      </button>
    </li>
  );
});
