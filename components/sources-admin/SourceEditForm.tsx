"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { SavedSource } from "@/lib/schemas/responses/sources";
import type { AdminSource } from "./types";

/** Name, homepage, domain (how imports match URLs to the source) and description; empty clears a field. */
export function SourceEditForm({ source, onDone, onCancel }: { source: AdminSource; onDone: () => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body = { name: text("name"), homepage: text("homepage") || null, domain: text("domain") || null, description: text("description") || null };
    setSaving(true);
    try {
      await api("PATCH", `/api/sources/${source.id}`, { body, schema: SavedSource });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...fieldErrorsOf(e)].join(": ") : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Edit ${source.name}`} className="grid gap-3 sm:grid-cols-2">
      <TextField label="Name" name="name" required maxLength={200} defaultValue={source.name} />
      <TextField label="Homepage" name="homepage" type="url" placeholder="https://…" defaultValue={source.homepage ?? ""} />
      <TextField label="Domain" name="domain" placeholder="example.com" defaultValue={source.domain ?? ""} />
      <div className="sm:col-span-2">
        <label className="mb-1 block text-sm font-medium text-slate-700">
          Description
          <textarea
            name="description"
            rows={2}
            maxLength={5000}
            defaultValue={source.description ?? ""}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-normal focus:border-slate-500 focus:ring-1 focus:ring-slate-500 focus:outline-none"
          />
        </label>
      </div>
      {error && <p role="alert" className="text-sm text-red-700 sm:col-span-2">{error}</p>}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={saving}>{saving ? "Saving…" : "Save source"}</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
