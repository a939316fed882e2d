"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { ProfileFieldView } from "@/lib/schemas/responses/people";

const typeOptions = [
  { value: "CHOICE", label: "Choice" },
  { value: "TEXT", label: "Text" },
];

export function ProfileFieldsManager({ initial }: { initial: ProfileFieldView[] }) {
  const [fields, setFields] = useState(initial);
  const [draft, setDraft] = useState({ key: "", name: "", type: "CHOICE", options: "" });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function add() {
    setProblem(null);
    const options = draft.type === "CHOICE" ? draft.options.split(",").map((o) => o.trim()).filter(Boolean) : [];
    try {
      const field = await api("POST", "/api/admin/profile-fields", { body: { key: draft.key, name: draft.name, type: draft.type, options }, schema: ProfileFieldView });
      setFields((list) => [...list, field]);
      setDraft({ key: "", name: "", type: "CHOICE", options: "" });
    } catch (error) {
      const lines = error instanceof ApiError ? fieldErrorsOf(error) : [];
      setProblem([error instanceof Error ? error.message : String(error), ...lines].join(" — "));
    }
  }

  return (
    <div className="space-y-6">
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">No profile fields yet. Add one below, e.g. a choice “Political leaning” with left, centre, right.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Name</th>
                <th className="py-2 pr-3 font-medium">Key</th>
                <th className="py-2 pr-3 font-medium">Type</th>
                <th className="py-2 font-medium">Options</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {fields.map((f) => (
                <tr key={f.id}>
                  <td className="py-2 pr-3 font-medium">{f.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{f.key}</td>
                  <td className="py-2 pr-3">{f.type === "CHOICE" ? "choice" : "text"}</td>
                  <td className="py-2">{f.options.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        aria-labelledby="new-field-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h2 id="new-field-heading" className="font-medium">New field</h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label="Name" value={draft.name} onChange={set("name")} required maxLength={100} placeholder="Political leaning" />
          <TextField label="Key" value={draft.key} onChange={set("key")} required pattern="[a-z][a-z0-9_]*" maxLength={40} placeholder="leaning" />
          <SelectField label="Type" value={draft.type} onChange={set("type")} options={typeOptions} />
          {draft.type === "CHOICE" && <TextField label="Options (comma-separated)" value={draft.options} onChange={set("options")} required placeholder="left, centre, right" />}
        </div>
        {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
        <Button type="submit">Add field</Button>
      </form>
    </div>
  );
}
