"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { api, messageOf } from "@/lib/client/api";
import { SavedSource } from "@/lib/schemas/responses/sources";
import { articles, type AdminSource } from "./types";

/** Choose the source to merge into; the confirmation says how many articles move and that this source goes. */
export function SourceMergeForm({ source, others, onDone, onCancel }: { source: AdminSource; others: AdminSource[]; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const [intoId, setIntoId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const into = others.find((s) => s.id === intoId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!into) return;
    setSaving(true);
    try {
      await api("POST", `/api/sources/${source.id}/merge`, { body: { intoId: into.id }, schema: SavedSource });
      onDone(`Merged "${source.name}" into "${into.name}": ${articles(source.articleCount)} moved.`);
    } catch (e) {
      setError(messageOf(e));
      setSaving(false);
    }
  }

  if (others.length === 0) return <p className="text-sm text-slate-600">There is no other source to merge into.</p>;
  return (
    <form onSubmit={submit} aria-label={`Merge ${source.name}`} className="space-y-3">
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">Merge into</label>
        <select id={id} value={intoId} onChange={(e) => setIntoId(e.target.value)} required className="w-full max-w-md rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="">Choose a source…</option>
          {others.map((s) => (
            <option key={s.id} value={s.id}>{s.name} ({articles(s.articleCount)})</option>
          ))}
        </select>
      </div>
      {into && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {articles(source.articleCount)} will move from &ldquo;{source.name}&rdquo; to &ldquo;{into.name}&rdquo;, with their annotations, gold and figures; &ldquo;{source.name}&rdquo; is then removed. This cannot be undone.
        </p>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={!into || saving}>{into ? `Merge into ${into.name}` : "Merge"}</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
