"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { SavedSource } from "@/lib/schemas/responses/sources";

type SourceFields = { id?: string; name: string; homepage: string | null; domain?: string | null; description: string | null };

/**
 * Creates a source (no id) or edits one: name, homepage, description and, when
 * editing, the domain imports match URLs by; an empty field clears it. The API
 * checks the fields and the role. `onSaved` replaces opening the source's page.
 */
export function SourceForm({ source, onDone, onSaved, onCancel }: { source?: SourceFields; onDone?: () => void; onSaved?: () => void; onCancel?: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = Boolean(source?.id);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body = { name: text("name"), homepage: text("homepage") || null, description: text("description") || null, ...(editing ? { domain: text("domain") || null } : {}) };
    setSaving(true);
    const result = await api(editing ? "PATCH" : "POST", editing ? `/api/sources/${source!.id}` : "/api/sources", { body, schema: SavedSource }).catch((e: unknown) => {
      setError(e instanceof ApiError ? [e.message, ...fieldErrorsOf(e)].join(": ") : String(e));
      return null;
    });
    setSaving(false);
    if (!result) return;
    setError(null);
    onDone?.();
    if (onSaved) return onSaved();
    router.push(`/sources/${result.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2" aria-label={editing ? `Edit ${source!.name}` : "New source"}>
      <TextField label="Name" name="name" required maxLength={200} defaultValue={source?.name ?? ""} />
      <TextField label="Homepage" name="homepage" type="url" placeholder="https://…" defaultValue={source?.homepage ?? ""} />
      {editing && <TextField label="Domain" name="domain" placeholder="example.com" defaultValue={source?.domain ?? ""} />}
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 sm:col-span-2">
        Description
        <textarea name="description" rows={2} maxLength={5000} defaultValue={source?.description ?? ""} className="rounded-md border border-slate-300 px-3 py-2 font-normal focus:border-slate-500 focus:ring-1 focus:ring-slate-500 focus:outline-none" />
      </label>
      {error && <p role="alert" className="text-red-700 sm:col-span-2">{error}</p>}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={saving}>{saving ? "Saving…" : editing ? "Save source" : "Create source"}</Button>
        {onCancel && <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
