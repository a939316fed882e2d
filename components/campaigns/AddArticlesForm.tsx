"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MultiSelect } from "@/components/datasets/MultiSelect";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { CampaignDetail } from "@/lib/schemas/responses/campaigns";

/** Extends a campaign by source and publication date; a running static campaign hands the new articles out at once. */
export function AddArticlesForm({ id, sources, handsOutNow }: { id: string; sources: { id: string; name: string }[]; handsOutNow: boolean }) {
  const router = useRouter();
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  async function add() {
    setBusy(true);
    setNote(null);
    try {
      const before = await api("GET", `/api/campaigns/${id}`, { schema: CampaignDetail, cache: "no-store" });
      const after = await api("PATCH", `/api/campaigns/${id}`, { body: { addFilter: { ...(sourceIds.length ? { sourceIds } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) } }, schema: CampaignDetail });
      const added = after.articleCount - before.articleCount;
      setNote({ ok: true, text: added === 0 ? "No new articles match: the campaign has them all already." : `Added ${added} article${added === 1 ? "" : "s"}${handsOutNow ? ", handed out now" : ""}.` });
      router.refresh();
    } catch (e) {
      setNote({ ok: false, text: e instanceof ApiError ? [e.message, ...fieldErrorsOf(e)].join(" ") : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      aria-label="Add articles"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h2 className="text-lg font-semibold">Add articles</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <MultiSelect label="Sources" options={sources.map((s) => ({ value: s.id, label: s.name }))} selected={sourceIds} onChange={setSourceIds} hint="None selected: every source" />
        <TextField label="Published from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Published to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Adding…" : "Add matching articles"}
        </Button>
        {note && (
          <p role={note.ok ? "status" : "alert"} className={`text-sm ${note.ok ? "text-emerald-800" : "text-red-800"}`}>
            {note.text}
          </p>
        )}
      </div>
    </form>
  );
}
