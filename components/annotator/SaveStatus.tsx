"use client";

import type { ShownAnnotation } from "./types";

/** Always says whether everything on screen is stored, so nothing is lost unnoticed. */
export function SaveStatus({ annotations, onRetryAll, onShowConflict }: { annotations: ShownAnnotation[]; onRetryAll: () => void; onShowConflict?: (() => void) | undefined }) {
  const saving = annotations.filter((a) => a.pending === "saving").length;
  const failed = annotations.filter((a) => a.pending === "failed").length;
  const conflicts = annotations.filter((a) => a.pending === "conflict").length;
  if (failed > 0 || conflicts > 0) {
    return (
      <div role="status" className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-800">
        {failed > 0 && (
          <>
            {failed} change{failed > 1 ? "s" : ""} not saved
            <button type="button" onClick={onRetryAll} className="font-medium underline">
              Retry
            </button>
          </>
        )}
        {conflicts > 0 && (
          <>
            {conflicts} changed elsewhere: choose a version
            {onShowConflict && (
              <button type="button" onClick={onShowConflict} className="font-medium underline">
                Show
              </button>
            )}
          </>
        )}
      </div>
    );
  }
  return (
    <div role="status" className="px-3 py-1.5 text-sm text-slate-700">
      {saving > 0 ? "Saving…" : "All changes saved"}
    </div>
  );
}
