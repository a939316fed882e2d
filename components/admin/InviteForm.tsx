"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { api, messageOf } from "@/lib/client/api";
import { InvitationCreated } from "@/lib/schemas/responses/people";
import { OneTimeSecret } from "./OneTimeSecret";
import { roleOptions } from "./roles";

export function InviteForm() {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("ANALYST");
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function invite() {
    setProblem(null);
    const answer = await api("POST", "/api/admin/invitations", { body: { email, role }, schema: InvitationCreated }).catch((e: unknown) => void setProblem(messageOf(e)));
    if (!answer) return;
    setCreated(answer);
    setEmail("");
  }

  return (
    <div className="space-y-3">
      <form
        className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          void invite();
        }}
      >
        <TextField label="Email to invite" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="off" />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value)} options={roleOptions} />
        <Button type="submit">Create invitation link</Button>
      </form>
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
      {created && (
        <OneTimeSecret label="Invitation link" value={created.url}>
          Invitation for {created.email} ({created.role.toLowerCase()}).{" "}
          {created.emailed ? "It was emailed to them; you can also pass this link on yourself." : created.emailProblem ? `It could not be emailed (${created.emailProblem}): send this link to them yourself.` : "Send this link to them."} It
          works once, until {new Date(created.expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}, and is not shown again.
        </OneTimeSecret>
      )}
    </div>
  );
}
