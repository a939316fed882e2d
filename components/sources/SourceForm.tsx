"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { SavedSource } from "@/lib/schemas/responses/sources";

type SourceFields = { id?: string; name: string; homepage: string | null; description: string | null };

/** Creates a source (no id) or edits one; the API checks the fields and the role. */
export function SourceForm({ source, onDone }: { source?: SourceFields; onDone?: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body = { name: text("name"), homepage: text("homepage") || null, description: text("description") || null };
    setSaving(true);
    const result = await api(source?.id ? "PATCH" : "POST", source?.id ? `/api/sources/${source.id}` : "/api/sources", { body, schema: SavedSource }).catch((e: unknown) => {
      setError(e instanceof ApiError ? [e.message, ...fieldErrorsOf(e)].join(": ") : String(e));
      return null;
    });
    setSaving(false);
    if (!result) return;
    setError(null);
    onDone?.();
    router.push(`/sources/${result.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2" aria-label={source?.id ? "Edit source" : "New source"}>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Name</span>
        <input name="name" required maxLength={200} defaultValue={source?.name ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Homepage</span>
        <input name="homepage" type="url" placeholder="https://…" defaultValue={source?.homepage ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1 sm:col-span-2">
        <span className="font-medium">Description</span>
        <textarea name="description" rows={2} maxLength={5000} defaultValue={source?.description ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      {error && <p role="alert" className="text-red-700 sm:col-span-2">{error}</p>}
      <div className="sm:col-span-2"><Button type="submit" disabled={saving}>{source?.id ? "Save source" : "Create source"}</Button></div>
    </form>
  );
}
