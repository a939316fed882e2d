"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError } from "@/lib/client/api";
import { CampaignDetail } from "@/lib/schemas/responses/campaigns";

/** Ends a campaign: nothing more is handed out; what was handed out stays on the analysts' My work. */
export function CloseCampaignButton({ id }: { id: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function close() {
    if (!window.confirm("Close this campaign? Nothing more is handed out; work already handed out stays with the analysts.")) return;
    setBusy(true);
    setProblem(null);
    try {
      await api("PATCH", `/api/campaigns/${id}`, { body: { status: "CLOSED" }, schema: CampaignDetail });
      router.refresh();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={() => void close()} disabled={busy}>
        {busy ? "Closing…" : "Close campaign"}
      </Button>
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
    </div>
  );
}
