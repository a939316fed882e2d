"use client";

import { api } from "@/lib/client/api";
import { StartCampaignResult } from "@/lib/schemas/responses/campaigns";
import { CampaignActionButton } from "./CampaignActionButton";

/** Starts a draft: a static campaign hands out its whole matrix now, a dynamic one starts taking pulls. */
export function StartCampaignButton({ id, assignment }: { id: string; assignment: "static" | "dynamic" }) {
  return (
    <CampaignActionButton
      label="Start campaign"
      busyLabel="Starting…"
      run={async () => {
        const result = await api("POST", `/api/campaigns/${id}/start`, { schema: StartCampaignResult });
        return assignment === "static" ? `Started: ${result.handedOut} hand-outs, ${result.shortfalls.length} shortfalls.` : "Started: analysts can pull articles now.";
      }}
    />
  );
}
