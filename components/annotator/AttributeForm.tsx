"use client";

import { formFields, type AttributeField } from "@/lib/labels/attributes";
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
const READ_ONLY = "bg-slate-50! text-slate-700";
const TEXT_HINT: Partial<Record<AttributeField["type"], string>> = { person: "A person's name", organisation: "An organisation's name" };

/**
 * The label's structured attributes, as its fields are defined now. A value
 * whose field an admin has since removed is still shown, read-only; a choice
 * whose stored option was taken out still shows it. Choices save at once;
 * text saves when left or after a pause, without ever being rebuilt.
 */
export function AttributeForm({ fields, values, disabled, readOnly, onChange }: Props) {
  const set = (key: string, value: unknown, group?: string) => onChange({ ...values, [key]: value }, group);
  return (
    <div className="space-y-2">
      {formFields(fields, values).map(({ field, removed }) => (
        <label key={field.key} className="block text-sm">
          <span className="mb-0.5 block text-xs font-medium text-slate-700">
            {field.name}
            {field.required && <span className="text-slate-500"> (required)</span>}
            {removed && <span className="font-normal text-slate-500"> (field removed; kept as recorded)</span>}
          </span>
          <FieldInput field={field} value={values[field.key]} readOnly={readOnly || removed} disabled={disabled} set={set} />
        </label>
      ))}
    </div>
  );
}

function FieldInput({ field, value, readOnly, disabled, set }: { field: AttributeField; value: unknown; readOnly: boolean; disabled: boolean; set: (key: string, value: unknown, group?: string) => void }) {
  switch (field.type) {
    case "text":
    case "person":
    case "organisation":
      return <TextAttribute field={field} value={value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value)} readOnly={readOnly} disabled={disabled && !readOnly} onCommit={(text, group) => set(field.key, text, group)} />;
    case "number":
      return <NumberAttribute field={field} value={typeof value === "number" ? value : null} readOnly={readOnly} disabled={disabled && !readOnly} onCommit={(n, group) => set(field.key, n, group)} />;
    case "boolean":
      return (
        <select value={value === true ? "yes" : value === false ? "no" : ""} disabled={disabled || readOnly} aria-required={field.required} onChange={(e) => set(field.key, e.target.value === "" ? null : e.target.value === "yes")} className={FIELD}>
          <option value="">—</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      );
    case "choice": {
      const current = value === undefined || value === null ? "" : String(value);
      // A stored option an admin has since taken out stays shown (and selected) until changed.
      const options = current && !field.options.includes(current) ? [...field.options, current] : field.options;
      return (
        <select value={current} disabled={disabled || readOnly} aria-required={field.required} onChange={(e) => set(field.key, e.target.value || null)} className={FIELD}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {field.options.includes(o) ? o : `${o} (no longer an option)`}
            </option>
          ))}
        </select>
      );
    }
  }
}

// The server trims text attributes: a draft that differs only in outer spaces needs no save.
const sameTrimmed = (draft: string, value: string) => draft.trim() === value.trim();

type TextField = Extract<AttributeField, { maxLength: number }>;

function TextAttribute(props: { field: TextField; value: string; disabled: boolean; readOnly: boolean; onCommit: (text: string, group: string) => void }) {
  const { field } = props;
  const draft = useDraft(props.value, (text, sitting) => props.onCommit(text, `attribute:${field.key}:${sitting}`), sameTrimmed, props.readOnly);
  return (
    <input
      {...draft}
      placeholder={field.placeholder ?? TEXT_HINT[field.type]}
      maxLength={field.maxLength < Number.MAX_SAFE_INTEGER ? field.maxLength : undefined}
      aria-required={field.required}
      disabled={props.disabled}
      readOnly={props.readOnly}
      className={`${FIELD} ${props.readOnly ? READ_ONLY : ""}`}
    />
  );
}

const sameNumber = (draft: string, value: string) => draft.trim() === value.trim();

function NumberAttribute(props: { field: AttributeField; value: number | null; disabled: boolean; readOnly: boolean; onCommit: (value: number | null, group: string) => void }) {
  const { field } = props;
  const draft = useDraft(
    props.value === null ? "" : String(props.value),
    (text, sitting) => {
      const n = text.trim() === "" ? null : Number(text);
      // Not a number yet (e.g. "-"): nothing to save until it is one.
      if (n === null || Number.isFinite(n)) props.onCommit(n, `attribute:${field.key}:${sitting}`);
    },
    sameNumber,
    props.readOnly,
  );
  return <input {...draft} inputMode="decimal" aria-required={field.required} disabled={props.disabled} readOnly={props.readOnly} className={`${FIELD} ${props.readOnly ? READ_ONLY : ""}`} />;
}
