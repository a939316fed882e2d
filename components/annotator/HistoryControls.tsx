"use client";

/** Undo and redo for the whole session, and what the last action did; nothing here expires. */
export function HistoryControls(props: { canUndo: boolean; canRedo: boolean; notice: string | null; onUndo: () => void; onRedo: () => void }) {
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="u or Ctrl+Z" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-800 hover:bg-slate-100 disabled:text-slate-400">
        ↶ Undo
      </button>
      <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Shift+U, Ctrl+Shift+Z or Ctrl+Y" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-800 hover:bg-slate-100 disabled:text-slate-400">
        ↷ Redo
      </button>
      <p aria-live="polite" data-testid="history-notice" className="min-w-0 truncate text-slate-700">
        {props.notice}
      </p>
    </div>
  );
}
