"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api } from "@/lib/client/api";

export function NameForm({ initial }: { initial: string }) {
  const router = useRouter();
  const [name, setName] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function save() {
    setMessage(null);
    await api("PATCH", "/api/profile", { body: { name } }).then(
      () => {
        setMessage({ ok: true, text: "Name saved." });
        router.refresh();
      },
      (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    );
  }
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="flex-1">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="name" />
      </div>
      <Button type="submit">Save name</Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
