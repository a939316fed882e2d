"use client";

import { useState } from "react";
import type { UnsentWork } from "@/lib/annotations/unsent";

/** Says why nothing here can be changed any more, and who can change that. */
export function SubmittedBanner() {
  return (
    <p role="note" data-testid="submitted-banner" className="mb-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      <strong className="font-semibold">You submitted this article; your layer is final.</strong> A reviewer can reopen it.
    </p>
  );
}

/**
 * What the server would not store because the layer became final (say,
 * submitted from another tab): shown as text to copy, until the person says
 * they have it.
 */
export function UnsentWorkPanel({ work, onDismiss }: { work: UnsentWork[]; onDismiss: (key: string) => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  if (work.length === 0) return null;
  async function copy(w: UnsentWork) {
    try {
      await navigator.clipboard.writeText(w.text);
      setCopied(w.key);
    } catch {
      setCopied(null); // no clipboard permission: the text stays selectable
    }
  }
  return (
    <section role="alert" aria-label="Not saved" className="mb-3 space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-slate-900">
      <p className="font-medium">Not saved: this article was submitted (perhaps in another tab), so your layer is final. Copy what you typed before leaving; a reviewer can reopen the article.</p>
      <ul className="space-y-2">
        {work.map((w) => (
          <li key={w.key} className="space-y-1">
            <label className="block">
              <span className="mb-0.5 block text-xs font-medium">{w.what}</span>
              <textarea readOnly value={w.text} rows={Math.min(6, w.text.split("\n").length + 1)} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-sans" onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="flex gap-2">
              <button type="button" onClick={() => void copy(w)} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100">
                {copied === w.key ? "Copied" : "Copy"}
              </button>
              <button type="button" onClick={() => onDismiss(w.key)} className="rounded-md px-2 py-0.5 text-slate-700 underline hover:text-slate-900">
                I have it, dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
