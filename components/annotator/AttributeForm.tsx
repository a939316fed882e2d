"use client";

import type { AttributeField } from "@/lib/labels/attributes";

type Props = { fields: readonly AttributeField[]; values: Record<string, unknown>; disabled: boolean; onChange: (values: Record<string, unknown>) => void };

/** The label's structured attributes; each change is saved when the field is left. */
export function AttributeForm({ fields, values, disabled, onChange }: Props) {
  const set = (key: string, value: unknown) => onChange({ ...values, [key]: value });
  return (
    <div className="space-y-2">
      {fields.map((field) => (
        <label key={field.key} className="block text-sm">
          <span className="mb-0.5 block text-xs font-medium text-slate-600">{field.label}</span>
          {field.type === "text" && (
            <input
              key={String(values[field.key] ?? "")}
              defaultValue={String(values[field.key] ?? "")}
              placeholder={field.placeholder}
              maxLength={field.maxLength}
              disabled={disabled}
              onBlur={(e) => e.target.value !== String(values[field.key] ?? "") && set(field.key, e.target.value)}
              className="w-full rounded-md border border-slate-300 px-2 py-1"
            />
          )}
          {field.type === "boolean" && (
            <select
              value={values[field.key] === true ? "yes" : values[field.key] === false ? "no" : ""}
              disabled={disabled}
              onChange={(e) => set(field.key, e.target.value === "" ? null : e.target.value === "yes")}
              className="w-full rounded-md border border-slate-300 px-2 py-1"
            >
              <option value="">—</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          )}
          {field.type === "choice" && (
            <select
              value={String(values[field.key] ?? "")}
              disabled={disabled}
              onChange={(e) => set(field.key, e.target.value || null)}
              className="w-full rounded-md border border-slate-300 px-2 py-1"
            >
              <option value="">—</option>
              {field.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          )}
        </label>
      ))}
    </div>
  );
}
