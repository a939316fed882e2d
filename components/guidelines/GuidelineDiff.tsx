"use client";

import { useEffect, useState } from "react";
import { api, messageOf } from "@/lib/client/api";
import { withContext } from "@/lib/guidelines/diff";
import { GuidelineDiffView } from "@/lib/schemas/responses/guidelines";

const style = {
  added: { mark: "+", className: "bg-green-50 text-green-900", words: "added" },
  removed: { mark: "−", className: "bg-red-50 text-red-900 line-through decoration-red-300", words: "removed" },
  same: { mark: " ", className: "text-slate-700", words: "unchanged" },
} as const;

/** The line changes from one version to another, with a little unchanged text around each. */
export function GuidelineDiff({ from, to }: { from: number; to: number }) {
  const [diff, setDiff] = useState<GuidelineDiffView | null>(null);
  // Tagged with the pair it belongs to, so a new choice shows "Loading" rather than the last pair's error.
  const [error, setError] = useState<{ pair: string; message: string } | null>(null);
  const pair = `${from}:${to}`;

  useEffect(() => {
    const controller = new AbortController();
    api("GET", `/api/guidelines/diff?from=${from}&to=${to}`, { schema: GuidelineDiffView, signal: controller.signal })
      .then(setDiff)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError({ pair: `${from}:${to}`, message: messageOf(e) });
      });
    return () => controller.abort();
  }, [from, to]);

  if (from === to) return <p className="text-sm text-slate-600">Choose two different versions.</p>;
  if (error?.pair === pair) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  if (!diff || diff.from !== from || diff.to !== to) return <p className="text-sm text-slate-600">Loading the changes…</p>;

  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="diff-summary">
        Version {from} → {to}: {diff.added} line{diff.added === 1 ? "" : "s"} added, {diff.removed} removed.
      </p>
      <ol className="overflow-x-auto rounded-lg border border-slate-200 bg-white py-1 font-mono text-sm" aria-label={`Changes from version ${from} to ${to}`}>
        {withContext(diff.lines).map((row, i) =>
          row.kind === "skipped" ? (
            <li key={i} className="px-3 py-0.5 text-slate-500 italic">
              … {row.count} unchanged line{row.count === 1 ? "" : "s"}
            </li>
          ) : (
            <li key={i} className={`px-3 py-0.5 whitespace-pre-wrap ${style[row.kind].className}`}>
              <span aria-hidden className="mr-2 select-none">{style[row.kind].mark}</span>
              <span className="sr-only">{style[row.kind].words}: </span>
              {row.text || " "}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
