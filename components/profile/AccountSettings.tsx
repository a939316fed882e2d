"use client";

import { useState } from "react";
import type { SessionView } from "@/lib/schemas/responses/people";
import { NameForm } from "./NameForm";
import { PasswordForm } from "./PasswordForm";
import { SessionsList } from "./SessionsList";

/** Name, password and sessions: a password change signs out the other sessions, so the list reloads after it. */
export function AccountSettings({ name, sessions }: { name: string; sessions: SessionView[] }) {
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <section aria-labelledby="name-heading" className="space-y-3">
        <h2 id="name-heading" className="text-lg font-medium">Your name</h2>
        <NameForm initial={name} />
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-medium">Password</h2>
        <p className="text-sm text-slate-600">Changing it signs you out everywhere except here.</p>
        <PasswordForm onOthersEnded={() => setReloadKey((k) => k + 1)} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-medium">Where you are signed in</h2>
        <SessionsList initial={sessions} reloadKey={reloadKey} />
      </section>
    </>
  );
}
