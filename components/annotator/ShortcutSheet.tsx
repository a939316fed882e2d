"use client";

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
  const described = labels.filter((l) => l.description.trim());
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
        {described.length > 0 && (
          <>
            <h2 className="mt-4 mb-2 text-base font-semibold">Labels</h2>
            <dl className="space-y-2 text-sm">
              {described.map((l) => (
                <div key={l.key}>
                  <dt className="flex items-center gap-1.5 font-medium">
                    <span className="h-3 w-3 rounded-sm" style={{ backgroundColor: l.color }} aria-hidden />
                    {l.name}
                    {l.shortcut && <kbd className="rounded border border-slate-300 px-1 text-xs font-normal text-slate-600">{l.shortcut}</kbd>}
                  </dt>
                  <dd className="text-slate-700">{l.description}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
    </div>
  );
}
