"use client";

import { useState } from "react";
import type { PersonView, ProfileFieldView } from "@/lib/schemas/responses/people";
import { CreatePersonForm } from "./CreatePersonForm";
import { InviteForm } from "./InviteForm";
import { PeopleTable } from "./PeopleTable";

export function PeopleManager({ initial, fields }: { initial: PersonView[]; fields: ProfileFieldView[] }) {
  const [people, setPeople] = useState(initial);
  const replace = (person: PersonView) => setPeople((list) => list.map((p) => (p.id === person.id ? person : p)));
  return (
    <div className="space-y-8">
      <section aria-labelledby="invite-heading" className="space-y-2">
        <h2 id="invite-heading" className="text-lg font-medium">Invite someone</h2>
        <p className="text-sm text-slate-600">A one-time link, valid for 7 days: the person sets their own name and password.</p>
        <InviteForm />
      </section>
      <section aria-labelledby="create-heading" className="space-y-2">
        <h2 id="create-heading" className="text-lg font-medium">Create an account</h2>
        <CreatePersonForm onCreated={(person) => setPeople((list) => [person, ...list])} />
      </section>
      <section aria-labelledby="people-heading" className="space-y-2">
        <h2 id="people-heading" className="text-lg font-medium">People ({people.length})</h2>
        <PeopleTable people={people} fields={fields} onChange={replace} />
      </section>
    </div>
  );
}
