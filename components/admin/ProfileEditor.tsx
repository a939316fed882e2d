"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import type { PersonView, ProfileFieldView } from "@/lib/schemas/responses/people";

/** One person's profile attributes, one input per admin-defined field; an empty value clears it. */
export function ProfileEditor({ person, fields, onSave, onCancel }: { person: PersonView; fields: ProfileFieldView[]; onSave: (profile: Record<string, string | null>) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(person.profile);
  return (
    <form
      className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={`Profile of ${person.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Object.fromEntries(fields.map((f) => [f.key, values[f.key]?.trim() ? values[f.key]!.trim() : null])));
      }}
    >
      {fields.map((f) => (
        <label key={f.key} className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{f.name}</span>
          {f.type === "CHOICE" ? (
            <select value={values[f.key] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 focus:outline-none focus:ring-1 focus:ring-slate-500">
              <option value="">—</option>
              {f.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input value={values[f.key] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} maxLength={200} className="block w-full rounded-md border border-slate-300 px-2 py-1.5 focus:outline-none focus:ring-1 focus:ring-slate-500" />
          )}
        </label>
      ))}
      <div className="flex items-end gap-2">
        <Button type="submit">Save profile</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
