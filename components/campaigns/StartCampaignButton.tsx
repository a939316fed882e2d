"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError } from "@/lib/client/api";
import { StartCampaignResult } from "@/lib/schemas/responses/campaigns";

/** Starts a draft: a static campaign hands out its whole matrix now, a dynamic one starts taking pulls. */
export function StartCampaignButton({ id, assignment }: { id: string; assignment: "static" | "dynamic" }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api("POST", `/api/campaigns/${id}/start`, { schema: StartCampaignResult });
      setOutcome(assignment === "static" ? `Started: ${result.handedOut} hand-outs, ${result.shortfalls.length} shortfalls.` : "Started: analysts can pull articles now.");
      router.refresh();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => void start()} disabled={busy}>
        {busy ? "Starting…" : "Start campaign"}
      </Button>
      {outcome && <p role="status" className="text-sm text-emerald-800">{outcome}</p>}
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
    </div>
  );
}
