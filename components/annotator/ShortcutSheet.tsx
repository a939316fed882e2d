"use client";

import { LabelDefinitions } from "@/components/guidelines/LabelDefinitions";
import type { LabelOption } from "./types";

/** The `?` sheet: the keys, and each label's guideline (its description) so the definitions are one key away. */
export function ShortcutSheet({ labels, onClose }: { labels: LabelOption[]; onClose: () => void }) {
  const rows: [string, string][] = [
    ...labels.filter((l) => l.shortcut).map((l): [string, string] => [l.shortcut!, `Tag the selection as ${l.name.toLowerCase()}`]),
    ["j / k", "Next / previous annotation"],
    ["Delete", "Delete the focused annotation (outlined)"],
    ["[ / ]", "Move its start one word left / right"],
    ["{ / }", "Move its end one word left / right"],
    ["u / Ctrl+Z", "Undo the last create, edit, relabel or delete"],
    ["U / Ctrl+Y", "Redo"],
    ["Esc", "Close, clear the selection"],
    ["?", "Show or hide this sheet"],
  ];
  return (
    <div role="dialog" aria-label="Keyboard shortcuts" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40" onClick={onClose}>
      <div className="max-h-[calc(100vh-2rem)] w-[32rem] max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg bg-white p-5 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <h2 className="mb-3 text-lg font-semibold">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[7rem_1fr] gap-y-1.5 text-sm">
          {rows.map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-xs">{key}</kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <LabelDefinitions labels={labels} />
      </div>
    </div>
  );
}
