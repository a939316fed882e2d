"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { z } from "zod";

const Changed = z.object({ ok: z.literal(true), endedSessions: z.number() });

export function PasswordForm({ onOthersEnded }: { onOthersEnded: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const [currentPassword, newPassword, again] = ["current", "new", "again"].map((k) => String(form.get(k) ?? ""));
    if (newPassword !== again) return setMessage({ ok: false, text: "The two new passwords differ." });
    setMessage(null);
    try {
      const { endedSessions } = await api("PUT", "/api/profile/password", { body: { currentPassword, newPassword }, schema: Changed });
      formElement.reset();
      setMessage({ ok: true, text: `Password changed. ${endedSessions} other session(s) signed out.` });
      onOthersEnded();
    } catch (error) {
      const lines = error instanceof ApiError ? fieldErrorsOf(error) : [];
      setMessage({ ok: false, text: [error instanceof Error ? error.message : String(error), ...lines].join(" — ") });
    }
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" required />
      <TextField label="New password" name="new" type="password" autoComplete="new-password" required minLength={8} />
      <TextField label="New password again" name="again" type="password" autoComplete="new-password" required minLength={8} />
      <div className="sm:col-span-3 flex flex-wrap items-center gap-3">
        <Button type="submit">Change password</Button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
