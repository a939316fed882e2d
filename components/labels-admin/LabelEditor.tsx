"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api } from "@/lib/client/api";
import { shortcutProblem } from "@/lib/labels/shortcuts";
import { LabelResponse } from "@/lib/schemas/responses/labels";
import { ColourField } from "./ColourField";
import { FieldsEditor, type DraftField } from "./FieldsEditor";
import { problemOf } from "./problems";

type Props = {
  /** The label edited; none to add a new one. */
  label?: LabelResponse;
  /** The other labels, whose shortcuts this one may not take. */
  others: LabelResponse[];
  onSaved: (label: LabelResponse) => void;
  onCancel: () => void;
};

const toDraft = (f: LabelResponse["attributes"][number]): DraftField => ({
  id: f.key,
  key: f.key,
  name: f.name,
  type: f.type,
  options: (f.options ?? []).join("\n"),
  required: f.required,
  stored: true,
  maxLength: f.maxLength,
  placeholder: f.placeholder,
});

function fromDraft(f: DraftField) {
  const options = f.options.split("\n").map((o) => o.trim()).filter(Boolean);
  const textual = f.type === "text" || f.type === "person" || f.type === "organisation";
  return {
    key: f.key,
    name: f.name.trim() || f.key,
    type: f.type,
    required: f.required,
    ...(f.type === "choice" ? { options } : {}),
    ...(textual && f.maxLength ? { maxLength: f.maxLength } : {}),
    ...(textual && f.placeholder ? { placeholder: f.placeholder } : {}),
  };
}

/** Adds a label, or edits one: name, guideline, colour, shortcut and attribute fields; the API checks it all again. */
export function LabelEditor({ label, others, onSaved, onCancel }: Props) {
  const descriptionId = useId();
  const [key, setKey] = useState("");
  const [name, setName] = useState(label?.name ?? "");
  const [description, setDescription] = useState(label?.description ?? "");
  const [color, setColor] = useState(label?.color ?? "#7c3aed");
  const [shortcut, setShortcut] = useState(label?.shortcut ?? "");
  const [fields, setFields] = useState<DraftField[]>(() => label?.attributes.map(toDraft) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const shortcutCheck = shortcut ? shortcutProblem(shortcut, others) : null;

  function body(): Record<string, unknown> {
    const attributes = fields.map(fromDraft);
    const all = { name: name.trim(), description, color, shortcut: shortcut || null, attributes };
    if (!label) return { key, ...all };
    const changed: Record<string, unknown> = {};
    if (all.name !== label.name) changed.name = all.name;
    if (description !== label.description) changed.description = description;
    if (color !== label.color) changed.color = color;
    if (all.shortcut !== label.shortcut) changed.shortcut = all.shortcut;
    if (JSON.stringify(attributes) !== JSON.stringify(label.attributes.map((f) => fromDraft(toDraft(f))))) changed.attributes = attributes;
    return changed;
  }

  async function save() {
    setProblem(null);
    const input = body();
    if (Object.keys(input).length === 0) return onCancel();
    setSaving(true);
    try {
      const saved = label ? await api("PATCH", `/api/labels/${label.id}`, { body: input, schema: LabelResponse }) : await api("POST", "/api/labels", { body: input, schema: LabelResponse });
      onSaved(saved);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      aria-label={label ? `Edit ${label.name}` : "New label"}
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {!label && <h2 className="text-base font-medium">New label</h2>}
      <div className="grid gap-3 sm:grid-cols-2">
        {!label && <TextField label="Key (used in exports; cannot change later)" value={key} onChange={(e) => setKey(e.target.value.trim())} placeholder="e.g. framing" required pattern="[a-z][a-z0-9_]*" maxLength={64} />}
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        <div>
          <TextField label="Shortcut key" value={shortcut} onChange={(e) => setShortcut([...e.target.value].slice(-1).join(""))} placeholder="none" aria-describedby={`${descriptionId}-shortcut`} aria-invalid={shortcutCheck !== null} />
          <p id={`${descriptionId}-shortcut`} className={`mt-1 text-xs ${shortcutCheck ? "text-red-800" : "text-slate-600"}`}>
            {shortcutCheck ?? "One key that tags the selection in the annotator; empty for none."}
          </p>
        </div>
      </div>
      <ColourField value={color} name={name} onChange={setColor} />
      <div>
        <label htmlFor={descriptionId} className="mb-1 block text-sm font-medium text-slate-700">
          Description (the guideline analysts see on hover)
        </label>
        <textarea id={descriptionId} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={5000} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <FieldsEditor fields={fields} onChange={setFields} />
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>
          {label ? "Save" : "Add label"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
