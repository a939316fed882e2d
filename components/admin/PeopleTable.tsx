"use client";

import { Fragment, useState } from "react";
import { api, messageOf } from "@/lib/client/api";
import { PasswordResetResult, PersonView, type ProfileFieldView } from "@/lib/schemas/responses/people";
import { OneTimeSecret } from "./OneTimeSecret";
import { PersonActions } from "./PersonActions";
import { ProfileEditor } from "./ProfileEditor";
import { PersonName, RoleSelect, StatusBadges, when } from "./PersonParts";

export function PeopleTable({ people, fields, onChange }: { people: PersonView[]; fields: ProfileFieldView[]; onChange: (person: PersonView) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reset, setReset] = useState<{ name: string; password: string; ended: number } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function act(person: PersonView, run: () => Promise<void>) {
    setBusy(person.id);
    setProblem(null);
    await run().catch((e: unknown) => setProblem(`${person.name}: ${messageOf(e)}`));
    setBusy(null);
  }
  const patch = (person: PersonView, body: object) => act(person, async () => onChange(await api("PATCH", `/api/admin/users/${person.id}`, { body, schema: PersonView })));
  const resetPassword = (person: PersonView) => {
    if (!window.confirm(`Reset the password of ${person.name}? They are signed out everywhere and need the new temporary password.`)) return;
    void act(person, async () => {
      const answer = await api("POST", `/api/admin/users/${person.id}/password-reset`, { body: {}, schema: PasswordResetResult });
      setReset({ name: person.name, password: answer.temporaryPassword, ended: answer.endedSessions });
      onChange({ ...person, locked: false });
    });
  };
  const setActive = (person: PersonView, active: boolean) => {
    if (!active && !window.confirm(`Deactivate ${person.name}? They are refused at once; their annotations stay.`)) return;
    void patch(person, { active });
  };

  const actions = (p: PersonView) => (
    <PersonActions
      person={p}
      busy={busy === p.id}
      onActive={(active) => setActive(p, active)}
      onReset={() => resetPassword(p)}
      onUnlock={() => void act(p, async () => onChange(await api("POST", `/api/admin/users/${p.id}/unlock`, { schema: PersonView })))}
      onEditProfile={fields.length ? () => setEditing(editing === p.id ? null : p.id) : null}
    />
  );

  if (people.length === 0) return <p className="text-sm text-slate-600">No accounts yet.</p>;
  return (
    <div className="space-y-3">
      {problem && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{problem}</p>}
      {reset && (
        <OneTimeSecret label="New temporary password" value={reset.password}>
          New temporary password for {reset.name} ({reset.ended} session(s) ended). Pass it on; it is not shown again.
        </OneTimeSecret>
      )}
      {/* Phones: one card per person (a six-column table would hide the actions off-screen). */}
      <ul className="space-y-3 sm:hidden">
        {people.map((p) => (
          <li key={p.id} className={`space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm ${p.active ? "" : "text-slate-500"}`}>
            <PersonName person={p} fields={fields} />
            <div className="flex flex-wrap items-center gap-2">
              <RoleSelect person={p} disabled={busy === p.id} onChange={(role) => void patch(p, { role })} />
              <StatusBadges person={p} />
            </div>
            <div className="text-xs text-slate-600">
              Last sign-in {when(p.lastSignInAt)} · {p.spans} span(s)
            </div>
            {actions(p)}
            {editing === p.id && <ProfileEditor person={p} fields={fields} onCancel={() => setEditing(null)} onSave={(profile) => void patch(p, { profile }).then(() => setEditing(null))} />}
          </li>
        ))}
      </ul>
      {/* relative: the scroll box must contain the sr-only header, which is positioned absolutely */}
      <div className="relative hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-3 font-medium">Person</th>
              <th className="py-2 pr-3 font-medium">Role</th>
              <th className="py-2 pr-3 font-medium">Status</th>
              <th className="py-2 pr-3 font-medium">Last sign-in</th>
              <th className="py-2 pr-3 text-right font-medium">Spans</th>
              <th className="py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <Fragment key={p.id}>
                <tr className={p.active ? "" : "text-slate-500"}>
                  <td className="py-2 pr-3">
                    <PersonName person={p} fields={fields} />
                  </td>
                  <td className="py-2 pr-3">
                    <RoleSelect person={p} disabled={busy === p.id} onChange={(role) => void patch(p, { role })} />
                  </td>
                  <td className="py-2 pr-3">
                    <StatusBadges person={p} />
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{when(p.lastSignInAt)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{p.spans}</td>
                  <td className="py-2">{actions(p)}</td>
                </tr>
                {editing === p.id && (
                  <tr>
                    <td colSpan={6} className="pb-3">
                      <ProfileEditor person={p} fields={fields} onCancel={() => setEditing(null)} onSave={(profile) => void patch(p, { profile }).then(() => setEditing(null))} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
