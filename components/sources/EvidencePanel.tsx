"use client";

import Link from "next/link";
import { toCsv } from "@/lib/aggregates/csv";
import { downloadCsv } from "@/components/ui/download";
import type { EvidenceState } from "./useEvidence";

/** The spans that make up the figure last clicked, each linking to its highlight in the article. */
export function EvidencePanel({ state, onMore, onClose }: { state: EvidenceState | null; onMore: () => void; onClose: () => void }) {
  if (!state) return <p className="text-sm text-slate-500">Click any bar, point or figure to list the spans behind it.</p>;
  const csv = () =>
    toCsv({
      about: { figure: state.request.title, basis: state.basis, ...state.request.filters },
      columns: ["annotation_id", "label", "quote", "article_id", "article_title", "published_at", "annotator", "start", "end", "link"],
      rows: state.items.map((s) => [s.id, s.label, s.quote, s.articleId, s.articleTitle, s.publishedAt, s.annotatorName, s.start, s.end, s.href]),
    });
  return (
    <section aria-label="Evidence" className="rounded-lg border border-blue-200 bg-blue-50/40 p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-900">Spans behind: {state.request.title}</h2>
        <div className="flex gap-2 text-xs">
          <button type="button" className="rounded border border-slate-300 bg-white px-2 py-1" onClick={() => downloadCsv(csv(), "evidence")} disabled={state.items.length === 0}>
            Download CSV
          </button>
          <button type="button" className="rounded border border-slate-300 bg-white px-2 py-1" onClick={onClose}>Close</button>
        </div>
      </div>
      {state.error && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
      {state.basis && <p className="mb-2 text-xs text-slate-600">Basis: {state.basis}</p>}
      <ul className="space-y-2">
        {state.items.map((span) => (
          <li key={span.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
            <Link href={span.href} className="font-serif text-slate-900 hover:underline">“{span.quote}”</Link>
            <p className="mt-1 text-xs text-slate-600">
              {span.label.replace(/_/g, " ")}
              {span.kind && ` · ${span.kind}`}
              {span.speaker && ` · ${span.speaker}`} · <Link href={span.href} className="text-blue-700 hover:underline">{span.articleTitle}</Link>
              {span.publishedAt && ` (${span.publishedAt})`} · {span.annotatorName}
            </p>
          </li>
        ))}
      </ul>
      {!state.loading && !state.error && state.items.length === 0 && <p className="text-sm text-slate-600">No spans.</p>}
      {state.loading && <p className="text-sm text-slate-600">Loading…</p>}
      {state.nextCursor && !state.loading && (
        <button type="button" className="mt-3 rounded border border-slate-300 bg-white px-3 py-1 text-sm" onClick={onMore}>More spans</button>
      )}
    </section>
  );
}
