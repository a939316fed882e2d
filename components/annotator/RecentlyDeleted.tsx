"use client";

import { useEffect, useState } from "react";
import { annotationApi, type DeletedAnnotation } from "./api";
import type { LabelOption } from "./types";

type Props = { articleId: string; labels: Map<string, LabelOption>; refresh: number; onRestore: (annotation: DeletedAnnotation) => Promise<void> };

/** Every span the person deleted on this article, newest first, each restorable at any time (not just within an undo window). */
export function RecentlyDeleted({ articleId, labels, refresh, onRestore }: Props) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<DeletedAnnotation[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    annotationApi.listDeleted(articleId).then(
      (list) => current && (setItems(list), setError(null)),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [open, articleId, refresh]);

  async function restore(annotation: DeletedAnnotation) {
    try {
      await onRestore(annotation);
      setItems((list) => list?.filter((a) => a.id !== annotation.id) ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-md border border-slate-200 bg-white px-2 py-1.5 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Recently deleted</summary>
      {error && <p role="alert" className="mt-1 text-red-800">{error}</p>}
      {items?.length === 0 && <p className="mt-1 text-slate-600">Nothing deleted on this article.</p>}
      <ul className="mt-1 space-y-1" aria-label="Deleted annotations">
        {items?.map((a) => (
          <li key={a.id} className="flex items-start justify-between gap-2">
            <span className="min-w-0">
              <span className="block text-xs font-medium text-slate-700">
                {labels.get(a.label)?.name ?? a.label} · deleted {new Date(a.deletedAt).toLocaleString()}
              </span>
              <span className="line-clamp-2 break-words text-slate-800">“{a.quote}”</span>
            </span>
            <button type="button" onClick={() => void restore(a)} className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-slate-800 hover:bg-slate-100" aria-label={`Restore “${a.quote}”`}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
