"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, messageOf } from "@/lib/client/api";
import { articles, type AdminSource } from "./types";

/** Only a source without articles can be deleted; one with articles is merged instead (the API answers 409 too). */
export function SourceDeleteConfirm({ source, onDone, onCancel }: { source: AdminSource; onDone: (message: string) => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (source.articleCount > 0) {
    return (
      <div className="space-y-2 text-sm">
        <p>&ldquo;{source.name}&rdquo; has {articles(source.articleCount)}, so it cannot be deleted. Merge it into another source to move them.</p>
        <Button type="button" variant="ghost" onClick={onCancel}>Close</Button>
      </div>
    );
  }

  async function remove() {
    setSaving(true);
    try {
      await api("DELETE", `/api/sources/${source.id}`);
      onDone(`Deleted "${source.name}".`);
    } catch (e) {
      setError(messageOf(e));
      setSaving(false);
    }
  }

  return (
    <div className="space-y-2 text-sm">
      <p>Delete &ldquo;{source.name}&rdquo;? It has no articles; the deletion is recorded in the audit log.</p>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button type="button" onClick={remove} disabled={saving} className="bg-red-700 hover:bg-red-800">{saving ? "Deleting…" : `Delete ${source.name}`}</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
