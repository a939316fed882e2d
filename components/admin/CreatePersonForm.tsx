"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { api, messageOf } from "@/lib/client/api";
import { CreatedPerson, type PersonView } from "@/lib/schemas/responses/people";
import { OneTimeSecret } from "./OneTimeSecret";
import { roleOptions } from "./roles";

export function CreatePersonForm({ onCreated }: { onCreated: (person: PersonView) => void }) {
  const [fields, setFields] = useState({ email: "", name: "", role: "ANALYST", password: "" });
  const [made, setMade] = useState<{ email: string; password: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  async function create() {
    setProblem(null);
    setMade(null);
    const { password, ...rest } = fields;
    const answer = await api("POST", "/api/admin/users", { body: password ? fields : rest, schema: CreatedPerson }).catch((e: unknown) => void setProblem(messageOf(e)));
    if (!answer) return;
    onCreated(answer.user);
    if (answer.temporaryPassword) setMade({ email: answer.user.email, password: answer.temporaryPassword });
    setFields({ email: "", name: "", role: "ANALYST", password: "" });
  }

  return (
    <div className="space-y-3">
      <form
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_9rem_1fr_auto] lg:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <TextField label="Email" type="email" value={fields.email} onChange={set("email")} required autoComplete="off" />
        <TextField label="Name" value={fields.name} onChange={set("name")} required maxLength={200} />
        <SelectField label="Role" value={fields.role} onChange={set("role")} options={roleOptions} />
        <TextField label="Temporary password (optional)" type="text" value={fields.password} onChange={set("password")} minLength={8} autoComplete="off" placeholder="leave empty to generate" />
        <Button type="submit">Create account</Button>
      </form>
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
      {made && (
        <OneTimeSecret label="Temporary password" value={made.password}>
          Account created for {made.email}. Pass on this temporary password; it is not shown again. They can change it on their profile page.
        </OneTimeSecret>
      )}
    </div>
  );
}
