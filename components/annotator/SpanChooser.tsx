"use client";

import type { LabelOption, ShownAnnotation } from "./types";

/** Where several annotations cover the clicked text: pick which one to open. */
export function SpanChooser(props: { at: { x: number; y: number }; annotations: ShownAnnotation[]; labels: Map<string, LabelOption>; onChoose: (id: string) => void; onClose: () => void }) {
  return (
    <div role="menu" aria-label="Annotations here" className="fixed z-30 w-72 rounded-lg border border-slate-200 bg-white py-1 shadow-lg" style={{ top: props.at.y + 12, left: Math.max(8, props.at.x - 40) }}>
      <p className="px-3 py-1 text-xs text-slate-500">{props.annotations.length} annotations cover this text</p>
      {props.annotations.map((a) => (
        <button key={a.id} role="menuitem" type="button" onClick={() => props.onChoose(a.id)} className="flex w-full items-start gap-2 px-3 py-1.5 text-left text-sm hover:bg-slate-100">
          <span className="mt-1 h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: props.labels.get(a.label)?.color }} aria-hidden />
          <span>
            <span className="font-medium">{props.labels.get(a.label)?.name ?? a.label}</span>
            <span className="line-clamp-1 text-slate-600">“{a.quote}”</span>
          </span>
        </button>
      ))}
      <button type="button" onClick={props.onClose} className="w-full px-3 py-1 text-left text-xs text-slate-500 hover:bg-slate-100">
        Close
      </button>
    </div>
  );
}
