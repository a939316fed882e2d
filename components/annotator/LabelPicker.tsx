"use client";

import type { LabelOption } from "./types";

/** Floats under the selection: one button per label, with its shortcut key. */
export function LabelPicker({ labels, rect, onPick }: { labels: LabelOption[]; rect: DOMRect; onPick: (key: string) => void }) {
  return (
    <div
      role="toolbar"
      aria-label="Tag the selection"
      className="fixed z-30 flex max-w-[calc(100vw-1rem)] flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      style={{ top: Math.min(rect.bottom + 8, window.innerHeight - 56), left: Math.max(8, Math.min(rect.left, window.innerWidth - 8 - 420)) }}
      // Keep the text selection alive while clicking a button.
      onMouseDown={(event) => event.preventDefault()}
    >
      {labels.map((label) => (
        <button
          key={label.key}
          type="button"
          onClick={() => onPick(label.key)}
          className="flex items-center gap-1.5 rounded-md px-2 py-1 text-sm hover:bg-slate-100"
          title={label.description}
        >
          <span className="h-3 w-3 rounded-sm" style={{ backgroundColor: label.color }} aria-hidden />
          {label.name}
          {label.shortcut && <kbd className="rounded border border-slate-300 px-1 text-xs text-slate-600">{label.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
