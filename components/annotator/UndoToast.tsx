"use client";

import { useEffect } from "react";
import type { Deleted } from "./useAnnotations";

export function UndoToast({ deleted, onUndo, onDismiss }: { deleted: Deleted; onUndo: () => void; onDismiss: () => void }) {
  useEffect(() => {
    if (deleted.error) return;
    const timer = setTimeout(onDismiss, 10_000);
    return () => clearTimeout(timer);
  }, [deleted, onDismiss]);
  return (
    <div role="status" className="fixed bottom-6 left-1/2 z-40 flex -translate-x-1/2 items-center gap-4 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
      <span>{deleted.error ?? `Deleted “${deleted.annotation.quote.slice(0, 40)}${deleted.annotation.quote.length > 40 ? "…" : ""}”`}</span>
      <button type="button" onClick={onUndo} className="font-semibold text-amber-300 hover:underline">
        {deleted.error ? "Try again" : "Undo"}
      </button>
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="text-slate-400 hover:text-white">
        ✕
      </button>
    </div>
  );
}
