"use client";

import { Button } from "@/components/ui/Button";
import { FIELD_TYPES, type FieldType } from "@/lib/labels/fields";

/** A field as the form holds it: options one per line; `stored` fields keep their key (spans' values are keyed by it). */
export type DraftField = { id: string; key: string; name: string; type: FieldType; options: string; required: boolean; stored: boolean; maxLength?: number | undefined; placeholder?: string | undefined };

const TYPE_LABELS: Record<FieldType, string> = { text: "Text", choice: "Choice", boolean: "Yes / no", number: "Number", person: "Person's name", organisation: "Organisation's name" };
const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

let drafts = 0;
export const newDraftField = (): DraftField => ({ id: `new-${++drafts}`, key: "", name: "", type: "text", options: "", required: false, stored: false });

/** The label's attribute fields: add one with its type, a choice's options, required; remove one (its stored values stay on the spans). */
export function FieldsEditor({ fields, onChange }: { fields: DraftField[]; onChange: (fields: DraftField[]) => void }) {
  const set = (id: string, change: Partial<DraftField>) => onChange(fields.map((f) => (f.id === id ? { ...f, ...change } : f)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Attribute fields</legend>
      {fields.length === 0 && <p className="text-sm text-slate-600">No fields: spans of this label record only their text and a note.</p>}
      {fields.map((field, i) => (
        <div key={field.id} role="group" aria-label={`Field ${i + 1}${field.key ? ` (${field.key})` : ""}`} className="grid gap-2 rounded-md border border-slate-200 bg-slate-50 p-2 sm:grid-cols-[1fr_1fr_10rem_auto]">
          {field.stored ? (
            // A stored field's key stays: the spans' values are keyed by it.
            <div className="text-xs text-slate-700">
              Key
              <code className="mt-0.5 block py-1.5 text-sm">{field.key}</code>
            </div>
          ) : (
            <label className="text-xs text-slate-700">
              Key
              <input value={field.key} onChange={(e) => set(field.id, { key: e.target.value.trim() })} placeholder="e.g. technique" className={INPUT} />
            </label>
          )}
          <label className="text-xs text-slate-700">
            Name shown
            <input value={field.name} onChange={(e) => set(field.id, { name: e.target.value })} placeholder={field.key || "e.g. Technique"} className={INPUT} />
          </label>
          <label className="text-xs text-slate-700">
            Type
            <select value={field.type} onChange={(e) => set(field.id, { type: e.target.value as FieldType })} className={INPUT}>
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <div className="flex items-end gap-2">
            <label className="flex items-center gap-1 py-1.5 text-xs text-slate-700">
              <input type="checkbox" checked={field.required} onChange={(e) => set(field.id, { required: e.target.checked })} />
              Required
            </label>
            <Button type="button" variant="ghost" className="px-2! py-1!" aria-label={`Remove field ${field.key || i + 1}`} onClick={() => onChange(fields.filter((f) => f.id !== field.id))}>
              Remove
            </Button>
          </div>
          {field.type === "choice" && (
            <label className="text-xs text-slate-700 sm:col-span-4">
              Options, one per line
              <textarea value={field.options} onChange={(e) => set(field.id, { options: e.target.value })} rows={3} className={INPUT} />
            </label>
          )}
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onChange([...fields, newDraftField()])}>
        Add a field
      </Button>
    </fieldset>
  );
}
