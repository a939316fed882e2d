"use client";

import type { AttributeField } from "@/lib/labels/attributes";
import { useDraft } from "./useDraft";

type Props = {
  fields: readonly AttributeField[];
  values: Record<string, unknown>;
  disabled: boolean;
  /** Text fields stay selectable but do not change (choices are disabled instead). */
  readOnly: boolean;
  /** `group` names one sitting in one field: its saves undo as one step. */
  onChange: (values: Record<string, unknown>, group?: string) => void;
};

const FIELD = "w-full rounded-md border border-slate-300 bg-white px-2 py-1";

/** The label's structured attributes. Choices save at once; text saves when left or after a pause, without ever being rebuilt. */
export function AttributeForm({ fields, values, disabled, readOnly, onChange }: Props) {
  const set = (key: string, value: unknown, group?: string) => onChange({ ...values, [key]: value }, group);
  return (
    <div className="space-y-2">
      {fields.map((field) => (
        <label key={field.key} className="block text-sm">
          <span className="mb-0.5 block text-xs font-medium text-slate-700">{field.label}</span>
          {field.type === "text" && <TextAttribute field={field} value={String(values[field.key] ?? "")} readOnly={readOnly} disabled={disabled && !readOnly} onCommit={(text, group) => set(field.key, text, group)} />}
          {field.type === "boolean" && (
            <select
              value={values[field.key] === true ? "yes" : values[field.key] === false ? "no" : ""}
              disabled={disabled}
              onChange={(e) => set(field.key, e.target.value === "" ? null : e.target.value === "yes")}
              className={FIELD}
            >
              <option value="">—</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          )}
          {field.type === "choice" && (
            <select value={String(values[field.key] ?? "")} disabled={disabled} onChange={(e) => set(field.key, e.target.value || null)} className={FIELD}>
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

// The server trims text attributes: a draft that differs only in outer spaces needs no save.
const sameTrimmed = (draft: string, value: string) => draft.trim() === value.trim();

function TextAttribute(props: { field: Extract<AttributeField, { type: "text" }>; value: string; disabled: boolean; readOnly: boolean; onCommit: (text: string, group: string) => void }) {
  const { field } = props;
  const draft = useDraft(props.value, (text, sitting) => props.onCommit(text, `attribute:${field.key}:${sitting}`), sameTrimmed, props.readOnly);
  return <input {...draft} placeholder={field.placeholder} maxLength={field.maxLength} disabled={props.disabled} readOnly={props.readOnly} className={`${FIELD} ${props.readOnly ? "bg-slate-50! text-slate-700" : ""}`} />;
}
