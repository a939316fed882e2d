import type { PersonView, ProfileFieldView } from "@/lib/schemas/responses/people";
import { roleOptions } from "./roles";

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "never");

export function PersonName({ person, fields }: { person: PersonView; fields: ProfileFieldView[] }) {
  const profile = fields.filter((f) => person.profile[f.key]).map((f) => `${f.name}: ${person.profile[f.key]}`);
  return (
    <>
      <div className="font-medium text-slate-900">{person.name}</div>
      <div className="break-all text-xs text-slate-600">{person.email}</div>
      {profile.length > 0 && <div className="text-xs text-slate-600">{profile.join(" · ")}</div>}
    </>
  );
}

export function RoleSelect({ person, disabled, onChange }: { person: PersonView; disabled: boolean; onChange: (role: string) => void }) {
  return (
    <select aria-label={`Role of ${person.name}`} value={person.role} disabled={disabled} onChange={(e) => onChange(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 focus:outline-none focus:ring-1 focus:ring-slate-500">
      {roleOptions.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function StatusBadges({ person }: { person: PersonView }) {
  return (
    <>
      <span className={`rounded px-1.5 py-0.5 text-xs ${person.active ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}>{person.active ? "active" : "deactivated"}</span>
      {person.locked && <span className="ml-1 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-800">locked</span>}
    </>
  );
}
