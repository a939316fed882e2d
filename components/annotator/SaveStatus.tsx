"use client";

import type { ShownAnnotation } from "./types";

/** Always says whether everything on screen is stored, so nothing is lost unnoticed. */
export function SaveStatus({ annotations, onRetryAll }: { annotations: ShownAnnotation[]; onRetryAll: () => void }) {
  const saving = annotations.filter((a) => a.pending === "saving").length;
  const failed = annotations.filter((a) => a.pending === "failed").length;
  if (failed > 0) {
    return (
      <div role="status" className="flex items-center gap-2 rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-800">
        {failed} change{failed > 1 ? "s" : ""} not saved
        <button type="button" onClick={onRetryAll} className="font-medium underline">
          Retry
        </button>
      </div>
    );
  }
  return (
    <div role="status" className="px-3 py-1.5 text-sm text-slate-600">
      {saving > 0 ? "Saving…" : "All changes saved"}
    </div>
  );
}
