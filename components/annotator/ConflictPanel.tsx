"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { AnnotationView, Change, Conflict, LabelOption } from "./types";

type Choice = { keep: "mine" } | { keep: "theirs" } | { keep: "merged"; note: string | null };

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : String(value));

/** The fields this tab changed, as the other version has them and as this tab has them. */
function differences(conflict: Conflict, labels: LabelOption[]) {
  const { theirs, mine } = conflict;
  const labelName = (key: string) => labels.find((l) => l.key === key)?.name ?? key;
  const rows: { field: string; theirs: string; mine: string }[] = [];
  const add = (field: string, a: unknown, b: unknown) => rows.push({ field, theirs: show(a), mine: show(b) });
  if (mine.label !== undefined) add("Label", labelName(theirs.label), labelName(mine.label));
  if (mine.start !== undefined) add("Text", `${theirs.start}–${theirs.end} “${theirs.quote}”`, `${mine.start}–${mine.end} “${mine.quote}”`);
  if (mine.note !== undefined) add("Note", theirs.note, mine.note);
  if (mine.attributes !== undefined) {
    for (const key of new Set([...Object.keys(theirs.attributes), ...Object.keys(mine.attributes)])) add(key, theirs.attributes[key], mine.attributes[key]);
  }
  return rows;
}

const mergedStart = (theirs: AnnotationView, mine: Change) => [theirs.note, mine.note].filter((n) => n && n.trim() !== "").join("\n\n");

/**
 * Another tab or person saved this annotation after this tab read it. Nothing
 * of this tab's change was written: both versions side by side, and the
 * person decides.
 */
export function ConflictPanel({ conflict, labels, onResolve }: { conflict: Conflict; labels: LabelOption[]; onResolve: (choice: Choice) => void }) {
  const [merging, setMerging] = useState<string | null>(null);
  const rows = differences(conflict, labels);
  return (
    <div role="group" aria-label="Conflicting versions" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-slate-900">
      <p className="font-medium">Changed elsewhere (by {conflict.theirs.annotator.name}, version {conflict.theirs.version}) before your change was saved. Nothing of yours was written yet.</p>
      <table className="w-full table-fixed text-left text-xs">
        <thead>
          <tr>
            <th className="w-1/5 py-0.5">Field</th>
            <th className="py-0.5">Other version</th>
            <th className="py-0.5">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className="align-top">
              <th scope="row" className="py-0.5 font-medium">{r.field}</th>
              <td className="py-0.5 break-words whitespace-pre-wrap" data-testid="conflict-theirs">{r.theirs}</td>
              <td className="py-0.5 break-words whitespace-pre-wrap" data-testid="conflict-mine">{r.mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {merging === null ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => onResolve({ keep: "mine" })}>Keep mine</Button>
          <Button variant="secondary" onClick={() => onResolve({ keep: "theirs" })}>Take theirs</Button>
          {conflict.mine.note !== undefined && (
            <Button variant="secondary" onClick={() => setMerging(mergedStart(conflict.theirs, conflict.mine))}>Merge notes…</Button>
          )}
        </div>
      ) : (
        <div className="space-y-2">
          <label className="block">
            <span className="mb-0.5 block text-xs font-medium">Merged note</span>
            <textarea value={merging} onChange={(e) => setMerging(e.target.value)} rows={4} maxLength={5000} autoFocus className="w-full rounded-md border border-slate-300 bg-white px-2 py-1" />
          </label>
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => onResolve({ keep: "merged", note: merging.trim() === "" ? null : merging })}>Save merged note</Button>
            <Button variant="secondary" onClick={() => setMerging(null)}>Back</Button>
          </div>
        </div>
      )}
    </div>
  );
}
