"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";

/** The invitee sets their name and password; the account is made and they are signed in with it. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [name, password, again] = ["name", "password", "again"].map((k) => String(form.get(k) ?? ""));
    if (password !== again) return setProblem("The two passwords differ.");
    setPending(true);
    setProblem(null);
    try {
      await api("POST", `/api/invitations/${token}`, { body: { name, password } });
      const result = await signIn("credentials", { email, password, redirect: false });
      // The account exists either way; if signing in failed (a limit, a hiccup), the sign-in page takes over.
      router.replace(result && !result.error ? "/articles" : "/sign-in");
      router.refresh();
    } catch (error) {
      const lines = error instanceof ApiError ? fieldErrorsOf(error) : [];
      setProblem([error instanceof Error ? error.message : String(error), ...lines].join(" — "));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <p className="text-sm text-slate-700">
        Your account: <strong>{email}</strong>
      </p>
      <TextField label="Your name" name="name" autoComplete="name" required maxLength={200} autoFocus />
      <TextField label="Choose a password" name="password" type="password" autoComplete="new-password" required minLength={8} />
      <TextField label="Password again" name="again" type="password" autoComplete="new-password" required minLength={8} />
      {problem && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create my account"}
      </Button>
    </form>
  );
}
