"use client";

import type { CampaignFormChoices } from "@/lib/schemas/responses/campaigns";

/** The annotator pool: one checkbox per person, with their balance-field values so panels can be planned. */
export function AnnotatorPicker({ people, fields, selected, onChange }: { people: CampaignFormChoices["people"]; fields: CampaignFormChoices["balanceFields"]; selected: string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">
        Annotators <span className="font-normal text-slate-500">({selected.length} chosen)</span>
      </legend>
      {people.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody to choose yet.</p>
      ) : (
        <ul className="grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2 lg:grid-cols-3">
          {people.map((p) => {
            const values = fields.map((f) => p.profile[f.key]).filter(Boolean);
            return (
              <li key={p.id}>
                <label className="flex items-baseline gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                  <input type="checkbox" checked={selected.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                  <span>
                    {p.name} <span className="text-xs text-slate-500">{[p.role.toLowerCase(), ...values].join(" · ")}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
